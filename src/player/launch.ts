import { playbackProfile } from '../platform'
import { operatorSettings } from '../settings'
import { engineShakaConfig } from './config'
import type { PlaybackTitle } from '../api/playback'
import { PlayerController, type PlayerEnvironment } from './PlayerController'
import { playRequestOf, routeShowsPlay, samePlay, type PlayRequest } from './request'
import { currentViewer } from './preferences'
import type { PlaybackRate } from './rates'
import { probeSupport, ShakaEngine } from './shaka-engine'
import { prefetchShaka, preloadShakaFile } from './shaka-loader'
import { videoPlayer } from './video-player'

/**
 * Getting a play going before the Player page exists, the way TV apps cut
 * the time to the first frame: the Shaka player is attached to the video
 * element while Details is shown, and the play itself (authorisation, then
 * Shaka's load) starts at the Play press, beside the Player page's build.
 */

/** What a play needs to know about the device, the operator and the viewer. */
export async function playerEnvironment(): Promise<PlayerEnvironment> {
  const profile = await playbackProfile()
  return {
    platform: profile.platform,
    keySystems: profile.keySystems,
    licenseOverrides: operatorSettings().drm.licenseServers,
    streamFormat: operatorSettings().streamFormat,
    viewer: currentViewer(),
    panel: profile.maxResolution,
  }
}

/** Creates and attaches the Shaka player (its MediaSource ready) and probes the key systems ahead of a Play; nothing is asked of the server. */
export function preparePlayer(): void {
  void playerEnvironment().then((env) => {
    // A failure here is the play's to report: it tries again and shows its error screen.
    ShakaEngine.ready(videoPlayer._videoEl, engineShakaConfig(env)).catch(() => undefined)
    return probeSupport(env.keySystems)
  })
}

/** The mark Home sets on its first interactive frame (pages/Home). */
const HOME_INTERACTIVE_MARK = 'marquee:home-interactive'
/** Engines without PerformanceObserver (the legacy bundle's oldest): this long after start instead. */
const PREFETCH_FALLBACK_MS = 4000

/**
 * Shaka's file is fetched and evaluated in the first idle moment after Home
 * is interactive, so start-up does not pay for it and the first Play finds it
 * ready; a launch that skips Home (a deep link, from the URL or the TV's
 * launch parameters) asks for it at once and evaluates it in the first idle
 * moment.
 */
export function prefetchPlayer(launchOpensHome: boolean): void {
  if (!launchOpensHome) {
    preloadShakaFile(document)
    return prefetchShaka()
  }
  if (typeof PerformanceObserver !== 'function') {
    setTimeout(prefetchShaka, PREFETCH_FALLBACK_MS)
    return
  }
  const observer = new PerformanceObserver((list) => {
    if (!list.getEntriesByName(HOME_INTERACTIVE_MARK).length) return
    observer.disconnect()
    prefetchShaka()
  })
  observer.observe({ type: 'mark', buffered: true })
}

/** A play nobody claimed by then (the Player page never opened) is stopped: it must not play behind another screen. */
const UNCLAIMED_STOP_MS = 5000
/** Details' own first frames come first: its play is prepared this long after the page shows it. */
const AHEAD_DELAY_MS = 50

/**
 * The play started at the Play press until the Player page claims it. It watches the route and a timer only while it
 * is `early`: whatever takes it out of there (a claim, the next press, its own stop) settles it.
 */
interface EarlyPlay {
  request: PlayRequest
  controller: Promise<PlayerController>
  settle(): void
}

/** Stops an early play no page will take over. */
function abandon(entry: EarlyPlay): void {
  entry.settle()
  void entry.controller.then((controller) => controller.stop())
}

let early: EarlyPlay | null = null
let ahead: { request: PlayRequest; timer: ReturnType<typeof setTimeout> | null; controller: Promise<PlayerController> | null } | null = null

/**
 * A prepared play dropped this recently is kept for the page that comes next: More info on Home's hero opens
 * Details on the same play, Back from Details returns to the tile that prepared it. Taken up there, it is not
 * authorised and preloaded again; any other play, prepared or started, discards it at once.
 */
const DROPPED_KEPT_MS = 3000
let dropped: { request: PlayRequest; controller: Promise<PlayerController>; timer: ReturnType<typeof setTimeout> } | null = null

function discardDropped(): void {
  const entry = dropped
  dropped = null
  if (!entry) return
  clearTimeout(entry.timer)
  void entry.controller.then((controller) => controller.discard())
}

/** The play just dropped, if it is this one: its controller, taken out of the keep. */
function takeDropped(request: PlayRequest): Promise<PlayerController> | null {
  const entry = dropped
  if (!entry || !samePlay(entry.request, request)) return null
  clearTimeout(entry.timer)
  dropped = null
  return entry.controller
}

/**
 * Details shows a title whose Play asks nothing and writes nothing (domain
 * playsWithoutAsking), or a Continue watching tile rests in focus: that play
 * is authorised and its manifest, licence and first segments preloaded while
 * the viewer reads, so Play starts from them. Replaces the play prepared
 * before. Returns what drops this one only, so a page left late cannot drop
 * the play the next page prepared.
 */
export function preparePlayAhead(hash: string, title: PlaybackTitle): () => void {
  dropPlayAhead()
  const request = playRequestOf(hash)
  if (!request) return () => undefined
  const entry: NonNullable<typeof ahead> = { request, timer: null, controller: takeDropped(request) }
  discardDropped()
  if (!entry.controller) entry.timer = setTimeout(() => {
    entry.timer = null
    entry.controller = playerEnvironment().then((env) => {
      const controller = new PlayerController(request, env, title)
      controller.prepare()
      return controller
    })
  }, AHEAD_DELAY_MS)
  ahead = entry
  return () => {
    if (ahead === entry) dropPlayAhead()
  }
}

/** The viewer left the page another way than Play, or its Play changed: the prepared play is dropped (kept a moment, DROPPED_KEPT_MS). */
export function dropPlayAhead(): void {
  const entry = ahead
  ahead = null
  if (!entry) return
  if (entry.timer) clearTimeout(entry.timer)
  if (!entry.controller) return
  discardDropped()
  dropped = { request: entry.request, controller: entry.controller, timer: setTimeout(discardDropped, DROPPED_KEPT_MS) }
}

/**
 * Starts the play the Player page at `hash` will show, once the viewer has
 * pressed Play and passed its checks (parental PIN, rental consent): the
 * authorisation writes (a rental's window starts), so never earlier unless
 * prepared ahead for a play that writes nothing. `title` is the title as
 * Details (or the play before, for Up next) has it: the play does not ask for it again.
 */
export function startPlay(hash: string, title: PlaybackTitle | null, rate: PlaybackRate = 1): void {
  const request = playRequestOf(hash)
  if (!request) return
  if (early) abandon(early)
  early = null
  const prepared = (ahead?.controller && samePlay(ahead.request, request) ? ahead.controller : null) ?? takeDropped(request)
  if (prepared && ahead?.controller === prepared) ahead = null
  // Whatever else was prepared, or kept since dropped, will not play now.
  dropPlayAhead()
  discardDropped()
  const controller = (prepared ?? playerEnvironment().then((env) => new PlayerController(request, env, title))).then((started) => {
    started.setPlaybackRate(rate)
    void started.start()
    return started
  })
  // Back (or any other route) before the Player page took the play over: it stops now, not 5 s later behind
  // Details or Home (npm run bench -- memory found it playing there, its sound and picture on).
  const onRoute = (): void => {
    if (!routeShowsPlay(window.location.hash, request)) stopUnclaimed()
  }
  const stopUnclaimed = (): void => {
    early = null
    abandon(entry)
  }
  const timer = setTimeout(stopUnclaimed, UNCLAIMED_STOP_MS)
  window.addEventListener('hashchange', onRoute)
  const entry: EarlyPlay = {
    request,
    controller,
    settle: () => {
      window.removeEventListener('hashchange', onRoute)
      clearTimeout(timer)
    },
  }
  early = entry
}

/** The play started for this request at the Play press, if any; the caller binds and owns it from now on. */
export function claimPlay(request: PlayRequest): Promise<PlayerController> | null {
  const entry = early
  early = null
  if (!entry) return null
  if (!samePlay(entry.request, request)) {
    abandon(entry)
    return null
  }
  entry.settle()
  return entry.controller
}
