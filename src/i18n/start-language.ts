import { LANGUAGES, type LanguageCode } from '../settings/types'

/**
 * The language the app starts in: the viewer's own choice on this device
 * (Account → Language), else the operator's default. A `?lang=` in the launch
 * URL is QA forcing a language, so it wins over both.
 */
export function startLanguage(configured: LanguageCode, stored: unknown, search: string): LanguageCode {
  if (new URLSearchParams(search).has('lang')) return configured
  return typeof stored === 'string' && (LANGUAGES as readonly string[]).includes(stored) ? (stored as LanguageCode) : configured
}
