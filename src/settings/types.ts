import type { PlatformSettings } from '@lightningjs/sdk'
import type { PlatformId } from '../platform'

export type LanguageCode = 'zh-CN' | 'en' | 'id'
export const LANGUAGES: readonly LanguageCode[] = ['zh-CN', 'en', 'id']

export type KeySystem = 'org.w3.clearkey' | 'com.widevine.alpha' | 'com.microsoft.playready'

/** The two manifests the playback API gives for every play. */
export type StreamFormat = 'dash' | 'hls'
export const STREAM_FORMATS: readonly StreamFormat[] = ['dash', 'hls']

/** The operator's section of settings.json: where the API and DRM live, and the market. */
export interface OperatorSettings {
  api: {
    /** Absolute (https://api.example.com/v1) or relative to the page's origin (/v1). */
    baseUrl: string
    timeoutMs: number
  }
  drm: {
    /** Key systems to try, in order of preference, per platform. */
    keySystems: Record<PlatformId, KeySystem[]>
    /** License URLs that override the ones the playback API returns (production DRM vendors). */
    licenseServers: Partial<Record<KeySystem, string>>
  }
  /**
   * The manifest to play where the device can play both: DASH, or HLS (for an
   * operator whose CDN or packager serves HLS best). A device that can play
   * only one plays that one.
   */
  streamFormat: StreamFormat
  locale: {
    language: LanguageCode
    region: string
    currency: string
    timeZone: string
  }
  debugOverlay: boolean
  /** QA and benchmarks (`?longRail=10000`): Home shows first a rail of this many tiles (the API's catalog-all?repeat=N). */
  longRail?: number
  a11y: {
    /** Read focused items aloud even when the TV's own voice guidance is off. */
    announce: boolean
  }
}

export interface StageSettings {
  /** The canvas's size; unset, the window's (src/platform/screen.ts). */
  w?: number
  h?: number
  /** Canvas pixels per scene unit: 1 for a 1920×1080 canvas, 2/3 for 1280×720; the scene is designed at 1920×1080. */
  precision?: number
  useImageWorker: boolean
  /** The fonts every text is drawn in, the first the device has first; unset, the start language's (src/i18n/fonts.ts). */
  defaultFontFace?: string[]
}

export interface AppSettings {
  id: string
  version?: string
  stage: StageSettings
  debug: boolean
  keys?: Record<number, string>
}

export type MarqueePlatformSettings = PlatformSettings & {
  log: boolean
  showVersion: boolean
  showFps: boolean
  inspector: boolean
  path: string
}

export interface MarqueeSettings {
  appSettings: AppSettings
  platformSettings: MarqueePlatformSettings
  operator: OperatorSettings
}

/** A partial overlay: settings.local.json and the URL query both produce one. */
export type SettingsOverlay = {
  [K in keyof MarqueeSettings]?: DeepPartial<MarqueeSettings[K]>
}

export type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T
