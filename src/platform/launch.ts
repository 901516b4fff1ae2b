import type { PlatformId } from './detect'

/** App-control data keys a Samsung caller may use for the target (Smart Hub previews send PAYLOAD). */
const TIZEN_TARGET_KEYS = ['deeplink', 'contentTarget', 'PAYLOAD']

/** webOS launch parameters: LG's content-target convention, or ours. */
interface WebOSLaunchParams {
  contentTarget?: unknown
  deeplink?: unknown
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return null
  }
}

/** A Smart Hub PAYLOAD is JSON `{ "values": "<target>" }`; other keys carry the target itself. */
function fromTizenValue(key: string, value: string): string | null {
  if (key !== 'PAYLOAD') return value
  const payload = parseJson(value) as { values?: unknown } | null
  return typeof payload?.values === 'string' ? payload.values : null
}

export function tizenLaunchTarget(win: Window): string | null {
  try {
    const request = win.tizen?.application?.getCurrentApplication().getRequestedAppControl?.()
    for (const key of TIZEN_TARGET_KEYS) {
      const value = request?.appControl.data.find((item) => item.key === key)?.value[0]
      if (value) return fromTizenValue(key, value)
    }
  } catch {
    // Launched from the app list: no app control to read.
  }
  return null
}

/** LG's runtime object: webOSSystem from webOS TV 6, PalmSystem before. */
export function webosSystem(win: Window): PalmSystemGlobal | undefined {
  return win.webOSSystem ?? win.PalmSystem
}

export function webosTargetFromParams(params: unknown): string | null {
  const launch = (typeof params === 'string' ? parseJson(params) : params) as WebOSLaunchParams | null
  const target = launch?.contentTarget ?? launch?.deeplink
  return typeof target === 'string' && target ? target : null
}

/**
 * Where the TV asked the app to open, from the platform's launch parameters
 * (Tizen app control, webOS launchParams). URL forms (`?deeplink=`, `#…`)
 * are read by src/deeplink for every platform.
 */
export function platformLaunchTarget(platform: PlatformId, win: Window): string | null {
  if (platform === 'tizen') return tizenLaunchTarget(win)
  if (platform === 'webos') {
    const launchParams = webosSystem(win)?.launchParams
    return launchParams ? webosTargetFromParams(launchParams) : null
  }
  return null
}

/**
 * A launch while the app is already running: webOS sends `webOSRelaunch`
 * (appinfo.json handlesRelaunch), Tizen an `appcontrol` event. Returns an unsubscribe.
 */
export function onRelaunch(platform: PlatformId, win: Window, listener: (target: string | null) => void): () => void {
  if (platform === 'webos') {
    const handler = (event: Event): void => {
      // With handlesRelaunch the system leaves the app in the background until it asks.
      webosSystem(win)?.activate?.()
      listener(webosTargetFromParams((event as CustomEvent<unknown>).detail))
    }
    win.document.addEventListener('webOSRelaunch', handler)
    return () => win.document.removeEventListener('webOSRelaunch', handler)
  }
  if (platform === 'tizen') {
    const handler = (): void => listener(tizenLaunchTarget(win))
    win.addEventListener('appcontrol', handler)
    return () => win.removeEventListener('appcontrol', handler)
  }
  return () => undefined
}
