import type { Access, Entitlement, Money, Offer } from './contract-types'
import { isEntitled, parseTime, rentalWindow } from './entitlement'
import { needsPin, type Rating } from './ratings'
import { isSubscriptionBetterDeal, type Plan } from './offers'
import type { FailureReason, PaymentMethod, PurchaseIntent } from './purchase'
import { HOUR_MS } from './time'

/**
 * The rules around one purchase that the purchase dialog, the sign-in dialog
 * and the App's handlers follow: what the server is asked for, how long an
 * idempotency key lives, what an API error means for the dialog, what the PIN
 * screen says, how sign-in polls. Pure: time comes in as ms.
 */

/** An offer that can be paid for (a free offer cannot). */
export type PaidOffer = Exclude<Offer, { kind: 'free' }>

export function isPaidOffer(offer: Offer): offer is PaidOffer {
  return offer.kind !== 'free'
}

/** The dialog's intent for an offer on a title (the subscription is not tied to the title). */
export function intentFor(titleId: string, offer: PaidOffer): PurchaseIntent {
  switch (offer.kind) {
    case 'subscription':
      return { titleId: null, choice: { kind: 'subscribe', planId: offer.planId, price: offer.price } }
    case 'rent':
      return {
        titleId,
        choice: { kind: 'rent', price: offer.price, playWindowHours: offer.playWindowHours, startWindowDays: offer.startWindowDays },
      }
    case 'buy':
      return { titleId, choice: { kind: 'buy', price: offer.price } }
  }
}

/**
 * The purchase as the server identifies it, without the PIN: the same body
 * (same thing, same payment method) under the same key is the same purchase.
 */
export type PurchaseTarget =
  | { kind: 'subscription'; planId: string; method: PaymentMethod }
  | { kind: 'rent' | 'buy'; titleId: string; method: PaymentMethod }

export function purchaseTarget(intent: PurchaseIntent, method: PaymentMethod): PurchaseTarget {
  const { choice } = intent
  if (choice.kind === 'subscribe') return { kind: 'subscription', planId: choice.planId, method }
  return { kind: choice.kind, titleId: intent.titleId ?? '', method }
}

/** The POST /v1/purchases body for a target; the PIN only for the stored payment method. */
export type PurchaseBody =
  | { kind: 'subscription'; planId: string; payment: { method: 'stored'; pin: string } | { method: 'scan' } }
  | { kind: 'rent' | 'buy'; titleId: string; payment: { method: 'stored'; pin: string } | { method: 'scan' } }

export function purchaseBody(target: PurchaseTarget, pin: string | null): PurchaseBody {
  const payment = target.method === 'pin' ? { method: 'stored' as const, pin: pin ?? '' } : { method: 'scan' as const }
  return target.kind === 'subscription'
    ? { kind: 'subscription', planId: target.planId, payment }
    : { kind: target.kind, titleId: target.titleId, payment }
}

/** A key remembered on the device for an attempt that has not ended (Storage 'purchase.pending'). */
export interface PendingPurchase {
  idempotencyKey: string
  target: PurchaseTarget
  createdAt: number
}

/**
 * How long an unfinished attempt keeps its key: a retry within a day (after a
 * timeout, a closed dialog, even a restart) reuses it, so a request that did
 * reach the server is never charged twice. Older than that the viewer is
 * starting a new purchase.
 */
export const PENDING_KEY_LIFETIME_MS = 24 * HOUR_MS

function sameTarget(a: PurchaseTarget, b: PurchaseTarget): boolean {
  if (a.kind !== b.kind || a.method !== b.method) return false
  if (a.kind === 'subscription' && b.kind === 'subscription') return a.planId === b.planId
  if (a.kind !== 'subscription' && b.kind !== 'subscription') return a.titleId === b.titleId
  return false
}

/**
 * The key for an attempt at `target`: the remembered one when it is for the
 * same target and still young, else a new one (which the caller remembers).
 */
export function keyForAttempt(
  remembered: PendingPurchase | null,
  target: PurchaseTarget,
  now: number,
  newKey: () => string,
): PendingPurchase {
  if (
    remembered !== null &&
    sameTarget(remembered.target, target) &&
    now - remembered.createdAt >= 0 &&
    now - remembered.createdAt < PENDING_KEY_LIFETIME_MS
  ) {
    return remembered
  }
  return { idempotencyKey: newKey(), target, createdAt: now }
}

/**
 * Whether the attempt is over, so its key must be forgotten: completed, or a
 * failure that a retry would not repeat with the same key (cancelled, expired
 * QR, sign-in needed, stored payment unusable, already held, withdrawn). Keys
 * of network failures (no answer, or a 5xx), declines and PIN failures are
 * kept for the retry.
 */
export function attemptEnded(outcome: { kind: 'completed' } | FailureReason): boolean {
  switch (outcome.kind) {
    case 'completed':
    case 'cancelled':
    case 'expired':
    case 'sign-in-required':
    case 'stored-payment-unavailable':
    case 'already-entitled':
    case 'unavailable':
      return true
    case 'network':
    case 'declined':
    case 'pin_incorrect':
    case 'pin_locked':
      return false
  }
}

/** The parts of an API error the rules need (the app's AppError has them). */
export interface ApiFailure {
  /** The API's error.code, null when no answer came. */
  code: string | null
  /** Offline, timeout, 5xx, a malformed answer: the request may or may not have reached the server. */
  transient: boolean
  /** No answer came at all (offline, timeout): the only failure the viewer may be told is the connection's. */
  unreachable: boolean
  /** The error body: PIN errors carry triesLeft / unlocksAt. */
  body: unknown
}

function numberField(body: unknown, field: string): number | null {
  if (typeof body !== 'object' || body === null) return null
  const value = (body as Record<string, unknown>)[field]
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

function stringField(body: unknown, field: string): string | null {
  if (typeof body !== 'object' || body === null) return null
  const value = (body as Record<string, unknown>)[field]
  return typeof value === 'string' ? value : null
}

/**
 * What a failed POST /v1/purchases means for the dialog. A transient failure
 * has no confirmed outcome and keeps whether any answer came (the dialog blames
 * the connection only when none did). `idempotency_in_progress` (a double press
 * reached the server while the first was processing) is such a failure too, an
 * answered one: retried with the same key, it answers the one purchase.
 */
export function failureFromApi(failure: ApiFailure): FailureReason {
  if (failure.transient) return { kind: 'network', unreachable: failure.unreachable }
  switch (failure.code) {
    case 'pin_incorrect':
      return { kind: 'pin_incorrect', triesLeft: numberField(failure.body, 'triesLeft') ?? 0 }
    case 'pin_locked':
      return { kind: 'pin_locked', unlocksAt: stringField(failure.body, 'unlocksAt') ?? '1970-01-01T00:00:00.000Z' }
    case 'sign_in_required':
      return { kind: 'sign-in-required' }
    case 'no_stored_payment':
    case 'pin_not_set':
      return { kind: 'stored-payment-unavailable' }
    case 'already_entitled':
      return { kind: 'already-entitled' }
    case 'offer_unavailable':
    case 'not_found':
      return { kind: 'unavailable' }
    case 'idempotency_in_progress':
      return { kind: 'network', unreachable: false }
    default:
      return { kind: 'declined' }
  }
}

/** What the PIN screen tells the viewer after a failure: tries left, or how long until it unlocks. */
export type PinNotice = { kind: 'tries-left'; triesLeft: number } | { kind: 'locked'; unlocksInMs: number } | null

export function pinNotice(reason: FailureReason | null, now: number): PinNotice {
  if (reason === null) return null
  if (reason.kind === 'pin_incorrect') return { kind: 'tries-left', triesLeft: Math.max(0, reason.triesLeft) }
  if (reason.kind === 'pin_locked') {
    const unlocksAt = parseTime(reason.unlocksAt)
    return { kind: 'locked', unlocksInMs: Number.isFinite(unlocksAt) ? Math.max(0, unlocksAt - now) : 0 }
  }
  return null
}

/**
 * The plan to point out on a rental ("VIP ¥25/month is the better deal"): the
 * cheapest plan when subscribing is the better deal (see isSubscriptionBetterDeal)
 * and the title is included in it; else null.
 */
export function betterDealPlan(offers: readonly Offer[], plans: readonly Plan[], rentPrice: Money): Plan | null {
  const included = offers.some((offer) => offer.kind === 'subscription')
  if (!included) return null
  let best: Plan | null = null
  for (const plan of plans) if (best === null || plan.price.amountMinor < best.price.amountMinor) best = plan
  return best !== null && isSubscriptionBetterDeal(best.price, rentPrice) ? best : null
}

/**
 * Whether playing now starts a rental's 48 h window, so the viewer is asked
 * first: a rental in force that has not been started yet.
 */
export function startsRentalWindow(entitlement: Entitlement, now: number): boolean {
  if (entitlement.kind !== 'rented') return false
  const current = rentalWindow(entitlement, now)
  return current !== null && !current.started
}

/**
 * Whether the play may be authorised (POST /v1/playback) and preloaded while
 * the viewer is still on Details: the viewer is entitled, nothing will be
 * asked at the Play press (no parental PIN: `ratingLimit` is null when signed
 * out or unlimited; no rental consent) and the authorisation writes nothing
 * (it starts a rental's window only on its first play).
 */
export function playsWithoutAsking(access: Access, rating: Rating, ratingLimit: Rating | null, now: number): boolean {
  return isEntitled(access, now) && !startsRentalWindow(access.entitlement, now) && !needsPin(rating, ratingLimit)
}

/** The PIN: exactly four digits. */
export const PIN_LENGTH = 4

export function isCompletePin(pin: string): boolean {
  return /^[0-9]{4}$/.test(pin)
}

/** A digit appended (ignored once full) or the last one removed. */
export function editPin(pin: string, key: { digit: string } | 'delete'): string {
  if (key === 'delete') return pin.slice(0, -1)
  if (!/^[0-9]$/.test(key.digit) || pin.length >= PIN_LENGTH) return pin
  return pin + key.digit
}

/**
 * Scan to pay: how often the app asks whether the phone paid, and when it
 * gives up: at the purchase's own expiry, or after the cap when it has none.
 */
export const SCAN_POLL_INTERVAL_MS = 2000
export const SCAN_TIMEOUT_CAP_MS = 10 * 60 * 1000

export function scanDeadline(expiresAt: string | null, startedAt: number): number {
  const cap = startedAt + SCAN_TIMEOUT_CAP_MS
  const expires = parseTime(expiresAt)
  return Number.isFinite(expires) ? Math.min(expires, cap) : cap
}

/** A polled purchase status as a dialog event. */
export type ScanPollOutcome = { type: 'succeeded' } | { type: 'failed'; reason: FailureReason } | { type: 'wait' }

export function scanPollOutcome(status: 'pending' | 'completed' | 'cancelled' | 'expired', now: number, deadline: number): ScanPollOutcome {
  switch (status) {
    case 'completed':
      return { type: 'succeeded' }
    case 'cancelled':
      return { type: 'failed', reason: { kind: 'cancelled' } }
    case 'expired':
      return { type: 'failed', reason: { kind: 'expired' } }
    case 'pending':
      return now >= deadline ? { type: 'failed', reason: { kind: 'expired' } } : { type: 'wait' }
  }
}
