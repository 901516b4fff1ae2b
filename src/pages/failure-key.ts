import { isUnreachable } from '../api/errors'
import type { MessageKey } from '../i18n'

/**
 * Each failing request the viewer is told about, in two wordings: `unreachable` for a request the service never
 * answered (no connection, no answer in time), the only case that may tell the viewer to check their network;
 * `answered` for an answer that was a failure (5xx, a malformed body), which is the service's problem, not theirs.
 */
export const FAILURE_WORDINGS = {
  /** Any request behind a page or a toast. */
  request: { unreachable: 'error.offline', answered: 'error.service' },
  /** The home feed, when Home shows the catalogue saved on the device instead. */
  savedCatalogue: { unreachable: 'home.offline', answered: 'home.serviceProblem' },
  pinCheck: { unreachable: 'pin.error.network', answered: 'pin.error.service' },
  signInCode: { unreachable: 'signIn.error.start', answered: 'signIn.error.startService' },
  purchaseLoad: { unreachable: 'purchase.error.load', answered: 'purchase.error.loadService' },
  /** The purchase request itself: both promise that Retry (same idempotency key) will not charge twice. */
  purchase: { unreachable: 'purchase.error.network', answered: 'purchase.error.service' },
} as const satisfies Record<string, { unreachable: MessageKey; answered: MessageKey }>

export type FailedAction = keyof typeof FAILURE_WORDINGS

/** The message key for a failure of `failed` once it is known whether the service never answered. */
export function wordingFor(failed: FailedAction, unreachable: boolean): MessageKey {
  const wording = FAILURE_WORDINGS[failed]
  return unreachable ? wording.unreachable : wording.answered
}

/** The message key for `error`, a failure of `failed`: the network wording only when the service never answered. */
export function failureKey(error: unknown, failed: FailedAction = 'request'): MessageKey {
  return wordingFor(failed, isUnreachable(error))
}
