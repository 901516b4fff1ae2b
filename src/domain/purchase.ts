import { parseTime } from './entitlement'
import type { PurchaseChoice } from './offers'

/**
 * The purchase dialog as a pure state machine. The UI dispatches events (key
 * presses and API answers) and renders the state; it performs the requests the
 * state calls for. Every event that does not apply to the current state returns
 * that same state object, so a double press is a no-op the UI can detect with ===.
 *
 *   idle ─select→ confirming ─confirm(pin)→ awaiting-pin ─pin-entered→ submitting
 *                            └confirm(scan)────────────────────────→ submitting
 *   submitting ─succeeded→ completed
 *              ─pending→ awaiting-scan (QR on screen, polling) ─succeeded→ completed
 *              ─failed→ failed(reason)            awaiting-scan ─failed→ failed
 *   confirming ─cancel→ idle;  awaiting-pin | awaiting-scan ─cancel→ failed(cancelled)
 *   failed ─retry→ awaiting-pin | submitting (same idempotency key), or confirming
 *   any state but submitting ─close→ idle;  completed | failed ─select→ confirming
 *
 * One purchase attempt has one idempotency key, made when the viewer confirms
 * and kept through every retry (network, wrong PIN, declined), so a request
 * that did reach the server before the connection dropped is never charged
 * twice. Only an expired QR or a cancel start a new attempt (back to
 * confirming, a new key on confirm). The server must therefore not remember
 * rejected attempts (wrong PIN, locked PIN, declined) under their key.
 *
 * The PIN itself is never kept in the state: the UI sends it with the request
 * it makes on `pin-entered`.
 */

export interface PurchaseIntent {
  /** The title being rented or bought; null for a plain subscription. */
  titleId: string | null
  choice: PurchaseChoice
}

export type PaymentMethod = 'pin' | 'scan'

export type FailureReason =
  | { kind: 'pin_incorrect'; triesLeft: number }
  | { kind: 'pin_locked'; unlocksAt: string }
  /**
   * No confirmed outcome: the request may or may not have been charged, so a retry sends the same key.
   * `unreachable`: no answer came at all (connection dropped or refused, timeout), as opposed to an answer
   * that was a failure (5xx, a malformed body, a retry while the first is still processed).
   */
  | { kind: 'network'; unreachable: boolean }
  | { kind: 'declined' }
  | { kind: 'expired' }
  | { kind: 'cancelled' }
  /** An anonymous device: sign in, then start again. */
  | { kind: 'sign-in-required' }
  /** No stored payment method or no PIN on the account: scan to pay instead. */
  | { kind: 'stored-payment-unavailable' }
  /** The viewer already holds it (bought on another device): nothing to retry, just play. */
  | { kind: 'already-entitled' }
  /** The offer is gone (withdrawn from sale): nothing to retry. */
  | { kind: 'unavailable' }

export type PurchaseState =
  | { status: 'idle' }
  | { status: 'confirming'; intent: PurchaseIntent }
  | {
      status: 'awaiting-pin'
      intent: PurchaseIntent
      idempotencyKey: string
      /** After a wrong PIN: how many tries remain (null on the first entry). */
      triesLeft: number | null
    }
  | { status: 'submitting'; intent: PurchaseIntent; method: PaymentMethod; idempotencyKey: string }
  | {
      status: 'awaiting-scan'
      intent: PurchaseIntent
      idempotencyKey: string
      purchaseId: string
      /** What the QR code encodes: the phone page that confirms the payment. */
      payUrl: string
      /** ISO time the pending purchase expires. */
      expiresAt: string
    }
  | { status: 'completed'; intent: PurchaseIntent; purchaseId: string }
  | { status: 'failed'; intent: PurchaseIntent; method: PaymentMethod; idempotencyKey: string; reason: FailureReason }

export type PurchaseEvent =
  | { type: 'select'; intent: PurchaseIntent }
  | { type: 'confirm'; method: PaymentMethod; idempotencyKey: string }
  | { type: 'pin-entered' }
  | { type: 'pending'; purchaseId: string; payUrl: string; expiresAt: string }
  | { type: 'succeeded'; purchaseId: string }
  | { type: 'failed'; reason: FailureReason }
  | { type: 'cancel' }
  | { type: 'retry'; now: number }
  | { type: 'close' }

export const initialPurchaseState: PurchaseState = { status: 'idle' }

/** Whether a failed attempt can be retried at `now` (a locked PIN only once it unlocks). */
export function canRetry(state: PurchaseState, now: number): boolean {
  return retry(state, now) !== state
}

function retry(state: PurchaseState, now: number): PurchaseState {
  if (state.status !== 'failed') return state
  const { intent, method, idempotencyKey, reason } = state
  switch (reason.kind) {
    case 'expired':
    case 'cancelled':
    case 'sign-in-required':
    case 'stored-payment-unavailable':
      return { status: 'confirming', intent }
    case 'already-entitled':
    case 'unavailable':
      return state
    case 'pin_locked':
      if (!(parseTime(reason.unlocksAt) <= now)) return state
      return { status: 'awaiting-pin', intent, idempotencyKey, triesLeft: null }
    case 'pin_incorrect':
      if (reason.triesLeft <= 0) return state
      return { status: 'awaiting-pin', intent, idempotencyKey, triesLeft: reason.triesLeft }
    case 'network':
    case 'declined':
      return method === 'pin'
        ? { status: 'awaiting-pin', intent, idempotencyKey, triesLeft: null }
        : { status: 'submitting', intent, method, idempotencyKey }
  }
}

export function purchaseReducer(state: PurchaseState, event: PurchaseEvent): PurchaseState {
  switch (event.type) {
    case 'select':
      if (state.status === 'idle' || state.status === 'completed' || state.status === 'failed') {
        return { status: 'confirming', intent: event.intent }
      }
      return state

    case 'confirm':
      if (state.status !== 'confirming') return state
      return event.method === 'pin'
        ? { status: 'awaiting-pin', intent: state.intent, idempotencyKey: event.idempotencyKey, triesLeft: null }
        : { status: 'submitting', intent: state.intent, method: 'scan', idempotencyKey: event.idempotencyKey }

    case 'pin-entered':
      if (state.status !== 'awaiting-pin') return state
      return { status: 'submitting', intent: state.intent, method: 'pin', idempotencyKey: state.idempotencyKey }

    case 'pending':
      if (state.status !== 'submitting' || state.method !== 'scan') return state
      return {
        status: 'awaiting-scan',
        intent: state.intent,
        idempotencyKey: state.idempotencyKey,
        purchaseId: event.purchaseId,
        payUrl: event.payUrl,
        expiresAt: event.expiresAt,
      }

    case 'succeeded':
      if (state.status === 'submitting') return { status: 'completed', intent: state.intent, purchaseId: event.purchaseId }
      if (state.status === 'awaiting-scan' && state.purchaseId === event.purchaseId) {
        return { status: 'completed', intent: state.intent, purchaseId: event.purchaseId }
      }
      return state

    case 'failed':
      if (state.status === 'submitting') {
        return { status: 'failed', intent: state.intent, method: state.method, idempotencyKey: state.idempotencyKey, reason: event.reason }
      }
      // While the QR is up, a failed poll is not a failed purchase: keep polling.
      if (state.status === 'awaiting-scan' && event.reason.kind !== 'network') {
        return { status: 'failed', intent: state.intent, method: 'scan', idempotencyKey: state.idempotencyKey, reason: event.reason }
      }
      return state

    case 'cancel':
      if (state.status === 'confirming') return { status: 'idle' }
      if (state.status === 'awaiting-pin' || state.status === 'awaiting-scan') {
        return {
          status: 'failed',
          intent: state.intent,
          method: state.status === 'awaiting-pin' ? 'pin' : 'scan',
          idempotencyKey: state.idempotencyKey,
          reason: { kind: 'cancelled' },
        }
      }
      return state

    case 'retry':
      return retry(state, event.now)

    case 'close':
      if (state.status === 'submitting' || state.status === 'idle') return state
      return { status: 'idle' }
  }
}

/** An integer in [0, n) from a random source in [0, 1); a source out of range counts as 0. */
function below(random: () => number, n: number): number {
  const r = random()
  return Math.floor((r >= 0 && r < 1 ? r : 0) * n)
}

function hex(random: () => number, digits: number): string {
  let out = ''
  for (let i = 0; i < digits; i++) out += below(random, 16).toString(16)
  return out
}

/**
 * A random UUID v4 for the `Idempotency-Key` header, from the random source
 * given (Math.random on old engines; crypto where there is one; a seeded one
 * in tests).
 */
export function newIdempotencyKey(random: () => number): string {
  const variant = (8 + below(random, 4)).toString(16)
  return `${hex(random, 8)}-${hex(random, 4)}-4${hex(random, 3)}-${variant}${hex(random, 3)}-${hex(random, 12)}`
}
