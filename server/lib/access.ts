import { statement, type Db } from '../db'
import type { Access, Entitlement, Offer } from '../contract'
import type { CatalogPlan, CatalogTitle } from './catalog'
import { renewSubscriptions } from './renewal'

export interface RentalState {
  id: string
  startBy: number
  playUntil: number | null
}

/** What one account holds right now (anonymous viewers hold nothing). */
export interface Holdings {
  subscription: { planId: string; until: number } | null
  owned: Set<string>
  rentals: Map<string, RentalState>
}

export const EMPTY_HOLDINGS: Holdings = { subscription: null, owned: new Set(), rentals: new Map() }

/** Pauses a rental's play may take past its running time once the 48 h window has closed. */
export const RENTAL_FINISH_GRACE_MS = 60 * 60 * 1000

/**
 * Until when a play started inside a rental's window may go on after the window closes (as the big stores let
 * a film started in time finish): its running time plus an hour for pauses, counted from the close.
 */
export function rentalFinishBy(playUntil: number, runningTimeSeconds: number): number {
  return playUntil + runningTimeSeconds * 1000 + RENTAL_FINISH_GRACE_MS
}

/** A license token's play of a rental may still go on (its `fin`), though the rental itself has ended. */
export function finishingRentalPlay(token: { fin?: number }, now: number): boolean {
  return token.fin !== undefined && token.fin * 1000 > now
}

export function rentalValid(r: { startBy: number; playUntil: number | null }, now: number): boolean {
  return r.playUntil === null ? r.startBy > now : r.playUntil > now
}

interface EntRow {
  id: string
  kind: 'subscription' | 'rental' | 'ownership'
  title_id: string | null
  plan_id: string | null
  valid_until: number | null
  start_by: number | null
  play_until: number | null
}

export function loadHoldings(db: Db, accountId: string | null, now: number): Holdings {
  if (!accountId) return EMPTY_HOLDINGS
  renewSubscriptions(db, accountId, now)
  const rows = statement(db, 'SELECT id, kind, title_id, plan_id, valid_until, start_by, play_until FROM entitlements WHERE account_id = ? AND active = 1')
    .all(accountId) as EntRow[]
  const holdings: Holdings = { subscription: null, owned: new Set(), rentals: new Map() }
  for (const r of rows) {
    if (r.kind === 'subscription' && r.plan_id && r.valid_until !== null && r.valid_until > now) {
      if (!holdings.subscription || holdings.subscription.until < r.valid_until) holdings.subscription = { planId: r.plan_id, until: r.valid_until }
    } else if (r.kind === 'ownership' && r.title_id) {
      holdings.owned.add(r.title_id)
    } else if (r.kind === 'rental' && r.title_id && r.start_by !== null) {
      const state = { id: r.id, startBy: r.start_by, playUntil: r.play_until }
      if (rentalValid(state, now)) holdings.rentals.set(r.title_id, state)
    }
  }
  return holdings
}

/** Renews what renews, then marks lapsed rentals and subscriptions inactive, so the "one active" unique indexes admit new ones. */
export function expireLapsed(db: Db, accountId: string, now: number): void {
  renewSubscriptions(db, accountId, now)
  db.prepare(
    `UPDATE entitlements SET active = 0 WHERE account_id = ? AND active = 1 AND (
       (kind = 'rental' AND ((play_until IS NULL AND start_by <= ?) OR play_until <= ?)) OR
       (kind = 'subscription' AND valid_until <= ?))`,
  ).run(accountId, now, now, now)
}

export function offersFor(title: CatalogTitle, plans: CatalogPlan[]): Offer[] {
  if (title.free) return [{ kind: 'free' }]
  const offers: Offer[] = []
  if (title.inSubscription) {
    for (const p of plans) offers.push({ kind: 'subscription', planId: p.id, price: { amountMinor: p.priceMinor, currency: 'CNY' } })
  }
  if (title.rentPriceMinor !== null) {
    offers.push({ kind: 'rent', price: { amountMinor: title.rentPriceMinor, currency: 'CNY' }, playWindowHours: 48, startWindowDays: 30 })
  }
  if (title.buyPriceMinor !== null) offers.push({ kind: 'buy', price: { amountMinor: title.buyPriceMinor, currency: 'CNY' } })
  return offers
}

export function entitlementFor(title: CatalogTitle, holdings: Holdings): Entitlement {
  if (title.free) return { kind: 'free' }
  if (holdings.owned.has(title.id)) return { kind: 'owned' }
  if (title.inSubscription && holdings.subscription) return { kind: 'subscribed', until: new Date(holdings.subscription.until).toISOString() }
  const rental = holdings.rentals.get(title.id)
  if (rental) {
    return {
      kind: 'rented',
      startBy: rental.playUntil === null ? new Date(rental.startBy).toISOString() : null,
      playUntil: rental.playUntil === null ? null : new Date(rental.playUntil).toISOString(),
    }
  }
  return { kind: 'none' }
}

export function accessFor(title: CatalogTitle, holdings: Holdings, plans: CatalogPlan[]): Access {
  return { offers: offersFor(title, plans), entitlement: entitlementFor(title, holdings) }
}
