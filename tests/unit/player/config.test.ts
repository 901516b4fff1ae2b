import type { PlaybackResponse } from '../../../server/contract'
import type { StreamFormat } from '../../../src/settings'
import {
  AHEAD_MAX_AGE_MS, noPlayShakaConfig, RETRY, aheadStillUsable, bufferingFor, chooseManifest, engineShakaConfig, licenseRenewDelayMs, licenseServersFor, needsLicenseToken, playShakaConfig,
  playShakaConfigChange, streamingRetryDelayMs, qualityHeights, pinnedHeight, abrFor,
} from '../../../src/player/config'

const CLEARKEY_URL = 'http://api.test/v1/license/clearkey'
const offered = [{ keySystem: 'org.w3.clearkey', licenseUrl: CLEARKEY_URL }]
const all = new Set(['org.w3.clearkey', 'com.widevine.alpha', 'com.microsoft.playready'])

describe('license servers: the platform order, a URL from the operator or the playback API, and device support', () => {
  test('the reference server: ClearKey with the URL from POST /v1/playback', () => {
    expect(licenseServersFor(['org.w3.clearkey', 'com.widevine.alpha'], {}, offered, all)).toEqual([{ keySystem: 'org.w3.clearkey', url: CLEARKEY_URL }])
  })

  test('operator overrides add production key systems and replace the API URL, in the platform order', () => {
    const overrides = { 'com.microsoft.playready': 'https://drm.example/pr', 'org.w3.clearkey': 'https://drm.example/ck' }
    expect(licenseServersFor(['com.microsoft.playready', 'com.widevine.alpha', 'org.w3.clearkey'], overrides, offered, all)).toEqual([
      { keySystem: 'com.microsoft.playready', url: 'https://drm.example/pr' },
      { keySystem: 'org.w3.clearkey', url: 'https://drm.example/ck' },
    ])
  })

  test('a key system the device does not grant is skipped; none left is an empty list', () => {
    const overrides = { 'com.widevine.alpha': 'https://drm.example/wv' }
    expect(licenseServersFor(['com.widevine.alpha', 'org.w3.clearkey'], overrides, offered, new Set(['org.w3.clearkey']))).toEqual([
      { keySystem: 'org.w3.clearkey', url: CLEARKEY_URL },
    ])
    expect(licenseServersFor(['com.widevine.alpha'], {}, offered, all)).toEqual([])
  })
})

test("the device's Shaka configuration is data: retries, buffers per platform, the panel cap", () => {
  const config = engineShakaConfig({ platform: 'tizen', panel: { width: 1920, height: 1080 } })
  expect(config.drm.retryParameters).toEqual(RETRY.license)
  expect(config.manifest.retryParameters).toEqual(RETRY.manifest)
  expect(config.streaming.retryParameters).toEqual(RETRY.segments)
  expect(config.streaming).toMatchObject({ bufferingGoal: 20, bufferBehind: 10, rebufferingGoal: 2, stallEnabled: true })
  expect(config.abr.restrictions).toEqual({ maxWidth: 1920, maxHeight: 1080 })
})

test("a play's Shaka configuration is data: DRM servers and order, the viewer's languages", () => {
  const config = playShakaConfig({
    licenseServers: [
      { keySystem: 'com.microsoft.playready', url: 'https://drm.example/pr' },
      { keySystem: 'org.w3.clearkey', url: CLEARKEY_URL },
    ],
    audioLanguage: 'en',
    textLanguage: null,
    videoHeight: null,
    panelHeight: 1080,
  })
  expect(config.drm.servers).toEqual({ 'com.microsoft.playready': 'https://drm.example/pr', 'org.w3.clearkey': CLEARKEY_URL })
  expect(config.drm.preferredKeySystems).toEqual(['com.microsoft.playready', 'org.w3.clearkey'])
  expect(config.preferredAudio).toEqual([{ language: 'en' }])
  expect(config.preferredText).toEqual([])
  // Auto: anything up to the panel's height.
  expect(config.abr).toEqual({ enabled: true, restrictions: { minHeight: 0, maxHeight: 1080 } })
})

describe('Quality: the heights offered, the one a choice pins, and what ABR may choose', () => {
  test('the renditions’ heights up to the panel’s, highest first, each once (one per audio language in the variants)', () => {
    expect(qualityHeights([360, 720, 540, 360, 720, 540], 1080)).toEqual([720, 540, 360])
    expect(qualityHeights([2160, 1080, 720], 1080)).toEqual([1080, 720])
    // All taller than a 720p panel: the lowest alone.
    expect(qualityHeights([2160, 1080], 720)).toEqual([1080])
    expect(qualityHeights([], 1080)).toEqual([])
  })

  test.each([
    ['Auto', null, [720, 540, 360], null],
    ['a height the play has', 540, [720, 540, 360], 540],
    ['a height from another play’s ladder: the highest under it', 1080, [720, 540, 360], 720],
    ['a height between two: the one under it', 600, [720, 540, 360], 540],
    ['under every height: the lowest', 240, [720, 540, 360], 360],
    ['a play with no heights (native HLS)', 540, [], null],
  ] as const)('pins %s', (_name, chosen, heights, expected) => {
    expect(pinnedHeight(chosen, heights)).toBe(expected)
  })

  test('a pinned height turns ABR off, its restrictions naming it alone; Auto, ABR on up to the panel; the play config carries it from the first segment', () => {
    expect(abrFor(540, 1080)).toEqual({ enabled: false, restrictions: { minHeight: 540, maxHeight: 540 } })
    expect(abrFor(null, 1080)).toEqual({ enabled: true, restrictions: { minHeight: 0, maxHeight: 1080 } })
    const pinned = playShakaConfig({ licenseServers: [], audioLanguage: null, textLanguage: null, videoHeight: 360, panelHeight: 1080 })
    expect(pinned.abr).toEqual({ enabled: false, restrictions: { minHeight: 360, maxHeight: 360 } })
    // A play pinned after an Auto one configures ABR.
    expect(playShakaConfigChange(noPlayShakaConfig(1080), pinned)?.abr).toEqual({ enabled: false, restrictions: { minHeight: 360, maxHeight: 360 } })
  })
})

describe("from one play's settings to the next: only what differs, no license server left from the play before", () => {
  const clearKey = playShakaConfig({ licenseServers: [{ keySystem: 'org.w3.clearkey', url: CLEARKEY_URL }], audioLanguage: null, textLanguage: null, videoHeight: null, panelHeight: 1080 })
  const clear = playShakaConfig({ licenseServers: [], audioLanguage: null, textLanguage: null, videoHeight: null, panelHeight: 1080 })

  test('a clear play without remembered languages on a fresh engine configures nothing', () => {
    expect(playShakaConfigChange(noPlayShakaConfig(1080), clear)).toBeNull()
  })

  test('the same settings again configure nothing', () => {
    expect(playShakaConfigChange(clearKey, playShakaConfig({ licenseServers: [{ keySystem: 'org.w3.clearkey', url: CLEARKEY_URL }], audioLanguage: null, textLanguage: null, videoHeight: null, panelHeight: 1080 }))).toBeNull()
  })

  test('a ClearKey play after a clear one sets its server and key system', () => {
    expect(playShakaConfigChange(clear, clearKey)).toEqual({
      drm: { servers: { 'org.w3.clearkey': CLEARKEY_URL }, preferredKeySystems: ['org.w3.clearkey'] },
      preferredAudio: [],
      preferredText: [],
      abr: { enabled: true, restrictions: { minHeight: 0, maxHeight: 1080 } },
    })
  })

  test('a clear play after a ClearKey one deletes the server (undefined: Shaka merges servers key by key)', () => {
    const change = playShakaConfigChange(clearKey, clear)
    expect(change?.drm.servers).toEqual({ 'org.w3.clearkey': undefined })
    expect('org.w3.clearkey' in (change?.drm.servers ?? {})).toBe(true)
    expect(change?.drm.preferredKeySystems).toEqual([])
  })

  test('another license URL or key system replaces the previous one; new languages are set', () => {
    const playReady = playShakaConfig({ licenseServers: [{ keySystem: 'com.microsoft.playready', url: 'https://drm.example/pr' }], audioLanguage: 'zh', textLanguage: 'en', videoHeight: null, panelHeight: 1080 })
    expect(playShakaConfigChange(clearKey, playReady)).toEqual({
      drm: { servers: { 'org.w3.clearkey': undefined, 'com.microsoft.playready': 'https://drm.example/pr' }, preferredKeySystems: ['com.microsoft.playready'] },
      preferredAudio: [{ language: 'zh' }],
      preferredText: [{ language: 'en' }],
      abr: { enabled: true, restrictions: { minHeight: 0, maxHeight: 1080 } },
    })
    const otherUrl = playShakaConfig({ licenseServers: [{ keySystem: 'org.w3.clearkey', url: 'https://drm.example/ck' }], audioLanguage: null, textLanguage: null, videoHeight: null, panelHeight: 1080 })
    expect(playShakaConfigChange(clearKey, otherUrl)?.drm.servers).toEqual({ 'org.w3.clearkey': 'https://drm.example/ck' })
  })
})

test('TV boxes keep less buffer than desktop browsers; every retry policy retries with backoff', () => {
  for (const platform of ['tizen', 'webos', 'rdk'] as const) {
    expect(bufferingFor(platform).bufferingGoal).toBeLessThan(bufferingFor('browser').bufferingGoal)
    expect(bufferingFor(platform).bufferBehind).toBeLessThan(bufferingFor('browser').bufferBehind)
  }
  for (const policy of Object.values(RETRY)) {
    expect(policy.maxAttempts).toBeGreaterThan(1)
    expect(policy.backoffFactor).toBeGreaterThan(1)
  }
})

test('the operator\'s format where Media Source plays both, HLS for native-HLS engines without it, nothing otherwise', () => {
  const manifests = { dash: 'a.mpd', hls: 'a.m3u8' }
  expect(chooseManifest(manifests, { mse: true, nativeHls: true }, 'dash')).toEqual({ kind: 'dash', url: 'a.mpd' })
  expect(chooseManifest(manifests, { mse: true, nativeHls: false }, 'hls')).toEqual({ kind: 'hls', url: 'a.m3u8' })
  expect(chooseManifest(manifests, { mse: false, nativeHls: true }, 'dash')).toEqual({ kind: 'hls', url: 'a.m3u8' })
  expect(chooseManifest(manifests, { mse: false, nativeHls: true }, 'hls')).toEqual({ kind: 'hls', url: 'a.m3u8' })
  for (const preferred of ['dash', 'hls'] as const) expect(chooseManifest(manifests, { mse: false, nativeHls: false }, preferred)).toBeNull()
  // settings.local.json is merged unchecked: an operator's typo plays DASH rather than no manifest.
  expect(chooseManifest(manifests, { mse: true, nativeHls: true }, 'HLS' as StreamFormat)).toEqual({ kind: 'dash', url: 'a.mpd' })
})

test('VOD streaming retries back off 1, 2, 4, 8 s and stay at 15 s', () => {
  expect([1, 2, 3, 4, 5, 6, 20].map(streamingRetryDelayMs)).toEqual([1000, 2000, 4000, 8000, 15000, 15000, 15000])
})

test('the license token is renewed a minute before it expires, at once when less is left', () => {
  const now = Date.parse('2026-11-25T12:00:00Z')
  expect(licenseRenewDelayMs('2026-11-25T12:05:00Z', now)).toBe(4 * 60_000)
  expect(licenseRenewDelayMs('2026-11-25T12:00:30Z', now)).toBe(0)
})

test('an authorisation got on Details serves the Play press while recent and its token is not about to run out', () => {
  const now = Date.parse('2026-11-25T12:00:00Z')
  const clear = { playback: { drm: null } }
  const drm = (expiresAt: string): { playback: Pick<PlaybackResponse, 'drm'> } => ({
    playback: { drm: { keySystems: [], licenseToken: 'token', licenseTokenExpiresAt: expiresAt, hlsKeyUrl: null } },
  })
  expect(aheadStillUsable({ ...clear, at: now - 10_000 }, now)).toBe(true)
  expect(aheadStillUsable({ ...clear, at: now - AHEAD_MAX_AGE_MS }, now)).toBe(false)
  expect(aheadStillUsable({ ...drm('2026-11-25T12:04:00Z'), at: now - 60_000 }, now)).toBe(true)
  // Less than the renewal margin left: a new authorisation, not a renewal at once.
  expect(aheadStillUsable({ ...drm('2026-11-25T12:00:50Z'), at: now - 10_000 }, now)).toBe(false)
})

test('the token goes to license requests and HLS key requests to our key URL, never to the CDN', () => {
  const hlsKeyUrl = 'http://api.test/v1/license/clearkey/hls/enc-1'
  expect(needsLicenseToken('license', 'https://drm.example/pr', null)).toBe(true)
  expect(needsLicenseToken('key', `${hlsKeyUrl}?x=1`, hlsKeyUrl)).toBe(true)
  expect(needsLicenseToken('key', 'https://evil.example/key', hlsKeyUrl)).toBe(false)
  expect(needsLicenseToken('other', 'http://cdn.test/media/enc-1/video.mp4', hlsKeyUrl)).toBe(false)
})
