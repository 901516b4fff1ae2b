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

/**
 * Where the SDK's Language plugin asks for a language's dictionary: the translations index (rollup.config.js) names
 * `i18n/<language>.json`, which the SDK reads under the platform's static path, resolved against the page.
 */
export function dictionaryUrl(language: LanguageCode, staticPath: string, pageUrl: string): string {
  return new URL(`${staticPath.replace(/\/?$/, '/')}i18n/${language}.json`, pageUrl).href
}
