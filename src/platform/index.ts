import { detectPlatform, readSignals, type PlatformId } from './detect'
import type { KeyMap } from './keymaps/keys'
import { browserKeyMap } from './keymaps/browser'
import { tizenKeyMap, TIZEN_REGISTERED_KEYS } from './keymaps/tizen'
import { webosKeyMap } from './keymaps/webos'
import { rdkKeyMap } from './keymaps/rdk'
import { probeDisplay } from './device'
import { buildPlaybackProfile, type DisplayInfo, type PlaybackProfile } from './playback'
import { operatorSettings } from '../settings'

export type { PlatformId } from './detect'
export type { KeyMap, KeyName } from './keymaps/keys'
export { digitOfKey } from './keymaps/keys'
export type { PlaybackProfile, Resolution } from './playback'
export { allowScreenSaver } from './screensaver'

/** Everything the rest of the app may know about the device it runs on. */
export interface Platform {
  id: PlatformId
  keyMap: KeyMap
  /** Ask the device for the keys it only delivers on request (Tizen media and colour keys). */
  registerKeys(): void
  /** Leave the app the way the platform expects (home screen, previous app). */
  close(): void
}

/**
 * Lightning's stage options that depend on the device. Lightning copies each text canvas through getImageData
 * before uploading it, a workaround for canvas uploads on TV engines such as Tizen; desktop Chromium uploads the
 * canvas as it is (`npm run bench`: the copies were most of a key press's time there at 4× CPU throttling).
 */
export function stageOptionsFor(id: PlatformId): { forceTxCanvasSource: boolean } {
  return { forceTxCanvasSource: id === 'browser' }
}

function registerTizenKeys(win: Window): void {
  const input = win.tizen?.tvinputdevice
  if (!input) return
  const keys = [...TIZEN_REGISTERED_KEYS]
  if (input.registerKeyBatch) {
    input.registerKeyBatch(keys)
    return
  }
  for (const key of keys) {
    try {
      input.registerKey(key)
    } catch {
      // Models without a key (no colour keys on the Smart Remote) throw: skip it.
    }
  }
}

export function createPlatform(id: PlatformId, win: Window, onBrowserClose: () => void): Platform {
  switch (id) {
    case 'tizen':
      return {
        id,
        keyMap: tizenKeyMap,
        registerKeys: () => registerTizenKeys(win),
        close: () => win.tizen?.application?.getCurrentApplication().exit(),
      }
    case 'webos':
      return {
        id,
        keyMap: webosKeyMap,
        registerKeys: () => undefined,
        // platformBack returns to the launcher the way the Back key would.
        close: () => (win.webOS?.platformBack ? win.webOS.platformBack() : win.close()),
      }
    case 'rdk':
      return { id, keyMap: rdkKeyMap, registerKeys: () => undefined, close: () => win.close() }
    case 'browser':
      return {
        id,
        keyMap: browserKeyMap,
        registerKeys: () => undefined,
        close: () => {
          win.close()
          // A tab the user opened cannot close itself: say so instead of a blank page.
          onBrowserClose()
        },
      }
  }
}

/** The platform this launch runs on, and the device's answer about its panel (asked once, at start). */
let active: { id: PlatformId; display: Promise<DisplayInfo> } | null = null

export function currentPlatform(win: Window, onBrowserClose: () => void): Platform {
  const platform = createPlatform(detectPlatform(readSignals(win, win.location.search)), win, onBrowserClose)
  active = { id: platform.id, display: probeDisplay(platform.id, win) }
  return platform
}

/** The platform detected at start ('browser' before that). */
export function activePlatformId(): PlatformId {
  return active?.id ?? 'browser'
}

/**
 * How to play on this device, for src/player: key systems in the operator's
 * order for this platform (PlayReady first on TVs by default) and the panel's
 * resolution as the cap where the TV reports it (1080p otherwise).
 */
export async function playbackProfile(): Promise<PlaybackProfile> {
  const display = active ? await active.display : { panel: null }
  return buildPlaybackProfile(activePlatformId(), operatorSettings().drm.keySystems, display)
}
