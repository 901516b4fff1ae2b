import { formatUserCode, nextSignInPoll, SLOW_DOWN_STEP_SECONDS } from '../../../src/domain'

const answer = (code: string | null, body: unknown = null, transient = false) => ({ code, body, transient })

describe('nextSignInPoll (RFC 8628 device code)', () => {
  test('pending: wait the same interval', () => {
    expect(nextSignInPoll(5, answer('authorization_pending'))).toEqual({ type: 'wait', intervalSeconds: 5 })
  })

  test('slow_down: at least 5 s more, or what the server says when that is longer', () => {
    expect(nextSignInPoll(5, answer('slow_down'))).toEqual({ type: 'wait', intervalSeconds: 5 + SLOW_DOWN_STEP_SECONDS })
    expect(nextSignInPoll(5, answer('slow_down', { interval: 10 }))).toEqual({ type: 'wait', intervalSeconds: 10 })
    expect(nextSignInPoll(5, answer('slow_down', { interval: 30 }))).toEqual({ type: 'wait', intervalSeconds: 30 })
    expect(nextSignInPoll(10, answer('slow_down', { interval: 'x' }))).toEqual({ type: 'wait', intervalSeconds: 15 })
  })

  test('expired or used code: start again with a new code', () => {
    expect(nextSignInPoll(5, answer('expired_token'))).toEqual({ type: 'restart' })
    expect(nextSignInPoll(5, answer('invalid_grant'))).toEqual({ type: 'restart' })
  })

  test('declined on the phone', () => {
    expect(nextSignInPoll(5, answer('access_denied'))).toEqual({ type: 'denied' })
  })

  test('network trouble: keep the pace, the phone may still approve', () => {
    expect(nextSignInPoll(10, answer(null, null, true))).toEqual({ type: 'retry', intervalSeconds: 10 })
  })
})

test('formatUserCode', () => {
  expect(formatUserCode('ABCD-EFGH')).toBe('ABCD-EFGH')
  expect(formatUserCode('abcdefgh')).toBe('ABCD-EFGH')
  expect(formatUserCode('ABC')).toBe('ABC')
})
