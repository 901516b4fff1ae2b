// The license server gives no key where license.test.ts does not already look: entitlements that end while a
// license token is still valid, the HLS key URI's refusals, requests with no token; it answers the bodies browsers
// really send (EME license requests carry no JSON Content-Type).
import type { ClearKeyResponse, PlaybackResponse, Purchase, RailPage, TitleSummary } from '../../server/contract'
import { call, giveStoredPayment, idemKey, postForm, registerDevice, signIn, startServer, type FakeAsset, type TestServer } from './helpers'

let server: TestServer
let titles: TitleSummary[]

const encAssets = (): FakeAsset[] => server.assets.filter((a) => a.encrypted).sort((a, b) => (a.id < b.id ? -1 : 1))
const assetOf = (titleId: string): FakeAsset => encAssets()[Number(titleId.slice(1)) % encAssets().length]
const kidOf = (titleId: string): string => Buffer.from(assetOf(titleId).kid as string, 'hex').toString('base64url')

beforeAll(async () => {
  server = await startServer()
  titles = (await call<RailPage>(server.base, 'GET', '/v1/rails/catalog-all?limit=500')).body.items
})
afterAll(async () => {
  await server.close()
})

/** A signed-in account with a stored payment method and PIN 1234. */
async function buyer(name: string): Promise<string> {
  const { token } = await signIn(server, name)
  await giveStoredPayment(server, name)
  return token
}

async function purchase(token: string, body: Record<string, unknown>): Promise<Purchase> {
  const res = await call<Purchase>(server.base, 'POST', '/v1/purchases', { token, headers: { 'idempotency-key': idemKey() }, body: { ...body, payment: { method: 'stored', pin: '1234' } } })
  expect(res.status).toBe(201)
  return res.body
}

async function licenseToken(token: string, titleId: string): Promise<string> {
  const res = await call<PlaybackResponse>(server.base, 'POST', `/v1/playback/${titleId}`, { token, body: {} })
  expect(res.status).toBe(200)
  return res.body.drm?.licenseToken as string
}

function license(token: string | null, titleId: string, headers: Record<string, string> = {}) {
  return call<ClearKeyResponse & { error?: { code: string } }>(server.base, 'POST', '/v1/license/clearkey', {
    token: token ?? undefined,
    headers: { 'content-type': 'application/json', ...headers },
    rawBody: JSON.stringify({ kids: [kidOf(titleId)], type: 'temporary' }),
  })
}

async function hlsKey(token: string, titleId: string): Promise<{ status: number; code: string | null }> {
  const res = await call<{ error?: { code: string } }>(server.base, 'GET', `/v1/license/clearkey/hls/${assetOf(titleId).id}?token=${token}`)
  return { status: res.status, code: res.body?.error?.code ?? null }
}

test('a browser-style license request (no Content-Type, or text/plain) gets the key; without a token it gets 401', async () => {
  const token = await buyer('sec-browser')
  const title = titles.find((t) => t.access.offers.some((o) => o.kind === 'buy')) as TitleSummary
  await purchase(token, { kind: 'buy', titleId: title.id })
  const lt = await licenseToken(token, title.id)
  const body = JSON.stringify({ kids: [kidOf(title.id)], type: 'temporary' })
  for (const contentType of [undefined, 'text/plain;charset=UTF-8', 'application/octet-stream']) {
    const res = await fetch(`${server.base}/v1/license/clearkey`, {
      method: 'POST',
      headers: { authorization: `Bearer ${lt}`, ...(contentType ? { 'content-type': contentType } : {}) },
      body: new TextEncoder().encode(body),
    })
    const text = await res.text()
    expect([contentType, res.status, text.slice(0, 100)]).toEqual([contentType, 200, expect.stringContaining('"keys"')])
    expect((JSON.parse(text) as ClearKeyResponse).keys[0].k).toBe(Buffer.from(assetOf(title.id).key as string, 'hex').toString('base64url'))
  }
  const anonymous = await license(null, title.id)
  expect([anonymous.status, anonymous.body.error?.code, anonymous.body.keys]).toEqual([401, 'unauthorized', undefined])
  // Not JSON at all is still a 400, not a key and not a 500.
  const garbage = await fetch(`${server.base}/v1/license/clearkey`, { method: 'POST', headers: { authorization: `Bearer ${lt}` }, body: '\u0000kids' })
  expect(garbage.status).toBe(400)
})

test('a rental whose 48 h window ended refuses keys once its play’s running time and an hour are past, even with a license token still valid', async () => {
  const token = await buyer('sec-rental')
  const title = titles.find((t) => t.access.offers.some((o) => o.kind === 'rent')) as TitleSummary
  await purchase(token, { kind: 'rent', titleId: title.id })
  const start = server.clock.now
  try {
    const first = await licenseToken(token, title.id) // first play: the 48 h window starts now
    const { fin } = JSON.parse(Buffer.from(first.split('.')[0]!, 'base64url').toString()) as { fin: number }
    server.clock.now = fin * 1000 - 60_000 // the window closed; the play started in it may still finish
    const renewed = await call<PlaybackResponse>(server.base, 'POST', `/v1/playback/${title.id}`, { token, body: { continuing: first } })
    expect(renewed.status).toBe(200)
    const lt = renewed.body.drm?.licenseToken as string
    expect((await license(lt, title.id)).status).toBe(200)
    server.clock.now = fin * 1000 + 60_000 // the token has 3 more minutes, the rental and its finishing none
    const res = await license(lt, title.id)
    expect([res.status, res.body.error?.code, res.body.keys]).toEqual([403, 'not_entitled', undefined])
    expect(await hlsKey(lt, title.id)).toEqual({ status: 403, code: 'not_entitled' })
    expect((await call(server.base, 'POST', `/v1/playback/${title.id}`, { token, body: {} })).status).toBe(402)
    expect((await call(server.base, 'POST', `/v1/playback/${title.id}`, { token, body: { continuing: lt } })).status).toBe(402)
  } finally {
    server.clock.now = start
  }
})

test('a subscription that lapses refuses keys for subscription titles even with a valid license token', async () => {
  // Paid by scanning (no stored method), so it lapses rather than renews at the period end.
  const { token } = await signIn(server, 'sec-subscription')
  const title = titles.find((t) => t.access.offers.some((o) => o.kind === 'subscription') && !t.access.offers.some((o) => o.kind === 'buy' || o.kind === 'rent')) as TitleSummary
  const pending = await call<Purchase>(server.base, 'POST', '/v1/purchases', {
    token,
    headers: { 'idempotency-key': idemKey() },
    body: { kind: 'subscription', planId: 'vip-monthly', payment: { method: 'scan' } },
  })
  expect((await postForm(server.base, `/pay/${pending.body.id}`, { action: 'confirm' })).status).toBe(200)
  const start = server.clock.now
  try {
    const until = Date.parse((await call<{ subscription: { until: string } }>(server.base, 'GET', '/v1/me', { token })).body.subscription.until)
    server.clock.now = until - 60_000
    const lt = await licenseToken(token, title.id)
    expect((await license(lt, title.id)).status).toBe(200)
    server.clock.now = until + 60_000
    const res = await license(lt, title.id)
    expect([res.status, res.body.error?.code]).toEqual([403, 'not_entitled'])
  } finally {
    server.clock.now = start
  }
})

test('the HLS key URI refuses expired, tampered, non-license and revoked-device tokens, and other assets', async () => {
  const viewer = await signIn(server, 'sec-hls')
  await giveStoredPayment(server, 'sec-hls')
  const owned = titles.filter((t) => t.access.offers.some((o) => o.kind === 'buy'))
  const title = owned[0]
  const other = owned.find((t) => assetOf(t.id).id !== assetOf(title.id).id) as TitleSummary
  await purchase(viewer.token, { kind: 'buy', titleId: title.id })
  const lt = await licenseToken(viewer.token, title.id)
  expect((await hlsKey(lt, title.id)).status).toBe(200)

  const [payload, sig] = lt.split('.')
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>
  const retitled = `${Buffer.from(JSON.stringify({ ...claims, tid: other.id, kids: [assetOf(other.id).kid] })).toString('base64url')}.${sig}`
  expect(await hlsKey(retitled, other.id)).toEqual({ status: 403, code: 'token_invalid' })
  expect(await hlsKey(viewer.token, title.id)).toEqual({ status: 403, code: 'token_invalid' })
  expect(await hlsKey(lt, other.id)).toEqual({ status: 403, code: 'wrong_title' })

  const start = server.clock.now
  server.clock.now = start + 5 * 60_000 + 1000
  try {
    expect(await hlsKey(lt, title.id)).toEqual({ status: 403, code: 'token_expired' })
  } finally {
    server.clock.now = start
  }

  await call(server.base, 'POST', `/v1/me/devices/${viewer.deviceId}/revoke`, { token: viewer.token })
  expect(await hlsKey(lt, title.id)).toEqual({ status: 403, code: 'device_revoked' })
})

test('an anonymous device can neither get a license token for a paid title nor use its device token as one', async () => {
  const device = await registerDevice(server.base)
  const paid = titles.find((t) => t.access.entitlement.kind === 'none') as TitleSummary
  const play = await call<{ error: { code: string }; drm?: unknown }>(server.base, 'POST', `/v1/playback/${paid.id}`, { token: device.token, body: {} })
  expect([play.status, play.body.error.code, play.body.drm]).toEqual([402, 'not_entitled', undefined])
  const res = await license(device.token, paid.id)
  expect([res.status, res.body.error?.code]).toEqual([403, 'token_invalid'])
})
