// A server process killed with SIGKILL in the middle of a purchase load, then restarted on the same SQLite file:
// no completed purchase is lost, nothing is half-written (no charge without its entitlement and completion, no
// claim left hanging), and clients retrying their cut-off requests with the same Idempotency-Key are charged once.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { Purchase, RailPage, TitleDetails, TitleSummary } from '../../server/contract'
import { call, idemKey, signInAt, writeFakeMedia } from './helpers'
import { giveStoredPaymentIn, ledgerProblems, spawnServer, type SpawnedServer } from './support/spawned-server'

jest.setTimeout(120_000)

const SECRET = 'crash-secret'
const BUYERS = 4
const TITLES_EACH = 50
const IN_FLIGHT = 24

interface Attempt {
  token: string
  titleId: string
  key: string
  outcome: 'not-sent' | 'cut-off' | 'answered'
  status?: number
  purchase?: Purchase
}

let dataDir: string
let dbFile: string
let server: SpawnedServer | null = null

afterAll(async () => {
  await server?.kill('SIGTERM')
  fs.rmSync(dataDir, { recursive: true, force: true })
})

function processingClaims(): number {
  const db = new Database(dbFile, { readonly: true })
  try {
    return (db.prepare("SELECT count(*) AS n FROM purchases WHERE status = 'processing'").get() as { n: number }).n
  } finally {
    db.close()
  }
}

function buy(base: string, a: Attempt): Promise<{ status: number; body: Purchase & { error?: { code: string } } }> {
  return call(base, 'POST', '/v1/purchases', {
    token: a.token,
    headers: { 'idempotency-key': a.key },
    body: { kind: 'buy', titleId: a.titleId, payment: { method: 'stored', pin: '1234' } },
  })
}

test('SIGKILL mid-load, restart: every completed purchase is there once, nothing half-written, retries charge once', async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'marquee-crash-'))
  dbFile = path.join(dataDir, 'marquee.db')
  writeFakeMedia(path.join(dataDir, 'media'))
  server = await spawnServer(dataDir, SECRET)
  const first = server
  const buyable = (await call<RailPage>(first.base, 'GET', '/v1/rails/catalog-all?limit=500')).body.items.filter((t: TitleSummary) =>
    t.access.offers.some((o) => o.kind === 'buy'),
  )
  expect(buyable.length).toBeGreaterThanOrEqual(TITLES_EACH)

  const attempts: Attempt[] = []
  for (let b = 0; b < BUYERS; b++) {
    const name = `crash-buyer-${b}`
    const { token } = await signInAt(first.base, name)
    await giveStoredPaymentIn(dbFile, name)
    for (const t of buyable.slice(0, TITLES_EACH)) attempts.push({ token, titleId: t.id, key: idemKey(), outcome: 'not-sent' })
  }
  // Interleave the buyers so the load mixes accounts.
  attempts.sort((x, y) => (x.titleId === y.titleId ? (x.token < y.token ? -1 : 1) : x.titleId < y.titleId ? -1 : 1))

  // The load: IN_FLIGHT purchases at a time until the server dies.
  let dead = false
  let next = 0
  const worker = async (): Promise<void> => {
    while (!dead && next < attempts.length) {
      const a = attempts[next++]
      a.outcome = 'cut-off'
      try {
        const res = await buy(first.base, a)
        a.outcome = 'answered'
        a.status = res.status
        a.purchase = res.body
      } catch {
        // connection reset by the kill: the client does not know whether it was charged
      }
    }
  }
  const load = Promise.all(Array.from({ length: IN_FLIGHT }, worker))

  // Kill once purchases have completed and others hold claimed keys mid-flight (PIN being checked).
  let claimsAtKill = 0
  for (;;) {
    await new Promise((r) => setTimeout(r, 5))
    const completed = attempts.filter((a) => a.status === 201).length
    if (completed >= 30 && (claimsAtKill = processingClaims()) >= 3) break
    if (next >= attempts.length) throw new Error('the load finished before the kill')
  }
  dead = true
  expect(await first.kill('SIGKILL')).toBe('SIGKILL')
  await load
  server = null

  const seenCompleted = attempts.filter((a) => a.outcome === 'answered' && a.status === 201)
  const cutOff = attempts.filter((a) => a.outcome === 'cut-off')
  expect(claimsAtKill).toBeGreaterThanOrEqual(3)
  expect(cutOff.length).toBeGreaterThan(0)
  expect(attempts.filter((a) => a.outcome === 'answered').every((a) => a.status === 201 && a.purchase?.status === 'completed')).toBe(true)

  // Straight after the crash, the file already agrees with itself (each charge is in one transaction with its
  // entitlement and completion); only the claims of requests cut off mid-flight are left.
  const crashed = ledgerProblems(dbFile)
  expect(crashed.problems).toEqual([])
  expect(crashed.counts.completed).toBeGreaterThanOrEqual(seenCompleted.length)

  server = await spawnServer(dataDir, SECRET)
  const second = server
  const restarted = ledgerProblems(dbFile)
  expect(restarted.problems).toEqual([])
  expect(restarted.counts.processing).toBe(0)
  expect(restarted.counts.completed).toBe(crashed.counts.completed)
  expect(restarted.counts.charges).toBe(crashed.counts.completed)

  // Nothing a client was told is completed went missing.
  for (const a of seenCompleted) {
    const polled = await call<Purchase>(second.base, 'GET', `/v1/purchases/${a.purchase?.id}`, { token: a.token })
    expect([polled.status, polled.body.status]).toEqual([200, 'completed'])
    const details = await call<TitleDetails>(second.base, 'GET', `/v1/titles/${a.titleId}`, { token: a.token })
    expect(details.body.access.entitlement.kind).toBe('owned')
  }

  // Clients retry what was cut off with the same key: completed (200 replay if it had committed, 201 if not), never
  // "in flight" and never charged twice.
  const retries = await Promise.all(cutOff.map((a) => buy(second.base, a)))
  for (const r of retries) {
    expect([200, 201]).toContain(r.status)
    expect(r.body.status).toBe('completed')
  }
  const after = ledgerProblems(dbFile)
  expect(after.problems).toEqual([])
  const sent = attempts.filter((a) => a.outcome !== 'not-sent').length
  expect(after.counts.completed).toBe(sent)
  expect(after.counts.charges).toBe(sent)
})
