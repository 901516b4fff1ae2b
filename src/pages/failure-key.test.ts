import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { ApiClient } from '../api/http'
import { AppError } from '../api/errors'
import { appErrorFrom } from '../../tests/server/helpers'
import { purchaseFailure } from '../widgets/Purchase/api-failure'
import { FAILURE_WORDINGS, failureKey, wordingFor, type FailedAction } from './failure-key'

type Responder = (req: http.IncomingMessage, res: http.ServerResponse) => void

let server: http.Server
let origin: string
let responders: Responder[] = []

beforeAll(async () => {
  server = http.createServer((req, res) => responders.shift()?.(req, res))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

/** The AppError the app's client makes of one scripted answer to GET /home (tried once). */
function failureFrom(responder: Responder): Promise<AppError> {
  responders = [responder]
  const client = new ApiClient({
    baseUrl: `${origin}/v1`,
    timeoutMs: 5_000,
    getToken: () => null,
    getLanguage: () => 'en',
    retry: { retries: 0, baseDelayMs: 1, maxDelayMs: 1 },
  })
  return appErrorFrom(client.get('/home', { shape: (body): body is { hero: unknown } => typeof body === 'object' && body !== null && 'hero' in body }))
}

const answer = (status: number, body: string, headers: Record<string, string> = {}): Responder => (_req, res) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(body)
}

const english = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../i18n/locales/en.json'), 'utf8')) as Record<string, string>
const actions = Object.keys(FAILURE_WORDINGS) as FailedAction[]

test('a request the service never answered gets the network wording, for every failed action', async () => {
  const dropped = await failureFrom((req) => req.socket.destroy())
  expect(dropped.kind).toBe('offline')
  const late = new AppError('timeout', 'The server took too long to answer')
  for (const action of actions) {
    expect([action, failureKey(dropped, action)]).toEqual([action, FAILURE_WORDINGS[action].unreachable])
    expect([action, failureKey(late, action)]).toEqual([action, FAILURE_WORDINGS[action].unreachable])
  }
})

test('a 5xx or a malformed answer says the service had a problem, for every failed action', async () => {
  const answered = [
    await failureFrom(answer(500, '{"error":{"code":"internal","message":"boom"}}')),
    await failureFrom(answer(503, '{"error":{"code":"unavailable","message":"busy"}}', { 'retry-after': '1' })),
    await failureFrom(answer(200, '{"truncated":')),
    await failureFrom(answer(200, '{"rails":[]}')),
  ]
  expect(answered.map((error) => error.kind)).toEqual(['server', 'server', 'bad-response', 'bad-response'])
  // A bug in the app is no network problem either.
  const failures: unknown[] = [...answered, new TypeError('a bug, not the network')]
  for (const action of actions) {
    for (const error of failures) expect([action, failureKey(error, action)]).toEqual([action, FAILURE_WORDINGS[action].answered])
  }
})

test('each screen picks its own pair: the error page and toasts, Home on its saved catalogue, the PIN, sign-in and purchase dialogs', async () => {
  const dropped = await failureFrom((req) => req.socket.destroy())
  const failed = await failureFrom(answer(502, '{"error":{"code":"bad_gateway","message":"upstream"}}'))
  expect(failureKey(dropped)).toBe('error.offline')
  expect(failureKey(failed)).toBe('error.service')
  expect([failureKey(dropped, 'savedCatalogue'), failureKey(failed, 'savedCatalogue')]).toEqual(['home.offline', 'home.serviceProblem'])
  expect([failureKey(dropped, 'pinCheck'), failureKey(failed, 'pinCheck')]).toEqual(['pin.error.network', 'pin.error.service'])
  expect([failureKey(dropped, 'signInCode'), failureKey(failed, 'signInCode')]).toEqual(['signIn.error.start', 'signIn.error.startService'])
  expect([failureKey(dropped, 'purchaseLoad'), failureKey(failed, 'purchaseLoad')]).toEqual(['purchase.error.load', 'purchase.error.loadService'])
  expect([failureKey(dropped, 'purchase'), failureKey(failed, 'purchase')]).toEqual(['purchase.error.network', 'purchase.error.service'])
})

test('a failed purchase request carries whether an answer came through the domain, and the dialog words it by the same split', async () => {
  const failures: unknown[] = [
    await failureFrom((req) => req.socket.destroy()),
    new AppError('timeout', 'The server took too long to answer'),
    await failureFrom(answer(500, '{"error":{"code":"internal","message":"boom"}}')),
    await failureFrom(answer(503, '{"error":{"code":"unavailable","message":"busy"}}', { 'retry-after': '1' })),
    await failureFrom(answer(200, '{"truncated":')),
  ]
  const worded = failures.map((error) => {
    const reason = purchaseFailure(error)
    return reason.kind === 'network' ? wordingFor('purchase', reason.unreachable) : reason.kind
  })
  expect(worded).toEqual(['purchase.error.network', 'purchase.error.network', 'purchase.error.service', 'purchase.error.service', 'purchase.error.service'])
  expect(worded).toEqual(failures.map((error) => failureKey(error, 'purchase')))
})

test('both purchase wordings promise that Retry will not charge twice', () => {
  const { unreachable, answered } = FAILURE_WORDINGS.purchase
  expect([english[unreachable], english[answered]]).toEqual([expect.stringMatching(/will not charge you twice/), expect.stringMatching(/will not charge you twice/)])
})

test('only the unreachable wording speaks of the network; the answered one says the service had a problem', () => {
  for (const action of actions) {
    const { unreachable, answered } = FAILURE_WORDINGS[action]
    expect([unreachable, english[unreachable]]).toEqual([unreachable, expect.stringMatching(/offline|connection|network/i)])
    expect([answered, english[answered]]).toEqual([answered, expect.not.stringMatching(/offline|connection|network/i)])
    expect([answered, english[answered]]).toEqual([answered, expect.stringMatching(/the service had a problem/i)])
  }
})
