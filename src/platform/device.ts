import { tizenPanel, webosPanel, type DisplayInfo } from './playback'
import type { PlatformId } from './detect'
import { webosSystem } from './launch'

/** Asking a TV that never answers must not hold playback up. */
const PROBE_TIMEOUT_MS = 1500

function withTimeout<T>(work: Promise<T>, fallback: T): Promise<T> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(fallback), PROBE_TIMEOUT_MS)
    work.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      () => {
        clearTimeout(timer)
        resolve(fallback)
      },
    )
  })
}

function parseJson<T>(text: string | undefined): T | null {
  if (!text) return null
  try {
    return JSON.parse(text) as T
  } catch {
    return null
  }
}

function tizenDisplay(win: Window): Promise<DisplayInfo> {
  const fromProductInfo = win.webapis?.productinfo ? tizenPanel(win.webapis.productinfo) : null
  if (fromProductInfo) return Promise.resolve({ panel: fromProductInfo })
  const systemInfo = win.tizen?.systeminfo
  if (!systemInfo) return Promise.resolve({ panel: null })
  return new Promise((resolve, reject) =>
    systemInfo.getPropertyValue('DISPLAY', (d) => resolve({ panel: { width: d.resolutionWidth, height: d.resolutionHeight } }), reject),
  )
}

function webosDisplay(win: Window): Promise<DisplayInfo> {
  const deviceInfo = win.webOS?.deviceInfo
  if (deviceInfo) return new Promise((resolve) => deviceInfo((info) => resolve({ panel: webosPanel(info) })))
  const info = parseJson<WebOSDeviceInfo>(webosSystem(win)?.deviceInfo)
  return Promise.resolve({ panel: info ? webosPanel(info) : null })
}

/**
 * What the TV says about its panel. Desktop browsers and RDK boxes have no
 * API for it (the window is not the panel), so they report nothing.
 */
export function probeDisplay(platform: PlatformId, win: Window): Promise<DisplayInfo> {
  const none: DisplayInfo = { panel: null }
  switch (platform) {
    case 'tizen':
      return withTimeout(tizenDisplay(win), none)
    case 'webos':
      return withTimeout(webosDisplay(win), none)
    case 'rdk':
    case 'browser':
      return Promise.resolve(none)
  }
}
