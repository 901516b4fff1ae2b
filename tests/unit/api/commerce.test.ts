import type { ApiClient } from '../../../src/api/http'
import { pollDeviceSignIn, startDeviceSignIn } from '../../../src/api/auth'
import { fetchPlans } from '../../../src/api/offers'
import { createPurchase, fetchPurchase } from '../../../src/api/purchases'
import { changePin, fetchEntitlements, fetchMe, updateSettings, verifyPin } from '../../../src/api/account'
import { failureFromApi, nextSignInPoll, purchaseBody } from '../../../src/domain'
import { appApiClient, appErrorFrom, idemKey, postForm, registerDevice, signIn, startServer, type TestServer } from '../../server/helpers'

/** The commerce API modules against the real reference server (real HTTP, temp SQLite). */

let server: TestServer

beforeAll(async () => {
  server = await startServer()
})

afterAll(() => server.close())

function client(token: string | null): ApiClient {
  return appApiClient(server.base, { token })
}

test('device-code sign-in: pending, slow_down read by the polling rule, then the account token once approved', async () => {
  const device = await registerDevice(server.base)
  const api = client(device.token)
  const code = await startDeviceSignIn(api)
  expect(code.userCode).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/)
  expect(code.qrUrl).toContain('/v1/qr.png?data=')

  const pending = await appErrorFrom(pollDeviceSignIn(client(null), code.deviceCode))
  expect(nextSignInPoll(code.interval, pending)).toEqual({ type: 'wait', intervalSeconds: code.interval })
  // Polling again at once is too fast: the server says slow down, and the rule waits longer.
  const tooFast = await appErrorFrom(pollDeviceSignIn(client(null), code.deviceCode))
  expect(tooFast.code).toBe('slow_down')
  expect(nextSignInPoll(code.interval, tooFast)).toEqual({ type: 'wait', intervalSeconds: code.interval + 5 })

  await postForm(server.base, '/activate', { code: code.userCode, account: 'demo', action: 'approve' })
  const token = await pollDeviceSignIn(client(null), code.deviceCode)
  expect(token.account).toMatchObject({ name: 'demo', hasPin: true, storedPaymentMethod: expect.stringContaining('8888') })
  const me = await fetchMe(client(token.accessToken))
  expect(me.viewer).toBe('account')
})

test('a purchase with the same idempotency key is the same purchase; a wrong PIN frees the key for the retry', async () => {
  const { token } = await signIn(server)
  const api = client(token)
  const key = idemKey()
  const target = { kind: 'rent' as const, titleId: await ppvTitle(api), method: 'pin' as const }

  const wrong = await appErrorFrom(createPurchase(api, purchaseBody(target, '9999'), key))
  expect(failureFromApi(wrong)).toEqual({ kind: 'pin_incorrect', triesLeft: 4 })

  const first = await createPurchase(api, purchaseBody(target, '1234'), key)
  const again = await createPurchase(api, purchaseBody(target, '1234'), key)
  expect(first.status).toBe('completed')
  expect(again.id).toBe(first.id)
  const rentals = (await fetchEntitlements(api)).items.filter((item) => item.kind === 'rental')
  expect(rentals).toHaveLength(1)

  // A new key for what is already held: the server refuses, the dialog offers to play.
  const held = await appErrorFrom(createPurchase(api, purchaseBody(target, '1234'), idemKey()))
  expect(failureFromApi(held)).toEqual({ kind: 'already-entitled' })
})

test('scan to pay: pending with a pay page and a QR, polled until the phone confirms', async () => {
  const { token } = await signIn(server, 'scanner')
  const api = client(token)
  const [plan] = await fetchPlans(api)
  expect(plan).toMatchObject({ planId: 'vip-monthly', price: { amountMinor: 2500, currency: 'CNY' } })
  const pending = await createPurchase(api, purchaseBody({ kind: 'subscription', planId: plan!.planId, method: 'scan' }, null), idemKey())
  expect(pending).toMatchObject({ status: 'pending', payUrl: expect.stringContaining(`/pay/${pending.id}`), qrUrl: expect.stringContaining('qr.png') })
  expect((await fetchPurchase(api, pending.id)).status).toBe('pending')
  await postForm(server.base, `/pay/${pending.id}`, { action: 'confirm' })
  expect((await fetchPurchase(api, pending.id)).status).toBe('completed')
  expect((await fetchMe(api)).subscription).toMatchObject({ planId: 'vip-monthly' })
})

test('an anonymous device is asked to sign in; an account without stored payment is told to scan', async () => {
  const anonymous = client((await registerDevice(server.base)).token)
  const target = { kind: 'rent' as const, titleId: await ppvTitle(anonymous), method: 'pin' as const }
  expect(failureFromApi(await appErrorFrom(createPurchase(anonymous, purchaseBody(target, '1234'), idemKey()))))
    .toEqual({ kind: 'sign-in-required' })
  const { token } = await signIn(server, 'no-wallet')
  expect(failureFromApi(await appErrorFrom(createPurchase(client(token), purchaseBody(target, '1234'), idemKey()))))
    .toEqual({ kind: 'stored-payment-unavailable' })
})

test('PIN: change, verify, lockout after five wrong tries with the unlock time; settings come back on the account', async () => {
  const { token } = await signIn(server, 'parent')
  const api = client(token)
  await changePin(api, '1111')
  await changePin(api, '2222', '1111')
  await expect(verifyPin(api, '2222')).resolves.toEqual({ ok: true })
  for (const left of [4, 3, 2, 1]) {
    expect(failureFromApi(await appErrorFrom(verifyPin(api, '0000')))).toEqual({ kind: 'pin_incorrect', triesLeft: left })
  }
  const locked = failureFromApi(await appErrorFrom(verifyPin(api, '0000')))
  expect(locked).toEqual({ kind: 'pin_locked', unlocksAt: expect.any(String) })

  const account = await updateSettings(api, { ratingLimit: '12+', language: 'id' })
  expect(account).toMatchObject({ name: 'parent', ratingLimit: '12+', language: 'id', hasPin: true })
})

async function ppvTitle(api: ApiClient): Promise<string> {
  const rail = await api.get<{ items: Array<{ id: string; access: { offers: Array<{ kind: string }> } }> }>('/rails/catalog-all', { params: { limit: 500 } })
  const found = rail.items.find((item) => item.access.offers.some((offer) => offer.kind === 'rent'))
  if (!found) throw new Error('no title to rent')
  return found.id
}
