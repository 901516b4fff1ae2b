import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { ApiClient } from '../../../src/api/http'
import { AppError, isUnreachable, parseRetryAfter } from '../../../src/api/errors'
import { retryDelayMs, DEFAULT_RETRY } from '../../../src/api/retry'
import { appErrorFrom } from '../../server/helpers'

type Responder = (req: http.IncomingMessage, res: http.ServerResponse) => void

let server: http.Server
let origin: string
let responders: Responder[] = []
let seen: http.IncomingMessage[] = []

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push(req)
    const next = responders.shift()
    if (!next) return void res.writeHead(500).end('{"error":{"code":"unscripted","message":"no response scripted"}}')
    next(req, res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

beforeEach(() => {
  responders = []
  seen = []
})

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Responder => (_req, res) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body))
}

function client(overrides: Partial<ConstructorParameters<typeof ApiClient>[0]> = {}): { api: ApiClient; sleeps: number[] } {
  const sleeps: number[] = []
  const api = new ApiClient({
    baseUrl: `${origin}/v1`,
    timeoutMs: 500,
    getToken: () => 'tok-123',
    getLanguage: () => 'zh-CN',
    sleep: async (ms) => {
      sleeps.push(ms)
    },
    random: () => 0.5,
    ...overrides,
  })
  return { api, sleeps }
}

test('sends the bearer token and the language on every request', async () => {
  responders.push(json(200, { ok: true }))
  await expect(client().api.get('/home')).resolves.toEqual({ ok: true })
  expect(seen[0]?.url).toBe('/v1/home')
  expect(seen[0]?.headers.authorization).toBe('Bearer tok-123')
  expect(seen[0]?.headers['accept-language']).toBe('zh-CN')
})

test('retries a GET after 5xx with backoff, then succeeds', async () => {
  responders.push(json(500, { error: { code: 'boom', message: 'boom' } }), json(502, {}), json(200, { ok: 1 }))
  const { api, sleeps } = client()
  await expect(api.get('/home')).resolves.toEqual({ ok: 1 })
  expect(seen).toHaveLength(3)
  expect(sleeps).toEqual([300, 600])
})

test('gives up after the retry budget with a server error', async () => {
  for (let i = 0; i < 4; i++) responders.push(json(503, { error: { code: 'unavailable', message: 'down for maintenance' } }))
  const error = await appErrorFrom(client().api.get('/home'))
  expect(error.kind).toBe('server')
  expect(error.message).toBe('down for maintenance')
  expect(seen).toHaveLength(1 + DEFAULT_RETRY.retries)
})

test('honours Retry-After on 503 and 429', async () => {
  responders.push(json(503, {}, { 'retry-after': '2' }), json(429, {}, { 'retry-after': '1' }), json(200, { ok: 1 }))
  const { api, sleeps } = client()
  await api.get('/home')
  expect(sleeps).toEqual([2000, 1000])
})

test('never retries a POST: the caller owns its idempotency', async () => {
  responders.push(json(500, {}))
  const error = await appErrorFrom(client().api.post('/purchases', { body: { kind: 'buy' } }))
  expect(error.kind).toBe('server')
  expect(seen).toHaveLength(1)
})

test('4xx errors are not retried and carry the API code and body (402 offers)', async () => {
  const body = { error: { code: 'not_entitled', message: 'Rent or subscribe to watch' }, offers: [{ kind: 'rent' }] }
  responders.push(json(402, body))
  const error = await appErrorFrom(client().api.post('/playback/t1'))
  expect(error.kind).toBe('not-entitled')
  expect(error.code).toBe('not_entitled')
  expect(error.body).toEqual(body)
  expect(seen).toHaveLength(1)
})

test('a body that is not JSON is a bad response, retried for GETs', async () => {
  responders.push((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"truncated":'))
  responders.push((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>proxy</html>'))
  responders.push(json(200, { ok: 1 }))
  await expect(client().api.get('/home')).resolves.toEqual({ ok: 1 })
  expect(seen).toHaveLength(3)
})

test('JSON of the wrong shape is a bad response when the call gives the expected shape; the right shape passes', async () => {
  const isFeed = (body: unknown): body is { items: string[] } => Array.isArray((body as { items?: unknown }).items)
  responders.push(json(200, { items: 'not-a-list' }))
  const error = await appErrorFrom(client({ retry: { retries: 0, baseDelayMs: 1, maxDelayMs: 1 } }).api.get('/feed', { shape: isFeed }))
  expect(error.kind).toBe('bad-response')
  responders.push(json(200, { items: ['a'] }))
  await expect(client().api.get('/feed', { shape: isFeed })).resolves.toEqual({ items: ['a'] })
})

test('a server that does not answer in time is a timeout', async () => {
  responders.push(() => undefined)
  const error = await appErrorFrom(client({ retry: { retries: 0, baseDelayMs: 1, maxDelayMs: 1 }, timeoutMs: 200 }).api.get('/slow'))
  expect(error.kind).toBe('timeout')
})

test('a refused connection is offline', async () => {
  const api = new ApiClient({
    baseUrl: 'http://127.0.0.1:9/v1',
    timeoutMs: 1000,
    getToken: () => null,
    getLanguage: () => 'en',
    retry: { retries: 0, baseDelayMs: 1, maxDelayMs: 1 },
  })
  const error = await appErrorFrom(api.get('/home'))
  expect(error.kind).toBe('offline')
  expect(error.transient).toBe(true)
})

test('a dropped connection is offline', async () => {
  responders.push((req) => req.socket.destroy())
  const error = await appErrorFrom(client({ retry: { retries: 0, baseDelayMs: 1, maxDelayMs: 1 } }).api.get('/home'))
  expect(error.kind).toBe('offline')
})

test('only a request the service never answered is unreachable; a failing answer is not', async () => {
  const once = { retry: { retries: 0, baseDelayMs: 1, maxDelayMs: 1 } }
  responders.push((req) => req.socket.destroy())
  expect(isUnreachable(await appErrorFrom(client(once).api.get('/home')))).toBe(true)
  expect(isUnreachable(new AppError('timeout', 'The server took too long to answer'))).toBe(true)

  responders.push(json(500, { error: { code: 'internal', message: 'boom' } }))
  expect(isUnreachable(await appErrorFrom(client(once).api.get('/home')))).toBe(false)
  responders.push(json(503, { error: { code: 'unavailable', message: 'busy' } }, { 'retry-after': '1' }))
  expect(isUnreachable(await appErrorFrom(client(once).api.get('/home')))).toBe(false)
  responders.push((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"truncated":'))
  expect(isUnreachable(await appErrorFrom(client(once).api.get('/home')))).toBe(false)
  responders.push(json(404, { error: { code: 'not_found', message: 'no such title' } }))
  expect(isUnreachable(await appErrorFrom(client(once).api.get('/titles/x')))).toBe(false)
  expect(isUnreachable(new Error('a bug, not the network'))).toBe(false)
})

test('backoff grows exponentially with jitter and is capped', () => {
  const error = new AppError('server', 'x')
  const policy = { retries: 10, baseDelayMs: 100, maxDelayMs: 1000 }
  expect(retryDelayMs(1, policy, error, () => 0)).toBe(50)
  expect(retryDelayMs(1, policy, error, () => 1)).toBe(100)
  expect(retryDelayMs(3, policy, error, () => 1)).toBe(400)
  expect(retryDelayMs(8, policy, error, () => 1)).toBe(1000)
})

test('Retry-After is read as seconds or as an HTTP date', () => {
  const now = Date.parse('2026-11-25T00:00:00Z')
  expect(parseRetryAfter('5', now)).toBe(5)
  expect(parseRetryAfter('Wed, 25 Nov 2026 00:00:30 GMT', now)).toBe(30)
  expect(parseRetryAfter('soon', now)).toBeNull()
  expect(parseRetryAfter(undefined, now)).toBeNull()
})
