// The Player in Debian's Chromium against the real server and the packaged
// media: Shaka behind the SDK VideoPlayer, clear and ClearKey-encrypted DASH (and HLS with ?stream=hls),
// the purchase choices when not entitled, audio and subtitle switching,
// resume, and recovery after the media requests are blocked mid-play.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import type { DeviceCodeResponse, RegisterDeviceResponse, TitleDetails, TitleSummary, TokenResponse } from '../../server/contract'
import { call, giveStoredPayment, postForm, registerDevice } from '../server/helpers'
import { launchBrowser, type LaunchedBrowser } from './support/browser'
import { startAppServer, type AppServer } from './support/app-server'
import { outputDir } from './support/paths'
import { waitFor } from './support/wait'
import { boxesOf, collectPageErrors, drawnTexts, focusedRefs, press, recordDrawnTexts, recordSpeech, visibleTexts, waitForNoText, waitForPlaced, waitForText, waitForTextMatching, waitForWholeText } from './support/lightning'
import { mediaDir } from './support/paths'
import { ffmpegPath } from '../../scripts/media'

jest.setTimeout(180_000)

// settings.local.json is absent (404) in the build; a blocked media request logs a failed load.
const expectedNoise = [/Failed to load resource/, /net::ERR_FAILED/]

let server: AppServer
let browser: LaunchedBrowser
let freeTitleId: string
let subscriptionTitleId: string
let eventBatches: Array<{ events: Array<{ type: string; data?: Record<string, unknown> }> }> = []
let licenseRequests: Array<{ url: string; authorization: string | undefined; status: number }> = []
/** Paths of the DASH and HLS manifests asked for. */
let manifestRequests: string[] = []

interface StoredSession {
  device: RegisterDeviceResponse
  account: { token: string; expiresAt: string; account: TokenResponse['account'] } | null
}

/** All titles, from the catalogue rail the API pages through. */
async function catalogue(): Promise<TitleSummary[]> {
  const res = await call<{ items: TitleSummary[] }>(server.origin, 'GET', '/v1/rails/catalog-all?limit=500')
  expect(res.status).toBe(200)
  return res.body.items
}

/** A device token, and an account token for it signed in through the device-code flow. */
async function signedInSession(accountName: string): Promise<StoredSession> {
  const device = await registerDevice(server.origin)
  const code = await call<DeviceCodeResponse>(server.origin, 'POST', '/v1/auth/device-code', { token: device.token })
  expect(code.status).toBe(200)
  const approve = await postForm(server.origin, '/activate', { code: code.body.userCode, account: accountName, action: 'approve' })
  expect(approve.status).toBe(200)
  const token = await call<TokenResponse>(server.origin, 'POST', '/v1/auth/token', { body: { deviceCode: code.body.deviceCode } })
  expect(token.status).toBe(200)
  return { device, account: { token: token.body.accessToken, expiresAt: token.body.expiresAt, account: token.body.account } }
}

/** A viewer of this name signed in on a new TV, with a stored payment method (PIN 1234), subscribed. */
async function subscribedViewer(accountName: string): Promise<StoredSession> {
  const session = await signedInSession(accountName)
  await giveStoredPayment(server, accountName)
  await subscribe(session)
  return session
}

async function subscribe(session: StoredSession): Promise<void> {
  const res = await call(server.origin, 'POST', '/v1/purchases', {
    token: session.account?.token,
    headers: { 'Idempotency-Key': `e2e-player-${Date.now()}` },
    body: { kind: 'subscription', planId: 'vip-monthly', payment: { method: 'stored', pin: '1234' } },
  })
  expect([201, 409]).toContain(res.status)
}

/** The reference series (t0002) as its English Details show it. */
async function referenceSeries(): Promise<TitleDetails> {
  return (await call<TitleDetails>(server.origin, 'GET', '/v1/titles/t0002', { headers: { 'Accept-Language': 'en' } })).body
}

/** Where the server has the viewer in one episode of a series, once a save reaches it (a play's stop saves in the background). */
function savedEpisodeProgress(session: StoredSession, seriesId: string, episodeId: string): Promise<NonNullable<TitleDetails['episodeProgress']>[number]> {
  return waitFor(`episode ${episodeId} saved`, async () => {
    const title = (await call<TitleDetails>(server.origin, 'GET', `/v1/titles/${seriesId}`, { token: session.account?.token })).body
    return title.episodeProgress?.find((progress) => progress.episodeId === episodeId) ?? null
  }, 5_000)
}

/** The player's choices the page keeps per viewer (Storage `player.preferences`). */
async function storedPreferences(page: Page): Promise<Record<string, unknown>> {
  return JSON.parse((await page.evaluate(() => localStorage.getItem('player.preferences'))) ?? '{}')
}

/**
 * A viewer of this name subscribed on a new TV, and the reference series. Each test has its own: an episode
 * resumes where any earlier play left it.
 */
async function subscribedToSeries(accountName: string): Promise<{ session: StoredSession; series: TitleDetails }> {
  return { session: await subscribedViewer(accountName), series: await referenceSeries() }
}

interface ScreenMetrics {
  width: number
  height: number
  pixelRatio: number
}

/** The window's CSS size and device pixels per CSS pixel, as a TV browser or WebView reports them. */
async function emulateScreen(page: Page, { width, height, pixelRatio }: ScreenMetrics): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: pixelRatio, mobile: false })
}

/**
 * Opens the app on a fresh Storage (the browser context is shared), with this
 * session in it as after a sign-in on the TV; `keepStorage` continues the last page's.
 */
async function open(
  hash: string,
  options: { session?: StoredSession; query?: string; keepStorage?: boolean; lang?: string; screen?: ScreenMetrics; recordTexts?: boolean } = {},
): Promise<{ page: Page; errors: string[] }> {
  const { session = null, query = '', keepStorage = false, lang = 'en', screen, recordTexts = false } = options
  const page = await browser.context.newPage()
  if (screen) await emulateScreen(page, screen)
  if (recordTexts) await recordDrawnTexts(page)
  const errors = collectPageErrors(page, expectedNoise)
  page.on('response', (response) => {
    if (!response.url().includes('/v1/license/')) return
    licenseRequests.push({ url: response.url(), authorization: response.request().headers().authorization, status: response.status() })
  })
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/v1/events')) eventBatches.push(JSON.parse(request.postData() ?? '{}'))
    const { pathname } = new URL(request.url())
    if (/\.(mpd|m3u8)$/.test(pathname)) manifestRequests.push(pathname)
  })
  if (!keepStorage) {
    await page.addInitScript((stored: StoredSession | null) => {
      localStorage.clear()
      if (!stored) return
      localStorage.setItem('auth.device', JSON.stringify(stored.device))
      if (stored.account) localStorage.setItem('auth.account', JSON.stringify(stored.account))
    }, session)
  }
  await page.goto(`${server.origin}/?inspector=1&lang=${lang}${query}#${hash}`)
  return { page, errors }
}

function videoTime(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelector('video')?.currentTime ?? -1)
}

/** Waits until the video element's time passes `seconds` (playback really advances). */
async function waitForTime(page: Page, seconds: number, timeoutMs = 30_000): Promise<number> {
  await page.waitForFunction((s) => (document.querySelector('video')?.currentTime ?? 0) > s, seconds, { timeout: timeoutMs, polling: 100 })
  return videoTime(page)
}

async function hash(page: Page): Promise<string> {
  return page.evaluate(() => location.hash)
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(outputDir, `player-${name}.png`) })
}

beforeAll(async () => {
  fs.mkdirSync(outputDir, { recursive: true })
  server = await startAppServer()
  browser = await launchBrowser()
  const titles = await catalogue()
  const free = titles.find((t) => t.access.entitlement.kind === 'free')
  const subscription = titles.find((t) => t.access.offers.some((o) => o.kind === 'subscription') && t.kind === 'film')
  if (!free || !subscription) throw new Error('the seeded catalogue has no free or no subscription film')
  freeTitleId = free.id
  subscriptionTitleId = subscription.id
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

beforeEach(() => {
  eventBatches = []
  licenseRequests = []
  manifestRequests = []
})

test('a free title plays by deep link: time advances, the controls show title and time, Enter pauses and resumes', async () => {
  const { page, errors } = await open(`player/${freeTitleId}/play`)
  await waitForTime(page, 2)
  const title = (await call<{ title: string }>(server.origin, 'GET', `/v1/titles/${freeTitleId}`, { headers: { 'Accept-Language': 'en' } })).body.title
  await waitForText(page, title)
  const texts = await visibleTexts(page)
  expect(texts.some((t) => /^-0:\d\d$/.test(t))).toBe(true)
  // Shaka drives the SDK VideoPlayer's element through MSE (the plugin alone would have set src to the manifest).
  const video = await page.evaluate(() => {
    const el = document.querySelector('video')
    return { id: el?.id, src: el?.getAttribute('src') ?? '' }
  })
  expect(video.id).toBe('video-player')
  expect(video.src).not.toContain('.mpd')

  await press(page, 'Enter', 500)
  await waitForText(page, 'Paused')
  const pausedAt = await videoTime(page)
  await page.waitForTimeout(800)
  expect(await videoTime(page)).toBeCloseTo(pausedAt, 1)
  await press(page, 'Enter')
  await waitForTime(page, pausedAt + 0.5)

  // Blue (F4) shows the QoE overlay live, and hides it again.
  await press(page, 'F4')
  const overlay = await waitForTextMatching(page, /^Playback quality \(QoE\)/)
  expect(overlay).toMatch(/Time to first frame \d+\.\d\d s/)
  expect(overlay).toContain('State playing')
  expect(overlay).toContain('DASH · DRM —')
  await press(page, 'F4')
  await waitForNoText(page, 'Playback quality (QoE)')
  expect(errors).toEqual([])
  await page.close()
})

test('the app fills the window: a WebView of 960×540 CSS px at two device pixels each draws 1080p, the video under it; resized, both follow', async () => {
  const { page, errors } = await open(`player/${freeTitleId}/play`, { screen: { width: 960, height: 540, pixelRatio: 2 } })
  await waitForTime(page, 1)
  const placed = (): Promise<{ canvas: number[]; pixels: number[]; video: number[] }> =>
    page.evaluate(() => {
      const box = (el: Element | null): number[] => {
        const rect = el?.getBoundingClientRect()
        return rect ? [rect.left, rect.top, rect.width, rect.height].map(Math.round) : []
      }
      const canvas = document.querySelector('body > canvas') as HTMLCanvasElement
      return { canvas: box(canvas), pixels: [canvas.width, canvas.height], video: box(document.querySelector('video')) }
    })
  expect(await placed()).toEqual({ canvas: [0, 0, 960, 540], pixels: [1920, 1080], video: [0, 0, 960, 540] })

  // A desktop window made 1440×900: the canvas drawn at launch shows at the window's width, centred in its height.
  await emulateScreen(page, { width: 1440, height: 900, pixelRatio: 1 })
  await page.waitForFunction(() => Math.round(document.querySelector('body > canvas')!.getBoundingClientRect().width) === 1440)
  expect(await placed()).toEqual({ canvas: [0, 45, 1440, 810], pixels: [1920, 1080], video: [0, 45, 1440, 810] })
  expect(errors).toEqual([])
  await page.close()
})

// Plays left by closing the page save where they were (the page hidden: a background play saves at once), so the
// tests that play a title and close it use viewers of their own: the demo account's titles stay as the tests after
// them expect.
test('a subscription title as a subscriber: ClearKey license issued with the token, time advances', async () => {
  const session = await subscribedViewer('subscriber-viewer')
  const { page, errors } = await open(`player/${subscriptionTitleId}/startover`, { session })
  await waitForTime(page, 2)
  const licenses = licenseRequests.filter((r) => r.url.includes('/v1/license/clearkey'))
  expect(licenses.length).toBeGreaterThan(0)
  expect(licenses.every((r) => r.status === 200 && /^Bearer .+/.test(r.authorization ?? ''))).toBe(true)
  expect(errors).toEqual([])
  await page.close()
})

test('an episode shows the series name on the title line and its season, number and own name on the line below', async () => {
  const session = await subscribedViewer('episode-line-viewer')
  // The seed's first title is a VIP series of two seasons, its episodes titled by their number ("Episode 3");
  // the second's first season names its episodes.
  for (const [titleId, seasonIndex, episodeIndex, modeLine] of [
    ['t0001', 1, 2, (season: number, episode: number) => `Season ${season} · Episode ${episode}`],
    ['t0002', 0, 1, (season: number, episode: number) => `Season ${season} · Episode ${episode} · Wind Shear`],
  ] as const) {
    const series = (await call<TitleDetails>(server.origin, 'GET', `/v1/titles/${titleId}`, { headers: { 'Accept-Language': 'en' } })).body
    const season = series.seasons[seasonIndex]!
    const episode = season.episodes[episodeIndex]!
    const { page, errors } = await open(`player/${series.id}/play/${episode.id}`, { session })
    await waitForTime(page, 1)
    // Paused, the controls stay up.
    await press(page, 'Enter', 500)
    await waitForText(page, 'Paused')
    await waitForWholeText(page, series.title)
    await waitForWholeText(page, modeLine(season.number, episode.number))
    await shot(page, `episode-${titleId}`)
    expect(errors).toEqual([])
    await page.close()
  }
})

test('?stream=hls plays the HLS manifest through Shaka: a free title, and a ClearKey one with its key asked with the token', async () => {
  const session = await subscribedViewer('subscriber-viewer')
  for (const { titleId, encrypted } of [
    { titleId: freeTitleId, encrypted: false },
    { titleId: subscriptionTitleId, encrypted: true },
  ]) {
    licenseRequests = []
    manifestRequests = []
    const { page, errors } = await open(`player/${titleId}/startover`, { session, query: '&stream=hls' })
    await waitForTime(page, 2)
    expect(manifestRequests.length).toBeGreaterThan(0)
    expect(manifestRequests.every((manifest) => manifest.endsWith('.m3u8'))).toBe(true)
    // The EXT-X-KEY identity URI is the server's HLS key URL: asked with the licence token, answered.
    const keys = licenseRequests.filter((r) => r.url.includes('/v1/license/clearkey/hls/'))
    if (encrypted) expect(keys.length > 0 && keys.every((r) => r.status === 200 && /^Bearer .+/.test(r.authorization ?? ''))).toBe(true)
    else expect(licenseRequests).toEqual([])
    // QA's overlay (Blue/F4) says which manifest and key system play.
    await press(page, 'F4')
    const overlay = await waitForTextMatching(page, /^Playback quality \(QoE\)/)
    expect(overlay).toContain(encrypted ? 'HLS · DRM org.w3.clearkey' : 'HLS · DRM —')
    expect(errors).toEqual([])
    await page.close()
  }
})

test('a paid title without entitlement lands on the purchase choices', async () => {
  const { page } = await open(`player/${subscriptionTitleId}/play`)
  await page.waitForFunction((id) => location.hash === `#details/${id}/buy`, subscriptionTitleId, { timeout: 20_000 })
  expect(await videoTime(page)).toBeLessThan(0.5)
  await page.close()
})

/** The drawn height of the subtitle line, in the 1080p scene's pixels. */
async function subtitleHeight(page: Page): Promise<number> {
  return page.$eval('[ref="Subtitles"]', (element) => element.getBoundingClientRect().height / (document.documentElement.clientHeight / 1080))
}

test('audio, subtitles and their size switch from the track menu, subtitles show large above the video, the choice is remembered', async () => {
  const { page, errors } = await open(`player/${freeTitleId}/startover`)
  await waitForTime(page, 1)
  await press(page, 'ArrowDown')
  await waitForText(page, 'Subtitles')
  expect(await focusedRefs(page)).toContain('Tracks')
  // Audio column: Chinese (the main track) is active; pick English.
  await waitForText(page, '✓ Chinese')
  await press(page, 'ArrowDown')
  await press(page, 'Enter', 600)
  await waitForText(page, '✓ English')
  expect(await page.evaluate(() => document.querySelector('video')?.paused)).toBe(false)
  // Subtitles column: Off, Chinese, English → English.
  await press(page, 'ArrowRight')
  await press(page, 'ArrowDown')
  await press(page, 'ArrowDown')
  await press(page, 'Enter', 600)
  await waitForText(page, 'This is the English test track', 10_000)
  // Size column (with subtitles to size): Small, Standard (active), Large → Large, drawn larger at once.
  const standardHeight = await subtitleHeight(page)
  await press(page, 'ArrowRight')
  await waitForText(page, '✓ Standard')
  await press(page, 'ArrowDown')
  await press(page, 'Enter', 600)
  await waitForText(page, '✓ Large')
  await waitForText(page, 'This is the English test track', 10_000)
  const largeHeight = await subtitleHeight(page)
  expect(largeHeight / standardHeight).toBeGreaterThan(1.15)
  // Seen as chosen: the menu stands above them, not over them.
  await waitForPlaced(page, ['[ref="Tracks"]', '[ref="Subtitles"]'])
  await shot(page, 'tracks')
  await press(page, 'Backspace')
  await waitForNoText(page, 'Subtitles')
  expect(await hash(page)).toBe(`#player/${freeTitleId}/startover`)
  await waitForText(page, 'This is the English test track', 10_000)
  await shot(page, 'subtitles')
  expect(await storedPreferences(page)).toEqual({ device: { audioLanguage: 'en', textLanguage: 'en', subtitleSize: 'large', videoHeight: null, openingTitles: 'offer' } })
  await page.close()

  // A new play starts with English audio and English subtitles, drawn large.
  const again = await open(`player/${freeTitleId}/startover`, { keepStorage: true })
  await waitForTime(again.page, 1)
  await waitForText(again.page, 'This is the English test track', 10_000)
  expect(Math.abs((await subtitleHeight(again.page)) - largeHeight)).toBeLessThan(2)
  await press(again.page, 'ArrowDown')
  await waitForText(again.page, '✓ English')
  await waitForText(again.page, '✓ Large')
  expect(errors).toEqual([])
  await again.page.close()
})

/**
 * Opens the settings (Down), moves to Speed (the fourth column where there are subtitles; it opens on the current
 * speed), `steps` down, OK, and closes them.
 */
async function chooseSpeed(page: Page, steps: number): Promise<void> {
  await press(page, 'ArrowDown')
  await waitForText(page, 'Speed')
  for (let column = 0; column < 3; column++) await press(page, 'ArrowRight')
  for (let step = 0; step < steps; step++) await press(page, 'ArrowDown')
  await press(page, 'Enter', 600)
  await press(page, 'Backspace')
  await waitForNoText(page, 'Speed')
}

function videoRate(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelector('video')?.playbackRate ?? 0)
}

test('the speed is chosen in the settings: at 1.5× the video plays half as fast again; a new play starts at Normal', async () => {
  const { page, errors } = await open(`player/${freeTitleId}/startover`)
  await waitForTime(page, 1)
  await press(page, 'ArrowDown')
  await waitForText(page, 'Speed')
  await waitForText(page, '✓ Normal')
  expect(await visibleTexts(page)).toEqual(expect.arrayContaining(['    0.75×', '    1.25×', '    1.5×', '    2×']))
  await press(page, 'Backspace')
  await chooseSpeed(page, 2)
  expect(await videoRate(page)).toBe(1.5)
  // Measured on the video's own clock against the page's: 1.5 s of the film a second (a stall would read less).
  const from = await page.evaluate(() => ({ media: document.querySelector('video')!.currentTime, wall: performance.now() }))
  await page.waitForTimeout(2500)
  const to = await page.evaluate(() => ({ media: document.querySelector('video')!.currentTime, wall: performance.now() }))
  expect((to.media - from.media) / ((to.wall - from.wall) / 1000)).toBeGreaterThan(1.3)
  await press(page, 'ArrowDown')
  await waitForText(page, '✓ 1.5×')
  await page.close()

  const again = await open(`player/${freeTitleId}/startover`, { keepStorage: true })
  await waitForTime(again.page, 1)
  expect(await videoRate(again.page)).toBe(1)
  expect(errors).toEqual([])
  await again.page.close()
})

/** The video renditions the page fetched so far (Resource Timing: Shaka fetches each segment as a range of its rendition's file). */
function renditionsFetched(page: Page): Promise<string[]> {
  return page.evaluate(() => [
    ...new Set(performance.getEntriesByType('resource').flatMap((entry) => /\/(video-\d+)\.mp4$/.exec(new URL(entry.name).pathname)?.[1] ?? [])),
  ])
}

function videoHeight(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelector('video')?.videoHeight ?? 0)
}

test('Quality in the settings: 360p switches the picture at once and is kept, the next plays (DASH and HLS) fetching only 360p from their first segment; Auto lets the network choose again', async () => {
  const { page, errors } = await open(`player/${freeTitleId}/startover`)
  await waitForTime(page, 1)
  await press(page, 'ArrowDown')
  await waitForText(page, 'Quality')
  // Auto names the height showing; then each of the title's renditions, highest first.
  await waitForTextMatching(page, /^✓ Auto \((360|540|720)p\)$/)
  expect(await visibleTexts(page)).toEqual(expect.arrayContaining(['    720p', '    540p', '    360p']))
  // The fifth column (Audio, Subtitles, Size, Speed, Quality), on Auto; 360p is its last row.
  for (let column = 0; column < 4; column++) await press(page, 'ArrowRight')
  for (let step = 0; step < 3; step++) await press(page, 'ArrowDown')
  await press(page, 'Enter', 600)
  await waitForText(page, '✓ 360p')
  await waitForText(page, '    Auto')
  await shot(page, 'quality')
  // At once, the next second kept: the picture the video element decodes is 360 lines high.
  await page.waitForFunction(() => document.querySelector('video')!.videoHeight === 360, undefined, { timeout: 5_000 })
  await press(page, 'Backspace')
  await waitForNoText(page, 'Quality')
  expect(await storedPreferences(page)).toMatchObject({ device: { videoHeight: 360 } })
  expect(await videoPaused(page)).toBe(false)
  await page.close()

  // The next play keeps to it from its first segment: no other rendition is fetched.
  const again = await open(`player/${freeTitleId}/startover`, { keepStorage: true })
  await waitForTime(again.page, 1.5)
  expect(await renditionsFetched(again.page)).toEqual(['video-360'])
  expect(await videoHeight(again.page)).toBe(360)
  // The same in HLS (its renditions' heights from the master playlist).
  const hls = await open(`player/${freeTitleId}/startover`, { keepStorage: true, query: '&stream=hls' })
  await waitForTime(hls.page, 1.5)
  expect(await renditionsFetched(hls.page)).toEqual(['video-360'])
  expect(await videoHeight(hls.page)).toBe(360)
  expect(hls.errors).toEqual([])
  await hls.page.close()
  // Auto again (Up from 360p, the column's last row, to its first).
  await press(again.page, 'ArrowDown')
  await waitForText(again.page, 'Quality')
  for (let column = 0; column < 4; column++) await press(again.page, 'ArrowRight')
  for (let step = 0; step < 3; step++) await press(again.page, 'ArrowUp')
  await press(again.page, 'Enter', 600)
  await waitForTextMatching(again.page, /^✓ Auto \(\d+p\)$/)
  await waitForText(again.page, '    360p')
  expect(await storedPreferences(again.page)).toMatchObject({ device: { videoHeight: null } })
  await again.page.close()

  // A play under Auto is not held to 360p: on loopback the network allows the highest.
  const third = await open(`player/${freeTitleId}/startover`, { keepStorage: true })
  await waitForTime(third.page, 1)
  await third.page.waitForFunction(() => document.querySelector('video')!.videoHeight > 360, undefined, { timeout: 15_000 })
  expect(errors).toEqual([])
  expect(again.errors).toEqual([])
  expect(third.errors).toEqual([])
  await third.page.close()
})

test('paused a while with no key, the play says what is paused over the picture dimmed; Back only takes it away, OK plays on', async () => {
  const { page, errors } = await open(`player/${freeTitleId}/startover`)
  await waitForTime(page, 1)
  const details = (await call<TitleDetails>(server.origin, 'GET', `/v1/titles/${freeTitleId}`, { headers: { 'Accept-Language': 'en' } })).body
  await press(page, 'Enter', 500)
  await waitForText(page, 'Paused')
  // Not at once: a pause to read the time or think is no absence.
  await page.waitForTimeout(5_000)
  expect(await visibleTexts(page)).not.toContain('You are watching')
  await waitForText(page, 'You are watching', 10_000)
  await waitForWholeText(page, details.synopsis)
  expect(await visibleTexts(page)).toContain(details.title)
  await shot(page, 'paused-info')
  // Back takes it away and stays in the play, still paused.
  await press(page, 'Escape', 500)
  await waitForNoText(page, 'You are watching')
  expect(await hash(page)).toBe(`#player/${freeTitleId}/startover`)
  expect(await page.evaluate(() => document.querySelector('video')?.paused)).toBe(true)
  // It comes back after another while with no key; OK then takes it away and plays on.
  await waitForText(page, 'You are watching', 15_000)
  const pausedAt = await videoTime(page)
  await press(page, 'Enter', 500)
  await waitForNoText(page, 'You are watching')
  await waitForTime(page, pausedAt + 0.5)
  expect(errors).toEqual([])
  await page.close()
})

test('Info (I on a keyboard) shows what is on over the picture while it plays on; Info again takes it away, else it goes by itself', async () => {
  const { page, errors } = await open(`player/${freeTitleId}/startover`)
  await waitForTime(page, 1)
  const details = (await call<TitleDetails>(server.origin, 'GET', `/v1/titles/${freeTitleId}`, { headers: { 'Accept-Language': 'en' } })).body
  await press(page, 'i', 500)
  await waitForText(page, 'You are watching')
  await waitForWholeText(page, details.synopsis)
  expect(await visibleTexts(page)).toContain(details.title)
  await shot(page, 'info-playing')
  await waitForTime(page, (await videoTime(page)) + 1)
  // Info again only takes it away: the play goes on where it was.
  await press(page, 'i', 500)
  await waitForNoText(page, 'You are watching')
  expect(await hash(page)).toBe(`#player/${freeTitleId}/startover`)
  expect(await page.evaluate(() => document.querySelector('video')?.paused)).toBe(false)
  // Left up, it goes after 8 s, not dimming the film for long.
  await press(page, 'i', 500)
  await waitForText(page, 'You are watching')
  await page.waitForTimeout(6_000)
  expect(await visibleTexts(page)).toContain('You are watching')
  await waitForNoText(page, 'You are watching', 5_000)
  expect(await page.evaluate(() => document.querySelector('video')?.paused)).toBe(false)
  expect(errors).toEqual([])
  await page.close()
})

/** An image (JPEG, PNG) decoded by the media script's ffmpeg into RGB bytes, row by row. */
function rgbPixels(image: Buffer): Buffer {
  const decoded = spawnSync(ffmpegPath(), ['-hide_banner', '-loglevel', 'error', '-i', 'pipe:0', '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1'], { input: image, maxBuffer: 64 << 20 })
  if (decoded.status !== 0) throw new Error(`ffmpeg could not decode the image: ${decoded.stderr.toString()}`)
  return decoded.stdout
}

/** The mean difference per colour byte between a 320×180 picture and each tile of a 4×3 sheet of them (1280×540). */
function tileDistances(picture: Buffer, sheet: Buffer): number[] {
  const [w, h, columns] = [320, 180, 4]
  return Array.from({ length: 12 }, (_, tile) => {
    const [left, top] = [(tile % columns) * w, Math.floor(tile / columns) * h]
    let sum = 0
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w * 3; x++) sum += Math.abs(picture[y * w * 3 + x]! - sheet[((top + y) * columns * w + left) * 3 + x]!)
    }
    return sum / (w * h * 3)
  })
}

test('a seek shows, over the bar where it goes, the picture there from the play’s sprite sheet (DASH and HLS)', async () => {
  for (const query of ['', '&stream=hls']) {
    const { page, errors } = await open(`player/${freeTitleId}/startover`, { query })
    const sheets: string[] = []
    page.on('request', (request) => {
      const { pathname } = new URL(request.url())
      if (pathname.endsWith('/thumbnails.jpg')) sheets.push(pathname)
    })
    // DASH: a sheet slower than the preview's 1.5 s (a slow network); the preview waits for it, and shows it.
    if (!query) {
      await page.route('**/thumbnails.jpg', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 2_500))
        await route.continue()
      })
    }
    await waitForTime(page, 1)
    // Not fetched for a play no one seeks in.
    expect(sheets).toEqual([])
    await press(page, 'ArrowRight')
    const time = await waitFor('the seek preview’s time', async () => {
      const texts = await page.$$eval('[ref="SeekPreview"] [texture-text]', (elements) => elements.map((el) => el.getAttribute('texture-text') ?? ''))
      return texts.find((text) => /^\d+:\d{2}$/.test(text)) ?? null
    }, 5_000)
    const [minutes, seconds] = time.split(':').map(Number) as [number, number]
    const target = minutes * 60 + seconds
    expect(target).toBeGreaterThanOrEqual(10)
    // Above the bar, over the point the seek went to (the knob is there).
    const [preview, bar] = await waitForPlaced(page, ['[ref="SeekPreview"]', '[ref="Bar"]'])
    const [knob] = await boxesOf(page, ['[ref="Bar"] > [ref="Knob"]'])
    expect((knob!.left + knob!.right) / 2).toBeGreaterThan(preview!.left)
    expect((knob!.left + knob!.right) / 2).toBeLessThan(preview!.right)
    expect(bar!.top - preview!.bottom).toBeLessThan(60)
    // The picture drawn is the sheet's tile for that time: of the twelve, the one it is nearest to.
    await waitFor('the sheet asked for', () => (sheets.length > 0 ? true : null), 5_000)
    const sheet = rgbPixels(fs.readFileSync(path.join(mediaDir, sheets[0]!.replace(/^\/media\//, ''))))
    let distances: number[] = []
    await waitFor(() => `the preview to show tile ${Math.floor(target / 2)}, distances ${distances.map((d) => d.toFixed(1)).join(' ')}`, async () => {
      const [picture] = await boxesOf(page, ['[ref="SeekPreview"] > [ref="Picture"]'])
      if (!picture || !(picture.right - picture.left > 0)) return null
      // The picture's own 320×180 only: a whole-screen shot took long enough on a loaded machine to miss it.
      const shot = await page.screenshot({ clip: { x: Math.round(picture.left), y: Math.round(picture.top), width: 320, height: 180 } })
      distances = tileDistances(rgbPixels(shot), sheet)
      const nearest = distances.indexOf(Math.min(...distances))
      if (nearest !== Math.floor(target / 2) || distances[nearest]! >= 20) return null
      await page.screenshot({ path: path.join(outputDir, `player-seek-preview${query ? '-hls' : ''}.png`) })
      return true
    }, 8_000, 300)
    // It goes once the video plays at that point, and the sheet was asked once.
    await page.waitForFunction(() => document.querySelector('[ref="SeekPreview"]')?.getAttribute('visible') === 'false', undefined, { timeout: 8_000 })
    expect(new Set(sheets).size).toBe(1)
    expect(errors).toEqual([])
    await page.close()
  }
  // A sheet that cannot be had: the time alone in its box, never an empty frame.
  const { page, errors } = await open(`player/${freeTitleId}/startover`)
  await page.route('**/thumbnails.jpg', (route) => route.abort())
  await waitForTime(page, 1)
  const refused = page.waitForEvent('requestfailed', { predicate: (request) => request.url().endsWith('/thumbnails.jpg'), timeout: 5_000 })
  await press(page, 'ArrowRight', 0)
  await refused
  await page.waitForTimeout(500)
  const [frame, time] = await boxesOf(page, ['[ref="SeekPreview"] > [ref="Frame"]', '[ref="SeekPreview"] > [ref="Time"]'])
  expect(frame!.bottom - frame!.top).toBeLessThan(80)
  expect(frame!.top).toBeLessThanOrEqual(time!.top)
  expect(errors.filter((error) => !/thumbnails\.jpg|Failed to load image/.test(error))).toEqual([])
  await page.close()
})

test('Left held scrubs: its repeats move the preview, the video seeks once for the press and once where they went, at the release, and voice guidance says where', async () => {
  // With voice guidance on (?announce=1), what is said is recorded, not spoken.
  const { page, errors } = await open(`player/${freeTitleId}/startover`, { query: '&announce=1' })
  await waitForTime(page, 1)
  // Where the video is asked to go, in order (its time as each seek starts).
  await page.evaluate(() => {
    const sought: number[] = []
    Object.assign(window, { sought })
    document.querySelector('video')!.addEventListener('seeking', (event) => sought.push((event.target as HTMLVideoElement).currentTime))
  })
  const sought = () => page.evaluate(() => (window as unknown as { sought: number[] }).sought)
  const spoken = await recordSpeech(page)
  await press(page, 'ArrowRight', 600)
  expect(await sought()).toHaveLength(1)
  // Said as a length of the play, once the key is let go: "11 seconds", not "0:11".
  expect((await spoken()).filter((text) => /^\d+ seconds$/.test(text))).toHaveLength(1)
  // Held as a TV's keyboard autorepeat holds it: the first repeat after 600 ms, then one every 100 ms. The
  // press seeks 10 s back at once; the repeats only move the preview (to the start, where they stop).
  await page.keyboard.down('ArrowLeft')
  for (let repeat = 0; repeat < 5; repeat++) {
    await page.waitForTimeout(repeat === 0 ? 600 : 100)
    await page.keyboard.down('ArrowLeft')
  }
  const held = await page.evaluate(() => ({
    sought: (window as unknown as { sought: number[] }).sought.length,
    preview: [...document.querySelectorAll('[ref="SeekPreview"] [texture-text]')].map((el) => el.getAttribute('texture-text')),
  }))
  await page.keyboard.up('ArrowLeft')
  expect(held).toEqual({ sought: 2, preview: ['0:00'] })
  const afterRelease = await waitFor('the seek at the release', async () => {
    const all = await sought()
    return all.length >= 3 ? all : null
  }, 3_000)
  expect(afterRelease).toHaveLength(3)
  expect(afterRelease[2]).toBeLessThan(0.1)
  await waitFor('the start said', async () => ((await spoken()).includes('0 seconds') ? true : null), 3_000)
  // Nothing said per repeat: where the press went, then where the hold went.
  expect((await spoken()).filter((text) => /^\d+ seconds?$/.test(text))).toEqual([expect.stringMatching(/^1\d seconds$/), '0 seconds'])
  await shot(page, 'scrubbed')
  expect(errors).toEqual([])
  await page.close()
})

test('an episode’s opening titles offer Skip intro, focused and read out: OK goes to their end and plays on; Left still seeks; a film offers none', async () => {
  const session = await subscribedViewer('skip-intro-viewer')
  const series = await referenceSeries()
  const episode = series.seasons[0]!.episodes[1]!
  const { page, errors } = await open(`player/${series.id}/startover/${episode.id}`, { session, query: '&announce=1' })
  const spoken = await recordSpeech(page)
  await waitForTime(page, 0.5)
  // Before the titles (3 s in the test media) nothing is offered.
  expect(await visibleTexts(page)).not.toContain('Skip intro')
  await waitForText(page, 'Skip intro', 10_000)
  expect(await videoTime(page)).toBeGreaterThanOrEqual(2.9)
  expect(await focusedRefs(page)).toContain('SkipIntro')
  // The controls' hint says what OK does now.
  await waitForText(page, 'OK Skip intro ·')
  await waitFor('Skip intro read out', async () => ((await spoken()).some((text) => text.startsWith('Skip intro')) ? true : null), 3_000)
  await shot(page, 'skip-intro')
  // Left seeks as ever (back before the titles: the offer goes), and it comes back with them.
  await press(page, 'ArrowLeft', 0)
  await page.keyboard.up('ArrowLeft')
  await waitForNoText(page, 'Skip intro')
  await waitForText(page, 'Skip intro', 10_000)
  await press(page, 'Enter', 0)
  const landed = await waitFor('the video at the titles’ end (9 s)', async () => {
    const time = await videoTime(page)
    return time >= 8.9 && time < 11 ? time : null
  }, 3_000)
  expect(landed).toBeGreaterThanOrEqual(8.9)
  await waitForNoText(page, 'Skip intro')
  await waitForText(page, 'OK Play/Pause ·')
  // It plays on: OK skipped, it did not pause.
  await waitForTime(page, landed + 0.5, 3_000)
  expect(await videoPaused(page)).toBe(false)
  expect(errors).toEqual([])
  await page.close()

  // A film: no opening titles marked, OK pauses as ever.
  const film = await open(`player/${freeTitleId}/startover`)
  await waitForTime(film.page, 4)
  expect(await visibleTexts(film.page)).not.toContain('Skip intro')
  await press(film.page, 'Enter', 500)
  expect(await videoPaused(film.page)).toBe(true)
  expect(film.errors).toEqual([])
  await film.page.close()
})

test('“Skip automatically” chosen on Account: an episode goes past its opening titles with no press, says so, and offers Skip intro when the viewer goes back into them, or into those of a play resumed after them', async () => {
  const session = await subscribedViewer('auto-skip-viewer')
  const series = await referenceSeries()
  const episode = series.seasons[0]!.episodes[2]!
  const { page, errors } = await open('account', { session, query: '&announce=1', recordTexts: true })
  await waitForText(page, 'Intros and credits')
  await waitForText(page, '✓ Offer to skip')
  // The fourth row of buttons: the account's actions, the parental limit, the language, then the intros.
  for (let row = 0; row < 3; row += 1) await press(page, 'ArrowDown')
  expect(await focusedRefs(page)).toContain('OpeningTitles-offer')
  await press(page, 'ArrowRight')
  await press(page, 'Enter')
  await waitForText(page, '✓ Skip automatically')
  await shot(page, 'account-intros')
  expect(await storedPreferences(page)).toMatchObject({ [session.account!.account.id]: { openingTitles: 'skip' } })

  await page.evaluate((to) => { location.hash = to }, `#player/${series.id}/startover/${episode.id}`)
  const spoken = await recordSpeech(page)
  await waitForTime(page, 0.5)
  // At the titles (3–9 s in the test media) the play goes to their end by itself.
  const landed = await waitFor('the video past the titles’ end (9 s) with no press', async () => {
    const time = await videoTime(page)
    return time >= 8.9 ? time : null
  }, 15_000)
  expect(landed).toBeLessThan(11)
  await waitForText(page, 'Intro skipped')
  await waitFor('the skip said', async () => ((await spoken()).includes('Intro skipped') ? true : null), 3_000)
  await shot(page, 'intro-skipped')
  expect(await drawnTexts(page)).not.toContain('Skip intro')
  await waitForTime(page, landed + 0.5, 3_000)
  expect(await videoPaused(page)).toBe(false)
  await waitForNoText(page, 'Intro skipped', 5_000)

  // Back to the start: the viewer means to see them this time, so Skip intro is offered instead.
  await press(page, '0', 0)
  await waitForText(page, 'Skip intro', 10_000)
  expect(await videoTime(page)).toBeLessThan(8)
  expect(await focusedRefs(page)).toContain('SkipIntro')
  expect(errors).toEqual([])
  await page.close()

  // A play resumed after the titles has been past them: going back into them offers the button too.
  const saved = await call(server.origin, 'PUT', `/v1/me/progress/${series.id}`, { token: session.account?.token, body: { positionSeconds: 14, durationSeconds: 23, episodeId: episode.id } })
  expect(saved.status).toBeLessThan(300)
  const resumed = await open(`player/${series.id}/play/${episode.id}`, { keepStorage: true })
  await resumed.page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 12, undefined, { timeout: 20_000 })
  // Playing on from there (a key while it still loads is not a seek).
  await waitForTime(resumed.page, (await videoTime(resumed.page)) + 0.3, 3_000)
  await press(resumed.page, '0', 0)
  await waitForText(resumed.page, 'Skip intro', 10_000)
  expect(await videoTime(resumed.page)).toBeLessThan(8)
  expect(resumed.errors).toEqual([])
  await resumed.page.close()
})

test('Up in an episode’s play opens the series’ episodes on the one playing, each with how much is watched: OK on another plays it at once, one left part-way from where it was left; Back, Down and OK on the playing one close them, no seek under them; a film has none', async () => {
  const session = await subscribedViewer('episodes-viewer')
  const series = await referenceSeries()
  const [first, playing, third] = series.seasons[0]!.episodes
  // The first watched 20 min in before: its card says so, as on Details.
  const saved = await call(server.origin, 'PUT', `/v1/me/progress/${series.id}`, { token: session.account?.token, body: { positionSeconds: 1200, durationSeconds: 2700, episodeId: first!.id } })
  expect(saved.status).toBe(200)
  const { page, errors } = await open(`player/${series.id}/startover/${playing!.id}`, { session, query: '&announce=1' })
  const spoken = await recordSpeech(page)
  // The controls say where the episodes are.
  await waitForText(page, '▲ Episodes ·', 10_000)
  await waitForTime(page, 4)
  await press(page, 'ArrowUp')
  await waitForText(page, `2. ${playing!.title}`)
  await waitForText(page, 'Season 2')
  await waitFor('the playing episode read out', async () => ((await spoken()).includes(`2. ${playing!.title}`) ? true : null), 3_000)
  await waitForPlaced(page, ['[ref="Episodes"]', '[ref="Bar"]'])
  const cards = '[ref="Episodes"] [ref="List"] [ref="Episodes"] > *'
  // The one playing shows how far in it is (4 s of the test clip).
  expect(await watchedBars(page, cards)).toEqual([
    { title: `1. ${first!.title}`, watched: expect.closeTo(1200 / 2700, 2) },
    { title: `2. ${playing!.title}`, watched: expect.any(Number) },
  ])
  await shot(page, 'episodes')
  // Left past the first card goes no further: no seek back under the list.
  const before = await videoTime(page)
  await press(page, 'ArrowLeft')
  await press(page, 'ArrowLeft')
  expect(await videoTime(page)).toBeGreaterThanOrEqual(before)
  // Back closes the list, not the play; Down and OK on the playing episode close it too.
  await press(page, 'Backspace')
  await waitForNoText(page, 'Season 2')
  expect(await hash(page)).toBe(`#player/${series.id}/startover/${playing!.id}`)
  await press(page, 'ArrowUp')
  await waitForText(page, 'Season 2')
  await press(page, 'ArrowDown')
  await waitForNoText(page, 'Season 2')
  expect(await visibleTexts(page)).not.toContain('Audio')
  await press(page, 'ArrowUp')
  await waitForText(page, 'Season 2')
  await press(page, 'Enter')
  await waitForNoText(page, 'Season 2')
  expect(await videoPaused(page)).toBe(false)

  // Another episode plays at once, from its start.
  await press(page, 'ArrowUp')
  await waitForText(page, 'Season 2')
  await press(page, 'ArrowRight')
  await waitFor('the next card read out', async () => ((await spoken()).includes(`3. ${third!.title}`) ? true : null), 3_000)
  const leftAt = await videoTime(page)
  await press(page, 'Enter', 0)
  await waitFor('the third episode’s play', async () => ((await hash(page)) === `#player/${series.id}/play/${third!.id}` ? true : null), 5_000)
  await waitForText(page, `Season 1 · Episode 3 · ${third!.title}`, 10_000)
  await waitForNoText(page, 'Season 2')
  const started = await waitFor('the third episode playing from its start', async () => {
    const time = await videoTime(page)
    return time > 0.3 && time < 4 ? time : null
  }, 15_000)
  await waitForTime(page, started + 0.5, 5_000)
  // The episode left shows where it was left in the new play's list.
  await press(page, 'ArrowUp')
  await waitForText(page, 'Season 2')
  const after = await watchedBars(page, cards)
  expect(after.map((bar) => bar.title)).toEqual([`1. ${first!.title}`, `2. ${playing!.title}`, `3. ${third!.title}`])
  expect(after[1]!.watched).toBeGreaterThan(0.1)
  // Picked again, the episode left goes on from where it was left, as its bar says, not from its start.
  const readOut = (line: string) => spoken().then((lines) => lines.filter((said) => said === line).length)
  const secondReadOut = await readOut(`2. ${playing!.title}`)
  await press(page, 'ArrowLeft')
  await waitFor('the second card read out again', async () => ((await readOut(`2. ${playing!.title}`)) > secondReadOut ? true : null), 3_000)
  await press(page, 'Enter', 0)
  await waitFor('the second episode’s play again', async () => ((await hash(page)) === `#player/${series.id}/play/${playing!.id}` ? true : null), 5_000)
  await waitForText(page, `Season 1 · Episode 2 · ${playing!.title}`, 10_000)
  const resumed = await waitFor('the second episode playing again', async () => {
    const time = await videoTime(page)
    return time > 0.3 ? time : null
  }, 15_000)
  expect(resumed).toBeGreaterThan(leftAt - 1)
  expect(errors).toEqual([])
  await page.close()

  // A film: Up opens nothing, and its controls do not offer it.
  const film = await open(`player/${freeTitleId}/startover`)
  await waitForTime(film.page, 1)
  await press(film.page, 'ArrowUp')
  await waitForText(film.page, 'OK Play/Pause ·')
  expect((await visibleTexts(film.page)).join(' ')).not.toMatch(/Episodes|Season 1/)
  expect(film.errors).toEqual([])
  await film.page.close()
})

test('the remote’s ⏭ and ⏮ (Channel up and down) play the next and the previous episode at once, said by voice guidance, the one left going on from where it was left and saying so; at the series’ ends and in a film they start nothing', async () => {
  const session = await subscribedViewer('track-keys-viewer')
  const series = await referenceSeries()
  const episodes = series.seasons.flatMap((season) => season.episodes)
  const [first, second, third] = episodes
  const last = episodes[episodes.length - 1]!
  const { page, errors } = await open(`player/${series.id}/play/${first!.id}`, { session, query: '&announce=1' })
  const spoken = await recordSpeech(page)
  const playingEpisode = (episodeId: string) =>
    waitFor(`the play of ${episodeId}`, async () => ((await hash(page)) === `#player/${series.id}/play/${episodeId}` ? true : null), 5_000)
  const playingFrom = (from: number) =>
    waitFor(`playing from ${from} s`, async () => {
      const time = await videoTime(page)
      return time > from + 0.3 && !(await videoPaused(page)) ? time : null
    }, 15_000)
  await waitForTime(page, 1)
  // Before the first episode there is none: the key brings the controls up and the play goes on.
  await press(page, 'MediaTrackPrevious', 1_000)
  expect(await hash(page)).toBe(`#player/${series.id}/play/${first!.id}`)
  await waitForText(page, 'OK Play/Pause ·')
  expect(await videoPaused(page)).toBe(false)

  await press(page, 'PageUp', 0)
  await playingEpisode(second!.id)
  await waitForText(page, `Season 1 · Episode 2 · ${second!.title}`, 10_000)
  // Voice guidance says what plays now, at its first picture.
  const said = (phrases: string[]) => waitFor(`"${phrases.join('. ')}" said`, async () => {
    const lines = await spoken()
    const at = lines.lastIndexOf(phrases[0]!)
    return at >= 0 && phrases.every((phrase, i) => lines[at + i] === phrase) ? true : null
  }, 5_000)
  await said([series.title, `Season 1 · Episode 2 · ${second!.title}`])
  const leftAt = await waitForTime(page, 3, 15_000)
  await press(page, 'MediaTrackNext', 0)
  await playingEpisode(third!.id)
  await waitForText(page, `Season 1 · Episode 3 · ${third!.title}`, 10_000)
  expect(await playingFrom(0)).toBeLessThan(4)
  await press(page, 'PageDown', 0)
  await playingEpisode(second!.id)
  expect(await playingFrom(leftAt - 1)).toBeGreaterThan(leftAt - 1)
  // It says it went on from where it was left, and the key that starts over.
  await waitForTextMatching(page, /^Resumed from 0:0\d · 0 Start over$/)
  await waitFor('the resume said', async () => ((await spoken()).some((line) => /^Resumed from \d seconds? · 0 Start over$/.test(line)) ? true : null), 5_000)
  expect(errors).toEqual([])
  await page.close()

  // After the last episode there is none either.
  const atTheEnd = await open(`player/${series.id}/play/${last.id}`, { session })
  await waitForTime(atTheEnd.page, 1)
  await press(atTheEnd.page, 'MediaTrackNext', 1_000)
  await press(atTheEnd.page, 'PageUp', 1_000)
  expect(await hash(atTheEnd.page)).toBe(`#player/${series.id}/play/${last.id}`)
  expect(await videoPaused(atTheEnd.page)).toBe(false)
  expect(atTheEnd.errors).toEqual([])
  await atTheEnd.page.close()

  // A film has no episodes to go to: it plays on.
  const film = await open(`player/${freeTitleId}/startover`)
  await waitForTime(film.page, 1)
  await press(film.page, 'MediaTrackNext', 1_000)
  await press(film.page, 'PageUp', 1_000)
  expect(await hash(film.page)).toBe(`#player/${freeTitleId}/startover`)
  expect(await videoPaused(film.page)).toBe(false)
  expect(film.errors).toEqual([])
  await film.page.close()
})

test('the number keys jump through the play: 5 half way, 9 nine tenths, 0 the start, each shown over the bar and said; not under the track menu', async () => {
  const { page, errors } = await open(`player/${freeTitleId}/startover`, { query: '&announce=1' })
  await waitForTime(page, 1)
  const spoken = await recordSpeech(page)
  const duration = await page.evaluate(() => document.querySelector('video')!.duration)
  const previewTime = () => page.evaluate(() => document.querySelector('[ref="SeekPreview"] [texture-text]')?.getAttribute('texture-text') ?? null)
  const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`
  const jumps: Array<{ key: string; fraction: number }> = [{ key: '5', fraction: 0.5 }, { key: '9', fraction: 0.9 }, { key: '0', fraction: 0 }]
  for (const { key, fraction } of jumps) {
    const saidBefore = (await spoken()).length
    await press(page, key, 0)
    const target = duration * fraction
    // The video goes there at once (playing on from it), and the preview over the bar names the time it went to.
    const landed = await waitFor(`${key}: the video at ${target.toFixed(1)} s`, async () => {
      const time = await videoTime(page)
      return time >= target - 0.1 && time < target + 2 ? time : null
    }, 3_000)
    expect(landed).toBeGreaterThanOrEqual(target - 0.1)
    await waitFor(`${key}: the preview at ${clock(target)}`, async () => ((await previewTime()) === clock(target) ? true : null), 3_000)
    // Said once, as a length of the play.
    const said = await waitFor(`${key}: where it went said`, async () => {
      const all = await spoken()
      return all.length > saidBefore ? all.slice(saidBefore) : null
    }, 3_000)
    expect(said).toEqual([expect.stringMatching(fraction === 0 ? /^0 seconds$/ : /\d+ (minutes?|seconds?)$/)])
  }
  await shot(page, 'number-key-jump')
  // Under the track menu the number keys do nothing: the menu is the viewer's business there.
  await press(page, 'ArrowDown')
  const beforeMenuDigit = await videoTime(page)
  await press(page, '5', 500)
  expect(await videoTime(page)).toBeLessThan(beforeMenuDigit + 2)
  expect(errors).toEqual([])
  await page.close()
})

test('Right seeks 10 s; stop saves the position; playing again resumes near where it stopped and says so, 0 starting over', async () => {
  const session = await signedInSession('resume-viewer')
  const { page, errors } = await open(`player/${freeTitleId}/startover`, { session })
  const before = await waitForTime(page, 1)
  await press(page, 'ArrowRight')
  // Continue watching lists titles from 10 s in: the seek takes it there at once (playing there would take 9 s).
  const stoppedAt = await waitForTime(page, before + 9.5, 2_000)
  // The controls the key brought up say when the play ends by the TV's clock (the minute it ends, give or take one).
  const endsAt = await waitForTextMatching(page, /^Ends at \d{1,2}:\d{2} [AP]M$/)
  const expected = await page.evaluate(() => {
    const video = document.querySelector('video')!
    const end = new Date(Date.now() + (video.duration - video.currentTime) * 1000)
    return [-60_000, 0, 60_000].map((shift) => new Date(end.getTime() + shift).toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' }).replace(/\s/g, ' '))
  })
  expect(expected).toContain(endsAt.replace('Ends at ', ''))
  await press(page, 'Backspace', 0)
  await page.waitForFunction(() => !location.hash.startsWith('#player/'), undefined, { timeout: 10_000 })
  const playback = await call<{ resumePositionSeconds: number }>(server.origin, 'POST', `/v1/playback/${freeTitleId}`, { token: session.account?.token, body: {} })
  const position = playback.body.resumePositionSeconds
  expect(position).toBeGreaterThanOrEqual(stoppedAt - 1)
  expect(position).toBeLessThan(stoppedAt + 3)
  const continueWatching = await call<{ items: Array<{ id: string }> }>(server.origin, 'GET', '/v1/me/continue-watching', { token: session.account?.token })
  expect(continueWatching.body.items.map((item) => item.id)).toContain(freeTitleId)
  await page.close()

  const resumed = await open(`player/${freeTitleId}/play`, { session })
  await resumed.page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 0.1, undefined, { timeout: 20_000 })
  const startedAt = await videoTime(resumed.page)
  expect(startedAt).toBeGreaterThanOrEqual(position - 2)
  // It says where it went on from, and the key that starts over: 0 takes the play to its start, and the note away.
  const resumedNote = `Resumed from 0:${String(Math.floor(position)).padStart(2, '0')} · 0 Start over`
  await waitForText(resumed.page, resumedNote)
  await shot(resumed.page, 'resumed')
  await press(resumed.page, '0')
  await waitFor('the play back at its start', async () => ((await videoTime(resumed.page)) < 2 ? true : null), 5_000)
  await waitForNoText(resumed.page, resumedNote)
  expect(errors).toEqual([])
  expect(resumed.errors).toEqual([])
  await resumed.page.close()

  // Start over says nothing of the place saved.
  const startedOver = await open(`player/${freeTitleId}/startover`, { session })
  await waitForTime(startedOver.page, 1.5)
  expect((await visibleTexts(startedOver.page)).filter((text) => text.startsWith('Resumed from'))).toEqual([])
  expect(startedOver.errors).toEqual([])
  await startedOver.page.close()
})

/**
 * What a TV's Home key, another app or standby does to the page: the document reports hidden, then visible again.
 * (Headless Chromium keeps its pages visible, minimised or not, so the page's document says it here.)
 */
async function setVisibility(page: Page, state: 'hidden' | 'visible'): Promise<void> {
  await page.evaluate(reportVisibility, state)
}

/** In the page: its document reports `state` from now on, and says it changed. */
function reportVisibility(state: 'hidden' | 'visible'): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state })
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => state === 'hidden' })
  document.dispatchEvent(new Event('visibilitychange'))
}

/** The episode cards at `cards` that show a watched bar: each card's title and how much of its bar is filled. */
async function watchedBars(page: Page, cards: string): Promise<Array<{ title: string | null | undefined; watched: number }>> {
  const bars = await page.waitForFunction((selector) => {
    const shown = [...document.querySelectorAll(selector)].filter((card) => card.querySelector(':scope > [ref="Progress"]')?.getAttribute('visible') !== 'false')
    const read = shown.map((card) => {
      const progress = card.querySelector(':scope > [ref="Progress"]')?.getBoundingClientRect()
      const fill = card.querySelector(':scope > [ref="Progress"] > [ref="Fill"]')?.getBoundingClientRect()
      return progress && fill ? { title: card.querySelector(':scope > [ref="Title"]')?.getAttribute('texture-text'), watched: fill.width / progress.width } : null
    })
    return read.length > 0 && read.every(Boolean) ? read : null
  }, cards, { timeout: 10_000 })
  return (await bars.jsonValue()) as Array<{ title: string | null | undefined; watched: number }>
}

function videoPaused(page: Page): Promise<boolean> {
  return page.evaluate(() => document.querySelector('video')?.paused ?? false)
}

test('sent to the background, a play pauses and saves its place at once; back, it waits paused for OK; sent away while loading, it starts paused', async () => {
  const session = await signedInSession('background-viewer')
  const { page, errors } = await open(`player/${freeTitleId}/startover`, { session })
  const before = await waitForTime(page, 2.5)
  await setVisibility(page, 'hidden')
  await page.waitForFunction(() => document.querySelector('video')?.paused === true, undefined, { timeout: 5_000 })
  const pausedAt = await videoTime(page)
  expect(pausedAt).toBeGreaterThanOrEqual(before)
  // Saved then, not at the next 10 s tick nor at a stop that a TV ending the app would never give.
  let saved = 0
  await waitFor(() => `the position saved at the pause (${pausedAt} s), read ${saved} s`, async () => {
    const playback = await call<{ resumePositionSeconds: number }>(server.origin, 'POST', `/v1/playback/${freeTitleId}`, { token: session.account?.token, body: {} })
    saved = playback.body.resumePositionSeconds
    return saved >= pausedAt - 1 ? saved : null
  }, 5_000)
  await page.waitForTimeout(1000)
  expect(await videoTime(page)).toBeCloseTo(pausedAt, 1)

  await setVisibility(page, 'visible')
  await waitForText(page, 'Paused')
  await page.waitForTimeout(1000)
  expect(await videoPaused(page)).toBe(true)
  await press(page, 'Enter')
  await waitForTime(page, pausedAt + 0.5)
  expect(errors).toEqual([])
  await page.close()

  // The Home key pressed while the play loads: it comes up paused at its start, not playing unseen.
  const away = await browser.context.newPage()
  await away.addInitScript(reportVisibility, 'hidden' as const)
  await away.goto(`${server.origin}/?inspector=1&lang=en#player/${freeTitleId}/startover`)
  await away.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 3, undefined, { timeout: 20_000 })
  await away.waitForTimeout(1500)
  expect(await videoPaused(away)).toBe(true)
  expect(await videoTime(away)).toBeLessThan(1)
  await setVisibility(away, 'visible')
  await press(away, 'Enter')
  await waitForTime(away, 1)
  await away.close()
})

test('blocking the media mid-play shows reconnecting, and playback resumes by itself when it returns', async () => {
  const { page, errors } = await open(`player/${freeTitleId}/startover`, { query: '&debug=1' })
  let blocked = false
  await page.route('**/media/**', (route) => (blocked ? route.abort('internetdisconnected') : route.continue()))
  // Block before the buffer holds the whole (short) clip: right at the first frame.
  await page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 0.2, undefined, { timeout: 20_000, polling: 50 })
  blocked = true
  await page.evaluate(() => {
    // Drop what is buffered ahead so the stall happens now, as on a box with a small buffer.
    const video = document.querySelector('video')
    if (video) video.currentTime = 12
  })
  await waitForText(page, 'Reconnecting', 30_000)
  await shot(page, 'reconnecting')
  const stalledAt = await videoTime(page)
  await page.waitForTimeout(3000)
  blocked = false
  // Shaka's own request retries or our streaming retry (backoff up to 15 s) bring it back.
  await waitForTime(page, stalledAt + 2, 60_000)
  await waitForNoText(page, 'Reconnecting', 10_000)
  expect(errors).toEqual([])
  await page.close()
})

test('Details → Play by keys; Back returns to Details with Resume focused', async () => {
  const { page, errors } = await open(`details/${freeTitleId}`)
  await waitForText(page, 'Play')
  await press(page, 'Enter')
  await page.waitForFunction((id) => location.hash === `#player/${id}/play`, freeTitleId, { timeout: 10_000 })
  const before = await waitForTime(page, 1)
  await press(page, 'ArrowRight')
  await shot(page, 'controls')
  await waitForTime(page, before + 9.5, 2_000)
  await press(page, 'Backspace', 0)
  await page.waitForFunction((id) => location.hash === `#details/${id}`, freeTitleId, { timeout: 10_000 })
  await waitForText(page, 'Resume from 0:1')
  // The play's QoE went to POST /v1/events at stop: first frame, and the summary.
  const sent = eventBatches.flatMap((batch) => batch.events)
  expect(sent.find((e) => e.type === 'play.start')?.data?.timeToFirstFrameMs).toEqual(expect.any(Number))
  expect(sent.find((e) => e.type === 'play.end')?.data).toMatchObject({ errors: 0, rebufferCount: expect.any(Number) })
  const focused = await page.$$eval('[focused="true"] [texture-text]', (elements) => elements.map((el) => el.getAttribute('texture-text') ?? ''))
  expect(focused.some((text) => text.startsWith('Resume from'))).toBe(true)
  expect(errors).toEqual([])
  await page.close()
})

test('the remote’s Play key on Details plays its first action from any of its buttons, and an episode card’s episode; Search leaves a play for Search, its position saved', async () => {
  const { page, errors } = await open(`details/${freeTitleId}`)
  await waitForText(page, 'Play')
  await press(page, 'ArrowRight')
  const focusedLabels = (): Promise<string[]> => page.$$eval('[focused="true"] [texture-text]', (elements) => elements.map((el) => el.getAttribute('texture-text') ?? ''))
  expect(await focusedLabels()).not.toContain('Play')
  // Space is the keyboard's Play/Pause.
  await press(page, ' ')
  await page.waitForFunction((id) => location.hash === `#player/${id}/play`, freeTitleId, { timeout: 10_000 })
  const before = await waitForTime(page, 1)
  await press(page, 'ArrowRight')
  await waitForTime(page, before + 9.5, 2_000)
  // "/" is the keyboard's Search key: the play stops where it was, and Back from Search returns to Details.
  await press(page, '/', 0)
  await page.waitForFunction(() => location.hash === '#search', undefined, { timeout: 10_000 })
  await waitForText(page, 'Popular on Marquee')
  expect(await page.evaluate(() => document.querySelector('video')?.paused ?? true)).toBe(true)
  await press(page, 'Escape', 800)
  await page.waitForFunction((id) => location.hash === `#details/${id}`, freeTitleId, { timeout: 10_000 })
  await waitForText(page, 'Resume from 0:1')
  expect(errors).toEqual([])
  await page.close()

  // A series whose first episode is under way: Down lands on its card, Right on the next, and Play plays that one.
  // A viewer of its own, so the series tests that follow find demo's episodes as they left them.
  const session = await subscribedViewer('play-key-viewer')
  const series = await referenceSeries()
  const [first, second] = series.seasons[0]!.episodes
  const started = await call(server.origin, 'PUT', `/v1/me/progress/${series.id}`, { token: session.account?.token, body: { positionSeconds: 100, durationSeconds: 2700, episodeId: first!.id } })
  expect(started.status).toBe(200)
  const seriesPage = await open(`details/${series.id}`, { session })
  await waitForTextMatching(seriesPage.page, /^Resume S1:E1 from /)
  await press(seriesPage.page, 'ArrowDown')
  await press(seriesPage.page, 'ArrowRight')
  await press(seriesPage.page, ' ')
  await seriesPage.page.waitForFunction((expected) => location.hash === expected, `#player/${series.id}/play/${second!.id}`, { timeout: 10_000 })
  expect(seriesPage.errors).toEqual([])
  await seriesPage.page.close()
})

test('a series on Details plays, resumes and starts over its episode, marks the one being watched, and after one watched to its end offers the next, on Home too', async () => {
  const { session, series } = await subscribedToSeries('series-details-viewer')
  const [first, second, third] = series.seasons[0]!.episodes
  const { page, errors } = await open(`details/${series.id}`, { session })
  await waitForWholeText(page, 'Play S1:E1')
  await press(page, 'Enter')
  await page.waitForFunction((expected) => location.hash === expected, `#player/${series.id}/play/${first!.id}`, { timeout: 10_000 })
  const before = await waitForTime(page, 1)
  await press(page, 'ArrowRight')
  await waitForTime(page, before + 9.5, 2_000)
  await press(page, 'Backspace', 0)
  await page.waitForFunction((id) => location.hash === `#details/${id}`, series.id, { timeout: 10_000 })
  // The position was saved with its episode: Resume names it, and plays it from there.
  const resume = await waitForTextMatching(page, /^Resume S1:E1 from 0:1\d$/)
  const saved = await call<{ items: Array<{ id: string; progress?: { episodeId: string | null } }> }>(server.origin, 'GET', '/v1/me/continue-watching', { token: session.account?.token })
  expect(saved.body.items.find((item) => item.id === series.id)?.progress?.episodeId).toBe(first!.id)
  const focused = await page.$$eval('[focused="true"] [texture-text]', (elements) => elements.map((el) => el.getAttribute('texture-text') ?? ''))
  expect(focused).toContain(resume)
  await press(page, 'Enter')
  await page.waitForFunction((expected) => location.hash === expected, `#player/${series.id}/play/${first!.id}`, { timeout: 10_000 })
  await page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 0.1, undefined, { timeout: 20_000 })
  expect(await videoTime(page)).toBeGreaterThanOrEqual(9)
  await waitForWholeText(page, 'Season 1 · Episode 1 · First Landing in Lhasa')
  await press(page, 'Backspace', 0)
  await page.waitForFunction((id) => location.hash === `#details/${id}`, series.id, { timeout: 10_000 })
  // Start over is the episode's too.
  await waitForWholeText(page, 'Start over')
  await press(page, 'ArrowRight')
  await press(page, 'Enter')
  await page.waitForFunction((expected) => location.hash === expected, `#player/${series.id}/startover/${first!.id}`, { timeout: 10_000 })
  await press(page, 'Backspace', 0)
  await page.waitForFunction((id) => location.hash === `#details/${id}`, series.id, { timeout: 10_000 })
  await page.close()

  // The second episode 20 min in: its card shows how far, the first's keeps its own bar, and Down lands on the second.
  const halfway = await call(server.origin, 'PUT', `/v1/me/progress/${series.id}`, { token: session.account?.token, body: { positionSeconds: 1200, durationSeconds: 2700, episodeId: second!.id } })
  expect(halfway.status).toBe(200)
  const watching = await open(`details/${series.id}`, { session })
  await waitForWholeText(watching.page, 'Resume S1:E2 from 20:00')
  expect(await watchedBars(watching.page, '[ref="Episodes"] [ref="Episodes"] > *')).toEqual([
    { title: '1. First Landing in Lhasa', watched: expect.any(Number) },
    { title: '2. Wind Shear', watched: expect.closeTo(1200 / 2700, 2) },
  ])
  await press(watching.page, 'ArrowDown')
  await press(watching.page, 'Enter')
  await watching.page.waitForFunction((expected) => location.hash === expected, `#player/${series.id}/play/${second!.id}`, { timeout: 10_000 })
  await watching.page.close()

  // The second episode watched into its credits: Details offers the third, and its list opens there too.
  const end = await call(server.origin, 'PUT', `/v1/me/progress/${series.id}`, { token: session.account?.token, body: { positionSeconds: 2690, durationSeconds: 2700, episodeId: second!.id } })
  expect(end.status).toBe(200)
  // Home's Continue watching goes on with the third too, labelled on the series' poster, said in words.
  const home = await open('home', { session, query: '&announce=1' })
  await recordSpeech(home.page)
  const label = await home.page.waitForFunction(() => {
    const tile = document.querySelector('[ref="Poster"] > [ref="Episode"]:not([visible="false"])')?.closest('[ref="Poster"]')?.parentElement
    const episode = tile?.querySelector('[ref="Episode"] [texture-text]')?.getAttribute('texture-text')
    // The inspector writes each text once its texture is drawn: the title may come a frame after the episode.
    const title = tile?.querySelector(':scope > [ref="Title"]')?.getAttribute('texture-text')
    return episode && title ? [episode, title] : null
  }, undefined, { timeout: 10_000 })
  expect(await label.jsonValue()).toEqual(['S1:E3', series.title])
  await press(home.page, 'ArrowDown')
  const said = await home.page.waitForFunction(
    (title) => {
      const spoken = (window as unknown as { spoken: string[] }).spoken
      const at = spoken.indexOf(title)
      return at >= 1 ? spoken.slice(at - 1, at + 1) : null
    },
    series.title,
    { timeout: 5_000 },
  )
  expect(await said.jsonValue()).toEqual(['Season 1, Episode 3', series.title])
  expect(home.errors).toEqual([])
  await home.page.close()
  const next = await open(`details/${series.id}`, { session })
  await waitForWholeText(next.page, 'Play S1:E3')
  await press(next.page, 'ArrowDown')
  await press(next.page, 'Enter')
  await next.page.waitForFunction((expected) => location.hash === expected, `#player/${series.id}/play/${third!.id}`, { timeout: 10_000 })
  await waitForTime(next.page, 0.5)
  expect(errors).toEqual([])
  expect(watching.errors).toEqual([])
  expect(next.errors).toEqual([])
  await next.page.close()
})

test('Details goes on with the next episode from where it was left when it was started before the one before it was finished', async () => {
  const { session, series } = await subscribedToSeries('out-of-order-viewer')
  const [first, second] = series.seasons[0]!.episodes
  // The second started, then the first watched to its end (the test clip is 24 s long).
  for (const [episode, positionSeconds] of [[second!, 12], [first!, 23.5]] as const) {
    const saved = await call(server.origin, 'PUT', `/v1/me/progress/${series.id}`, { token: session.account?.token, body: { positionSeconds, durationSeconds: 24, episodeId: episode.id } })
    expect(saved.status).toBe(200)
  }
  const { page, errors } = await open(`details/${series.id}`, { session })
  await waitForWholeText(page, 'Resume S1:E2 from 0:12')
  await waitForWholeText(page, 'Start over')
  await press(page, 'Enter')
  await page.waitForFunction((expected) => location.hash === expected, `#player/${series.id}/play/${second!.id}`, { timeout: 10_000 })
  await waitForText(page, 'Resumed from 0:12 · 0 Start over')
  expect(await videoTime(page)).toBeGreaterThanOrEqual(11)
  expect(errors).toEqual([])
  await page.close()
})

test('the end of an episode offers the next: it starts by itself after the countdown, or at once on Play now', async () => {
  const { session, series } = await subscribedToSeries('up-next-viewer')
  const [first, second, third] = series.seasons[0]!.episodes
  // From the start of the series, played from its Details.
  const start = await call(server.origin, 'PUT', `/v1/me/progress/${series.id}`, { token: session.account?.token, body: { positionSeconds: 0, durationSeconds: 2700, episodeId: first!.id } })
  expect(start.status).toBe(200)
  // With voice guidance on (?announce=1), what is said is recorded, not spoken.
  const { page, errors } = await open(`details/${series.id}`, { session, query: '&announce=1' })
  await recordSpeech(page)
  await waitForWholeText(page, 'Play S1:E1')
  // The button's episode is said in words ("S1:E1" would be spelled out).
  await press(page, 'ArrowRight')
  await press(page, 'ArrowLeft')
  await page.waitForFunction(() => (window as unknown as { spoken: string[] }).spoken.includes('Play Season 1, Episode 1'), undefined, { timeout: 5_000 })
  await press(page, 'Enter')
  await page.waitForFunction((expected) => location.hash === expected, `#player/${series.id}/play/${first!.id}`, { timeout: 10_000 })
  await waitForTime(page, 1)
  // Watched at 1.25×: the episodes Up next starts keep the speed.
  await chooseSpeed(page, 1)
  expect(await videoRate(page)).toBe(1.25)
  // Fast-forward to the last second: the episode ends.
  await press(page, 'Period')
  await waitForTextMatching(page, /^Next episode in \d+ s$/, 15_000)
  await waitForWholeText(page, 'Season 1 · Episode 2 · Wind Shear')
  // The offer is read before its focused button: the countdown, then the episode.
  const said = await page.waitForFunction(() => {
    const spoken = (window as unknown as { spoken: string[] }).spoken
    const at = spoken.indexOf('Play now')
    return at >= 2 ? spoken.slice(at - 2, at + 1) : null
  }, undefined, { timeout: 5_000 })
  expect(await said.jsonValue()).toEqual([expect.stringMatching(/^Next episode in \d+ s$/), 'Season 1 · Episode 2 · Wind Shear', 'Play now'])
  await shot(page, 'up-next')
  const requests: string[] = []
  page.on('request', (request) => requests.push(`${request.method()} ${new URL(request.url()).pathname}`))
  // Nothing pressed: the countdown runs out and the next episode plays in this play's place.
  await page.waitForFunction((expected) => location.hash === expected, `#player/${series.id}/play/${second!.id}`, { timeout: 15_000 })
  await waitForTime(page, 0.5)
  await waitForWholeText(page, 'Season 1 · Episode 2 · Wind Shear')
  expect(await videoRate(page)).toBe(1.25)
  // The next play has the title from the one before: it is not asked again.
  expect(requests.filter((request) => request.startsWith('GET /v1/titles/'))).toEqual([])
  await press(page, 'Period')
  await waitForWholeText(page, 'Season 1 · Episode 3 · Night Flight', 15_000)
  await waitForWholeText(page, 'Play now')
  await press(page, 'Enter')
  await page.waitForFunction((expected) => location.hash === expected, `#player/${series.id}/play/${third!.id}`, { timeout: 5_000 })
  await waitForTime(page, 0.5)
  // Back returns to the Details the series was played from, which offers the episode left.
  await press(page, 'Backspace', 0)
  await page.waitForFunction((id) => location.hash === `#details/${id}`, series.id, { timeout: 10_000 })
  await waitForWholeText(page, 'Play S1:E3')
  expect(errors).toEqual([])
  await page.close()
})

test('Up next comes with the credits, over the episode still playing: Watch credits or Back lets them play, a pause stays, and a countdown run out saves the episode as watched', async () => {
  const { session, series } = await subscribedToSeries('credits-viewer')
  const [first, second, third] = series.seasons[0]!.episodes
  // The second episode just started (an earlier test may have watched it): its save at the end is this test's.
  const reset = await call(server.origin, 'PUT', `/v1/me/progress/${series.id}`, { token: session.account?.token, body: { positionSeconds: 1, durationSeconds: 24, episodeId: second!.id } })
  expect(reset.status).toBe(200)
  const { page, errors } = await open(`player/${series.id}/play/${first!.id}`, { session })
  const countdown = /^Next episode in \d+ s$/
  const video = () => page.evaluate(() => {
    const element = document.querySelector('video')!
    return { time: element.currentTime, paused: element.paused, rate: element.playbackRate }
  })
  // The clip's credits are its last 2.4 s (10%: `isInCredits`); played at a tenth of the speed, they outlast
  // the countdown. The rate is set once the seek is done, as the default too: Shaka's trick play cancelled at the
  // seek would go back to the default.
  const intoCredits = (rate: number) => page.evaluate(async (playbackRate) => {
    const element = document.querySelector('video')!
    const seeked = new Promise((resolve) => element.addEventListener('seeked', resolve, { once: true }))
    element.currentTime = element.duration - 2.2
    await seeked
    element.defaultPlaybackRate = playbackRate
    element.playbackRate = playbackRate
  }, rate)
  // Rewind 30 s, and a moment for the page to see the position out of them.
  const outOfCredits = async () => {
    await press(page, 'Comma')
    await page.waitForFunction(() => document.querySelector('video')!.currentTime < 15, undefined, { timeout: 5_000 })
    await page.waitForTimeout(500)
  }
  await waitForTime(page, 0.5)
  // English subtitles on (Down, the subtitle column, its third row): they stand above the offer, not behind it.
  await press(page, 'ArrowDown')
  await waitForText(page, 'Subtitles')
  await press(page, 'ArrowRight')
  await press(page, 'ArrowDown')
  await press(page, 'ArrowDown')
  await press(page, 'Enter', 600)
  await press(page, 'Backspace')
  await waitForNoText(page, 'Subtitles')
  // The English cues are in before the credits: the checks under the offer must fit in its 10 s countdown.
  await waitForText(page, 'This is the English test track', 10_000)
  await intoCredits(0.1)
  await waitForTextMatching(page, countdown)
  await waitForWholeText(page, 'Season 1 · Episode 2 · Wind Shear')
  await waitForWholeText(page, 'Watch credits')
  expect(await focusedRefs(page)).toContain('PlayNow')
  const offeredAt = await video()
  expect(offeredAt).toMatchObject({ paused: false, rate: 0.1 })
  await waitForText(page, 'This is the English test track')
  await waitForPlaced(page, ['[ref="Subtitles"]', '[ref="UpNext"]'])
  await shot(page, 'up-next-credits')
  // Back takes the offer away, not the play: the credits play on under the controls.
  await press(page, 'Backspace')
  await waitForNoText(page, 'Watch credits')
  expect(await hash(page)).toBe(`#player/${series.id}/play/${first!.id}`)
  await page.waitForFunction((from) => document.querySelector('video')!.currentTime > from + 0.05, offeredAt.time, { timeout: 5_000 })
  // Seeking back out of the credits and into them again offers it again; Watch credits declines it the same way.
  await outOfCredits()
  await intoCredits(0.1)
  await waitForWholeText(page, 'Watch credits')
  await press(page, 'ArrowRight')
  await press(page, 'Enter')
  await waitForNoText(page, 'Watch credits')
  // A pause under the offer stays with the credits too: nothing starts by itself while the video is paused.
  await outOfCredits()
  await intoCredits(0.1)
  await waitForWholeText(page, 'Watch credits')
  await press(page, 'Space')
  await waitForNoText(page, 'Watch credits')
  expect((await video()).paused).toBe(true)
  await page.waitForTimeout(11_000)
  expect(await hash(page)).toBe(`#player/${series.id}/play/${first!.id}`)
  // Played to its end, the episode offers the next at once, with Back to details.
  await page.evaluate(() => {
    const element = document.querySelector('video')!
    element.defaultPlaybackRate = 1
    element.playbackRate = 1
    void element.play()
  })
  await waitForWholeText(page, 'Back to details')
  await waitForTextMatching(page, countdown)
  await press(page, 'Enter')
  await page.waitForFunction((expected) => location.hash === expected, `#player/${series.id}/play/${second!.id}`, { timeout: 10_000 })
  await waitForTime(page, 0.5)
  // Left alone in the credits, the countdown runs out while they play: the next episode starts, and the one
  // left is saved as watched (Details would offer the next).
  await intoCredits(0.1)
  await waitForWholeText(page, 'Watch credits')
  await page.waitForFunction((expected) => location.hash === expected, `#player/${series.id}/play/${third!.id}`, { timeout: 15_000 })
  await waitForTime(page, 0.5)
  const saved = await savedEpisodeProgress(session, series.id, second!.id)
  expect(saved.positionSeconds).toBeGreaterThanOrEqual(saved.durationSeconds * 0.9)
  expect(errors).toEqual([])
  await page.close()
})

test('“Skip automatically” goes past the credits too: an episode’s credits start the next episode at once, with no Up next, and its play says so; the one left is saved as watched', async () => {
  const session = await subscribedViewer('credits-skip-viewer')
  const series = await referenceSeries()
  const [first, second] = series.seasons[0]!.episodes
  const { page, errors } = await open('account', { session, query: '&announce=1', recordTexts: true })
  await waitForText(page, 'Intros and credits')
  // Chosen as on Account (the choice by keys is the test above's).
  await page.evaluate(({ viewer, to }) => {
    localStorage.setItem('player.preferences', JSON.stringify({ [viewer]: { audioLanguage: null, textLanguage: null, openingTitles: 'skip' } }))
    location.hash = to
  }, { viewer: session.account!.account.id, to: `#player/${series.id}/startover/${first!.id}` })
  const spoken = await recordSpeech(page)
  await waitForTime(page, 0.5)
  // Into the credits (the clip's last 2.4 s): the next episode at once, where Up next would count 10 s down.
  await page.evaluate(() => {
    const element = document.querySelector('video')!
    element.currentTime = element.duration - 2.2
  })
  await page.waitForFunction((expected) => location.hash === expected, `#player/${series.id}/play/${second!.id}`, { timeout: 5_000 })
  await waitForText(page, 'Credits skipped')
  await waitFor('the skip said', async () => ((await spoken()).includes('Credits skipped') ? true : null), 3_000)
  await shot(page, 'credits-skipped')
  await waitForTime(page, 0.5)
  expect(await videoTime(page)).toBeLessThan(3)
  const drawn = await drawnTexts(page)
  expect(drawn).toContain('Season 1 · Episode 2 · Wind Shear')
  expect(drawn).not.toContain('Watch credits')
  expect(drawn.filter((text) => /^Next episode in/.test(text))).toEqual([])
  const saved = await savedEpisodeProgress(session, series.id, first!.id)
  expect(saved.positionSeconds).toBeGreaterThanOrEqual(saved.durationSeconds * 0.9)
  expect(errors).toEqual([])
  await page.close()
})

test('after three episodes started by the countdown alone, Up next asks whether anyone is still watching and waits for a key (in Indonesian, the longest labels)', async () => {
  const { session, series } = await subscribedToSeries('still-watching-viewer')
  const episodes = series.seasons.flatMap((season) => season.episodes)
  const { page, errors } = await open(`player/${series.id}/play/${episodes[0]!.id}`, { session, lang: 'id' })
  const countdown = /^Episode berikutnya dalam \d+ dtk$/
  // No key is pressed: each episode is taken near its end from the page, and plays out.
  const started = () => page.waitForFunction(() => {
    const video = document.querySelector('video')
    return !!video && !video.paused && video.currentTime > 0.3 && video.currentTime < 5
  }, undefined, { timeout: 20_000 })
  const toTheEnd = () => page.evaluate(() => {
    const video = document.querySelector('video')!
    video.currentTime = Math.max(0, video.duration - 0.5)
  })
  const playing = (episodeId: string, timeout: number) =>
    page.waitForFunction((expected) => location.hash === expected, `#player/${series.id}/play/${episodeId}`, { timeout })
  await started()
  for (const next of episodes.slice(1, 4)) {
    await toTheEnd()
    await waitForTextMatching(page, countdown, 15_000)
    await playing(next.id, 15_000)
    await started()
  }
  await toTheEnd()
  await waitForWholeText(page, 'Masih menonton?', 15_000)
  await waitForWholeText(page, 'Lanjutkan menonton')
  await shot(page, 'still-watching')
  // Both buttons well inside the panel (24 px of its 48 px padding: the focused one grows), however long the labels.
  const inside = await page.evaluate(() => {
    const panel = document.querySelector('[ref="UpNext"]')!.getBoundingClientRect()
    const margin = (24 * panel.width) / 760
    return ['PlayNow', 'Back'].map((ref) => {
      const button = document.querySelector(`[ref="UpNext"] > [ref="${ref}"]`)!.getBoundingClientRect()
      return button.left >= panel.left + margin && button.right <= panel.right - margin
    })
  })
  expect(inside).toEqual([true, true])
  // Nothing starts by itself now: past a countdown's 10 s the fourth episode's page is still there.
  await page.waitForTimeout(11_000)
  expect(await hash(page)).toBe(`#player/${series.id}/play/${episodes[3]!.id}`)
  await press(page, 'Enter')
  await playing(episodes[4]!.id, 10_000)
  await started()
  // Someone pressed a key: the next end counts down again.
  await toTheEnd()
  await waitForTextMatching(page, countdown, 15_000)
  expect(errors).toEqual([])
  await page.close()
})

test('a link to a series with no episode (a launcher’s) plays the episode in progress, names it, and saves its position with it', async () => {
  const { session, series } = await subscribedToSeries('launcher-link-viewer')
  const second = series.seasons[0]!.episodes[1]!
  const saved = await call(server.origin, 'PUT', `/v1/me/progress/${series.id}`, { token: session.account?.token, body: { positionSeconds: 12, durationSeconds: 2700, episodeId: second.id } })
  expect(saved.status).toBe(200)
  const { page, errors } = await open(`player/${series.id}/play`, { session })
  // Past a second from where it resumed: a play left sooner saves nothing.
  await waitForTime(page, 13.5)
  await waitForWholeText(page, 'Season 1 · Episode 2 · Wind Shear')
  await press(page, 'Backspace', 0)
  await page.waitForFunction(() => location.hash === '#home', undefined, { timeout: 10_000 })
  // The position went back with its episode: Details resumes that episode.
  const progress = (await call<TitleDetails>(server.origin, 'GET', `/v1/titles/${series.id}`, { token: session.account?.token })).body.progress
  expect(progress).toMatchObject({ episodeId: second.id, positionSeconds: expect.any(Number) })
  expect(progress!.positionSeconds).toBeGreaterThanOrEqual(13)
  await page.evaluate((id) => void (location.hash = `#details/${id}`), series.id)
  await waitForTextMatching(page, /^Resume S1:E2 from 0:1\d$/)
  expect(errors).toEqual([])
  await page.close()
})

test('OK held on a Continue watching tile offers to take it out: Back keeps it, a failed request says so, Remove takes it out and keeps its position; a press plays the title from where it stopped, Info opens its page', async () => {
  const session = await signedInSession('cw-remover')
  const token = session.account?.token
  const [kept, taken] = (await catalogue()).filter((title) => title.access.entitlement.kind === 'free' && title.kind === 'film').slice(0, 2)
  const english = async (id: string) => (await call<TitleDetails>(server.origin, 'GET', `/v1/titles/${id}`, { headers: { 'Accept-Language': 'en' } })).body.title
  const [keptName, takenName] = [await english(kept!.id), await english(taken!.id)]
  // Two films started, the second the latest: it is the rail's first tile. The first stopped inside the test clip.
  for (const [title, positionSeconds] of [[kept!, 12], [taken!, 600]] as const) {
    const saved = await call(server.origin, 'PUT', `/v1/me/progress/${title.id}`, { token, body: { positionSeconds, durationSeconds: 3600 } })
    expect(saved.status).toBe(200)
  }
  const listed = async () => (await call<{ items: TitleSummary[] }>(server.origin, 'GET', '/v1/me/continue-watching', { token })).body.items.map((item) => item.id)
  expect(await listed()).toEqual([taken!.id, kept!.id])
  // With voice guidance on (?announce=1), what is said is recorded, not spoken.
  const { page, errors } = await open('home', { session, query: '&announce=1' })
  await recordSpeech(page)
  await waitForText(page, 'Continue watching', 30_000)
  await press(page, 'ArrowDown')
  // Held as on a remote: the key repeats after the question is up; a repeat must not answer it.
  const hold = async () => {
    await page.keyboard.down('Enter')
    await page.waitForTimeout(1_200)
    await page.keyboard.down('Enter')
    await page.waitForTimeout(100)
    await page.keyboard.up('Enter')
  }
  const question = `Remove “${takenName}” from Continue watching?`
  // Held: the question, not the title's page; Keep is focused, and Back answers it too.
  await hold()
  await waitForWholeText(page, question)
  expect(await hash(page)).toBe('#home')
  await shot(page, 'continue-watching-remove')
  // The question is read before the focused button.
  const said = await page.waitForFunction((text) => {
    const spoken = (window as unknown as { spoken: string[] }).spoken
    const at = spoken.indexOf(text)
    return at >= 0 ? spoken.slice(at, at + 2) : null
  }, question, { timeout: 5_000 })
  expect(await said.jsonValue()).toEqual([question, 'Keep'])
  await press(page, 'Backspace')
  await waitForNoText(page, question)
  expect(await hash(page)).toBe('#home')
  // The request fails: the toast says so, and the title stays.
  await page.route('**/v1/me/continue-watching/**', (route) => route.abort('internetdisconnected'))
  await hold()
  await waitForWholeText(page, question)
  await press(page, 'ArrowRight')
  await press(page, 'Enter')
  await waitForText(page, 'You are offline. Check the network and try again.')
  expect(await listed()).toEqual([taken!.id, kept!.id])
  await page.unroute('**/v1/me/continue-watching/**')
  // Remove: out of the rail at once, on the server too, and its position kept for Details.
  await hold()
  await waitForWholeText(page, question)
  await press(page, 'ArrowRight')
  await press(page, 'Enter')
  await waitForText(page, `“${takenName}” is no longer in Continue watching`)
  let shown: string[] = []
  await waitFor(() => `the rail without the title taken out, read ${JSON.stringify(shown)}`, async () => {
    shown = await page.$eval('[type="Rail"]', (rail) => [...rail.querySelectorAll('[texture-text]')].filter((el) => !el.closest('[visible="false"]')).map((el) => el.getAttribute('texture-text') ?? ''))
    return shown.includes(keptName) && !shown.includes(takenName) ? shown : null
  })
  expect(await listed()).toEqual([kept!.id])
  const details = (await call<TitleDetails>(server.origin, 'GET', `/v1/titles/${taken!.id}`, { token })).body
  expect(details.progress).toMatchObject({ positionSeconds: 600 })
  // Info on the tile left opens its page.
  await press(page, 'i')
  await page.waitForFunction((id) => location.hash === `#details/${id}`, kept!.id, { timeout: 10_000 })
  await waitForText(page, 'Add to My list')
  await press(page, 'Escape')
  await page.waitForFunction(() => location.hash === '#home', undefined, { timeout: 10_000 })
  await waitForWholeText(page, keptName)
  // A press (not a hold) plays it at once from where it stopped, once OK is let go; Back returns to Home.
  await press(page, 'Enter')
  await page.waitForFunction((id) => location.hash === `#player/${id}/play`, kept!.id, { timeout: 10_000 })
  // Its first moment on screen is already past 0:12 (a play from the start would first read a fraction of a second).
  expect(await waitForTime(page, 0.2)).toBeGreaterThanOrEqual(11)
  await press(page, 'Escape')
  await page.waitForFunction(() => location.hash === '#home', undefined, { timeout: 10_000 })
  await waitForText(page, 'Continue watching')
  expect(errors.filter((error) => !/ERR_INTERNET_DISCONNECTED/.test(error))).toEqual([])
  await page.close()
})

test('Details authorises and preloads the focused play, DASH and HLS: manifest, licence or key and first segments come before Enter, and Play starts from them', async () => {
  const name = (await call<TitleDetails>(server.origin, 'GET', `/v1/titles/${subscriptionTitleId}`, { headers: { 'Accept-Language': 'en' } })).body.title
  for (const { format, manifest } of [
    { format: 'dash', manifest: /\.mpd$/ },
    { format: 'hls', manifest: /\/master\.m3u8$/ },
  ]) {
    // A viewer per format: the first play, closed, keeps its place, and the second page would offer Resume.
    const session = await subscribedViewer(`preload-${format}`)
    licenseRequests = []
    const { page, errors } = await open(`details/${subscriptionTitleId}`, { session, query: `&stream=${format}` })
    const requests: string[] = []
    page.on('request', (request) => requests.push(`${request.method()} ${new URL(request.url()).pathname}`))
    await waitForText(page, 'Play')
    // Nothing asked at the press (subscribed, no parental limit), so nothing waits for it.
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((entry) => entry.name.endsWith('.mp4')), undefined, { timeout: 15_000, polling: 100 })
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((entry) => entry.name.includes('/v1/license/')), undefined, { timeout: 15_000, polling: 100 })
    expect(requests.filter((request) => request.startsWith('POST /v1/playback/'))).toHaveLength(1)
    expect(await videoTime(page)).toBe(0)
    const beforeEnter = requests.length
    await press(page, 'Enter')
    await waitForTime(page, 1)
    const afterEnter = requests.slice(beforeEnter)
    // Nor is the title asked again: the Player takes it from Details (its name heads the controls).
    expect(
      afterEnter.filter((request) => request.startsWith('POST /v1/playback/') || manifest.test(request) || request.includes('/v1/license/') || request.startsWith('GET /v1/titles/')),
    ).toEqual([])
    await waitForWholeText(page, name)
    // The preload's licence (DASH) or key (HLS) request carries the token: refused, Shaka would ask again after a backoff.
    expect(licenseRequests.length).toBeGreaterThan(0)
    expect(licenseRequests.every((request) => request.status === 200 && request.authorization?.startsWith('Bearer '))).toBe(true)
    expect(errors).toEqual([])
    await page.close()
  }
})

test('a play prepared on Details is dropped when the viewer leaves another way: nothing plays, and the next Play still plays', async () => {
  const { page, errors } = await open(`details/${freeTitleId}`)
  await waitForText(page, 'Play')
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((entry) => entry.name.endsWith('.mp4')), undefined, { timeout: 15_000, polling: 100 })
  await press(page, 'Backspace')
  await page.waitForFunction(() => location.hash.startsWith('#home'), undefined, { timeout: 10_000 })
  await page.waitForTimeout(1000)
  expect(await page.evaluate(() => document.querySelector('video')?.paused ?? true)).toBe(true)
  expect(await videoTime(page)).toBe(0)
  await page.evaluate((id) => (location.hash = `#details/${id}`), freeTitleId)
  await waitForText(page, 'Play')
  await press(page, 'Enter')
  await page.waitForFunction((id) => location.hash === `#player/${id}/play`, freeTitleId, { timeout: 10_000 })
  await waitForTime(page, 1)
  expect(errors).toEqual([])
  await page.close()
})

test('Home’s hero offers the launch original’s first action beside More info: a subscriber’s plays its first episode from a play prepared while it rests there, an anonymous viewer’s subscribes after signing in, a signed-in one’s opens the purchase ready', async () => {
  const home = (await call<{ hero: { id: string; title: string } }>(server.origin, 'GET', '/v1/home', { headers: { 'Accept-Language': 'en' } })).body
  const hero = (await call<TitleDetails>(server.origin, 'GET', `/v1/titles/${home.hero.id}`, { headers: { 'Accept-Language': 'en' } })).body
  const firstEpisode = hero.seasons?.[0]?.episodes[0]
  if (!firstEpisode) throw new Error('the launch original is expected to be a series')
  const session = await subscribedViewer('hero-player')
  const { page, errors } = await open('home', { session })
  const requests: string[] = []
  page.on('request', (request) => requests.push(`${request.method()} ${new URL(request.url()).pathname}`))
  await waitForWholeText(page, 'Play S1:E1')
  await waitForWholeText(page, 'More info')
  await shot(page, 'home-hero-buttons')
  // Focus starts on the hero's first button; resting there, its play is authorised and preloaded, as Details' Play is.
  await waitFor(
    'the hero’s authorisation, first segments and licence',
    () => (requests.includes(`POST /v1/playback/${hero.id}`) && requests.some((request) => request.endsWith('.mp4')) && requests.some((request) => request.includes('/v1/license/'))) || null,
    15_000,
  )
  expect(await videoTime(page)).toBe(0)
  await page.waitForTimeout(500)
  const beforeEnter = requests.length
  // OK plays, as Details' Play would, from what was prepared: nothing is asked again.
  await press(page, 'Enter')
  await page.waitForFunction((expected) => location.hash === expected, `#player/${hero.id}/play/${firstEpisode.id}`, { timeout: 10_000 })
  await waitForTime(page, 1)
  const afterEnter = requests.slice(beforeEnter)
  expect(afterEnter.filter((request) => request.startsWith('POST /v1/playback/') || /\.(mpd|m3u8)$/.test(request) || request.includes('/v1/license/') || request === `GET /v1/titles/${hero.id}`)).toEqual([])
  await press(page, 'Backspace')
  await page.waitForFunction(() => location.hash === '#home', undefined, { timeout: 10_000 })
  const authorisations = () => requests.filter((request) => request === `POST /v1/playback/${hero.id}`).length
  const authorisedBefore = authorisations()
  await waitFor('the hero’s play prepared again', () => authorisations() > authorisedBefore || null, 15_000)
  // Right to More info: OK opens the title's page, which takes up the play the hero prepared rather than its own.
  await press(page, 'ArrowRight')
  await press(page, 'Enter')
  await page.waitForFunction((id) => location.hash === `#details/${id}`, hero.id, { timeout: 10_000 })
  await waitForText(page, 'Add to My list')
  await page.waitForTimeout(1_500)
  const onDetails = requests.length
  await press(page, 'Enter')
  await page.waitForFunction((id) => location.hash.startsWith(`#player/${id}/play`), hero.id, { timeout: 10_000 })
  await waitForTime(page, 1)
  expect(authorisations()).toBe(authorisedBefore + 1)
  expect(requests.slice(onDetails).filter((request) => request.startsWith('POST /v1/playback/') || /\.(mpd|m3u8)$/.test(request) || request.includes('/v1/license/'))).toEqual([])
  expect(errors).toEqual([])
  await page.close()

  // Without an account the first button sells the subscription: OK asks to sign in first.
  const anonymous = await open('home')
  await waitForTextMatching(anonymous.page, /^Subscribe .+\/month$/)
  await press(anonymous.page, 'Enter')
  await waitForText(anonymous.page, 'Sign in to Marquee')
  expect(await hash(anonymous.page)).toBe('#home')
  expect(anonymous.errors).toEqual([])
  await anonymous.page.close()

  // Signed in without VIP, it sells the subscription too: who pays and the plans are asked once the hero's details
  // come, so OK opens the purchase dialog on how to pay without asking them again.
  const buyerSession = await signedInSession('hero-buyer')
  await giveStoredPayment(server, 'hero-buyer')
  const buyer = await open('home', { session: buyerSession })
  const asked: string[] = []
  buyer.page.on('requestfinished', (request) => asked.push(new URL(request.url()).pathname))
  await waitForTextMatching(buyer.page, /^Subscribe .+\/month$/)
  await waitFor('the account and the plans asked ahead', () => (asked.includes('/v1/me') && asked.includes('/v1/offers')) || null, 15_000)
  const askedBefore = asked.length
  await press(buyer.page, 'Enter')
  await waitForText(buyer.page, 'Scan to pay')
  expect(asked.slice(askedBefore).filter((pathname) => /^\/v1\/(me|offers)$/.test(pathname))).toEqual([])
  expect(buyer.errors).toEqual([])
  await buyer.page.close()
})

test('Home’s hero names where the viewer is from the feed: "Resume S1:E3 from 12:05", or "Play S1:E4" after the third was watched, from the first frame, never "Play" first', async () => {
  const home = (await call<{ hero: { id: string } }>(server.origin, 'GET', '/v1/home', { headers: { 'Accept-Language': 'en' } })).body
  const hero = (await call<TitleDetails>(server.origin, 'GET', `/v1/titles/${home.hero.id}`, { headers: { 'Accept-Language': 'en' } })).body
  const third = hero.seasons[0]!.episodes[2]!
  for (const [accountName, positionSeconds, label] of [['hero-resume', 725, 'Resume S1:E3 from 12:05'], ['hero-next', 2690, 'Play S1:E4']] as const) {
    const session = await subscribedViewer(accountName)
    const saved = await call(server.origin, 'PUT', `/v1/me/progress/${hero.id}`, { token: session.account?.token, body: { positionSeconds, durationSeconds: 2700, episodeId: third.id } })
    expect(saved.status).toBe(200)
    const { page, errors } = await open('home', { session, recordTexts: true })
    await waitForWholeText(page, label)
    // Its details came (the synopsis is theirs) and named the same button: it was never drawn as anything else.
    await waitForText(page, hero.synopsis.slice(0, 30))
    await page.waitForTimeout(500)
    const drawn = await drawnTexts(page)
    expect(drawn.filter((text) => /^(Play|Resume)\b/.test(text))).toEqual(drawn.filter((text) => text === label))
    expect(errors).toEqual([])
    await page.close()
  }
})

test('a refresh on Home (a title taken out of Continue watching) prepares the hero’s play only from details asked for the new feed', async () => {
  const home = (await call<{ hero: { id: string } }>(server.origin, 'GET', '/v1/home', { headers: { 'Accept-Language': 'en' } })).body
  const hero = (await call<TitleDetails>(server.origin, 'GET', `/v1/titles/${home.hero.id}`, { headers: { 'Accept-Language': 'en' } })).body
  const third = hero.seasons[0]!.episodes[2]!
  const [other] = (await catalogue()).filter((title) => title.access.entitlement.kind === 'free' && title.kind === 'film')
  const session = await subscribedViewer('hero-refresh')
  const token = session.account?.token
  // A film, then the hero: the hero is Continue watching's first tile, the film its second.
  expect((await call(server.origin, 'PUT', `/v1/me/progress/${other!.id}`, { token, body: { positionSeconds: 600, durationSeconds: 3600 } })).status).toBe(200)
  expect((await call(server.origin, 'PUT', `/v1/me/progress/${hero.id}`, { token, body: { positionSeconds: 725, durationSeconds: 2700, episodeId: third.id } })).status).toBe(200)
  const { page, errors } = await open('home', { session })
  const requests: string[] = []
  page.on('request', (request) => requests.push(`${request.method()} ${new URL(request.url()).pathname}`))
  const count = (request: string) => requests.filter((made) => made === request).length
  const authorisation = `POST /v1/playback/${hero.id}`
  await waitForWholeText(page, 'Resume S1:E3 from 12:05')
  await waitFor('the hero’s play prepared', () => count(authorisation) > 0 || null, 15_000)
  // From now on the hero's details are held back.
  let release = (): void => undefined
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route(new RegExp(`/v1/titles/${hero.id}(\\?|$)`), async (route) => {
    await held
    await route.continue()
  })
  const detailsAsked = count(`GET /v1/titles/${hero.id}`)
  // The film taken out of Continue watching (OK held on its tile, then Remove): Home shows the feed again.
  await press(page, 'ArrowDown')
  await press(page, 'ArrowRight')
  await page.keyboard.down('Enter')
  await page.waitForTimeout(1_200)
  await page.keyboard.up('Enter')
  await waitForText(page, 'from Continue watching?')
  await press(page, 'ArrowRight')
  await press(page, 'Enter')
  await waitForText(page, 'is no longer in Continue watching')
  await waitFor('the new feed shown and the hero’s details asked for it', () => count(`GET /v1/titles/${hero.id}`) > detailsAsked || null)
  const authorised = count(authorisation)
  // Back on the hero, longer than its preparation waits: nothing is prepared from the details of the feed before.
  await press(page, 'ArrowUp')
  await page.waitForTimeout(1_500)
  expect(count(authorisation)).toBe(authorised)
  await waitForWholeText(page, 'Resume S1:E3 from 12:05')
  release()
  await waitFor('the hero’s play prepared from its new details', () => count(authorisation) > authorised || null, 15_000)
  await waitForWholeText(page, 'Resume S1:E3 from 12:05')
  expect(errors).toEqual([])
  await page.close()
})

test('a Continue watching tile resting in focus has its play authorised and preloaded: OK starts from them, and moving off drops it', async () => {
  const session = await subscribedViewer('cw-ahead')
  const saved = await call(server.origin, 'PUT', `/v1/me/progress/${subscriptionTitleId}`, { token: session.account?.token, body: { positionSeconds: 12, durationSeconds: 3600 } })
  expect(saved.status).toBe(200)
  const { page, errors } = await open('home', { session })
  const requests: string[] = []
  page.on('request', (request) => requests.push(`${request.method()} ${new URL(request.url()).pathname}`))
  const count = (pattern: RegExp) => requests.filter((request) => pattern.test(request)).length
  // The hero, where the focus starts, prepares its own play: only this title's authorisations count.
  const authorisations = new RegExp(`^POST /v1/playback/${subscriptionTitleId}$`)
  await waitForText(page, 'Continue watching', 30_000)
  // Down onto the rail's one tile: it rests there, and its play (Resume from 0:12) is prepared.
  await press(page, 'ArrowDown')
  await waitFor('the focused tile’s authorisation', () => count(authorisations) === 1 || null, 15_000)
  const authorised = requests.findIndex((request) => authorisations.test(request))
  await waitFor(
    'the focused tile’s first segments and licence',
    () => {
      const after = requests.slice(authorised)
      return (after.some((request) => request.endsWith('.mp4')) && after.some((request) => request.includes('/v1/license/'))) || null
    },
    15_000,
  )
  expect(await videoTime(page)).toBe(0)
  // Up to the hero: the prepared play is dropped (nothing plays behind Home); back down, it is prepared again.
  await press(page, 'ArrowUp')
  await page.waitForTimeout(1000)
  expect(await page.evaluate(() => document.querySelector('video')?.paused ?? true)).toBe(true)
  await press(page, 'ArrowDown')
  await waitFor('a second authorisation', () => count(authorisations) === 2 || null, 15_000)
  await page.waitForTimeout(1000)
  const beforeEnter = requests.length
  await press(page, 'Enter')
  await page.waitForFunction((id) => location.hash === `#player/${id}/play`, subscriptionTitleId, { timeout: 10_000 })
  await waitForTime(page, 12.5)
  // Nothing asked again at the press: neither the title, nor its authorisation, manifest or licence.
  const afterEnter = requests.slice(beforeEnter)
  expect(afterEnter.filter((request) => request.startsWith('POST /v1/playback/') || /\.(mpd|m3u8)$/.test(request) || request.includes('/v1/license/') || request === `GET /v1/titles/${subscriptionTitleId}`)).toEqual([])
  expect(errors).toEqual([])
  await page.close()
})

test('a slow progress save at stop never closes the next play: leaving the player closes its video at once', async () => {
  const other = (await catalogue()).find((t) => t.access.entitlement.kind === 'free' && t.id !== freeTitleId && t.kind === 'film')
  if (!other) throw new Error('the seeded catalogue has one free film only')
  const { page, errors } = await open(`details/${freeTitleId}`)
  await waitForText(page, 'Play')
  await press(page, 'Enter')
  await waitForTime(page, 1)
  // The save at stop answers 4 s late; meanwhile the viewer leaves by a deep link and plays another title.
  await page.route('**/v1/me/progress/**', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 4000))
    await route.continue()
  })
  await page.evaluate((id) => (location.hash = `#details/${id}`), other.id)
  const { body: shown } = await call<{ title: string }>(server.origin, 'GET', `/v1/titles/${other.id}`, { headers: { 'Accept-Language': 'en' } })
  await waitForText(page, shown.title)
  expect(await page.evaluate(() => document.querySelector('video')?.style.display)).toBe('none')
  await press(page, 'Enter')
  await page.waitForFunction((id) => location.hash.startsWith(`#player/${id}/`), other.id, { timeout: 10_000 })
  const started = await waitForTime(page, 0.5)
  // Past the late answer: still this play, still advancing.
  await waitForTime(page, started + 5, 20_000)
  expect(await page.evaluate(() => document.querySelector('video')?.style.display)).toBe('block')
  expect(errors).toEqual([])
  await page.close()
})

/** Listeners on the one <video> the SDK keeps, by event type (DevTools protocol, as the memory benchmark counts them). */
async function videoListeners(page: Page): Promise<Record<string, number>> {
  const cdp = await page.context().newCDPSession(page)
  try {
    const { result } = await cdp.send('Runtime.evaluate', { expression: 'document.querySelector("video")' })
    if (!result.objectId) throw new Error('no video element')
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId })
    const byType: Record<string, number> = {}
    for (const listener of listeners) byType[listener.type] = (byType[listener.type] ?? 0) + 1
    return byType
  } finally {
    await cdp.detach()
  }
}

/**
 * The video's listeners once the play left behind is taken down (Shaka's unload runs on after the route has
 * changed, longer on a loaded machine): two readings 300 ms apart alike.
 */
async function settledVideoListeners(page: Page): Promise<Record<string, number>> {
  const counts = (listeners: Record<string, number>): string => JSON.stringify(Object.entries(listeners).sort())
  // The first reading only starts the comparison: each answer compares two readings 300 ms apart.
  let last: string | null = null
  return waitFor(
    "the video's listeners to stop changing",
    async () => {
      const now = await videoListeners(page)
      const settled = counts(now) === last
      last = counts(now)
      return settled ? now : null
    },
    10_000,
    300,
  )
}

test('plays one after another on the kept Shaka player leave no listeners behind on the video element', async () => {
  const { page, errors } = await open(`details/${freeTitleId}`)
  const playAndBack = async (): Promise<void> => {
    // Details' play button has the focus (the player's "OK Play/Pause" hint may still be on screen while it leaves).
    await page.waitForFunction(
      () => [...document.querySelectorAll('[focused="true"] [texture-text]')].some((el) => /^(Play|Resume from)/.test(el.getAttribute('texture-text') ?? '')),
      undefined,
      { timeout: 15_000, polling: 100 },
    )
    await press(page, 'Enter')
    await page.waitForFunction((id) => location.hash.startsWith(`#player/${id}/`), freeTitleId, { timeout: 10_000 })
    await waitForTime(page, 0.5)
    await press(page, 'Backspace', 0)
    await page.waitForFunction((id) => location.hash === `#details/${id}`, freeTitleId, { timeout: 10_000 })
  }
  await playAndBack()
  const afterOne = await settledVideoListeners(page)
  for (let i = 0; i < 3; i++) await playAndBack()
  // Shaka's ABR manager added two picture-in-picture listeners per play while it was kept across loads.
  expect(await settledVideoListeners(page)).toEqual(afterOne)
  // Nothing plays on behind Details.
  expect(await page.evaluate(() => document.querySelector('video')?.paused)).toBe(true)
  expect(errors).toEqual([])
  await page.close()
})

test('a paid title’s trailer plays for a viewer without entitlement', async () => {
  const { page, errors } = await open(`player/${subscriptionTitleId}/trailer`)
  await waitForTime(page, 2)
  await waitForText(page, 'Trailer')
  expect(licenseRequests).toEqual([])
  expect(await hash(page)).toBe(`#player/${subscriptionTitleId}/trailer`)
  expect(errors).toEqual([])
  await page.close()
})

test('a DRM failure shows a clear message with the Shaka code and a way back, never a black screen', async () => {
  const session = await signedInSession('demo')
  await subscribe(session)
  const page = await browser.context.newPage()
  await page.addInitScript((stored: StoredSession) => {
    localStorage.clear()
    localStorage.setItem('auth.device', JSON.stringify(stored.device))
    if (stored.account) localStorage.setItem('auth.account', JSON.stringify(stored.account))
  }, session)
  // The operator's license server override (settings.local.json) points at a server that does not answer licenses.
  await page.route('**/settings.local.json', (route) =>
    route.fulfill({ json: { operator: { drm: { licenseServers: { 'org.w3.clearkey': `${server.origin}/v1/license/nowhere` } } } } }),
  )
  await page.goto(`${server.origin}/?inspector=1&lang=en#player/${subscriptionTitleId}/startover`)
  await waitForText(page, "This video can't play", 30_000)
  await waitForText(page, 'Error code 6007')
  expect(await focusedRefs(page)).toContain('Back')
  await shot(page, 'drm-error')
  await press(page, 'Enter')
  await page.waitForFunction(() => !location.hash.startsWith('#player/'), undefined, { timeout: 10_000 })
  await page.close()
})

test('the legacy ES5 bundle plays too, and the end of a trailer returns to where it started', async () => {
  const { page, errors } = await open(`details/${freeTitleId}`, { query: '&bundle=legacy' })
  await waitForText(page, 'Trailer')
  await page.evaluate((id) => {
    location.hash = `#player/${id}/trailer`
  }, freeTitleId)
  const before = await waitForTime(page, 1)
  expect(await page.evaluate(() => Array.from(document.scripts).some((s) => s.src.includes('app.legacy.js')))).toBe(true)
  // Near the end: the trailer ends and the player leaves by itself.
  await press(page, 'ArrowRight')
  await press(page, 'ArrowRight')
  await waitForTime(page, before + 15, 3_000)
  await page.waitForFunction((id) => location.hash === `#details/${id}`, freeTitleId, { timeout: 30_000 })
  expect(errors).toEqual([])
  await page.close()
})

test('media unreachable when the play starts: reconnecting, then it loads and plays by itself', async () => {
  const page = await browser.context.newPage()
  const errors = collectPageErrors(page, expectedNoise)
  let blocked = true
  await page.route('**/media/**', (route) => (blocked ? route.abort('internetdisconnected') : route.continue()))
  await page.addInitScript(() => localStorage.clear())
  await page.goto(`${server.origin}/?inspector=1&lang=en#player/${freeTitleId}/startover`)
  await waitForText(page, 'Reconnecting', 30_000)
  blocked = false
  await waitForTime(page, 1.5, 40_000)
  await waitForNoText(page, 'Reconnecting', 10_000)
  expect(await page.evaluate(() => document.querySelector('video')?.style.display)).toBe('block')
  // Loaded through the VideoPlayer again: its seek resumes playing as after a first load.
  await press(page, 'ArrowRight')
  await waitForTime(page, 11, 15_000)
  expect(errors).toEqual([])
  await page.close()
})

test('the playback API unreachable at start: reconnecting, then it authorises and plays by itself', async () => {
  const page = await browser.context.newPage()
  const errors = collectPageErrors(page, expectedNoise)
  let blocked = true
  await page.route('**/v1/playback/**', (route) => (blocked ? route.abort('internetdisconnected') : route.continue()))
  await page.addInitScript(() => localStorage.clear())
  await page.goto(`${server.origin}/?inspector=1&lang=en#player/${freeTitleId}/startover`)
  await waitForText(page, 'Reconnecting', 30_000)
  blocked = false
  await waitForTime(page, 1.5, 40_000)
  await waitForNoText(page, 'Reconnecting', 10_000)
  expect(errors).toEqual([])
  await page.close()
})
