import type shaka from 'shaka-player'
import type { Drm, PlaybackResponse } from '../../server/contract'
import type { KeySystem, OperatorSettings, StreamFormat } from '../settings'
import type { PlatformId } from '../platform'

/**
 * Shaka's configuration built as plain data from what we know, in two parts:
 * what is the same for every play on the device (platform, panel: set once
 * on the kept Shaka player) and what each play sets (the playback
 * authorisation's license servers, the viewer's remembered languages).
 * Pure: the unit tests check every decision here.
 */

type RetryParameters = shaka.extern.RetryParameters

/**
 * The part of shaka.extern.PlayerConfiguration that is the same for every
 * play on this device (retries, buffers, the panel cap): configured once,
 * when the Shaka player is created ahead of a Play.
 */
export interface EngineShakaConfig {
  drm: { retryParameters: RetryParameters }
  manifest: { retryParameters: RetryParameters }
  streaming: {
    retryParameters: RetryParameters
    bufferingGoal: number
    rebufferingGoal: number
    bufferBehind: number
    /** Stall detection: nudge the playhead when a TV decoder stops without an event. */
    stallEnabled: boolean
  }
  abr: { restrictions: { maxWidth: number; maxHeight: number } }
}

/** The rendition heights ABR may choose among: the panel's at most, or the one the viewer pinned (Quality). */
export interface HeightRestrictions {
  minHeight: number
  maxHeight: number
}

/**
 * ABR as the viewer's Quality has it: on under Auto; off with a pinned height, so nothing moves the play off it (not
 * even Shaka's ban of a rendition whose frames the box drops, which turning ABR off also lifts).
 */
export interface PlayAbrConfig {
  enabled: boolean
  restrictions: HeightRestrictions
}

/** The part each play sets: its license servers, the viewer's languages and picture quality. */
export interface PlayShakaConfig {
  drm: {
    servers: Record<string, string>
    preferredKeySystems: string[]
  }
  preferredAudio: Array<{ language: string }>
  preferredText: Array<{ language: string }>
  abr: PlayAbrConfig
}

/**
 * What configure() is given to go from one play's settings to the next's.
 * A server set to undefined is deleted: Shaka merges `drm.servers` key by
 * key, so a server left out would stay from the previous play.
 */
export interface PlayShakaConfigChange {
  drm: {
    servers: Record<string, string | undefined>
    preferredKeySystems: string[]
  }
  preferredAudio: Array<{ language: string }>
  preferredText: Array<{ language: string }>
  abr: PlayAbrConfig
}

export interface Panel {
  width: number
  height: number
}

export interface LicenseServer {
  keySystem: string
  url: string
}

/**
 * The key systems to ask for, in the platform's order (operator settings
 * `operator.drm.keySystems[platform]`, via the platform's playback profile):
 * each needs a license URL (the operator's override from
 * `operator.drm.licenseServers`, else the one POST /v1/playback returned) and
 * the device's support.
 */
export function licenseServersFor(
  keySystems: readonly string[],
  overrides: OperatorSettings['drm']['licenseServers'],
  offered: Drm['keySystems'],
  supported: ReadonlySet<string>,
): LicenseServer[] {
  const offeredUrls = new Map(offered.map((k) => [k.keySystem, k.licenseUrl]))
  const servers: LicenseServer[] = []
  for (const keySystem of keySystems) {
    const url = overrides[keySystem as KeySystem] ?? offeredUrls.get(keySystem)
    if (url && supported.has(keySystem)) servers.push({ keySystem, url })
  }
  return servers
}

/** Memory is the scarce thing on TV boxes: less ahead, little behind. Desktop browsers can afford more. */
export function bufferingFor(platform: PlatformId): { bufferingGoal: number; rebufferingGoal: number; bufferBehind: number } {
  return platform === 'browser'
    ? { bufferingGoal: 30, rebufferingGoal: 2, bufferBehind: 30 }
    : { bufferingGoal: 20, rebufferingGoal: 2, bufferBehind: 10 }
}

export const RETRY = {
  manifest: { maxAttempts: 4, baseDelay: 500, backoffFactor: 2, fuzzFactor: 0.5, timeout: 10_000, stallTimeout: 5_000, connectionTimeout: 5_000 },
  segments: { maxAttempts: 5, baseDelay: 500, backoffFactor: 2, fuzzFactor: 0.5, timeout: 15_000, stallTimeout: 5_000, connectionTimeout: 5_000 },
  license: { maxAttempts: 3, baseDelay: 500, backoffFactor: 2, fuzzFactor: 0.5, timeout: 8_000, stallTimeout: 0, connectionTimeout: 5_000 },
} as const satisfies Record<string, RetryParameters>

export interface EngineConfigInput {
  platform: PlatformId
  panel: Panel
}

export function engineShakaConfig(input: EngineConfigInput): EngineShakaConfig {
  return {
    drm: { retryParameters: { ...RETRY.license } },
    manifest: { retryParameters: { ...RETRY.manifest } },
    streaming: { retryParameters: { ...RETRY.segments }, ...bufferingFor(input.platform), stallEnabled: true },
    // No rendition larger than the panel: a 4K stream on a 1080p TV only costs memory and bandwidth (each play
    // keeps the height cap, or pins a height: abrFor).
    abr: { restrictions: { maxWidth: input.panel.width, maxHeight: input.panel.height } },
  }
}

/**
 * The heights a play offers in Quality: its renditions' up to the panel's, highest first; the lowest alone where all
 * are taller than the panel.
 */
export function qualityHeights(renditionHeights: readonly number[], panelHeight: number): number[] {
  const heights = [...new Set(renditionHeights)].sort((a, b) => b - a)
  const fitting = heights.filter((height) => height <= panelHeight)
  return fitting.length > 0 ? fitting : heights.slice(-1)
}

/**
 * The rendition height a chosen Quality pins in a play: the highest of its heights at or under the choice (kept
 * from a play with another ladder), else its lowest. null for Auto, or a play with no heights to choose from.
 */
export function pinnedHeight(chosen: number | null, heights: readonly number[]): number | null {
  if (chosen === null || heights.length === 0) return null
  const under = heights.filter((height) => height <= chosen)
  return under.length > 0 ? Math.max(...under) : Math.min(...heights)
}

/**
 * ABR for a pinned height: off, its restrictions naming the height alone, which the load's first choice follows
 * (Shaka's ABR restrictions are soft: unmet, it plays the lowest rather than fail); for Auto, on, anything up to the
 * panel's height.
 */
export function abrFor(pinned: number | null, panelHeight: number): PlayAbrConfig {
  return pinned === null
    ? { enabled: true, restrictions: { minHeight: 0, maxHeight: panelHeight } }
    : { enabled: false, restrictions: { minHeight: pinned, maxHeight: pinned } }
}

export interface PlayConfigInput {
  licenseServers: LicenseServer[]
  audioLanguage: string | null
  textLanguage: string | null
  /** The viewer's Quality (null: Auto), pinned from the first segment; checked against the play's heights once loaded. */
  videoHeight: number | null
  panelHeight: number
}

export function playShakaConfig(input: PlayConfigInput): PlayShakaConfig {
  return {
    drm: {
      servers: Object.fromEntries(input.licenseServers.map((s) => [s.keySystem, s.url])),
      preferredKeySystems: input.licenseServers.map((s) => s.keySystem),
    },
    preferredAudio: input.audioLanguage ? [{ language: input.audioLanguage }] : [],
    preferredText: input.textLanguage ? [{ language: input.textLanguage }] : [],
    abr: abrFor(input.videoHeight, input.panelHeight),
  }
}

/** A play without DRM, remembered languages or a chosen Quality: what the engine is configured with when it is created. */
export function noPlayShakaConfig(panelHeight: number): PlayShakaConfig {
  return playShakaConfig({ licenseServers: [], audioLanguage: null, textLanguage: null, videoHeight: null, panelHeight })
}

/** The configure() call from the configured play settings to the next play's; null when they are the same (nothing to call). */
export function playShakaConfigChange(configured: PlayShakaConfig, next: PlayShakaConfig): PlayShakaConfigChange | null {
  if (JSON.stringify(configured) === JSON.stringify(next)) return null
  const servers: Record<string, string | undefined> = {}
  for (const keySystem of Object.keys(configured.drm.servers)) servers[keySystem] = undefined
  Object.assign(servers, next.drm.servers)
  return { ...next, drm: { ...next.drm, servers } }
}

/**
 * The operator's format (settings `operator.streamFormat`) wherever Media
 * Source lets Shaka play either. An engine without it but with native HLS
 * (older webOS and Safari-based web views) plays HLS whatever the setting.
 */
export function chooseManifest(
  manifests: PlaybackResponse['manifests'],
  capabilities: { mse: boolean; nativeHls: boolean },
  preferred: StreamFormat,
): { kind: StreamFormat; url: string } | null {
  // Anything but 'hls' plays DASH: settings.local.json is merged unchecked, so an operator's typo lands here.
  if (capabilities.mse) return preferred === 'hls' ? { kind: 'hls', url: manifests.hls } : { kind: 'dash', url: manifests.dash }
  if (capabilities.nativeHls) return { kind: 'hls', url: manifests.hls }
  return null
}

/**
 * Wait before the n-th (1-based) retry of VOD streaming after a network
 * failure: 1 s, 2 s, 4 s … capped at 15 s, so a box reconnects soon after
 * the network returns without hammering a down server.
 */
export function streamingRetryDelayMs(attempt: number): number {
  return Math.min(15_000, 1000 * 2 ** Math.max(0, attempt - 1))
}

/** Renew the license token a minute before it expires (at once when less is left). */
export const LICENSE_RENEW_MARGIN_MS = 60_000

export function licenseRenewDelayMs(expiresAt: string, now: number): number {
  return Math.max(0, Date.parse(expiresAt) - LICENSE_RENEW_MARGIN_MS - now)
}

/** An authorisation got on Details is not used after this long: the resume position it gave may have moved. */
export const AHEAD_MAX_AGE_MS = 4 * 60_000

/** Whether an authorisation got ahead of the Play press still serves the play: recent, its license token not about to run out. */
export function aheadStillUsable(ahead: { at: number; playback: Pick<PlaybackResponse, 'drm'> }, now: number): boolean {
  if (now - ahead.at >= AHEAD_MAX_AGE_MS) return false
  return ahead.playback.drm === null || licenseRenewDelayMs(ahead.playback.drm.licenseTokenExpiresAt, now) > 0
}

/** The license token goes only to license (and HLS key) requests, never to the CDN. */
export function needsLicenseToken(kind: 'license' | 'key' | 'other', url: string, hlsKeyUrl: string | null): boolean {
  if (kind === 'license') return true
  return kind === 'key' && hlsKeyUrl !== null && url.startsWith(hlsKeyUrl)
}
