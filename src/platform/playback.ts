import type { KeySystem } from '../settings/types'
import type { PlatformId } from './detect'

/** A video size in pixels. */
export interface Resolution {
  width: number
  height: number
}

/** What the device said about its screen; `null` where the platform does not tell. */
export interface DisplayInfo {
  panel: Resolution | null
}

/** How the player should play on this device: src/player turns it into Shaka's configuration. */
export interface PlaybackProfile {
  platform: PlatformId
  /** Key systems to try, best first; the first one the device supports and the operator licenses wins. */
  keySystems: KeySystem[]
  /** No video rendition larger than this: bigger costs memory and bandwidth for nothing. */
  maxResolution: Resolution
  /** Whether maxResolution came from the device or is the scene's 1080p default. */
  resolutionSource: 'device' | 'default'
}

export const FULL_HD: Resolution = { width: 1920, height: 1080 }
export const UHD_4K: Resolution = { width: 3840, height: 2160 }
export const UHD_8K: Resolution = { width: 7680, height: 4320 }

/**
 * Defaults when settings.json names none. Tizen, webOS and RDK boxes decrypt
 * PlayReady in the TV's own secure media path and start it faster than
 * Widevine (which several models add through a slower CDM); desktop browsers
 * have no PlayReady, and here only ClearKey.
 */
export const DEFAULT_KEY_SYSTEMS: Readonly<Record<PlatformId, readonly KeySystem[]>> = {
  browser: ['org.w3.clearkey', 'com.widevine.alpha'],
  tizen: ['com.microsoft.playready', 'com.widevine.alpha', 'org.w3.clearkey'],
  webos: ['com.microsoft.playready', 'com.widevine.alpha', 'org.w3.clearkey'],
  rdk: ['com.microsoft.playready', 'com.widevine.alpha', 'org.w3.clearkey'],
}

const KNOWN_KEY_SYSTEMS: readonly string[] = ['org.w3.clearkey', 'com.widevine.alpha', 'com.microsoft.playready']

function isKeySystem(value: unknown): value is KeySystem {
  return typeof value === 'string' && KNOWN_KEY_SYSTEMS.includes(value)
}

function isUsableResolution(value: Resolution | null): value is Resolution {
  return value !== null && Number.isFinite(value.width) && Number.isFinite(value.height) && value.width > 0 && value.height > 0
}

/**
 * The profile from the platform, the operator's key-system order (settings
 * `operator.drm.keySystems`) and what the device reported. Pure.
 */
export function buildPlaybackProfile(
  platform: PlatformId,
  configured: Partial<Record<PlatformId, readonly string[]>>,
  display: DisplayInfo,
): PlaybackProfile {
  const wanted = (configured[platform] ?? []).filter(isKeySystem)
  const keySystems = [...new Set(wanted.length > 0 ? wanted : DEFAULT_KEY_SYSTEMS[platform])]
  const panel = display.panel
  return isUsableResolution(panel)
    ? { platform, keySystems, maxResolution: { width: panel.width, height: panel.height }, resolutionSource: 'device' }
    : { platform, keySystems, maxResolution: { ...FULL_HD }, resolutionSource: 'default' }
}

/** Samsung's product info: 8K and UHD flags; a panel that is neither is Full HD. */
export function tizenPanel(productInfo: { isUdPanelSupported?(): boolean; is8KPanelSupported?(): boolean }): Resolution | null {
  if (!productInfo.isUdPanelSupported) return null
  if (productInfo.is8KPanelSupported?.()) return UHD_8K
  return productInfo.isUdPanelSupported() ? UHD_4K : FULL_HD
}

/** LG's device info: UHD flags where present, else the screen size it reports. */
export function webosPanel(info: WebOSDeviceInfo): Resolution | null {
  if (info.uhd8K) return UHD_8K
  if (info.uhd) return UHD_4K
  if (info.screenWidth && info.screenHeight) return { width: info.screenWidth, height: info.screenHeight }
  return null
}
