// Every documented route × hostile params, bodies, tokens and queries: never a 5xx, always the error shape;
// and generated requests per route leave the database as it was whenever they are refused.
import crypto from 'node:crypto'
import path from 'node:path'
import Database from 'better-sqlite3'
import { mulberry32 } from '../../server/lib/random'
import { call, registerDevice, signIn, startServer, type TestServer } from './helpers'
import { fuzzRequests, type FuzzContext, type OpenApiOperation } from './support/fuzz-inputs'

let server: TestServer
afterAll(async () => {
  await server?.close()
})

test('no input makes the API answer 5xx', async () => {
  server = await startServer()
  const device = (await registerDevice(server.base)).token
  const account = (await signIn(server, 'demo')).token
  const doc = (await call<{ paths: Record<string, Record<string, unknown>> }>(server.base, 'GET', '/v1/openapi.json')).body
  const bodies: Array<string | undefined> = [
    undefined, '', '"str"', '123', '[]', '{}', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"x":1}}}',
    JSON.stringify({ a: Array(500).fill({ b: [[[[1]]]] }) }), `{"kids":["${'A'.repeat(5000)}"]}`, '\u0000',
    '{"events":[{"type":"x","at":1e400}]}', '{"positionSeconds":1e308,"durationSeconds":1e308}',
    '{"kind":"buy","titleId":"t0001","payment":{"method":"stored","pin":"12345"}}',
  ]
  const params = ['t0001', 'ZZ', '%00', 'a'.repeat(64)]
  const tokens = [undefined, device, account, 'a.b']
  const failures: string[] = []
  const jobs: Array<Promise<void>> = []
  for (const [p, ops] of Object.entries(doc.paths)) {
    for (const method of Object.keys(ops)) {
      for (const param of params) {
        const url = p.replace(/\{\w+\}/g, param)
        for (const token of tokens) {
          const queries = method === 'get' ? ['', '?limit=abc&cursor=@@&q=%FF&repeat=-1&token=..&data='] : ['', '?token=x.y']
          for (const q of queries) {
            for (const body of method === 'get' ? [undefined] : bodies) {
              jobs.push(
                (async () => {
                  const headers: Record<string, string> = { 'idempotency-key': `fuzz-${Math.random().toString(36).slice(2)}` }
                  if (body !== undefined) headers['content-type'] = 'application/json'
                  const res = await call<{ error?: { code?: unknown } }>(server.base, method.toUpperCase(), url + q, { token, rawBody: body, headers })
                  const shaped = res.status < 400 || typeof res.body?.error?.code === 'string'
                  if (res.status >= 500 || !shaped) failures.push(`${method} ${url}${q} ${String(body).slice(0, 30)} → ${res.status} ${res.text.slice(0, 80)}`)
                })(),
              )
              if (jobs.length >= 32) await Promise.all(jobs.splice(0))
            }
          }
        }
      }
    }
  }
  await Promise.all(jobs)
  expect(failures.slice(0, 20)).toEqual([])
}, 60_000)

const REQUESTS_PER_ROUTE = 200
const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261125)

/** The seeded catalogue: no route writes it. */
const READ_ONLY_TABLES = ['genres', 'titles', 'title_genres', 'episodes', 'plans', 'schema_migrations']

/** Refusals that must write: a wrong PIN counts towards the lockout; device-code polls are timed for slow_down. */
const REFUSALS_THAT_WRITE = ['pin_incorrect', 'pin_locked', 'authorization_pending', 'slow_down']

/** A digest of every table a request can write (but when a device was last seen: any authenticated request is). */
function databaseDigest(db: Database.Database): string {
  const skip: Record<string, string[]> = { devices: ['last_seen_at'] }
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>)
    .map((t) => t.name)
    .filter((t) => !READ_ONLY_TABLES.includes(t))
  const hash = crypto.createHash('sha256')
  for (const table of tables) {
    const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as Array<{ name: string }>).map((c) => c.name).filter((c) => !(skip[table] ?? []).includes(c))
    hash.update(`${table}:`)
    for (const row of db.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${table}" ORDER BY rowid`).raw().all()) hash.update(JSON.stringify(row))
  }
  return hash.digest('hex')
}

test(`${REQUESTS_PER_ROUTE} generated requests per documented route: 4xx with a message or success, never 5xx; refusals change nothing`, async () => {
  const fuzzServer = await startServer()
  const db = new Database(path.join(fuzzServer.dataDir, 'marquee.db'), { readonly: true })
  try {
    const device = await registerDevice(fuzzServer.base)
    const account = await signIn(fuzzServer, 'demo')
    const revoked = await signIn(fuzzServer, 'demo')
    await call(fuzzServer.base, 'POST', `/v1/me/devices/${revoked.deviceId}/revoke`, { token: account.token })
    const doc = (await call<{ paths: Record<string, Record<string, OpenApiOperation>> }>(fuzzServer.base, 'GET', '/v1/openapi.json')).body
    const kid = Buffer.alloc(16, 7).toString('base64url')
    const base: FuzzContext = {
      tokens: [device.token, account.token, account.token, revoked.token],
      samples: {
        titleId: 't0002', planId: 'vip-monthly', pin: ['1234', '0000'], currentPin: '1234', newPin: '1234', deviceCode: 'no-such-code', platform: 'browser',
        kids: kid, assetId: 'enc-1', q: 'chang', limit: '5', cursor: 'abc', data: 'https://example.com/pay', language: 'en',
      },
    }
    const idFor: Record<string, string> = { '/v1/rails/{id}': 'free', '/v1/titles/{id}': 't0002', '/v1/purchases/{id}': 'pur_unknown', '/v1/me/devices/{id}/revoke': 'dev_unknown' }
    const rng = mulberry32(FUZZ_SEED)
    const failures: string[] = []
    let refused = 0
    let refusalsThatWrote = 0
    let tried = 0
    let digest = databaseDigest(db)
    for (const [template, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const ctx = { ...base, samples: { ...base.samples, ...(idFor[template] ? { id: idFor[template] } : {}) } }
        for (const req of fuzzRequests(method.toUpperCase(), template, op, REQUESTS_PER_ROUTE, rng, ctx)) {
          tried++
          const res = await fetch(fuzzServer.base + req.url, { method: req.method, headers: req.headers, body: req.body })
          const text = await res.text()
          const after = databaseDigest(db)
          const where = `${req.method} ${req.url.slice(0, 80)} [${req.what}] → ${res.status}`
          if (res.status >= 500) failures.push(`${where} ${text.slice(0, 120)}`)
          else if (res.status >= 400) {
            refused++
            let error: { code?: unknown; message?: unknown } | undefined
            try {
              error = (JSON.parse(text) as { error?: { code?: unknown; message?: unknown } }).error
            } catch {
              error = undefined
            }
            if (typeof error?.code !== 'string' || typeof error.message !== 'string' || error.message === '') failures.push(`${where} without an error code and message: ${text.slice(0, 120)}`)
            if (after !== digest && REFUSALS_THAT_WRITE.includes(error?.code as string)) refusalsThatWrote++
            else if (after !== digest) failures.push(`${where} refused, yet the database changed`)
          }
          digest = after
        }
      }
    }
    expect(failures.slice(0, 20)).toEqual([])
    expect(tried).toBe(Object.values(doc.paths).reduce((n, ops) => n + Object.keys(ops).length, 0) * REQUESTS_PER_ROUTE)
    // Most generated requests are malformed: the refusal checks above really ran, and the digest does see
    // writes (the wrong PINs among them were counted).
    expect(refused / tried).toBeGreaterThan(0.7)
    expect(refusalsThatWrote).toBeGreaterThan(0)
    // The server runs in this process: "__proto__" / "constructor" keys polluted no prototype.
    const probe: Record<string, unknown> = {}
    expect([probe.polluted, probe.admin]).toEqual([undefined, undefined])
  } finally {
    db.close()
    await fuzzServer.close()
  }
}, 300_000)
