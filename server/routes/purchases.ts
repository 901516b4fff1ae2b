// POST /v1/purchases (idempotent), GET /v1/purchases/:id. One charge per purchase, ever.
import crypto from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import {
  AuthHeadersSchema, ErrorSchema, PinErrorSchema, PurchaseHeadersSchema, PurchaseParamsSchema, PurchaseRequestSchema, PurchaseSchema,
  type Purchase, type PurchaseParams, type PurchaseRequest,
} from '../contract'
import { Type } from '@sinclair/typebox'
import { baseUrl, requireAccount, type Ctx } from '../lib/context'
import { ApiError } from '../lib/errors'
import { entitlementFor, expireLapsed, loadHoldings, offersFor } from '../lib/access'
import { assertPinUsable, verifyPin } from '../lib/pinlock'
import { randomId } from '../lib/tokens'
import { addMonth } from '../lib/renewal'
import { qrUrl } from './auth'

export const SCAN_TTL_MS = 10 * 60 * 1000
export const RENTAL_START_WINDOW_MS = 30 * 24 * 3600 * 1000
/** A "processing" claim older than this was abandoned (crash mid-request) and may be retried. */
const STALE_PROCESSING_MS = 60 * 1000

export interface PurchaseRow {
  id: string
  account_id: string
  idempotency_key: string
  fingerprint: string
  kind: 'subscription' | 'rent' | 'buy'
  title_id: string | null
  plan_id: string | null
  price_minor: number
  currency: 'CNY'
  method: 'stored' | 'scan'
  status: 'processing' | 'pending' | 'completed' | 'cancelled' | 'expired'
  created_at: number
  expires_at: number | null
  completed_at: number | null
}

export function getPurchase(ctx: Ctx, id: string): PurchaseRow | null {
  const row = ctx.db.prepare('SELECT * FROM purchases WHERE id = ?').get(id) as PurchaseRow | undefined
  if (!row) return null
  if (row.status === 'pending' && row.expires_at !== null && row.expires_at <= ctx.now()) {
    ctx.db.prepare("UPDATE purchases SET status = 'expired' WHERE id = ? AND status = 'pending'").run(id)
    row.status = 'expired'
  }
  return row
}

export function purchaseView(row: PurchaseRow, base: string): Purchase {
  const status = row.status === 'processing' ? 'pending' : row.status
  const p: Purchase = {
    id: row.id,
    status,
    kind: row.kind,
    price: { amountMinor: row.price_minor, currency: 'CNY' },
    method: row.method,
    createdAt: new Date(row.created_at).toISOString(),
  }
  if (row.title_id) p.titleId = row.title_id
  if (row.plan_id) p.planId = row.plan_id
  if (row.method === 'scan') {
    p.payUrl = `${base}/pay/${row.id}`
    p.qrUrl = qrUrl(base, p.payUrl)
    if (row.expires_at !== null) p.expiresAt = new Date(row.expires_at).toISOString()
  }
  if (row.completed_at !== null) p.completedAt = new Date(row.completed_at).toISOString()
  return p
}

/** Throws 409 already_entitled when the account holds what it is buying. */
function assertNotHeld(ctx: Ctx, accountId: string, kind: PurchaseRow['kind'], titleId: string | null, now: number): void {
  const holdings = loadHoldings(ctx.db, accountId, now)
  if (kind === 'subscription') {
    if (holdings.subscription) throw new ApiError(409, 'already_entitled', 'The subscription is already active')
    return
  }
  const title = titleId ? ctx.catalog.byId.get(titleId) : undefined
  if (!title) throw new ApiError(404, 'not_found', `No title ${titleId ?? ''}`)
  const ent = entitlementFor(title, holdings)
  if (ent.kind === 'owned' || ent.kind === 'free') throw new ApiError(409, 'already_entitled', 'You can already watch this title')
  if (kind === 'rent' && ent.kind !== 'none') throw new ApiError(409, 'already_entitled', 'You can already watch this title')
}

/** Charge + entitlement + status in one transaction. Throws 409 already_entitled (purchase cancelled, no charge). */
export function completePurchase(ctx: Ctx, purchaseId: string): PurchaseRow {
  const now = ctx.now()
  return ctx.db.transaction((): PurchaseRow => {
    const row = ctx.db.prepare('SELECT * FROM purchases WHERE id = ?').get(purchaseId) as PurchaseRow
    if (row.status === 'completed') return row
    if (row.status !== 'processing' && row.status !== 'pending') throw new ApiError(409, 'purchase_closed', `The purchase is ${row.status}`)
    expireLapsed(ctx.db, row.account_id, now)
    assertNotHeld(ctx, row.account_id, row.kind, row.title_id, now)
    ctx.db
      .prepare('INSERT INTO charges (id, purchase_id, account_id, amount_minor, currency, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(randomId('chg'), row.id, row.account_id, row.price_minor, row.currency, now)
    const ent = ctx.db.prepare(
      'INSERT INTO entitlements (id, account_id, kind, title_id, plan_id, purchase_id, created_at, valid_until, start_by, play_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)',
    )
    if (row.kind === 'subscription') ent.run(randomId('ent'), row.account_id, 'subscription', null, row.plan_id, row.id, now, addMonth(now), null)
    else if (row.kind === 'rent') ent.run(randomId('ent'), row.account_id, 'rental', row.title_id, null, row.id, now, null, now + RENTAL_START_WINDOW_MS)
    else ent.run(randomId('ent'), row.account_id, 'ownership', row.title_id, null, row.id, now, null, null)
    ctx.db.prepare("UPDATE purchases SET status = 'completed', completed_at = ?, expires_at = NULL WHERE id = ?").run(now, row.id)
    return ctx.db.prepare('SELECT * FROM purchases WHERE id = ?').get(row.id) as PurchaseRow
  })()
}

/**
 * At start-up no request is in flight, so a "processing" claim was left by a crash between claiming its
 * Idempotency-Key and completing. It never charged (charge, entitlement and completion are one transaction):
 * delete it so the client's retry with the same key completes at once instead of waiting out the stale window.
 * (The reference server is one process per database file.)
 */
export function releaseAbandonedClaims(ctx: Pick<Ctx, 'db'>): number {
  return ctx.db.prepare("DELETE FROM purchases WHERE status = 'processing'").run().changes
}

export function cancelPurchase(ctx: Ctx, purchaseId: string): PurchaseRow | null {
  ctx.db.prepare("UPDATE purchases SET status = 'cancelled' WHERE id = ? AND status IN ('pending', 'processing')").run(purchaseId)
  return getPurchase(ctx, purchaseId)
}

function fingerprint(body: PurchaseRequest): string {
  // The PIN is not part of the purchase's identity: a retry with a corrected PIN is the same purchase.
  const what = body.kind === 'subscription' ? `plan:${body.planId}` : `title:${body.titleId}`
  return crypto.createHash('sha256').update(`${body.kind}|${what}|${body.payment.method}`).digest('hex')
}

export function registerPurchaseRoutes(app: FastifyInstance, ctx: Ctx): void {
  const headers = Type.Composite([PurchaseHeadersSchema, AuthHeadersSchema], { additionalProperties: true })

  app.post<{ Body: PurchaseRequest; Headers: { 'idempotency-key': string } }>(
    '/v1/purchases',
    {
      schema: {
        headers,
        body: PurchaseRequestSchema,
        response: {
          200: PurchaseSchema,
          201: PurchaseSchema,
          400: ErrorSchema,
          401: ErrorSchema,
          403: PinErrorSchema,
          404: ErrorSchema,
          409: ErrorSchema,
          422: ErrorSchema,
          423: PinErrorSchema,
        },
      },
      config: {
        doc: {
          summary:
            'Subscribe, rent or buy. Idempotency-Key required: same key + same body → the same purchase (200); different body → 422; while the first is in flight → 409. Stored method completes at once after the PIN; scan returns pending with payUrl.',
          tags: ['commerce'],
          auth: 'account',
        },
      },
    },
    async (req, reply): Promise<Purchase> => {
      const viewer = requireAccount(ctx, req)
      const accountId = viewer.accountId
      const key = req.headers['idempotency-key']
      const body = req.body
      const fp = fingerprint(body)
      const base = baseUrl(req)
      const now = ctx.now()

      const existing = ctx.db.prepare('SELECT * FROM purchases WHERE account_id = ? AND idempotency_key = ?').get(accountId, key) as PurchaseRow | undefined
      if (existing) {
        if (existing.fingerprint !== fp) throw new ApiError(422, 'idempotency_key_reused', 'This Idempotency-Key was used for a different purchase')
        if (existing.status === 'processing') {
          if (now - existing.created_at < STALE_PROCESSING_MS) throw new ApiError(409, 'idempotency_in_progress', 'A purchase with this Idempotency-Key is still being processed')
          ctx.db.prepare("DELETE FROM purchases WHERE id = ? AND status = 'processing'").run(existing.id)
        } else {
          return purchaseView(getPurchase(ctx, existing.id) as PurchaseRow, base)
        }
      }

      // What is being bought, at what price.
      let titleId: string | null = null
      let planId: string | null = null
      let price: number
      if (body.kind === 'subscription') {
        const plan = ctx.catalog.plans.find((p) => p.id === body.planId)
        if (!plan) throw new ApiError(404, 'not_found', `No plan ${body.planId}`)
        planId = plan.id
        price = plan.priceMinor
      } else {
        const title = ctx.catalog.byId.get(body.titleId)
        if (!title) throw new ApiError(404, 'not_found', `No title ${body.titleId}`)
        const offer = offersFor(title, ctx.catalog.plans).find((o) => o.kind === body.kind)
        if (!offer || (offer.kind !== 'rent' && offer.kind !== 'buy')) throw new ApiError(422, 'offer_unavailable', `This title cannot be ${body.kind === 'rent' ? 'rented' : 'bought'}`)
        titleId = title.id
        price = offer.price.amountMinor
      }
      expireLapsed(ctx.db, accountId, now)
      assertNotHeld(ctx, accountId, body.kind, titleId, now)
      if (body.payment.method === 'stored') {
        const acc = ctx.db.prepare('SELECT stored_payment FROM accounts WHERE id = ?').get(accountId) as { stored_payment: string | null }
        if (!acc.stored_payment) throw new ApiError(409, 'no_stored_payment', 'No stored payment method; scan to pay instead')
        assertPinUsable(ctx, accountId)
      }

      // Claim the key (the unique index makes concurrent claims lose with a constraint error).
      const id = randomId('pur')
      const status = body.payment.method === 'stored' ? 'processing' : 'pending'
      try {
        ctx.db
          .prepare(
            `INSERT INTO purchases (id, account_id, idempotency_key, fingerprint, kind, title_id, plan_id, price_minor, currency, method, status, created_at, expires_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'CNY', ?, ?, ?, ?)`,
          )
          .run(id, accountId, key, fp, body.kind, titleId, planId, price, body.payment.method, status, now, status === 'pending' ? now + SCAN_TTL_MS : null)
      } catch (err) {
        if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new ApiError(409, 'idempotency_in_progress', 'A purchase with this Idempotency-Key is still being processed')
        throw err
      }

      if (body.payment.method === 'stored') {
        try {
          await verifyPin(ctx, accountId, body.payment.pin)
        } catch (err) {
          // A wrong PIN buys nothing: release the key so a retry with the right PIN can use it.
          ctx.db.prepare("DELETE FROM purchases WHERE id = ? AND status = 'processing'").run(id)
          throw err
        }
        try {
          completePurchase(ctx, id)
        } catch (err) {
          ctx.db.prepare("DELETE FROM purchases WHERE id = ? AND status = 'processing'").run(id)
          throw err
        }
      }
      void reply.code(201)
      return purchaseView(getPurchase(ctx, id) as PurchaseRow, base)
    },
  )

  app.get<{ Params: PurchaseParams }>(
    '/v1/purchases/:id',
    {
      schema: { params: PurchaseParamsSchema, headers: AuthHeadersSchema, response: { 200: PurchaseSchema, 401: ErrorSchema, 404: ErrorSchema } },
      config: { doc: { summary: 'Poll a purchase (scan to pay: pending → completed / cancelled / expired)', tags: ['commerce'], auth: 'account' } },
    },
    async (req): Promise<Purchase> => {
      const viewer = requireAccount(ctx, req)
      const row = getPurchase(ctx, req.params.id)
      if (!row || row.account_id !== viewer.accountId) throw new ApiError(404, 'not_found', 'No such purchase')
      return purchaseView(row, baseUrl(req))
    },
  )
}
