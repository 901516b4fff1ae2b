// /v1/qr.png is open to anyone: it draws only the short http(s) links the TV shows, so nobody can make the server
// spend ~200 ms of CPU per request drawing a dense QR of an arbitrary payload.
import { call, startServer, type TestServer } from './helpers'

let server: TestServer
beforeAll(async () => {
  server = await startServer()
})
afterAll(async () => {
  await server.close()
})

test('a sign-in or pay link is drawn as a PNG', async () => {
  const res = await fetch(`${server.base}/v1/qr.png?data=${encodeURIComponent(`${server.base}/pay/pur_abc123`)}`)
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toBe('image/png')
  expect(Buffer.from(await res.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG')
})

test.each([
  ['a long payload', `https://example.com/${'x'.repeat(300)}`],
  ['non-ASCII text', `https://example.com/${'ـ'.repeat(100)}`],
  ['not a web link', 'javascript:alert(1)'],
  ['plain text', 'hello'],
])('%s is refused with 400', async (_what, data) => {
  const res = await call<{ error: { code: string } }>(server.base, 'GET', `/v1/qr.png?data=${encodeURIComponent(data)}`)
  expect([res.status, res.body.error.code]).toEqual([400, 'invalid_request'])
})
