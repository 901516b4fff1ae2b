import {
  canRetry,
  initialPurchaseState,
  newIdempotencyKey,
  purchaseReducer,
  type FailureReason,
  type PurchaseEvent,
  type PurchaseIntent,
  type PurchaseState,
} from '../../../src/domain'
import { cny, iso, NOW } from './fixtures'

const intent: PurchaseIntent = { titleId: 't-42', choice: { kind: 'rent', price: cny(800), playWindowHours: 48, startWindowDays: 30 } }
const other: PurchaseIntent = { titleId: null, choice: { kind: 'subscribe', planId: 'vip-monthly', price: cny(2500) } }
const KEY = 'key-1'

const run = (events: PurchaseEvent[], from: PurchaseState = initialPurchaseState): PurchaseState =>
  events.reduce(purchaseReducer, from)

const confirming: PurchaseState = { status: 'confirming', intent }
const awaitingPin: PurchaseState = { status: 'awaiting-pin', intent, idempotencyKey: KEY, triesLeft: null }
const submittingPin: PurchaseState = { status: 'submitting', intent, method: 'pin', idempotencyKey: KEY }
const submittingScan: PurchaseState = { status: 'submitting', intent, method: 'scan', idempotencyKey: KEY }
const awaitingScan: PurchaseState = {
  status: 'awaiting-scan',
  intent,
  idempotencyKey: KEY,
  purchaseId: 'p-1',
  payUrl: 'http://localhost:8080/pay/p-1',
  expiresAt: iso(NOW + 300000),
}
const completed: PurchaseState = { status: 'completed', intent, purchaseId: 'p-1' }
const failedWith = (reason: FailureReason, method: 'pin' | 'scan' = 'pin'): PurchaseState => ({
  status: 'failed',
  intent,
  method,
  idempotencyKey: KEY,
  reason,
})

const allStates: [string, PurchaseState][] = [
  ['idle', initialPurchaseState],
  ['confirming', confirming],
  ['awaiting-pin', awaitingPin],
  ['submitting (pin)', submittingPin],
  ['submitting (scan)', submittingScan],
  ['awaiting-scan', awaitingScan],
  ['completed', completed],
  ['failed', failedWith({ kind: 'network', unreachable: true })],
]

describe('the happy paths', () => {
  test('PIN: idle → confirming → awaiting-pin → submitting → completed', () => {
    const s1 = purchaseReducer(initialPurchaseState, { type: 'select', intent })
    expect(s1).toEqual(confirming)
    const s2 = purchaseReducer(s1, { type: 'confirm', method: 'pin', idempotencyKey: KEY })
    expect(s2).toEqual(awaitingPin)
    const s3 = purchaseReducer(s2, { type: 'pin-entered' })
    expect(s3).toEqual(submittingPin)
    expect(purchaseReducer(s3, { type: 'succeeded', purchaseId: 'p-9' })).toEqual({ status: 'completed', intent, purchaseId: 'p-9' })
  })

  test('scan: confirming → submitting → awaiting-scan (QR) → completed', () => {
    const s1 = run([{ type: 'select', intent }, { type: 'confirm', method: 'scan', idempotencyKey: KEY }])
    expect(s1).toEqual(submittingScan)
    const s2 = purchaseReducer(s1, { type: 'pending', purchaseId: 'p-1', payUrl: awaitingScan.status === 'awaiting-scan' ? awaitingScan.payUrl : '', expiresAt: iso(NOW + 300000) })
    expect(s2).toEqual(awaitingScan)
    expect(purchaseReducer(s2, { type: 'succeeded', purchaseId: 'p-1' })).toEqual(completed)
  })

  test('scan: an immediately completed purchase skips the QR', () => {
    expect(purchaseReducer(submittingScan, { type: 'succeeded', purchaseId: 'p-1' })).toEqual(completed)
  })
})

describe('double presses and stray events return the very same state', () => {
  test('confirm pressed twice: the second is ignored (same key kept)', () => {
    const s = purchaseReducer(confirming, { type: 'confirm', method: 'scan', idempotencyKey: KEY })
    expect(purchaseReducer(s, { type: 'confirm', method: 'scan', idempotencyKey: 'key-2' })).toBe(s)
  })

  test('OK pressed again while submitting a PIN: ignored', () => {
    expect(purchaseReducer(submittingPin, { type: 'pin-entered' })).toBe(submittingPin)
    expect(purchaseReducer(submittingPin, { type: 'confirm', method: 'pin', idempotencyKey: 'key-2' })).toBe(submittingPin)
  })

  test('while submitting, select, cancel, retry and close are all ignored', () => {
    for (const event of [
      { type: 'select', intent: other },
      { type: 'cancel' },
      { type: 'retry', now: NOW },
      { type: 'close' },
    ] as PurchaseEvent[]) {
      expect(purchaseReducer(submittingPin, event)).toBe(submittingPin)
      expect(purchaseReducer(submittingScan, event)).toBe(submittingScan)
    }
  })

  test.each(allStates)('%s ignores what does not apply to it', (name, state) => {
    const events: PurchaseEvent[] = [
      { type: 'confirm', method: 'pin', idempotencyKey: 'x' },
      { type: 'pin-entered' },
      { type: 'pending', purchaseId: 'p-2', payUrl: 'u', expiresAt: iso(NOW) },
      { type: 'succeeded', purchaseId: 'p-2' },
      { type: 'failed', reason: { kind: 'declined' } },
      { type: 'retry', now: NOW },
    ]
    const applicable: Record<string, PurchaseEvent['type'][]> = {
      idle: [],
      confirming: ['confirm'],
      'awaiting-pin': ['pin-entered'],
      'submitting (pin)': ['succeeded', 'failed'],
      'submitting (scan)': ['pending', 'succeeded', 'failed'],
      'awaiting-scan': ['failed'], // succeeded for another purchase id is stale
      completed: [],
      failed: ['retry'],
    }
    for (const event of events) {
      const next = purchaseReducer(state, event)
      if ((applicable[name] ?? []).includes(event.type)) expect(next).not.toBe(state)
      else expect(next).toBe(state)
    }
  })

  test('pending in a PIN submission is ignored', () => {
    expect(purchaseReducer(submittingPin, { type: 'pending', purchaseId: 'p', payUrl: 'u', expiresAt: iso(NOW) })).toBe(submittingPin)
  })

  test('a new selection while a dialog is open is ignored', () => {
    for (const state of [confirming, awaitingPin, awaitingScan]) expect(purchaseReducer(state, { type: 'select', intent: other })).toBe(state)
  })
})

describe('failures', () => {
  test.each([
    [{ kind: 'pin_incorrect', triesLeft: 2 }],
    [{ kind: 'pin_locked', unlocksAt: iso(NOW + 60000) }],
    [{ kind: 'network', unreachable: true }],
    [{ kind: 'declined' }],
  ] as [FailureReason][])('submitting (pin) → failed %j, keeping the key', (reason) => {
    expect(purchaseReducer(submittingPin, { type: 'failed', reason })).toEqual(failedWith(reason, 'pin'))
  })

  test('the QR expires → failed(expired)', () => {
    expect(purchaseReducer(awaitingScan, { type: 'failed', reason: { kind: 'expired' } })).toEqual(failedWith({ kind: 'expired' }, 'scan'))
  })

  test('declined on the phone → failed(declined)', () => {
    expect(purchaseReducer(awaitingScan, { type: 'failed', reason: { kind: 'declined' } })).toEqual(failedWith({ kind: 'declined' }, 'scan'))
  })

  test('a failed poll (network) while the QR is up is not a failed purchase', () => {
    expect(purchaseReducer(awaitingScan, { type: 'failed', reason: { kind: 'network', unreachable: true } })).toBe(awaitingScan)
  })

  test('a completion for another purchase id (a stale poll) is ignored', () => {
    expect(purchaseReducer(awaitingScan, { type: 'succeeded', purchaseId: 'p-old' })).toBe(awaitingScan)
  })
})

describe('cancel and close', () => {
  test('cancel while confirming: back to idle, nothing was attempted', () => {
    expect(purchaseReducer(confirming, { type: 'cancel' })).toEqual({ status: 'idle' })
  })

  test('cancel at the PIN pad → failed(cancelled)', () => {
    expect(purchaseReducer(awaitingPin, { type: 'cancel' })).toEqual(failedWith({ kind: 'cancelled' }, 'pin'))
  })

  test('cancel with the QR up → failed(cancelled)', () => {
    expect(purchaseReducer(awaitingScan, { type: 'cancel' })).toEqual(failedWith({ kind: 'cancelled' }, 'scan'))
  })

  test('cancel in idle, completed or failed: ignored', () => {
    for (const state of [initialPurchaseState, completed, failedWith({ kind: 'network', unreachable: true })]) {
      expect(purchaseReducer(state, { type: 'cancel' })).toBe(state)
    }
  })

  test('close from every state but submitting → idle', () => {
    for (const state of [confirming, awaitingPin, awaitingScan, completed, failedWith({ kind: 'declined' })]) {
      expect(purchaseReducer(state, { type: 'close' })).toEqual({ status: 'idle' })
    }
    expect(purchaseReducer(initialPurchaseState, { type: 'close' })).toBe(initialPurchaseState)
  })

  test('after completed or failed, a new selection opens a new confirmation', () => {
    expect(purchaseReducer(completed, { type: 'select', intent: other })).toEqual({ status: 'confirming', intent: other })
    expect(purchaseReducer(failedWith({ kind: 'declined' }), { type: 'select', intent: other })).toEqual({ status: 'confirming', intent: other })
  })
})

describe('retry keeps the idempotency key', () => {
  test('network failure, PIN: back to the PIN pad with the same key', () => {
    expect(purchaseReducer(failedWith({ kind: 'network', unreachable: true }, 'pin'), { type: 'retry', now: NOW })).toEqual(awaitingPin)
  })

  test('network failure, scan: resubmit at once with the same key', () => {
    expect(purchaseReducer(failedWith({ kind: 'network', unreachable: true }, 'scan'), { type: 'retry', now: NOW })).toEqual(submittingScan)
  })

  test('declined: same key', () => {
    expect(purchaseReducer(failedWith({ kind: 'declined' }, 'scan'), { type: 'retry', now: NOW })).toEqual(submittingScan)
    expect(purchaseReducer(failedWith({ kind: 'declined' }, 'pin'), { type: 'retry', now: NOW })).toEqual(awaitingPin)
  })

  test('wrong PIN: the PIN pad again, showing the tries left', () => {
    expect(purchaseReducer(failedWith({ kind: 'pin_incorrect', triesLeft: 2 }), { type: 'retry', now: NOW })).toEqual({
      status: 'awaiting-pin',
      intent,
      idempotencyKey: KEY,
      triesLeft: 2,
    })
  })

  test('wrong PIN with no tries left: no retry', () => {
    const state = failedWith({ kind: 'pin_incorrect', triesLeft: 0 })
    expect(purchaseReducer(state, { type: 'retry', now: NOW })).toBe(state)
  })

  test('locked PIN: no retry until it unlocks, then the PIN pad with the same key', () => {
    const state = failedWith({ kind: 'pin_locked', unlocksAt: iso(NOW) })
    expect(purchaseReducer(state, { type: 'retry', now: NOW - 1 })).toBe(state)
    expect(canRetry(state, NOW - 1)).toBe(false)
    expect(purchaseReducer(state, { type: 'retry', now: NOW })).toEqual(awaitingPin)
    expect(canRetry(state, NOW)).toBe(true)
  })

  test('locked PIN with an unreadable unlock time: no retry', () => {
    const state = failedWith({ kind: 'pin_locked', unlocksAt: 'later' })
    expect(purchaseReducer(state, { type: 'retry', now: NOW })).toBe(state)
  })

  test('expired QR or cancelled: a new attempt from confirming (a new key on confirm)', () => {
    expect(purchaseReducer(failedWith({ kind: 'expired' }, 'scan'), { type: 'retry', now: NOW })).toEqual(confirming)
    expect(purchaseReducer(failedWith({ kind: 'cancelled' }, 'pin'), { type: 'retry', now: NOW })).toEqual(confirming)
  })

  test('a whole network-retry cycle sends the same key twice', () => {
    const keys: string[] = []
    let state = run([{ type: 'select', intent }, { type: 'confirm', method: 'scan', idempotencyKey: 'k-first' }])
    if (state.status === 'submitting') keys.push(state.idempotencyKey)
    state = run([{ type: 'failed', reason: { kind: 'network', unreachable: true } }, { type: 'retry', now: NOW }], state)
    if (state.status === 'submitting') keys.push(state.idempotencyKey)
    expect(keys).toEqual(['k-first', 'k-first'])
  })

  test('canRetry is false outside failed', () => {
    for (const [, state] of allStates.filter(([name]) => name !== 'failed')) expect(canRetry(state, NOW)).toBe(false)
  })
})

describe('newIdempotencyKey', () => {
  const sequence = (values: number[]) => {
    let i = 0
    return () => values[i++ % values.length] ?? 0
  }

  test('is a UUID v4 built from the random source', () => {
    expect(newIdempotencyKey(() => 0)).toBe('00000000-0000-4000-8000-000000000000')
    expect(newIdempotencyKey(() => 0.999999)).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff')
  })

  test('is deterministic for a given source and differs between draws', () => {
    const a = newIdempotencyKey(sequence([0.1, 0.5, 0.9, 0.3]))
    const b = newIdempotencyKey(sequence([0.1, 0.5, 0.9, 0.3]))
    expect(a).toBe(b)
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    const random = sequence([0.1, 0.5, 0.9, 0.3, 0.7])
    expect(newIdempotencyKey(random)).not.toBe(newIdempotencyKey(random))
  })

  test('tolerates a source out of [0, 1)', () => {
    expect(newIdempotencyKey(() => 1)).toBe('00000000-0000-4000-8000-000000000000')
    expect(newIdempotencyKey(() => Number.NaN)).toBe('00000000-0000-4000-8000-000000000000')
  })

  test('Math.random keys are well formed', () => {
    for (let i = 0; i < 50; i++) {
      expect(newIdempotencyKey(Math.random)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    }
  })
})
