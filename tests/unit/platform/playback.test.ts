import { probeDisplay } from '../../../src/platform/device'
import { buildPlaybackProfile, DEFAULT_KEY_SYSTEMS, tizenPanel, webosPanel } from '../../../src/platform/playback'
import type { PlatformId } from '../../../src/platform'

const noPanel = { panel: null }
const PLAYREADY = 'com.microsoft.playready'

describe('key systems per platform', () => {
  test.each<PlatformId>(['tizen', 'webos', 'rdk'])('%s tries PlayReady first by default, then Widevine, then ClearKey', (platform) => {
    expect(buildPlaybackProfile(platform, {}, noPanel).keySystems).toEqual([PLAYREADY, 'com.widevine.alpha', 'org.w3.clearkey'])
  })

  test('a desktop browser has no PlayReady: ClearKey, then Widevine', () => {
    const keySystems = buildPlaybackProfile('browser', {}, noPanel).keySystems
    expect(keySystems).toEqual(['org.w3.clearkey', 'com.widevine.alpha'])
    expect(keySystems).not.toContain(PLAYREADY)
  })

  test("the operator's order in settings wins; unknown names and repeats are dropped", () => {
    const configured = { tizen: ['com.widevine.alpha', 'com.example.mystery', 'com.widevine.alpha', PLAYREADY] }
    expect(buildPlaybackProfile('tizen', configured, noPanel).keySystems).toEqual(['com.widevine.alpha', PLAYREADY])
  })

  test('an empty or meaningless list falls back to the defaults rather than to no DRM at all', () => {
    expect(buildPlaybackProfile('webos', { webos: [] }, noPanel).keySystems).toEqual([...DEFAULT_KEY_SYSTEMS.webos])
    expect(buildPlaybackProfile('webos', { webos: ['nonsense'] }, noPanel).keySystems).toEqual([...DEFAULT_KEY_SYSTEMS.webos])
  })

  test('the profile returns a copy: changing it does not change the defaults', () => {
    buildPlaybackProfile('rdk', {}, noPanel).keySystems.pop()
    expect(DEFAULT_KEY_SYSTEMS.rdk).toHaveLength(3)
  })
})

describe('resolution cap', () => {
  test("the device's panel caps the video", () => {
    expect(buildPlaybackProfile('webos', {}, { panel: { width: 3840, height: 2160 } })).toMatchObject({
      maxResolution: { width: 3840, height: 2160 },
      resolutionSource: 'device',
    })
  })

  test('no answer (or a nonsense one) means the 1080p scene size', () => {
    for (const panel of [null, { width: 0, height: 0 }, { width: Number.NaN, height: 1080 }]) {
      expect(buildPlaybackProfile('rdk', {}, { panel })).toMatchObject({ maxResolution: { width: 1920, height: 1080 }, resolutionSource: 'default' })
    }
  })

  test('Samsung product info: 8K, UHD or Full HD; no API means no answer', () => {
    expect(tizenPanel({ isUdPanelSupported: () => true, is8KPanelSupported: () => true })).toEqual({ width: 7680, height: 4320 })
    expect(tizenPanel({ isUdPanelSupported: () => true, is8KPanelSupported: () => false })).toEqual({ width: 3840, height: 2160 })
    expect(tizenPanel({ isUdPanelSupported: () => true })).toEqual({ width: 3840, height: 2160 })
    expect(tizenPanel({ isUdPanelSupported: () => false })).toEqual({ width: 1920, height: 1080 })
    expect(tizenPanel({})).toBeNull()
  })

  test('LG device info: UHD flags first, else the reported screen size', () => {
    expect(webosPanel({ uhd8K: true, uhd: true })).toEqual({ width: 7680, height: 4320 })
    expect(webosPanel({ uhd: true, screenWidth: 1920, screenHeight: 1080 })).toEqual({ width: 3840, height: 2160 })
    expect(webosPanel({ screenWidth: 1280, screenHeight: 720 })).toEqual({ width: 1280, height: 720 })
    expect(webosPanel({ modelName: 'OLED55C1' })).toBeNull()
  })
})

describe('asking the device', () => {
  const win = (extra: object): Window => extra as unknown as Window

  test("Tizen: webapis product info (the packaged index.html loads it), else the system info's display", async () => {
    const withWebApis = win({ webapis: { productinfo: { isUdPanelSupported: () => true, is8KPanelSupported: () => false } } })
    await expect(probeDisplay('tizen', withWebApis)).resolves.toEqual({ panel: { width: 3840, height: 2160 } })
    const withSystemInfo = win({
      tizen: { systeminfo: { getPropertyValue: (_: string, ok: (d: object) => void) => ok({ resolutionWidth: 1920, resolutionHeight: 1080 }) } },
    })
    await expect(probeDisplay('tizen', withSystemInfo)).resolves.toEqual({ panel: { width: 1920, height: 1080 } })
    const failing = win({ tizen: { systeminfo: { getPropertyValue: (_: string, _ok: unknown, fail: (e: Error) => void) => fail(new Error('denied')) } } })
    await expect(probeDisplay('tizen', failing)).resolves.toEqual({ panel: null })
  })

  test("webOS: webOSTV.js deviceInfo, else the runtime's PalmSystem.deviceInfo JSON", async () => {
    const withLibrary = win({ webOS: { deviceInfo: (cb: (info: object) => void) => cb({ uhd: true }) } })
    await expect(probeDisplay('webos', withLibrary)).resolves.toEqual({ panel: { width: 3840, height: 2160 } })
    const bare = win({ PalmSystem: { deviceInfo: JSON.stringify({ screenWidth: 1920, screenHeight: 1080 }) } })
    await expect(probeDisplay('webos', bare)).resolves.toEqual({ panel: { width: 1920, height: 1080 } })
    await expect(probeDisplay('webos', win({ PalmSystem: { deviceInfo: '{broken' } }))).resolves.toEqual({ panel: null })
  })

  test('desktop browsers and RDK boxes do not say', async () => {
    await expect(probeDisplay('browser', win({}))).resolves.toEqual({ panel: null })
    await expect(probeDisplay('rdk', win({}))).resolves.toEqual({ panel: null })
  })
})
