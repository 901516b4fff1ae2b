import { mergeSettings, overlayFromQuery } from './merge'
import type { MarqueeSettings, OperatorSettings, SettingsOverlay } from './types'

export * from './types'
export { mergeSettings, overlayFromQuery } from './merge'

declare global {
  interface Window {
    /** settings.json, baked into index.html at build time. */
    MARQUEE_SETTINGS?: MarqueeSettings
  }
}

const LOCAL_SETTINGS_URL = 'settings.local.json'
const LOCAL_SETTINGS_TIMEOUT_MS = 2000

/** An operator's settings.local.json beside index.html; absent is normal, broken is reported. */
function fetchLocalOverlay(): Promise<SettingsOverlay> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest()
    xhr.open('GET', LOCAL_SETTINGS_URL)
    xhr.timeout = LOCAL_SETTINGS_TIMEOUT_MS
    xhr.onload = () => {
      if (xhr.status !== 200) return resolve({})
      try {
        resolve(JSON.parse(xhr.responseText) as SettingsOverlay)
      } catch (error) {
        console.error(`${LOCAL_SETTINGS_URL} is not valid JSON and was ignored`, error)
        resolve({})
      }
    }
    xhr.onerror = () => resolve({})
    xhr.ontimeout = () => resolve({})
    xhr.send()
  })
}

let current: MarqueeSettings | undefined

export async function loadSettings(win: Window): Promise<MarqueeSettings> {
  const base = win.MARQUEE_SETTINGS
  if (!base) throw new Error('index.html carries no settings: rebuild with `npm run build`')
  current = mergeSettings(base, await fetchLocalOverlay(), overlayFromQuery(win.location.search))
  return current
}

/** The operator section, for api/, player/ and i18n/. Settings are loaded before Launch. */
export function operatorSettings(): OperatorSettings {
  if (!current) throw new Error('settings are read before loadSettings() finished')
  return current.operator
}
