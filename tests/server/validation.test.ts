// Malformed input anywhere → 4xx with { error: { code, message } }, never 5xx.
import { call, registerDevice, signIn, startServer, type TestServer } from './helpers'

let server: TestServer
let deviceToken: string
let accountToken: string

beforeAll(async () => {
  server = await startServer()
  deviceToken = (await registerDevice(server.base)).token
  accountToken = (await signIn(server, 'validator')).token
})
afterAll(async () => {
  await server.close()
})

interface Case {
  name: string
  method: string
  url: string
  body?: unknown
  rawBody?: string
  contentType?: string
  headers?: Record<string, string>
  auth?: 'device' | 'account' | 'none'
  status?: number
}

const json = 'application/json'
const cases: Case[] = [
  // devices
  { name: 'devices: no body', method: 'POST', url: '/v1/devices' },
  { name: 'devices: unknown platform', method: 'POST', url: '/v1/devices', body: { platform: 'toaster' } },
  { name: 'devices: extra field', method: 'POST', url: '/v1/devices', body: { platform: 'browser', admin: true } },
  { name: 'devices: model too long', method: 'POST', url: '/v1/devices', body: { platform: 'browser', model: 'x'.repeat(500) } },
  { name: 'devices: array body', method: 'POST', url: '/v1/devices', body: [1, 2] },
  { name: 'devices: bad JSON', method: 'POST', url: '/v1/devices', rawBody: '{"platform":', contentType: json },
  { name: 'devices: JSON null', method: 'POST', url: '/v1/devices', rawBody: 'null', contentType: json },
  { name: 'devices: unsupported content type', method: 'POST', url: '/v1/devices', rawBody: '<x/>', contentType: 'application/xml', status: 415 },
  { name: 'devices: body too large', method: 'POST', url: '/v1/devices', rawBody: JSON.stringify({ platform: 'browser', model: 'x'.repeat(300_000) }), contentType: json, status: 413 },
  // auth
  { name: 'token: no body', method: 'POST', url: '/v1/auth/token' },
  { name: 'token: deviceCode number', method: 'POST', url: '/v1/auth/token', body: { deviceCode: 12345678901 } },
  { name: 'token: unknown deviceCode', method: 'POST', url: '/v1/auth/token', body: { deviceCode: 'nope-nope-nope' } },
  { name: 'device-code: garbage bearer', method: 'POST', url: '/v1/auth/device-code', headers: { authorization: 'Bearer abc.def' }, status: 401 },
  { name: 'device-code: malformed authorization', method: 'POST', url: '/v1/auth/device-code', headers: { authorization: 'Basic Zm9vOmJhcg==' } },
  { name: 'qr: no data', method: 'GET', url: '/v1/qr.png' },
  { name: 'qr: huge size', method: 'GET', url: '/v1/qr.png?data=x&size=99999' },
  // catalogue
  { name: 'rails: limit 0', method: 'GET', url: '/v1/rails/free?limit=0' },
  { name: 'rails: limit not a number', method: 'GET', url: '/v1/rails/free?limit=ten' },
  { name: 'rails: limit too large', method: 'GET', url: '/v1/rails/free?limit=100000' },
  { name: 'rails: cursor garbage', method: 'GET', url: '/v1/rails/free?cursor=%%%%' },
  { name: 'rails: cursor not JSON', method: 'GET', url: '/v1/rails/free?cursor=abcdef' },
  { name: 'rails: unknown query param', method: 'GET', url: '/v1/rails/free?evil=1' },
  { name: 'rails: repeat on a normal rail', method: 'GET', url: '/v1/rails/free?repeat=5' },
  { name: 'rails: repeat too large', method: 'GET', url: '/v1/rails/catalog-all?repeat=99999999' },
  { name: 'rails: bad id', method: 'GET', url: '/v1/rails/a%20b' },
  { name: 'titles: bad id chars', method: 'GET', url: "/v1/titles/t0001'--" },
  { name: 'titles: bad url encoding', method: 'GET', url: '/v1/titles/%E0%A4%A' },
  { name: 'titles: id too long', method: 'GET', url: `/v1/titles/${'a'.repeat(200)}`, status: 404 },
  { name: 'search: no q', method: 'GET', url: '/v1/search' },
  { name: 'search: empty q', method: 'GET', url: '/v1/search?q=' },
  { name: 'search: q too long', method: 'GET', url: `/v1/search?q=${'a'.repeat(100)}` },
  { name: 'search: limit negative', method: 'GET', url: '/v1/search?q=a&limit=-1' },
  { name: 'search: repeated limit', method: 'GET', url: '/v1/search?q=a&limit=1&limit=2' },
  { name: 'home: expired-looking token', method: 'GET', url: '/v1/home', headers: { authorization: 'Bearer eyJ0eXAiOiJkZXZpY2UifQ.bad' }, status: 401 },
  // purchases
  { name: 'purchases: anonymous', method: 'POST', url: '/v1/purchases', auth: 'none', headers: { 'idempotency-key': 'abcdefgh12' }, body: { kind: 'buy', titleId: 't0010', payment: { method: 'scan' } }, status: 401 },
  { name: 'purchases: device token', method: 'POST', url: '/v1/purchases', auth: 'device', headers: { 'idempotency-key': 'abcdefgh12' }, body: { kind: 'buy', titleId: 't0010', payment: { method: 'scan' } }, status: 401 },
  { name: 'purchases: no idempotency key', method: 'POST', url: '/v1/purchases', auth: 'account', body: { kind: 'buy', titleId: 't0010', payment: { method: 'scan' } } },
  { name: 'purchases: short idempotency key', method: 'POST', url: '/v1/purchases', auth: 'account', headers: { 'idempotency-key': 'short' }, body: { kind: 'buy', titleId: 't0010', payment: { method: 'scan' } } },
  { name: 'purchases: long idempotency key', method: 'POST', url: '/v1/purchases', auth: 'account', headers: { 'idempotency-key': 'k'.repeat(129) }, body: { kind: 'buy', titleId: 't0010', payment: { method: 'scan' } } },
  { name: 'purchases: unknown kind', method: 'POST', url: '/v1/purchases', auth: 'account', headers: { 'idempotency-key': 'abcdefgh12' }, body: { kind: 'steal', titleId: 't0010', payment: { method: 'scan' } } },
  { name: 'purchases: rent without titleId', method: 'POST', url: '/v1/purchases', auth: 'account', headers: { 'idempotency-key': 'abcdefgh12' }, body: { kind: 'rent', payment: { method: 'scan' } } },
  { name: 'purchases: subscription without planId', method: 'POST', url: '/v1/purchases', auth: 'account', headers: { 'idempotency-key': 'abcdefgh12' }, body: { kind: 'subscription', payment: { method: 'scan' } } },
  { name: 'purchases: no payment', method: 'POST', url: '/v1/purchases', auth: 'account', headers: { 'idempotency-key': 'abcdefgh12' }, body: { kind: 'buy', titleId: 't0010' } },
  { name: 'purchases: stored without pin', method: 'POST', url: '/v1/purchases', auth: 'account', headers: { 'idempotency-key': 'abcdefgh12' }, body: { kind: 'buy', titleId: 't0010', payment: { method: 'stored' } } },
  { name: 'purchases: pin letters', method: 'POST', url: '/v1/purchases', auth: 'account', headers: { 'idempotency-key': 'abcdefgh12' }, body: { kind: 'buy', titleId: 't0010', payment: { method: 'stored', pin: 'abcd' } } },
  { name: 'purchases: pin numeric', method: 'POST', url: '/v1/purchases', auth: 'account', headers: { 'idempotency-key': 'abcdefgh12' }, body: { kind: 'buy', titleId: 't0010', payment: { method: 'stored', pin: 1234 } } },
  { name: 'purchases: price in body', method: 'POST', url: '/v1/purchases', auth: 'account', headers: { 'idempotency-key': 'abcdefgh12' }, body: { kind: 'buy', titleId: 't0010', price: 1, payment: { method: 'scan' } } },
  { name: 'purchases: unknown title', method: 'POST', url: '/v1/purchases', auth: 'account', headers: { 'idempotency-key': 'abcdefgh13' }, body: { kind: 'buy', titleId: 't9999', payment: { method: 'scan' } }, status: 404 },
  { name: 'purchases: unknown plan', method: 'POST', url: '/v1/purchases', auth: 'account', headers: { 'idempotency-key': 'abcdefgh14' }, body: { kind: 'subscription', planId: 'gold', payment: { method: 'scan' } }, status: 404 },
  { name: 'purchase get: bad id', method: 'GET', url: '/v1/purchases/%27x', auth: 'account' },
  { name: 'purchase get: unknown', method: 'GET', url: '/v1/purchases/pur_nope', auth: 'account', status: 404 },
  // me
  { name: 'me: no token', method: 'GET', url: '/v1/me', auth: 'none', status: 401 },
  { name: 'entitlements: device', method: 'GET', url: '/v1/me/entitlements', auth: 'device', status: 401 },
  { name: 'progress: negative', method: 'PUT', url: '/v1/me/progress/t0001', auth: 'device', body: { positionSeconds: -1, durationSeconds: 10 } },
  { name: 'progress: strings', method: 'PUT', url: '/v1/me/progress/t0001', auth: 'device', body: { positionSeconds: '10', durationSeconds: '20' } },
  { name: 'progress: missing duration', method: 'PUT', url: '/v1/me/progress/t0001', auth: 'device', body: { positionSeconds: 10 } },
  { name: 'progress: NaN-ish', method: 'PUT', url: '/v1/me/progress/t0001', auth: 'device', rawBody: '{"positionSeconds":NaN,"durationSeconds":1}', contentType: json },
  { name: 'progress: past the end', method: 'PUT', url: '/v1/me/progress/t0001', auth: 'device', body: { positionSeconds: 100, durationSeconds: 10 } },
  { name: 'progress: unknown title', method: 'PUT', url: '/v1/me/progress/t9999', auth: 'device', body: { positionSeconds: 1, durationSeconds: 10 }, status: 404 },
  { name: 'progress: episode of another title', method: 'PUT', url: '/v1/me/progress/t0002', auth: 'device', body: { positionSeconds: 1, durationSeconds: 10, episodeId: 't0001-s1e01' }, status: 404 },
  { name: 'watchlist: unknown title', method: 'PUT', url: '/v1/me/watchlist/t9999', auth: 'device', status: 404 },
  { name: 'pin: 3 digits', method: 'PUT', url: '/v1/me/pin', auth: 'account', body: { newPin: '123' } },
  { name: 'pin: 5 digits', method: 'PUT', url: '/v1/me/pin', auth: 'account', body: { newPin: '12345' } },
  { name: 'pin: device token', method: 'PUT', url: '/v1/me/pin', auth: 'device', body: { newPin: '1234' }, status: 401 },
  { name: 'pin verify: empty', method: 'POST', url: '/v1/me/pin/verify', auth: 'account', body: {} },
  { name: 'pin verify: not set', method: 'POST', url: '/v1/me/pin/verify', auth: 'account', body: { pin: '1234' }, status: 409 },
  { name: 'settings: bad rating', method: 'PUT', url: '/v1/me/settings', auth: 'account', body: { ratingLimit: '21+' } },
  { name: 'settings: bad language', method: 'PUT', url: '/v1/me/settings', auth: 'account', body: { language: 'fr' } },
  { name: 'revoke: unknown device', method: 'POST', url: '/v1/me/devices/dev_nope/revoke', auth: 'account', status: 404 },
  // playback and license
  { name: 'playback: no token', method: 'POST', url: '/v1/playback/t0001', auth: 'none', status: 401 },
  { name: 'playback: trailer not boolean', method: 'POST', url: '/v1/playback/t0001', auth: 'device', body: { trailer: 'yes' } },
  { name: 'playback: extra field', method: 'POST', url: '/v1/playback/t0001', auth: 'device', body: { quality: '4k' } },
  { name: 'playback: unknown title', method: 'POST', url: '/v1/playback/t9999', auth: 'device', status: 404 },
  { name: 'playback: unknown episode', method: 'POST', url: '/v1/playback/t0001', auth: 'device', body: { episodeId: 'nope', trailer: true }, status: 404 },
  { name: 'license: no token', method: 'POST', url: '/v1/license/clearkey', body: { kids: ['AAAAAAAAAAAAAAAAAAAAAA'], type: 'temporary' }, status: 401 },
  { name: 'license: bad token', method: 'POST', url: '/v1/license/clearkey?token=abc.def', body: { kids: ['AAAAAAAAAAAAAAAAAAAAAA'] }, status: 403 },
  { name: 'license: no kids', method: 'POST', url: '/v1/license/clearkey?token=abc.def', body: { kids: [] } },
  { name: 'license: kids not strings', method: 'POST', url: '/v1/license/clearkey?token=abc.def', body: { kids: [1] } },
  { name: 'license: token with spaces', method: 'POST', url: '/v1/license/clearkey?token=a%20b', body: { kids: ['AAAAAAAAAAAAAAAAAAAAAA'] } },
  { name: 'license: body not JSON', method: 'POST', url: '/v1/license/clearkey?token=abc.def', rawBody: 'kids', contentType: json },
  { name: 'hls key: no token', method: 'GET', url: '/v1/license/clearkey/hls/enc-1', status: 401 },
  // events
  { name: 'events: empty batch', method: 'POST', url: '/v1/events', body: { events: [] } },
  { name: 'events: too many', method: 'POST', url: '/v1/events', body: { events: Array.from({ length: 101 }, () => ({ type: 'x', at: 1 })) } },
  { name: 'events: bad at', method: 'POST', url: '/v1/events', body: { events: [{ type: 'play', at: 'yesterday' }] } },
  { name: 'events: bad type', method: 'POST', url: '/v1/events', body: { events: [{ type: 'a b', at: 1 }] } },
  { name: 'events: bare array', method: 'POST', url: '/v1/events', body: [{ type: 'play', at: 1 }] },
  // pages
  { name: 'pay: bad id', method: 'GET', url: '/pay/%27x', status: 404 },
  { name: 'unknown route', method: 'GET', url: '/v1/unknown', status: 404 },
  { name: 'unknown method', method: 'PATCH', url: '/v1/home', status: 404 },
]

test.each(cases)('$name → 4xx with an error body', async (c) => {
  const headers: Record<string, string> = { ...(c.headers ?? {}) }
  if (c.contentType) headers['content-type'] = c.contentType
  const token = c.auth === 'account' ? accountToken : c.auth === 'device' ? deviceToken : undefined
  const res = await call<{ error?: { code?: unknown; message?: unknown } }>(server.base, c.method, c.url, {
    token,
    body: c.body,
    rawBody: c.rawBody,
    headers,
  })
  if (c.status) expect(res.status).toBe(c.status)
  expect(res.status).toBeGreaterThanOrEqual(400)
  expect(res.status).toBeLessThan(500)
  if (!c.url.startsWith('/pay/')) {
    expect(typeof res.body.error?.code).toBe('string')
    expect(typeof res.body.error?.message).toBe('string')
    expect((res.body.error?.message as string).length).toBeGreaterThan(0)
  }
})
