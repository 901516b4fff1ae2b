import { Language } from '@lightningjs/sdk'
import type zhCN from './locales/zh-CN.json'
import { operatorSettings, type LanguageCode } from '../settings'
import { readStored, writeStored } from '../storage'
import { preload } from '../platform/preload'
import { dictionaryUrl, startLanguage } from './start-language'

/** Every message key; zh-CN is the reference dictionary, the test holds the others to it. */
export type MessageKey = keyof typeof zhCN
export type MessageParams = Record<string, string | number>

/** The slice of the SDK Language plugin we use, typed (the SDK types it as `any`). */
interface LanguagePlugin {
  translate(key: string, params?: MessageParams): string
  get(): string | null
  set(language: string): Promise<void>
}
const plugin: LanguagePlugin = Language

export function t(key: MessageKey, params?: MessageParams): string {
  return params ? plugin.translate(key, params) : plugin.translate(key)
}

export function currentLanguage(): LanguageCode {
  // Before the dictionary loads (requests made at launch), the language the app is starting in.
  return (plugin.get() as LanguageCode | null) ?? startingLanguage()
}

/** Switches the UI language and remembers it on the device for the next start. */
export function setLanguage(language: LanguageCode): Promise<void> {
  writeStored('ui.language', language)
  return plugin.set(language)
}

function startingLanguage(): LanguageCode {
  return startLanguage(operatorSettings().locale.language, readStored('ui.language'), window.location.search)
}

const TRANSLATIONS_INDEX = 'static/translations.json'

/** What App.language() hands the SDK: the translations index and the start language. */
export function languageConfig(): { file: string; language: LanguageCode } {
  return { file: TRANSLATIONS_INDEX, language: startingLanguage() }
}

/**
 * Asks for the index and the start language's dictionary before Launch. The SDK's Language plugin asks for them
 * one after the other once Launch has built the stage (~0.5 s of main thread at 4× CPU throttling), and the App is
 * built only when both are in; preloaded, both answers are there when it asks (its XHRs take them from the preload).
 */
export function preloadLanguage(doc: Document, staticPath: string): void {
  for (const href of [TRANSLATIONS_INDEX, dictionaryUrl(startingLanguage(), staticPath, doc.baseURI)]) {
    // An XHR is a CORS-mode request with same-origin credentials; a preload is used only by a request of its kind.
    preload(doc, href, 'fetch', { crossOrigin: 'anonymous' })
  }
}
