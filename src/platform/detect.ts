export type PlatformId = 'browser' | 'tizen' | 'webos' | 'rdk'

export const PLATFORM_IDS: readonly PlatformId[] = ['browser', 'tizen', 'webos', 'rdk']

/** What detection looks at: the user agent and which vendor globals exist. */
export interface PlatformSignals {
  userAgent: string
  hasTizenApi: boolean
  hasWebOSApi: boolean
  /** `?platform=` from the launch URL: QA forces a platform on a desktop browser. */
  forced?: string | null
}

export function isPlatformId(value: unknown): value is PlatformId {
  return typeof value === 'string' && (PLATFORM_IDS as readonly string[]).includes(value)
}

/** Vendor APIs are the surest sign; user agents are the fallback (hosted builds have no APIs). */
export function detectPlatform(signals: PlatformSignals): PlatformId {
  if (isPlatformId(signals.forced)) return signals.forced
  const ua = signals.userAgent
  if (signals.hasTizenApi || /Tizen/i.test(ua)) return 'tizen'
  if (signals.hasWebOSApi || /Web0S|webOS|NetCast/i.test(ua)) return 'webos'
  if (/WPE|RDK|Metrological|ComcastXRE/i.test(ua)) return 'rdk'
  return 'browser'
}

export function readSignals(win: Window, search: string): PlatformSignals {
  return {
    userAgent: win.navigator.userAgent,
    hasTizenApi: typeof win.tizen === 'object' && win.tizen !== null,
    hasWebOSApi: typeof win.webOS === 'object' || typeof win.PalmSystem !== 'undefined' || typeof win.webOSSystem !== 'undefined',
    forced: new URLSearchParams(search).get('platform'),
  }
}
