// Time to first frame: from the Enter keydown on Details' Play (or on a Continue watching tile or Home's hero's first
// button, which play at once) to the first video frame presented (requestVideoFrameCallback's presentationTime),
// clear and ClearKey-encrypted, DASH and HLS (the app with ?stream=hls). Baseline: bare Shaka in a minimal page (the e2e tests' page, the same
// Shaka build as the modern bundle) on the same manifest from the same server, from player creation to its first
// presented frame, from the same start position.
import type { Home, PlaybackResponse, TitleDetails, TitleSummary } from '../../../server/contract'
import { call, registerDevice } from '../../server/helpers'
import { median, probe, withChromiumBench, waitForProbe, type ChromiumBench, type StoredSession } from '../support/chromium'
import { BARE_SHAKA_PATH } from '../support/pages'
import type { BenchSection, Figure } from '../types'

const THROTTLES = [1, 4]
const RUNS = Number(process.env.BENCH_TTFF_RUNS ?? 5)
const TARGET_MS = 1000
const FORMATS = ['dash', 'hls'] as const
type Format = (typeof FORMATS)[number]
/** Where a Continue watching or hero case's titles stopped: past the rail's threshold, inside the packaged clip. */
const RESUME_AT_SECONDS = 12

interface Case {
  label: string
  /** One title per run: a title's resume point would otherwise move its start. */
  titles: TitleSummary[]
  session: StoredSession
  /**
   * Details' Play, OK on the first tile of Continue watching, or OK on Home's hero's first button (those two with
   * each title stopped at RESUME_AT_SECONDS).
   */
  from: 'details' | 'continue-watching' | 'hero'
  /** The episode a series was stopped in. */
  episodeId?: string
}

/** One format's pairs in one case: the app's and bare Shaka's times, and the runs that failed. */
interface Taken {
  app: number[]
  bare: number[]
  failed: string[]
}

interface BareConfig {
  manifestUri: string
  startTime?: number
  servers?: Record<string, string>
  requestHeaders?: Record<string, string>
}

/**
 * The app, playing this format until the first frame is presented: Details of the title and Enter on Play; Home,
 * Down onto Continue watching (the title, stopped last, is its first tile) and Enter after the tile rests in focus;
 * or Home and Enter on the hero's first button 1 s after its details came, resting in focus.
 */
async function appRun(bench: ChromiumBench, title: TitleSummary, c: Case, throttle: number, format: Format): Promise<number> {
  const hash = c.from === 'details' ? `details/${encodeURIComponent(title.id)}` : 'home'
  const { page, errors } = await bench.open(`/?lang=en&stream=${format}#${hash}`, { throttle, storage: c.session })
  try {
    if (c.from === 'details') {
      await waitForProbe(page, 'Details to take focus', (b) => b.focusNames().includes('DetailsPage') && b.focusNames().pop() === 'Button', 30_000)
      await page.waitForTimeout(500)
    } else if (c.from === 'hero') {
      await waitForProbe(page, 'the hero’s first button naming its episode', (b) => b.focusNames().includes('HomePage') && /S\d+:E\d+/.test(b.focusedLabel() ?? ''), 30_000)
      // The feed names the episode already; the hero prepares its play from its details, so the wait runs from them.
      await page.waitForFunction(
        (id) => performance.getEntriesByType('resource').some((entry) => new URL(entry.name).pathname === `/v1/titles/${id}`),
        title.id,
        { timeout: 30_000 },
      )
      await page.waitForTimeout(1000)
    } else {
      await waitForProbe(page, 'Home to take focus', (b) => b.focusNames().includes('HomePage'), 30_000)
      await page.keyboard.press('ArrowDown')
      await waitForProbe(page, 'a rail’s tile to take focus', (b) => b.focusNames().includes('Rail'), 10_000)
      await page.waitForTimeout(1000)
    }
    await probe(page, (b) => {
      b.armVideo = true
    })
    await page.keyboard.press('Enter')
    await waitForProbe(page, 'the first video frame', (b) => b.video !== null && b.video.t1 !== null, 20_000)
    const ms = await probe(page, (b) => (b.video && b.video.t1 !== null ? b.video.t1 - b.video.t0 : NaN))
    const played = await page.evaluate(() => location.hash)
    if (!played.startsWith(`#player/${title.id}/`)) throw new Error(`Enter on ${title.id} opened ${played}, not its player`)
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`)
    return ms
  } finally {
    await page.close()
  }
}

/** Bare Shaka: a fresh page, then player creation → load → play until the first frame is presented. */
async function bareRun(bench: ChromiumBench, config: BareConfig, throttle: number): Promise<number> {
  const { page } = await bench.open(BARE_SHAKA_PATH, { throttle })
  try {
    await page.waitForFunction(() => typeof (window as unknown as { marqueePlay?: unknown }).marqueePlay === 'function')
    const result = (await page.evaluate(`(async (cfg) => {
      const video = document.getElementById('video');
      let t1 = null;
      const t0 = performance.now();
      video.requestVideoFrameCallback((now, meta) => { t1 = meta.presentationTime; });
      const played = await window.marqueePlay(Object.assign({ minTime: 0.05, timeoutMs: 20000 }, cfg));
      const deadline = performance.now() + 5000;
      while (t1 === null && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      return { ms: t1 === null ? null : t1 - t0, errors: played.errors.map((e) => e.code + ' ' + e.message) };
    })(${JSON.stringify(config)})`)) as { ms: number | null; errors: string[] }
    if (result.ms === null) throw new Error(`bare Shaka showed no frame of ${config.manifestUri}: ${result.errors.join('; ')}`)
    return result.ms
  } finally {
    await page.close()
  }
}

async function bareConfigs(bench: ChromiumBench, title: TitleSummary, c: Case): Promise<Record<Format, BareConfig>> {
  const session = c.session
  const play = await call<PlaybackResponse>(bench.origin, 'POST', `/v1/playback/${title.id}`, { token: session.account?.token ?? session.device.token, body: {} })
  if (play.status !== 200) throw new Error(`POST /v1/playback/${title.id}: ${play.status}`)
  const drm = play.body.drm
  const protect = drm
    ? { servers: Object.fromEntries(drm.keySystems.map((k) => [k.keySystem, k.licenseUrl])), requestHeaders: { authorization: `Bearer ${drm.licenseToken}` } }
    : {}
  const startTime = c.from === 'details' ? {} : { startTime: RESUME_AT_SECONDS }
  return { dash: { manifestUri: play.body.manifests.dash, ...protect, ...startTime }, hls: { manifestUri: play.body.manifests.hls, ...protect, ...startTime } }
}

/** The viewer stopped `title` (in `episodeId`) at `seconds`: it is the first tile of Continue watching. */
async function stoppedAt(bench: ChromiumBench, title: TitleSummary, session: StoredSession, seconds: number, episodeId?: string): Promise<void> {
  const body = { positionSeconds: seconds, durationSeconds: 3600, ...(episodeId ? { episodeId } : {}) }
  const saved = await call(bench.origin, 'PUT', `/v1/me/progress/${title.id}`, { token: session.account?.token, body })
  if (saved.status !== 200) throw new Error(`PUT /v1/me/progress/${title.id}: ${saved.status}`)
}

export const ttffSection: BenchSection = {
  name: 'ttff',
  title: 'Time to first frame (Chromium)',
  async run(ctx) {
    return withChromiumBench(ctx, async (bench) => {
      const catalogue = (await call<{ items: TitleSummary[] }>(bench.origin, 'GET', '/v1/rails/catalog-all?limit=500')).body.items
      const films = catalogue.filter((t) => t.kind === 'film' && t.rating === 'all')
      const free = films.filter((t) => t.access.entitlement.kind === 'free')
      const vip = films.filter((t) => t.access.offers.some((o) => o.kind === 'subscription'))
      const runs = RUNS * THROTTLES.length
      // A different title per run while there are enough, then the same ones again (their media are the same files).
      if (free.length === 0 || vip.length === 0) throw new Error('no free or no subscription film rated for all ages')
      const subscriber = await bench.signedIn('demo')
      const bought = await call(bench.origin, 'POST', '/v1/purchases', {
        token: subscriber.account?.token,
        headers: { 'Idempotency-Key': `bench-ttff-${Date.now()}` },
        body: { kind: 'subscription', planId: 'vip-monthly', payment: { method: 'stored', pin: '1234' } },
      })
      if (bought.status !== 201 && bought.status !== 409) throw new Error(`subscribing demo failed: ${bought.status}`)
      const anonymous: StoredSession = { device: await registerDevice(bench.origin), account: null }
      // The hero (the launch original, a series in the seed) is one title: each run stops it at the same point again.
      const hero = (await call<Home>(bench.origin, 'GET', '/v1/home')).body.hero
      const heroEpisode = (await call<TitleDetails>(bench.origin, 'GET', `/v1/titles/${hero.id}`)).body.seasons?.[0]?.episodes[0]?.id
      const cases: Case[] = [
        { label: 'clear', titles: free.slice(0, runs), session: anonymous, from: 'details' },
        { label: 'ClearKey', titles: vip.slice(0, runs), session: subscriber, from: 'details' },
        // Titles of their own: those Details played keep their place.
        { label: 'ClearKey, OK on Continue watching', titles: vip.slice(runs, runs * 2), session: subscriber, from: 'continue-watching' },
        { label: 'ClearKey, OK on Home’s hero', titles: [hero], session: subscriber, from: 'hero', ...(heroEpisode ? { episodeId: heroEpisode } : {}) },
      ]
      const figures: Figure[] = []
      const message = (error: unknown): string => (error instanceof Error ? error.message : String(error))
      const samples = (xs: number[]): string => xs.map((x) => Math.round(x)).join(', ')
      let run = 0
      for (const throttle of THROTTLES) {
        for (const c of cases) {
          const taken: Record<Format, Taken> = { dash: { app: [], bare: [], failed: [] }, hls: { app: [], bare: [], failed: [] } }
          for (let i = 0; i < RUNS; i++) {
            const title = c.titles[(run + i) % c.titles.length]!
            ctx.log(`ttff ${throttle}× ${c.label}: run ${i + 1}/${RUNS} (${title.id})`)
            if (c.from !== 'details') await stoppedAt(bench, title, c.session, RESUME_AT_SECONDS, c.episodeId)
            const configs = await bareConfigs(bench, title, c)
            // Bare Shaka then the app, per format in turn, so the machine's drift moves both of a pair alike.
            for (const format of FORMATS) {
              const into = taken[format]
              try {
                const bare = await bareRun(bench, configs[format], throttle)
                into.app.push(await appRun(bench, title, c, throttle, format))
                into.bare.push(bare)
              } catch (error) {
                into.failed.push(message(error))
              }
            }
          }
          for (const format of FORMATS) {
            const { app, bare, failed } = taken[format]
            const name = `app ${format.toUpperCase()} ${c.label}, ${throttle}×`
            const failures = failed.length ? `; failed: ${failed.join('; ')}` : ''
            if (app.length === 0) {
              figures.push({ name, value: NaN, unit: 'ms', better: 'lower', note: `no run succeeded${failures}` })
              continue
            }
            const baseline = { name: `bare Shaka, same ${format.toUpperCase()} manifest`, value: Math.round(median(bare)) }
            figures.push({
              name,
              value: Math.round(median(app)),
              unit: 'ms',
              better: 'lower',
              baseline,
              target: { max: Math.min(TARGET_MS, Math.round(baseline.value * 1.1)), label: '≤ 1.1× bare Shaka and < 1 s' },
              note: `median of ${app.length} (${samples(app)} ms; bare ${samples(bare)} ms)${failures}`,
            })
          }
        }
        run += RUNS
      }
      return {
        figures,
        method: `Debian Chromium headless, real server on 127.0.0.1; app: a fresh page on Details (free film anonymously; a VIP film as the subscribed demo account, ClearKey licence with the token), Enter pressed 0.5 s after Details took focus (a quick viewer: the app authorises and preloads the focused play meanwhile, src/player/launch.ts); "OK on Continue watching": a fresh page on Home as the demo account, Down onto the rail, whose first tile is a VIP film stopped at ${RESUME_AT_SECONDS} s, Enter 1 s later (the tile prepares its play after 0.6 s in focus), bare Shaka loading the same manifest at ${RESUME_AT_SECONDS} s; "OK on Home’s hero": a fresh page on Home as the demo account with the hero's first episode stopped at ${RESUME_AT_SECONDS} s, Enter 1 s after its details came (its first button names the episode from the feed; the hero prepares its play 0.6 s after its details, in focus), bare Shaka likewise at ${RESUME_AT_SECONDS} s; Enter keydown time stamp → first requestVideoFrameCallback presentationTime; bare Shaka: a fresh page, player creation → first presented frame, the same manifest and licence server the playback API gives the app; median of ${RUNS} runs each, a different title per run while the catalogue has enough, then taken again (same packaged assets); each format against bare Shaka on the same manifest, the app with ?stream=dash or ?stream=hls (settings operator.streamFormat)`,
      }
    })
  },
}
