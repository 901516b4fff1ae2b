import Database from 'better-sqlite3'
import path from 'node:path'
import type { EntitlementsResponse, MeResponse, PlaybackResponse, Purchase, RailPage, TitleDetails, TitleSummary } from '../../server/contract'
import { call, giveStoredPayment, idemKey, postForm, signIn, startServer, type TestServer } from './helpers'

// Each stored-method purchase runs a scrypt PIN check; 50 at once take seconds while the concurrency tests run beside.
jest.setTimeout(30_000)

let server: TestServer
let titles: TitleSummary[]

beforeAll(async () => {
  server = await startServer()
  titles = (await call<RailPage>(server.base, 'GET', '/v1/rails/catalog-all?limit=500')).body.items
})
afterAll(async () => {
  await server.close()
})

let accountSeq = 0
/** A fresh signed-in account with a stored payment method and PIN 1234. */
async function buyer(): Promise<{ token: string; deviceId: string; name: string }> {
  const name = `buyer${++accountSeq}`
  const s = await signIn(server, name)
  await giveStoredPayment(server, name)
  return { token: s.token, deviceId: s.deviceId, name }
}

const withOffer = (kind: 'rent' | 'buy' | 'subscription', n = 20) => titles.filter((t) => t.access.offers.some((o) => o.kind === kind)).slice(0, n)
const ppvOnly = () => titles.filter((t) => t.access.offers.some((o) => o.kind === 'rent') && !t.access.offers.some((o) => o.kind === 'subscription'))

function purchase(token: string, body: unknown, key = idemKey()) {
  return call<Purchase & { error?: { code: string }; triesLeft?: number; unlocksAt?: string }>(server.base, 'POST', '/v1/purchases', {
    token,
    headers: { 'idempotency-key': key },
    body,
  })
}

function counts(accountName: string): { purchases: number; charges: number; entitlements: number } {
  const db = new Database(path.join(server.dataDir, 'marquee.db'), { readonly: true })
  try {
    const acc = db.prepare('SELECT id FROM accounts WHERE name = ?').get(accountName) as { id: string }
    const n = (sql: string): number => (db.prepare(sql).get(acc.id) as { n: number }).n
    return {
      purchases: n('SELECT COUNT(*) AS n FROM purchases WHERE account_id = ?'),
      charges: n('SELECT COUNT(*) AS n FROM charges WHERE account_id = ?'),
      entitlements: n('SELECT COUNT(*) AS n FROM entitlements WHERE account_id = ?'),
    }
  } finally {
    db.close()
  }
}

describe('purchases', () => {
  test('a device token cannot buy: 401 sign_in_required', async () => {
    const s = await signIn(server, 'someone')
    const res = await purchase(s.deviceToken, { kind: 'buy', titleId: withOffer('buy')[0].id, payment: { method: 'scan' } })
    expect(res.status).toBe(401)
    expect(res.body.error?.code).toBe('sign_in_required')
  })

  test('stored payment: completes at once, grants the entitlement, charges once', async () => {
    const b = await buyer()
    const t = withOffer('buy')[0]
    const price = t.access.offers.find((o) => o.kind === 'buy')
    const res = await purchase(b.token, { kind: 'buy', titleId: t.id, payment: { method: 'stored', pin: '1234' } })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ status: 'completed', kind: 'buy', titleId: t.id, method: 'stored' })
    expect(price?.kind === 'buy' && res.body.price).toEqual(price?.kind === 'buy' ? price.price : null)
    const details = await call<TitleDetails>(server.base, 'GET', `/v1/titles/${t.id}`, { token: b.token })
    expect(details.body.access.entitlement).toEqual({ kind: 'owned' })
    const polled = await call<Purchase>(server.base, 'GET', `/v1/purchases/${res.body.id}`, { token: b.token })
    expect(polled.body.status).toBe('completed')
    expect(counts(b.name)).toEqual({ purchases: 1, charges: 1, entitlements: 1 })
    // Buying it again → 409 already_entitled, no charge.
    const again = await purchase(b.token, { kind: 'buy', titleId: t.id, payment: { method: 'stored', pin: '1234' } })
    expect(again.status).toBe(409)
    expect(again.body.error?.code).toBe('already_entitled')
    expect(counts(b.name).charges).toBe(1)
    // Another account cannot read the purchase.
    const other = await buyer()
    expect((await call(server.base, 'GET', `/v1/purchases/${res.body.id}`, { token: other.token })).status).toBe(404)
  })

  test('idempotency: same key + same body → the same purchase; different body → 422', async () => {
    const b = await buyer()
    const [t1, t2] = withOffer('buy', 2)
    const key = idemKey()
    const first = await purchase(b.token, { kind: 'buy', titleId: t1.id, payment: { method: 'stored', pin: '1234' } }, key)
    const second = await purchase(b.token, { kind: 'buy', titleId: t1.id, payment: { method: 'stored', pin: '1234' } }, key)
    expect(first.status).toBe(201)
    expect(second.status).toBe(200)
    expect(second.body).toEqual(first.body)
    const different = await purchase(b.token, { kind: 'buy', titleId: t2.id, payment: { method: 'stored', pin: '1234' } }, key)
    expect(different.status).toBe(422)
    expect(different.body.error?.code).toBe('idempotency_key_reused')
    expect(counts(b.name)).toEqual({ purchases: 1, charges: 1, entitlements: 1 })
  })

  test('50 concurrent duplicates → one purchase, one charge; the others replay it or are told it is in flight', async () => {
    const b = await buyer()
    const t = withOffer('rent')[0]
    const key = idemKey()
    const results = await Promise.all(
      Array.from({ length: 50 }, () => purchase(b.token, { kind: 'rent', titleId: t.id, payment: { method: 'stored', pin: '1234' } }, key)),
    )
    const statuses = results.map((r) => r.status)
    expect(statuses.filter((s) => s === 201)).toHaveLength(1)
    expect(statuses.every((s) => s === 201 || s === 200 || s === 409)).toBe(true)
    const ids = new Set(results.filter((r) => r.status < 300).map((r) => r.body.id))
    expect(ids.size).toBe(1)
    for (const r of results.filter((x) => x.status === 409)) expect(r.body.error?.code).toBe('idempotency_in_progress')
    expect(counts(b.name)).toEqual({ purchases: 1, charges: 1, entitlements: 1 })
    const replay = await purchase(b.token, { kind: 'rent', titleId: t.id, payment: { method: 'stored', pin: '1234' } }, key)
    expect(replay.status).toBe(200)
    expect(replay.body.status).toBe('completed')
  })

  test('50 concurrent rentals of one title with different keys → exactly one charge', async () => {
    const b = await buyer()
    const t = withOffer('rent')[1]
    const results = await Promise.all(
      Array.from({ length: 50 }, () => purchase(b.token, { kind: 'rent', titleId: t.id, payment: { method: 'stored', pin: '1234' } })),
    )
    expect(results.filter((r) => r.status === 201)).toHaveLength(1)
    expect(results.every((r) => r.status === 201 || r.body.error?.code === 'already_entitled')).toBe(true)
    expect(counts(b.name).charges).toBe(1)
  })

  test('subscription: VIP monthly opens subscription titles until the period end, then renews from the stored method', async () => {
    const b = await buyer()
    const res = await purchase(b.token, { kind: 'subscription', planId: 'vip-monthly', payment: { method: 'stored', pin: '1234' } })
    expect(res.status).toBe(201)
    expect(res.body.price).toEqual({ amountMinor: 2500, currency: 'CNY' })
    const me = await call<MeResponse>(server.base, 'GET', '/v1/me', { token: b.token })
    expect(me.body.subscription?.planId).toBe('vip-monthly')
    const until = me.body.subscription?.until as string
    expect(until).toBe('2026-12-25T12:00:00.000Z')
    const sub = withOffer('subscription')[0]
    const d = await call<TitleDetails>(server.base, 'GET', `/v1/titles/${sub.id}`, { token: b.token })
    expect(d.body.access.entitlement).toEqual({ kind: 'subscribed', until })
    expect((await call(server.base, 'POST', `/v1/playback/${sub.id}`, { token: b.token })).status).toBe(200)
    // Pay-per-view-only titles are not in the subscription.
    const ppv = ppvOnly()[0]
    expect((await call(server.base, 'POST', `/v1/playback/${ppv.id}`, { token: b.token })).status).toBe(402)
    // Subscribing twice → 409.
    expect((await purchase(b.token, { kind: 'subscription', planId: 'vip-monthly', payment: { method: 'stored', pin: '1234' } })).status).toBe(409)
    const saved = server.clock.now
    server.clock.now = Date.parse(until) + 1000
    try {
      // One more month, one more charge (lapsing without a stored method: renewal.test.ts).
      const later = await call<TitleDetails>(server.base, 'GET', `/v1/titles/${sub.id}`, { token: b.token })
      expect(later.body.access.entitlement).toEqual({ kind: 'subscribed', until: '2027-01-25T12:00:00.000Z' })
      expect(counts(b.name)).toEqual({ purchases: 2, charges: 2, entitlements: 2 })
    } finally {
      server.clock.now = saved
    }
  })

  test('offers the title does not have → 422 offer_unavailable; free titles → 409', async () => {
    const b = await buyer()
    const subOnly = titles.find((t) => t.access.offers.length === 1 && t.access.offers[0].kind === 'subscription') as TitleSummary
    const res = await purchase(b.token, { kind: 'rent', titleId: subOnly.id, payment: { method: 'stored', pin: '1234' } })
    expect(res.status).toBe(422)
    expect(res.body.error?.code).toBe('offer_unavailable')
    expect(counts(b.name).charges).toBe(0)
  })

  test('an account without a stored method must scan: 409 no_stored_payment', async () => {
    const s = await signIn(server, 'no-card')
    const res = await purchase(s.token, { kind: 'buy', titleId: withOffer('buy')[0].id, payment: { method: 'stored', pin: '1234' } })
    expect(res.status).toBe(409)
    expect(res.body.error?.code).toBe('no_stored_payment')
  })
})

describe('rental window', () => {
  test('starts at first play, lasts 48 h; must start within 30 days', async () => {
    const b = await buyer()
    const [t, t2] = ppvOnly()
    const start = server.clock.now
    const res = await purchase(b.token, { kind: 'rent', titleId: t.id, payment: { method: 'stored', pin: '1234' } })
    expect(res.status).toBe(201)
    let d = await call<TitleDetails>(server.base, 'GET', `/v1/titles/${t.id}`, { token: b.token })
    expect(d.body.access.entitlement).toEqual({ kind: 'rented', startBy: new Date(start + 30 * 86400_000).toISOString(), playUntil: null })
    try {
      // Ten days later: first play starts the 48 h window.
      server.clock.now = start + 10 * 86400_000
      const play = await call<PlaybackResponse>(server.base, 'POST', `/v1/playback/${t.id}`, { token: b.token })
      expect(play.status).toBe(200)
      expect(play.body.drm).not.toBeNull()
      expect(play.body.rentalStarted).toBe(true)
      const playUntil = new Date(server.clock.now + 48 * 3600_000).toISOString()
      d = await call<TitleDetails>(server.base, 'GET', `/v1/titles/${t.id}`, { token: b.token })
      expect(d.body.access.entitlement).toEqual({ kind: 'rented', startBy: null, playUntil })
      // A second play does not move the window.
      server.clock.now += 3600_000
      expect((await call<PlaybackResponse>(server.base, 'POST', `/v1/playback/${t.id}`, { token: b.token })).body.rentalStarted).toBe(false)
      d = await call<TitleDetails>(server.base, 'GET', `/v1/titles/${t.id}`, { token: b.token })
      expect(d.body.access.entitlement).toEqual({ kind: 'rented', startBy: null, playUntil })
      const ents = await call<EntitlementsResponse>(server.base, 'GET', '/v1/me/entitlements', { token: b.token })
      expect(ents.body.items).toEqual([expect.objectContaining({ kind: 'rental', titleId: t.id, playUntil, startBy: null })])
      // 48 h after first play: over.
      server.clock.now = Date.parse(playUntil) + 1
      expect((await call(server.base, 'POST', `/v1/playback/${t.id}`, { token: b.token })).status).toBe(402)
      d = await call<TitleDetails>(server.base, 'GET', `/v1/titles/${t.id}`, { token: b.token })
      expect(d.body.access.entitlement).toEqual({ kind: 'none' })
      // And it can be rented again (the old rental is no longer active).
      const again = await purchase(b.token, { kind: 'rent', titleId: t.id, payment: { method: 'stored', pin: '1234' } })
      expect(again.status).toBe(201)
      expect(counts(b.name).charges).toBe(2)

      // A rental never started lapses after 30 days.
      server.clock.now = start
      await purchase(b.token, { kind: 'rent', titleId: t2.id, payment: { method: 'stored', pin: '1234' } })
      server.clock.now = start + 30 * 86400_000 + 1
      expect((await call(server.base, 'POST', `/v1/playback/${t2.id}`, { token: b.token })).status).toBe(402)
    } finally {
      server.clock.now = start
    }
  })
})

describe('PIN', () => {
  test('set, verify, change with the current PIN', async () => {
    const s = await signIn(server, 'pin-setter')
    expect((await call(server.base, 'PUT', '/v1/me/pin', { token: s.token, body: { newPin: '4321' } })).status).toBe(200)
    expect((await call(server.base, 'POST', '/v1/me/pin/verify', { token: s.token, body: { pin: '4321' } })).status).toBe(200)
    const noCurrent = await call(server.base, 'PUT', '/v1/me/pin', { token: s.token, body: { newPin: '1111' } })
    expect(noCurrent.status).toBe(400)
    expect((await call(server.base, 'PUT', '/v1/me/pin', { token: s.token, body: { currentPin: '4321', newPin: '1111' } })).status).toBe(200)
    expect((await call(server.base, 'POST', '/v1/me/pin/verify', { token: s.token, body: { pin: '1111' } })).status).toBe(200)
  })

  test('5 wrong tries lock for 15 minutes, across a server restart; unlocks after', async () => {
    const b = await buyer()
    const t = withOffer('buy')[3]
    for (let i = 1; i <= 4; i++) {
      const res = await purchase(b.token, { kind: 'buy', titleId: t.id, payment: { method: 'stored', pin: '0000' } })
      expect(res.status).toBe(403)
      expect(res.body.error?.code).toBe('pin_incorrect')
      expect(res.body.triesLeft).toBe(5 - i)
    }
    const fifth = await call<{ error: { code: string }; unlocksAt: string }>(server.base, 'POST', '/v1/me/pin/verify', { token: b.token, body: { pin: '9999' } })
    expect(fifth.status).toBe(423)
    expect(fifth.body.error.code).toBe('pin_locked')
    expect(fifth.body.unlocksAt).toBe(new Date(server.clock.now + 15 * 60_000).toISOString())
    // Locked: even the right PIN is refused, and nothing is charged.
    const right = await purchase(b.token, { kind: 'buy', titleId: t.id, payment: { method: 'stored', pin: '1234' } })
    expect(right.status).toBe(423)
    expect(counts(b.name)).toEqual({ purchases: 0, charges: 0, entitlements: 0 })

    await server.restart()
    const afterRestart = await call(server.base, 'POST', '/v1/me/pin/verify', { token: b.token, body: { pin: '1234' } })
    expect(afterRestart.status).toBe(423)

    server.clock.now += 15 * 60_000 + 1
    try {
      const unlocked = await call(server.base, 'POST', '/v1/me/pin/verify', { token: b.token, body: { pin: '1234' } })
      expect(unlocked.status).toBe(200)
      // The counter starts again from 5.
      const wrong = await call<{ triesLeft: number }>(server.base, 'POST', '/v1/me/pin/verify', { token: b.token, body: { pin: '0000' } })
      expect(wrong.body.triesLeft).toBe(4)
      // A wrong PIN left the idempotency key free: the same key with the right PIN completes.
      const key = idemKey()
      expect((await purchase(b.token, { kind: 'buy', titleId: t.id, payment: { method: 'stored', pin: '0000' } }, key)).status).toBe(403)
      const ok = await purchase(b.token, { kind: 'buy', titleId: t.id, payment: { method: 'stored', pin: '1234' } }, key)
      expect(ok.status).toBe(201)
      expect(counts(b.name).charges).toBe(1)
    } finally {
      server.clock.now -= 15 * 60_000 + 1
    }
  })
})

describe('scan to pay', () => {
  test('pending with a payUrl; the /pay page confirms; the TV poll sees completed', async () => {
    const s = await signIn(server, 'scanner')
    const t = withOffer('buy')[5]
    const res = await purchase(s.token, { kind: 'buy', titleId: t.id, payment: { method: 'scan' } })
    expect(res.status).toBe(201)
    expect(res.body.status).toBe('pending')
    expect(res.body.payUrl).toBe(`${server.base}/pay/${res.body.id}`)
    expect(res.body.expiresAt).toBe(new Date(server.clock.now + 10 * 60_000).toISOString())
    expect(res.body.qrUrl).toContain('/v1/qr.png?data=')
    const page = await fetch(res.body.payUrl as string)
    const html = await page.text()
    expect(page.status).toBe(200)
    expect(html).toContain('scanner')
    expect(html).toMatch(/¥\d+\.\d\d/)
    expect(html).toContain('value="confirm"')
    let d = await call<TitleDetails>(server.base, 'GET', `/v1/titles/${t.id}`, { token: s.token })
    expect(d.body.access.entitlement.kind).toBe('none')
    const paid = await postForm(server.base, `/pay/${res.body.id}`, { action: 'confirm' })
    expect(paid.status).toBe(200)
    expect(paid.text).toMatch(/支付成功/)
    const polled = await call<Purchase>(server.base, 'GET', `/v1/purchases/${res.body.id}`, { token: s.token })
    expect(polled.body.status).toBe('completed')
    d = await call<TitleDetails>(server.base, 'GET', `/v1/titles/${t.id}`, { token: s.token })
    expect(d.body.access.entitlement).toEqual({ kind: 'owned' })
    // Confirming twice does not charge twice.
    expect((await postForm(server.base, `/pay/${res.body.id}`, { action: 'confirm' })).status).toBe(409)
    expect(counts('scanner')).toEqual({ purchases: 1, charges: 1, entitlements: 1 })
  })

  test('cancel on the phone → cancelled, no charge; unpaid codes expire', async () => {
    const s = await signIn(server, 'scanner2')
    const [t1, t2] = withOffer('rent', 8).slice(6)
    const a = await purchase(s.token, { kind: 'rent', titleId: t1.id, payment: { method: 'scan' } })
    expect((await postForm(server.base, `/pay/${a.body.id}`, { action: 'cancel' })).status).toBe(200)
    expect((await call<Purchase>(server.base, 'GET', `/v1/purchases/${a.body.id}`, { token: s.token })).body.status).toBe('cancelled')
    const b = await purchase(s.token, { kind: 'rent', titleId: t2.id, payment: { method: 'scan' } })
    server.clock.now += 10 * 60_000 + 1
    try {
      expect((await call<Purchase>(server.base, 'GET', `/v1/purchases/${b.body.id}`, { token: s.token })).body.status).toBe('expired')
      expect((await postForm(server.base, `/pay/${b.body.id}`, { action: 'confirm' })).status).toBe(409)
    } finally {
      server.clock.now -= 10 * 60_000 + 1
    }
    expect(counts('scanner2').charges).toBe(0)
    expect((await postForm(server.base, `/pay/${a.body.id}`, { action: 'bogus' })).status).toBe(400)
    expect((await fetch(`${server.base}/pay/pur_unknown`)).status).toBe(404)
  })
})
