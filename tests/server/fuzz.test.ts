// Every documented route × hostile params, bodies, tokens and queries: never a 5xx, always the error shape.
import { call, registerDevice, signIn, startServer, type TestServer } from './helpers'

let server: TestServer
afterAll(async () => {
  await server.close()
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
