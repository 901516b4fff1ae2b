// Monthly renewal: a subscription paid from the stored method renews at each period end (one charge per period,
// never two, however many requests read it at once); one paid by scanning lapses and can be bought again.
import path from 'node:path'
import type { ClearKeyResponse, MeResponse, PlaybackResponse, Purchase, RailPage, TitleDetails, TitleSummary } from '../../server/contract'
import { call, giveStoredPayment, idemKey, postForm, signIn, startServer, type TestServer } from './helpers'
import { ledgerProblems } from './support/spawned-server'

let server: TestServer
let subscriptionTitle: TitleSummary
const start = Date.parse('2026-11-25T12:00:00Z')

beforeAll(async () => {
  server = await startServer({ now: start })
  const titles = (await call<RailPage>(server.base, 'GET', '/v1/rails/catalog-all?limit=500')).body.items
  subscriptionTitle = titles.find((t) => t.access.offers.length === 1 && t.access.offers[0].kind === 'subscription') as TitleSummary
})
afterAll(async () => {
  await server.close()
})
afterEach(() => {
  server.clock.now = start
})

async function subscribe(token: string, payment: Record<string, string>): Promise<Purchase> {
  const res = await call<Purchase>(server.base, 'POST', '/v1/purchases', {
    token,
    headers: { 'idempotency-key': idemKey() },
    body: { kind: 'subscription', planId: 'vip-monthly', payment },
  })
  expect(res.status).toBe(201)
  return res.body
}

async function subscriptionUntil(token: string): Promise<string | null> {
  return (await call<MeResponse>(server.base, 'GET', '/v1/me', { token })).body.subscription?.until ?? null
}

test('stored method: each period end renews for a month with one charge, even read by 50 requests at once', async () => {
  const { token } = await signIn(server, 'renew-stored')
  await giveStoredPayment(server, 'renew-stored')
  await subscribe(token, { method: 'stored', pin: '1234' })
  expect(await subscriptionUntil(token)).toBe('2026-12-25T12:00:00.000Z')

  server.clock.now = Date.parse('2026-12-25T12:00:01Z')
  const reads = await Promise.all(Array.from({ length: 50 }, () => call<TitleDetails>(server.base, 'GET', `/v1/titles/${subscriptionTitle.id}`, { token })))
  for (const r of reads) expect(r.body.access.entitlement).toEqual({ kind: 'subscribed', until: '2027-01-25T12:00:00.000Z' })

  // Away for three more months: each period was renewed (and charged) at its end, as a billing job would have.
  server.clock.now = Date.parse('2027-04-26T00:00:00Z')
  const back = (await signIn(server, 'renew-stored')).token // the old sign-in has expired meanwhile
  expect(await subscriptionUntil(back)).toBe('2027-05-25T12:00:00.000Z')
  const items = (await call<{ items: Array<{ kind: string; until: string | null }> }>(server.base, 'GET', '/v1/me/entitlements', { token: back })).body.items
  expect(items.filter((i) => i.kind === 'subscription')).toEqual([expect.objectContaining({ until: '2027-05-25T12:00:00.000Z' })])
  const { default: Database } = await import('better-sqlite3')
  const db = new Database(path.join(server.dataDir, 'marquee.db'), { readonly: true })
  try {
    const charges = db
      .prepare("SELECT c.amount_minor, c.created_at FROM charges c JOIN accounts a ON a.id = c.account_id WHERE a.name = 'renew-stored' ORDER BY c.created_at")
      .all() as Array<{ amount_minor: number; created_at: number }>
    expect(charges.map((c) => [c.amount_minor, new Date(c.created_at).toISOString()])).toEqual([
      [2500, '2026-11-25T12:00:00.000Z'],
      [2500, '2026-12-25T12:00:00.000Z'],
      [2500, '2027-01-25T12:00:00.000Z'],
      [2500, '2027-02-25T12:00:00.000Z'],
      [2500, '2027-03-25T12:00:00.000Z'],
      [2500, '2027-04-25T12:00:00.000Z'],
    ])
  } finally {
    db.close()
  }
  expect(ledgerProblems(path.join(server.dataDir, 'marquee.db')).problems).toEqual([])
})

test('scan to pay: the subscription lapses at the period end (no key, 402) and can be bought again', async () => {
  const { token } = await signIn(server, 'renew-scan')
  const pending = await subscribe(token, { method: 'scan' })
  expect((await postForm(server.base, `/pay/${pending.id}`, { action: 'confirm' })).status).toBe(200)
  server.clock.now = Date.parse('2026-12-25T11:58:00Z')
  const play = await call<PlaybackResponse>(server.base, 'POST', `/v1/playback/${subscriptionTitle.id}`, { token, body: {} })
  expect(play.status).toBe(200)
  const kid = Buffer.from(
    (JSON.parse(Buffer.from((play.body.drm?.licenseToken as string).split('.')[0], 'base64url').toString()) as { kids: string[] }).kids[0],
    'hex',
  ).toString('base64url')

  server.clock.now = Date.parse('2026-12-25T12:00:01Z')
  expect(await subscriptionUntil(token)).toBeNull()
  const details = await call<TitleDetails>(server.base, 'GET', `/v1/titles/${subscriptionTitle.id}`, { token })
  expect(details.body.access.entitlement).toEqual({ kind: 'none' })
  const license = await call<ClearKeyResponse & { error?: { code: string } }>(server.base, 'POST', '/v1/license/clearkey', {
    token: play.body.drm?.licenseToken,
    body: { kids: [kid] },
  })
  expect([license.status, license.body.error?.code]).toEqual([403, 'not_entitled'])
  expect((await call(server.base, 'POST', `/v1/playback/${subscriptionTitle.id}`, { token, body: {} })).status).toBe(402)
  const again = await subscribe(token, { method: 'scan' })
  expect(again.status).toBe('pending')
})
