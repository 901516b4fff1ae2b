import {
  attemptEnded,
  betterDealPlan,
  editPin,
  failureFromApi,
  intentFor,
  isCompletePin,
  keyForAttempt,
  PENDING_KEY_LIFETIME_MS,
  pinNotice,
  purchaseBody,
  purchaseReducer,
  purchaseTarget,
  scanDeadline,
  scanPollOutcome,
  SCAN_TIMEOUT_CAP_MS,
  playsWithoutAsking,
  startsRentalWindow,
  type ApiFailure,
  type PendingPurchase,
  type PurchaseState,
  type RentOffer,
} from '../../../src/domain'
import { access, BUY, cny, DAY, FREE, HOUR, iso, MINUTE, NONE, NOW, RENT, rentedNotStarted, rentedStarted, subscribedUntil, VIP } from './fixtures'

const rent = RENT as RentOffer

describe('intentFor and purchaseBody: what the server is asked for', () => {
  test('a rental names the title; the PIN goes only with the stored payment method', () => {
    const intent = intentFor('t0042', rent)
    expect(intent).toEqual({ titleId: 't0042', choice: { kind: 'rent', price: cny(800), playWindowHours: 48, startWindowDays: 30 } })
    expect(purchaseBody(purchaseTarget(intent, 'pin'), '1234')).toEqual({ kind: 'rent', titleId: 't0042', payment: { method: 'stored', pin: '1234' } })
    expect(purchaseBody(purchaseTarget(intent, 'scan'), '1234')).toEqual({ kind: 'rent', titleId: 't0042', payment: { method: 'scan' } })
  })

  test('the subscription is not tied to the title that led to it', () => {
    const intent = intentFor('t0042', VIP as Extract<typeof VIP, { kind: 'subscription' }>)
    expect(intent.titleId).toBeNull()
    expect(purchaseBody(purchaseTarget(intent, 'scan'), null)).toEqual({ kind: 'subscription', planId: 'vip-monthly', payment: { method: 'scan' } })
  })

  test('buy', () => {
    expect(purchaseTarget(intentFor('t9', BUY as Extract<typeof BUY, { kind: 'buy' }>), 'pin')).toEqual({ kind: 'buy', titleId: 't9', method: 'pin' })
  })
})

describe('keyForAttempt: one idempotency key per attempt, kept across retries', () => {
  const target = { kind: 'rent' as const, titleId: 't1', method: 'pin' as const }
  let counter = 0
  const newKey = (): string => `key-${++counter}`
  const remembered: PendingPurchase = { idempotencyKey: 'kept-key', target, createdAt: NOW }

  test('nothing remembered: a new key, stamped now', () => {
    expect(keyForAttempt(null, target, NOW, newKey)).toEqual({ idempotencyKey: expect.stringMatching(/^key-/), target, createdAt: NOW })
  })

  test('the same target within the lifetime reuses the key (retry after a timeout, reopened dialog, restart)', () => {
    expect(keyForAttempt(remembered, { ...target }, NOW + 5 * MINUTE, newKey)).toBe(remembered)
    expect(keyForAttempt(remembered, target, NOW + PENDING_KEY_LIFETIME_MS - 1, newKey)).toBe(remembered)
  })

  test('a new key once the lifetime is over, or for another title, kind or payment method', () => {
    expect(keyForAttempt(remembered, target, NOW + PENDING_KEY_LIFETIME_MS, newKey).idempotencyKey).not.toBe('kept-key')
    expect(keyForAttempt(remembered, { ...target, titleId: 't2' }, NOW, newKey).idempotencyKey).not.toBe('kept-key')
    expect(keyForAttempt(remembered, { ...target, kind: 'buy' }, NOW, newKey).idempotencyKey).not.toBe('kept-key')
    expect(keyForAttempt(remembered, { ...target, method: 'scan' }, NOW, newKey).idempotencyKey).not.toBe('kept-key')
    expect(keyForAttempt(remembered, { kind: 'subscription', planId: 'vip-monthly', method: 'pin' }, NOW, newKey).idempotencyKey).not.toBe('kept-key')
  })

  test('a key stamped in the future (clock changed) is not trusted', () => {
    expect(keyForAttempt({ ...remembered, createdAt: NOW + HOUR }, target, NOW, newKey).idempotencyKey).not.toBe('kept-key')
  })

  test('subscription targets compare by plan', () => {
    const vip = { kind: 'subscription' as const, planId: 'vip-monthly', method: 'scan' as const }
    const kept: PendingPurchase = { idempotencyKey: 'vip-key', target: vip, createdAt: NOW }
    expect(keyForAttempt(kept, { ...vip }, NOW, newKey)).toBe(kept)
    expect(keyForAttempt(kept, { ...vip, planId: 'vip-year' }, NOW, newKey)).not.toBe(kept)
  })

  test('the key is forgotten only when the attempt ended, never after a failure a retry repeats', () => {
    expect(attemptEnded({ kind: 'completed' })).toBe(true)
    for (const kind of ['cancelled', 'expired', 'sign-in-required', 'stored-payment-unavailable', 'already-entitled', 'unavailable'] as const) {
      expect(attemptEnded({ kind })).toBe(true)
    }
    expect(attemptEnded({ kind: 'network', unreachable: true })).toBe(false)
    expect(attemptEnded({ kind: 'network', unreachable: false })).toBe(false)
    expect(attemptEnded({ kind: 'declined' })).toBe(false)
    expect(attemptEnded({ kind: 'pin_incorrect', triesLeft: 3 })).toBe(false)
    expect(attemptEnded({ kind: 'pin_locked', unlocksAt: iso(NOW) })).toBe(false)
  })
})

describe('failureFromApi: API errors as purchase failures', () => {
  const answer = (code: string | null, body: unknown = null) => failureFromApi({ code, body, transient: false, unreachable: false })
  /** POST /v1/purchases got no answer: the connection dropped or was refused, or none came in time. */
  const noAnswer: ApiFailure = { code: null, body: null, transient: true, unreachable: true }
  /** POST /v1/purchases was answered with a 500, or with a body that was no purchase. */
  const serverError: ApiFailure = { code: 'internal', body: { error: { code: 'internal', message: 'boom' } }, transient: true, unreachable: false }
  const malformed: ApiFailure = { code: null, body: null, transient: true, unreachable: false }

  test('a purchase that got no answer is a network failure that says no answer came', () => {
    expect(failureFromApi(noAnswer)).toEqual({ kind: 'network', unreachable: true })
  })

  test('a purchase answered with a 5xx or a malformed body is the same failure, but answered: the connection is not to blame', () => {
    expect(failureFromApi(serverError)).toEqual({ kind: 'network', unreachable: false })
    expect(failureFromApi(malformed)).toEqual({ kind: 'network', unreachable: false })
  })

  test('either way the key is kept and Retry goes back to the PIN pad with it, so a charge that did happen is not repeated', () => {
    const intent = intentFor('t1', rent)
    for (const failure of [noAnswer, serverError]) {
      const reason = failureFromApi(failure)
      const failed: PurchaseState = { status: 'failed', intent, method: 'pin', idempotencyKey: 'k', reason }
      expect(attemptEnded(reason)).toBe(false)
      expect(purchaseReducer(failed, { type: 'retry', now: NOW })).toEqual({ status: 'awaiting-pin', intent, idempotencyKey: 'k', triesLeft: null })
    }
  })

  test('a double press that reached the server while the first was processing retries, it is not a decline (and not the connection)', () => {
    expect(answer('idempotency_in_progress')).toEqual({ kind: 'network', unreachable: false })
  })

  test('PIN errors carry tries left and the unlock time', () => {
    expect(answer('pin_incorrect', { triesLeft: 3 })).toEqual({ kind: 'pin_incorrect', triesLeft: 3 })
    expect(answer('pin_incorrect', {})).toEqual({ kind: 'pin_incorrect', triesLeft: 0 })
    expect(answer('pin_locked', { unlocksAt: iso(NOW + 15 * MINUTE) })).toEqual({ kind: 'pin_locked', unlocksAt: iso(NOW + 15 * MINUTE) })
  })

  test.each([
    ['sign_in_required', 'sign-in-required'],
    ['no_stored_payment', 'stored-payment-unavailable'],
    ['pin_not_set', 'stored-payment-unavailable'],
    ['already_entitled', 'already-entitled'],
    ['offer_unavailable', 'unavailable'],
    ['not_found', 'unavailable'],
    ['idempotency_key_reused', 'declined'],
    [null, 'declined'],
  ])('%s → %s', (code, kind) => {
    expect(answer(code).kind).toBe(kind)
  })

  test('through the reducer: sign-in and stored-payment failures go back to confirming; already held and withdrawn stay', () => {
    const intent = intentFor('t1', rent)
    const failed = (kind: 'sign-in-required' | 'stored-payment-unavailable' | 'already-entitled' | 'unavailable'): PurchaseState => ({
      status: 'failed',
      intent,
      method: 'pin',
      idempotencyKey: 'k',
      reason: { kind },
    })
    expect(purchaseReducer(failed('sign-in-required'), { type: 'retry', now: NOW })).toEqual({ status: 'confirming', intent })
    expect(purchaseReducer(failed('stored-payment-unavailable'), { type: 'retry', now: NOW })).toEqual({ status: 'confirming', intent })
    const held = failed('already-entitled')
    expect(purchaseReducer(held, { type: 'retry', now: NOW })).toBe(held)
    const gone = failed('unavailable')
    expect(purchaseReducer(gone, { type: 'retry', now: NOW })).toBe(gone)
  })
})

describe('pinNotice: what the PIN screen says after a failure', () => {
  test('tries left, never negative', () => {
    expect(pinNotice({ kind: 'pin_incorrect', triesLeft: 2 }, NOW)).toEqual({ kind: 'tries-left', triesLeft: 2 })
    expect(pinNotice({ kind: 'pin_incorrect', triesLeft: -1 }, NOW)).toEqual({ kind: 'tries-left', triesLeft: 0 })
  })

  test('locked: the time until it unlocks, 0 once past or unreadable', () => {
    expect(pinNotice({ kind: 'pin_locked', unlocksAt: iso(NOW + 15 * MINUTE) }, NOW)).toEqual({ kind: 'locked', unlocksInMs: 15 * MINUTE })
    expect(pinNotice({ kind: 'pin_locked', unlocksAt: iso(NOW - MINUTE) }, NOW)).toEqual({ kind: 'locked', unlocksInMs: 0 })
    expect(pinNotice({ kind: 'pin_locked', unlocksAt: 'soon' }, NOW)).toEqual({ kind: 'locked', unlocksInMs: 0 })
  })

  test('nothing for other failures or none', () => {
    expect(pinNotice(null, NOW)).toBeNull()
    expect(pinNotice({ kind: 'network', unreachable: true }, NOW)).toBeNull()
  })
})

describe('editPin', () => {
  test('digits up to four, delete removes the last, anything else is ignored', () => {
    let pin = ''
    for (const digit of ['1', '2', '3', '4', '5']) pin = editPin(pin, { digit })
    expect(pin).toBe('1234')
    expect(isCompletePin(pin)).toBe(true)
    pin = editPin(pin, 'delete')
    expect(pin).toBe('123')
    expect(isCompletePin(pin)).toBe(false)
    expect(editPin(pin, { digit: 'x' })).toBe('123')
    expect(editPin('', 'delete')).toBe('')
  })
})

describe('betterDealPlan: the plan a rental dialog points out', () => {
  const cheap = { planId: 'vip-monthly', price: cny(1500) }
  const dear = { planId: 'vip-monthly', price: cny(2500) }

  test('shown when the title is included and a month costs no more than two rentals', () => {
    expect(betterDealPlan([VIP, RENT], [cheap], cny(800))).toEqual(cheap)
    expect(betterDealPlan([VIP, RENT], [dear, cheap], cny(800))).toEqual(cheap)
  })

  test('not when dearer, not included, or no plan', () => {
    expect(betterDealPlan([VIP, RENT], [dear], cny(800))).toBeNull()
    expect(betterDealPlan([RENT, BUY], [cheap], cny(800))).toBeNull()
    expect(betterDealPlan([VIP, RENT], [], cny(800))).toBeNull()
  })
})

describe('startsRentalWindow: ask before the first play of a rental', () => {
  test('a rental not started yet, still in its 30 days', () => {
    expect(startsRentalWindow(rentedNotStarted(NOW + 30 * DAY), NOW)).toBe(true)
  })

  test('not once started, not when expired, not for other entitlements', () => {
    expect(startsRentalWindow(rentedStarted(NOW + 41 * HOUR), NOW)).toBe(false)
    expect(startsRentalWindow(rentedNotStarted(NOW - 1), NOW)).toBe(false)
    expect(startsRentalWindow(subscribedUntil(NOW + DAY), NOW)).toBe(false)
    expect(startsRentalWindow(NONE, NOW)).toBe(false)
  })
})

describe('playsWithoutAsking: a play authorised and preloaded on Details', () => {
  test('free, subscribed, owned and a rental already started: nothing to ask, nothing written', () => {
    expect(playsWithoutAsking(access([FREE]), 'all', null, NOW)).toBe(true)
    expect(playsWithoutAsking(access([VIP, RENT], subscribedUntil(NOW + DAY)), '12+', null, NOW)).toBe(true)
    expect(playsWithoutAsking(access([BUY], { kind: 'owned' }), 'all', '16+', NOW)).toBe(true)
    expect(playsWithoutAsking(access([RENT], rentedStarted(NOW + HOUR)), 'all', null, NOW)).toBe(true)
  })

  test('not before a rental’s first play: its authorisation starts the 48 h window, after the viewer agreed', () => {
    expect(playsWithoutAsking(access([RENT], rentedNotStarted(NOW + DAY)), 'all', null, NOW)).toBe(false)
  })

  test('not when the viewer must pay or the rental ran out', () => {
    expect(playsWithoutAsking(access([VIP, RENT]), 'all', null, NOW)).toBe(false)
    expect(playsWithoutAsking(access([VIP], subscribedUntil(NOW - 1)), 'all', null, NOW)).toBe(false)
    expect(playsWithoutAsking(access([RENT], rentedStarted(NOW - 1)), 'all', null, NOW)).toBe(false)
  })

  test('not when the parental PIN will be asked', () => {
    expect(playsWithoutAsking(access([FREE]), '18+', '12+', NOW)).toBe(false)
    expect(playsWithoutAsking(access([FREE]), '12+', '12+', NOW)).toBe(true)
  })
})

describe('scan to pay polling', () => {
  test('the deadline is the purchase expiry, capped', () => {
    expect(scanDeadline(iso(NOW + 5 * MINUTE), NOW)).toBe(NOW + 5 * MINUTE)
    expect(scanDeadline(iso(NOW + DAY), NOW)).toBe(NOW + SCAN_TIMEOUT_CAP_MS)
    expect(scanDeadline(null, NOW)).toBe(NOW + SCAN_TIMEOUT_CAP_MS)
  })

  test('completed succeeds, cancelled and expired fail, pending waits until the deadline', () => {
    const deadline = NOW + MINUTE
    expect(scanPollOutcome('completed', NOW, deadline)).toEqual({ type: 'succeeded' })
    expect(scanPollOutcome('cancelled', NOW, deadline)).toEqual({ type: 'failed', reason: { kind: 'cancelled' } })
    expect(scanPollOutcome('expired', NOW, deadline)).toEqual({ type: 'failed', reason: { kind: 'expired' } })
    expect(scanPollOutcome('pending', deadline - 1, deadline)).toEqual({ type: 'wait' })
    expect(scanPollOutcome('pending', deadline, deadline)).toEqual({ type: 'failed', reason: { kind: 'expired' } })
  })
})
