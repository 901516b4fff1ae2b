// Monthly subscriptions renew at the end of each period from the account's stored payment method, as an operator's
// billing job would; without a stored method (scan to pay) they lapse. Renewal runs lazily, whenever an account's
// holdings are read, so it needs no scheduler and follows the injected clock.
import crypto from 'node:crypto'
import { statement, type Db } from '../db'
import { randomId } from './tokens'

/** One calendar month later, clamped to the month's last day (31 Jan → 28/29 Feb). */
export function addMonth(ms: number): number {
  const d = new Date(ms)
  const day = d.getUTCDate()
  d.setUTCMonth(d.getUTCMonth() + 1)
  if (d.getUTCDate() !== day) d.setUTCDate(0)
  return d.getTime()
}

interface ActiveSubscription {
  id: string
  plan_id: string
  purchase_id: string
  valid_until: number
}

/**
 * Renews every period that ended by `now`: per period one completed purchase (keyed `renewal:<purchase renewed>`,
 * so a period is never charged twice), its charge and the next month's entitlement, in one transaction.
 */
export function renewSubscriptions(db: Db, accountId: string, now: number): void {
  const latest = (): ActiveSubscription | undefined =>
    statement(db, "SELECT id, plan_id, purchase_id, valid_until FROM entitlements WHERE account_id = ? AND kind = 'subscription' AND active = 1 ORDER BY valid_until DESC LIMIT 1")
      .get(accountId) as ActiveSubscription | undefined
  const first = latest()
  if (!first || first.valid_until > now) return
  const account = db.prepare('SELECT stored_payment FROM accounts WHERE id = ?').get(accountId) as { stored_payment: string | null } | undefined
  if (!account?.stored_payment) return
  db.transaction(() => {
    for (let current = latest(); current && current.valid_until <= now; current = latest()) {
      const plan = db.prepare('SELECT price_minor FROM plans WHERE id = ?').get(current.plan_id) as { price_minor: number } | undefined
      if (!plan) return
      const key = `renewal:${current.purchase_id}`
      if (db.prepare('SELECT 1 FROM purchases WHERE account_id = ? AND idempotency_key = ?').get(accountId, key)) return
      const at = current.valid_until
      const purchaseId = randomId('pur')
      const fingerprint = crypto.createHash('sha256').update(`renewal|plan:${current.plan_id}`).digest('hex')
      db.prepare(
        `INSERT INTO purchases (id, account_id, idempotency_key, fingerprint, kind, title_id, plan_id, price_minor, currency, method, status, created_at, expires_at, completed_at)
         VALUES (?, ?, ?, ?, 'subscription', NULL, ?, ?, 'CNY', 'stored', 'completed', ?, NULL, ?)`,
      ).run(purchaseId, accountId, key, fingerprint, current.plan_id, plan.price_minor, at, at)
      db.prepare('INSERT INTO charges (id, purchase_id, account_id, amount_minor, currency, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
        randomId('chg'), purchaseId, accountId, plan.price_minor, 'CNY', at,
      )
      db.prepare('UPDATE entitlements SET active = 0 WHERE id = ?').run(current.id)
      db.prepare(
        "INSERT INTO entitlements (id, account_id, kind, title_id, plan_id, purchase_id, created_at, valid_until, start_by, play_until) VALUES (?, ?, 'subscription', NULL, ?, ?, ?, ?, NULL, NULL)",
      ).run(randomId('ent'), accountId, current.plan_id, purchaseId, at, addMonth(at))
    }
  })()
}
