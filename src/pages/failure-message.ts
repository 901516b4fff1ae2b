import { t } from '../i18n'
import { failureKey, type FailedAction } from './failure-key'

/** A failed request in the viewer's words: the service could not be reached, or it answered with a failure. */
export function failureMessage(error: unknown, failed: FailedAction = 'request'): string {
  return t(failureKey(error, failed))
}
