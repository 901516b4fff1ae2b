import { Language } from '@lightningjs/sdk'
import type zhCN from './locales/zh-CN.json'
import { operatorSettings, type LanguageCode } from '../settings'
import { readStored, writeStored } from '../storage'
import { startLanguage } from './start-language'

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

/** What App.language() hands the SDK: the translations index and the start language. */
export function languageConfig(): { file: string; language: LanguageCode } {
  return { file: 'static/translations.json', language: startingLanguage() }
}
