/**
 * The TV sign-in (RFC 8628 device code) as the app polls it: after each
 * answer from POST /v1/auth/token, what to do next. Pure: the dialog owns the
 * timers.
 */

export type SignInPollStep =
  /** Ask again after this many seconds. */
  | { type: 'wait'; intervalSeconds: number }
  /** The code ran out or was already used: show a new code. */
  | { type: 'restart' }
  /** Declined on the phone (or the device is revoked): tell the viewer, offer to try again. */
  | { type: 'denied' }
  /** The network or server failed: keep polling at the same pace (the code may still be approved). */
  | { type: 'retry'; intervalSeconds: number }

/** RFC 8628 §3.5: slow_down adds 5 seconds to the interval, for this and every later poll. */
export const SLOW_DOWN_STEP_SECONDS = 5

export function nextSignInPoll(
  intervalSeconds: number,
  answer: { code: string | null; transient: boolean; body: unknown },
): SignInPollStep {
  if (answer.transient) return { type: 'retry', intervalSeconds }
  switch (answer.code) {
    case 'authorization_pending':
      return { type: 'wait', intervalSeconds }
    case 'slow_down': {
      const body = answer.body as { interval?: unknown } | null
      const told = typeof body?.interval === 'number' && Number.isFinite(body.interval) ? body.interval : 0
      return { type: 'wait', intervalSeconds: Math.max(told, intervalSeconds + SLOW_DOWN_STEP_SECONDS) }
    }
    case 'expired_token':
    case 'invalid_grant':
      return { type: 'restart' }
    default:
      return { type: 'denied' }
  }
}

/** "ABCD-EFGH" as the server sends it; a bare 8-character code gets its dash. */
export function formatUserCode(code: string): string {
  const bare = code.replace(/[^A-Za-z0-9]/g, '').toUpperCase()
  return bare.length === 8 ? `${bare.slice(0, 4)}-${bare.slice(4)}` : code
}
