import { isUnreachable } from '../api/errors'
import { t } from '../i18n'

/** A failed request in the viewer's words: the service could not be reached, or it answered with a failure. */
export function failureMessage(error: unknown): string {
  return t(isUnreachable(error) ? 'error.offline' : 'error.service')
}
