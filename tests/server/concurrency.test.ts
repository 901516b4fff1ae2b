// Purchases and PIN checks under 200 concurrent requests from this process to a server in another process:
// one Idempotency-Key buys once, one rental is held once, and parallel PIN guesses get no more than 5 tries.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { Purchase, RailPage, TitleSummary } from '../../server/contract'
import { call, idemKey, signInAt, writeFakeMedia, type Res } from './helpers'
import { giveStoredPaymentIn, ledgerProblems, spawnServer, type SpawnedServer } from './support/spawned-server'

jest.setTimeout(120_000)

const CONCURRENCY = 200
let dataDir: string
let server: SpawnedServer
let titles: TitleSummary[]

type PurchaseRes = Res<Purchase & { error?: { code: string } }>

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'marquee-concurrency-'))
  writeFakeMedia(path.join(dataDir, 'media'))
  server = await spawnServer(dataDir, 'concurrency-secret')
  titles = (await call<RailPage>(server.base, 'GET', '/v1/rails/catalog-all?limit=500')).body.items
})

afterAll(async () => {
  await server?.kill('SIGTERM')
  fs.rmSync(dataDir, { recursive: true, force: true })
})

/** A new signed-in account with a stored payment method and PIN 1234 (as the operator's back office sets up). */
/** A new signed-in account with a stored payment method and PIN 1234. */
async function buyer(name: string): Promise<{ token: string; accountId: string }> {
  const { token } = await signInAt(server.base, name)
  return { token, accountId: await giveStoredPaymentIn(path.join(dataDir, 'marquee.db'), name) }
}

function countsFor(accountId: string): { purchases: number; charges: number; entitlements: number } {
  const db = new Database(path.join(dataDir, 'marquee.db'), { readonly: true })
  try {
    const n = (table: string): number => (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE account_id = ?`).get(accountId) as { n: number }).n
    return { purchases: n('purchases'), charges: n('charges'), entitlements: n('entitlements') }
  } finally {
    db.close()
  }
}

function rent(token: string, titleId: string, key: string, pin = '1234'): Promise<PurchaseRes> {
  return call(server.base, 'POST', '/v1/purchases', {
    token,
    headers: { 'idempotency-key': key },
    body: { kind: 'rent', titleId, payment: { method: 'stored', pin } },
  })
}

const rentable = (): TitleSummary[] => titles.filter((t) => t.access.offers.some((o) => o.kind === 'rent'))

test(`${CONCURRENCY} concurrent identical purchases with one Idempotency-Key → one purchase, one charge`, async () => {
  const b = await buyer('conc-same-key')
  const title = rentable()[0]
  const key = idemKey()
  const results = await Promise.all(Array.from({ length: CONCURRENCY }, () => rent(b.token, title.id, key)))
  const created = results.filter((r) => r.status === 201)
  expect(created).toHaveLength(1)
  // The others either replay the completed purchase (200) or are told it is still in flight (409).
  for (const r of results.filter((x) => x.status !== 201)) {
    if (r.status === 200) expect(r.body.id).toBe(created[0].body.id)
    else expect([r.status, r.body.error?.code]).toEqual([409, 'idempotency_in_progress'])
  }
  expect(countsFor(b.accountId)).toEqual({ purchases: 1, charges: 1, entitlements: 1 })
  const retry = await rent(b.token, title.id, key)
  expect([retry.status, retry.body.id, retry.body.status]).toEqual([200, created[0].body.id, 'completed'])
  expect(ledgerProblems(path.join(dataDir, 'marquee.db')).problems).toEqual([])
})

test(`${CONCURRENCY} concurrent rentals of one title with different keys → one active rental, one charge`, async () => {
  const b = await buyer('conc-many-keys')
  const title = rentable()[1]
  const results = await Promise.all(Array.from({ length: CONCURRENCY }, () => rent(b.token, title.id, idemKey())))
  expect(results.filter((r) => r.status === 201)).toHaveLength(1)
  const refused = results.filter((r) => r.status !== 201)
  expect(refused.every((r) => r.status === 409 && r.body.error?.code === 'already_entitled')).toBe(true)
  expect(countsFor(b.accountId)).toEqual({ purchases: 1, charges: 1, entitlements: 1 })
  const details = await call<TitleSummary>(server.base, 'GET', `/v1/titles/${title.id}`, { token: b.token })
  expect(details.body.access.entitlement.kind).toBe('rented')
  expect(ledgerProblems(path.join(dataDir, 'marquee.db')).problems).toEqual([])
})

test(`${CONCURRENCY} concurrent subscriptions with different keys → one active subscription`, async () => {
  const b = await buyer('conc-subscribe')
  const results = await Promise.all(
    Array.from({ length: CONCURRENCY }, () =>
      call<Purchase & { error?: { code: string } }>(server.base, 'POST', '/v1/purchases', {
        token: b.token,
        headers: { 'idempotency-key': idemKey() },
        body: { kind: 'subscription', planId: 'vip-monthly', payment: { method: 'stored', pin: '1234' } },
      }),
    ),
  )
  expect(results.filter((r) => r.status === 201)).toHaveLength(1)
  expect(results.filter((r) => r.status !== 201).every((r) => r.body.error?.code === 'already_entitled')).toBe(true)
  expect(countsFor(b.accountId)).toEqual({ purchases: 1, charges: 1, entitlements: 1 })
})

test(`${CONCURRENCY} parallel wrong PINs count as 5 tries, then the PIN is locked (the right one too)`, async () => {
  const b = await buyer('conc-pin')
  const wrong = Array.from({ length: CONCURRENCY }, (_, i) => String(5000 + i))
  const results = await Promise.all(wrong.map((pin) => call<{ error?: { code: string } }>(server.base, 'POST', '/v1/me/pin/verify', { token: b.token, body: { pin } })))
  const codes = results.map((r) => r.body.error?.code)
  expect(codes.filter((c) => c === 'pin_incorrect')).toHaveLength(4)
  expect(codes.filter((c) => c === 'pin_locked')).toHaveLength(CONCURRENCY - 4)
  const right = await call<{ error?: { code: string } }>(server.base, 'POST', '/v1/me/pin/verify', { token: b.token, body: { pin: '1234' } })
  expect([right.status, right.body.error?.code]).toEqual([423, 'pin_locked'])
  // A purchase with the right PIN is refused as well, and charges nothing.
  const buy = await rent(b.token, rentable()[2].id, idemKey())
  expect([buy.status, buy.body.error?.code]).toEqual([423, 'pin_locked'])
  expect(countsFor(b.accountId).charges).toBe(0)
})
