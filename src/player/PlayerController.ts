import type { PlaybackResponse, PlaySpan } from '../../server/contract'
import { authorisePlayback, playbackTitle, type PlaybackTitle } from '../api/playback'
import { api } from '../api/session'
import { saveProgress } from '../api/progress'
import { MAX_EVENTS_PER_REQUEST, sendEvents } from '../api/events'
import { announceChange } from '../api/changes'
import { AppError } from '../api/errors'
import type { OperatorSettings, StreamFormat } from '../settings'
import { allowScreenSaver, type PlatformId } from '../platform'
import {
  aheadStillUsable, chooseManifest, abrFor, engineShakaConfig, licenseRenewDelayMs, licenseServersFor, needsLicenseToken, pinnedHeight, playShakaConfig,
  qualityHeights, streamingRetryDelayMs, type Panel, type PlayShakaConfig,
} from './config'
import { asShakaError, classifyShakaError, CODE, CRITICAL, type PlayerFailure, type ShakaErrorLike } from './errors'
import { readTrackPreferences, rememberTrackPreferences, type SubtitleSize, type TrackPreferences } from './preferences'
import { ProgressSaver } from './progress-saver'
import type { PlaybackRate } from './rates'
import { QoeRecorder, type QoeSnapshot } from './qoe'
import { ShakaEngine, probeSupport, type PreloadHandle, type RequestKind, type SupportReport, type Thumbnail, type Track } from './shaka-engine'
import { isControllable, nextState, type PlayerEvent, type PlayerState } from './state'
import { LightningTextDisplayer } from './subtitles'
import { videoPlayer } from './video-player'

import type { PlayRequest } from './request'
import { episodeAfter, episodeBefore, episodesInOrder, type EpisodeRef } from '../domain/access'

/** An episode as the Player names it: its place in the series and its own title. */
export interface PlayerEpisode extends EpisodeRef {
  title: string
}

export interface PlayerEnvironment {
  platform: PlatformId
  /** Key systems to try, best first (the platform's playback profile). */
  keySystems: readonly string[]
  /** Operator license URLs that replace the playback API's (settings operator.drm.licenseServers). */
  licenseOverrides: OperatorSettings['drm']['licenseServers']
  /** The manifest wanted where the device plays both (settings operator.streamFormat). */
  streamFormat: OperatorSettings['streamFormat']
  /** Whose track choices to use and remember (see preferences.ts). */
  viewer: string
  panel: Panel
}

export interface TrackChoices {
  audio: Track[]
  text: Track[]
  subtitleSize: SubtitleSize
  rate: PlaybackRate
  quality: QualityChoices
}

/** The picture's Quality: the heights to choose from (highest first), the one the viewer pinned (null: Auto), and the one showing. */
export interface QualityChoices {
  heights: number[]
  pinned: number | null
  showing: number | null
}

/** Why the screen shows an error: what to say, and Shaka's code when there is one. */
export type PlayerProblem = { kind: 'unsupported' | 'drm' | 'playback' | 'api'; code: number | string | null }

export interface PlayerCallbacks {
  onState(state: PlayerState): void
  /** Not entitled (402 or a license denied): the page opens the purchase choices. */
  onDenied(): void
}

/** An authorisation and the device's support for it. */
interface Authorised {
  playback: PlaybackResponse
  support: SupportReport
  /** When it was asked (ms). */
  at: number
}

interface Licence {
  token: string
  hlsKeyUrl: string | null
}

/** What a play's licence and HLS key requests carry; read from the authorisation as a whole, as the preload needs it too. */
function licenceOf(playback: PlaybackResponse): Licence | null {
  return playback.drm ? { token: playback.drm.licenseToken, hlsKeyUrl: playback.drm.hlsKeyUrl } : null
}

/** A play ready to load. */
interface PlayPlan {
  format: StreamFormat
  manifestUrl: string
  startAt: number
  config: PlayShakaConfig
}

function applyRate(video: HTMLVideoElement, rate: PlaybackRate): void {
  video.defaultPlaybackRate = rate
  video.playbackRate = rate
}

/** The play whose loader and unloader the SDK VideoPlayer (one per app) calls: only it may close the video. */
let videoOwner: PlayerController | null = null

/** Events are sent every 30 s while playing, or sooner when a batch is full, and at stop. */
const QOE_FLUSH_INTERVAL_MS = 30_000
/** Hold the last seek target this long so quick repeated presses add up. */
const SEEK_SETTLE_MS = 1000

/** Where a play starts: Play where the viewer left the title or episode, Start over and a trailer at the start. */
function resumedFrom(request: PlayRequest, playback: PlaybackResponse): number {
  return request.mode === 'play' ? playback.resumePositionSeconds : 0
}

/**
 * One play of one title, start to stop: authorises it, checks support, builds
 * Shaka's configuration, loads through the SDK VideoPlayer (Shaka as its
 * loader), runs the state machine, recovers from network loss, renews the
 * license token, saves progress and reports QoE. The Player page drives it
 * with keys and draws what it reports.
 */
export class PlayerController {
  private state: PlayerState = 'idle'
  private problem: PlayerProblem | null = null
  private engine: ShakaEngine | null = null
  private playback: PlaybackResponse | null = null
  private manifestUrl: string | null = null
  /** Where the next load starts: the resume position, or where a failed play stood. */
  private startAt = 0
  private title: PlaybackTitle | null = null
  /** The licence token and the HLS key URL it also goes to; null for a clear play. */
  private licence: Licence | null = null
  private renewTimer: ReturnType<typeof setTimeout> | null = null
  private retryTimer: ReturnType<typeof setTimeout> | null = null
  private flushTimer: ReturnType<typeof setInterval> | null = null
  private seekTarget: { seconds: number; at: number } | null = null
  /** The seek target is not sought yet: a held key moves it, its release seeks (commitSeek). */
  private seekDeferred = false
  private streamingRetries = 0
  /** Renewals after the license server said the token expired: one per play, so a wrong clock cannot loop. */
  private expiryRenewals = 0
  private renewingExpiredToken = false
  private stopped = false
  /** The app is in the background (setBackground). */
  private inBackground = false
  private rate: PlaybackRate = 1
  private preferences: TrackPreferences
  private progress: ProgressSaver | null = null
  private video: HTMLVideoElement | null = null
  private readonly subtitles = new LightningTextDisplayer()
  private readonly qoe: QoeRecorder
  private readonly videoListeners: Array<[keyof HTMLMediaElementEventMap, () => void]> = [
    ['playing', () => this.onPlaying()],
    ['pause', () => this.dispatch('paused')],
    ['ended', () => this.dispatch('ended')],
  ]
  private readonly onBrowserOnline = (): void => this.retryNow()

  /** Until the Player page binds its callbacks (a play started at the Play press): nothing drawn yet, a denial kept for it. */
  private callbacks: PlayerCallbacks | null = null
  private deniedBeforeBind = false
  /** The authorisation got by prepare(), null when it failed. */
  private ahead: Promise<Authorised | null> | null = null
  private preloaded: PreloadHandle | null = null

  /** `title`: the title as the page that started the play has it (Details), so the play does not ask for it again. */
  constructor(
    readonly request: PlayRequest,
    private readonly env: PlayerEnvironment,
    title: PlaybackTitle | null = null,
  ) {
    this.qoe = new QoeRecorder(request.titleId, Date.now)
    this.preferences = readTrackPreferences(env.viewer)
    this.title = title
  }

  /** The page that draws this play: it hears the current state at once, then every change. */
  bind(callbacks: PlayerCallbacks): void {
    this.callbacks = callbacks
    if (this.deniedBeforeBind) return callbacks.onDenied()
    if (this.state !== 'idle') callbacks.onState(this.state)
  }

  get currentState(): PlayerState {
    return this.state
  }

  get currentProblem(): PlayerProblem | null {
    return this.problem
  }

  get titleName(): string {
    return this.title?.title ?? ''
  }

  /** The title as this play has it (given or fetched), for the next play of the same title; null until it is in. */
  get playbackTitle(): PlaybackTitle | null {
    return this.title
  }

  /**
   * The episode this play is of: the one asked for, or for a series asked with none (a launcher's link)
   * the one the authorisation chose.
   */
  private get episodeId(): string | null {
    return this.request.episodeId ?? this.playback?.episodeId ?? null
  }

  /** The episode playing and its season, or null for a film, a trailer or before the title is in. */
  get episode(): PlayerEpisode | null {
    return this.episodeId ? this.episodeById(this.episodeId) : null
  }

  /** This play's opening titles, which it offers to skip; null for a film, a trailer or unmarked media. */
  get intro(): PlaySpan | null {
    return this.playback?.intro ?? null
  }

  /** Where this play went on from, where the viewer left it before; 0 when it started at the start. */
  get resumedFromSeconds(): number {
    return this.playback ? resumedFrom(this.request, this.playback) : 0
  }

  /** The episode after this one (into the next season), offered at the end; null for a film, a trailer or the last episode. */
  get upNext(): PlayerEpisode | null {
    return this.episodeBeside(episodeAfter)
  }

  /** The episode before this one (back into the season before); null for a film, a trailer or the first episode. */
  get previousEpisode(): PlayerEpisode | null {
    return this.episodeBeside(episodeBefore)
  }

  private episodeBeside(pick: (episodes: readonly EpisodeRef[], episodeId: string) => EpisodeRef | null): PlayerEpisode | null {
    const episodeId = this.episodeId
    if (this.request.mode === 'trailer' || !episodeId || !this.title) return null
    const beside = pick(episodesInOrder(this.title.seasons), episodeId)
    return beside ? this.episodeById(beside.id) : null
  }

  private episodeById(id: string): PlayerEpisode | null {
    for (const season of this.title?.seasons ?? []) {
      const episode = season.episodes.find((e) => e.id === id)
      if (episode) return { id, season: season.number, number: episode.number, title: episode.title }
    }
    return null
  }

  get positionSeconds(): number {
    if (this.seekTarget) return this.seekTarget.seconds
    return this.video?.currentTime ?? 0
  }

  get durationSeconds(): number {
    const duration = this.video?.duration
    if (duration && Number.isFinite(duration)) return duration
    return this.playback?.durationSeconds ?? 0
  }

  get subtitleText(): string {
    return this.subtitles.textAt(this.video?.currentTime ?? 0)
  }

  get audioTracks(): Track[] {
    return this.engine?.audioTracks() ?? []
  }

  get textTracks(): Track[] {
    return this.engine?.textTracks() ?? []
  }

  get quality(): QoeSnapshot {
    return this.qoe.snapshot()
  }

  /**
   * Ahead of the Play press, for a play that asks nothing and writes nothing
   * (domain playsWithoutAsking): authorises it and has the Shaka player
   * preload its manifest, licence and first segments, so start() begins with
   * them. A failure here is left for start() to meet again and report.
   */
  prepare(): void {
    this.ahead = this.authorise().then(
      async (authorised) => {
        const plan = this.planOf(authorised)
        // Cannot play here: start() reports it from this authorisation.
        if ('kind' in plan || this.stopped) return authorised
        this.licence = licenceOf(authorised.playback)
        const engine = await ShakaEngine.ready(videoPlayer._videoEl, engineShakaConfig(this.env))
        if (!this.stopped) this.preloaded = engine.preload(plan.manifestUrl, plan.startAt, plan.config, (kind, url) => this.headersFor(kind, url))
        return authorised
      },
      () => null,
    )
  }

  /** A prepared play that will not start (the viewer left Details another way): its preload is dropped. */
  discard(): void {
    this.stopped = true
    void this.ahead?.then(() => this.preloaded?.discard())
  }

  async start(): Promise<void> {
    this.dispatch('load')
    this.qoe.loadStarted()
    // The title (the header's name, the episodes) never holds up the load: given by Details or fetched, it fills in when it comes.
    void this.loadTitle()
    const ahead = this.ahead ? await this.ahead : null
    this.ahead = null
    let authorised: Authorised
    if (ahead && aheadStillUsable(ahead, Date.now())) {
      authorised = ahead
    } else {
      try {
        authorised = await this.authorise()
      } catch (error) {
        if (this.stopped) return
        if (error instanceof AppError && error.kind === 'not-entitled') return this.denied()
        if (error instanceof AppError && error.transient) return this.waitForNetworkThenStart()
        return this.fail({ kind: 'api', code: error instanceof AppError ? (error.code ?? error.status) : null })
      }
    }
    if (this.stopped) return
    this.playback = authorised.playback
    // The first play of a rental started its 48 h window: Details and the badges must say so.
    if (authorised.playback.rentalStarted) announceChange('entitlements')
    const plan = this.planOf(authorised)
    if ('kind' in plan) return this.fail(plan)
    this.manifestUrl = plan.manifestUrl
    this.qoe.stream(plan.format)
    this.licence = licenceOf(authorised.playback)
    this.scheduleRenewal()
    this.startAt = plan.startAt

    videoOwner = this
    videoPlayer.loader((url, video) => this.loadInto(video, url, plan.config))
    videoPlayer.unloader(() => this.unload())
    videoPlayer.open(plan.manifestUrl)

    const { titleId, mode } = this.request
    const episodeId = this.episodeId
    if (mode !== 'trailer') {
      this.progress = new ProgressSaver(
        () => (this.state === 'idle' || this.state === 'loading' || this.state === 'error' ? null : { positionSeconds: this.positionSeconds, durationSeconds: this.durationSeconds }),
        (position) => saveProgress(api(), titleId, { ...position, ...(episodeId ? { episodeId } : {}) }),
        plan.startAt,
      )
      this.progress.start()
    }
    this.flushTimer = setInterval(() => void this.flushQoe(), QOE_FLUSH_INTERVAL_MS)
    window.addEventListener('online', this.onBrowserOnline)
  }

  /** POST /v1/playback, with the device's support probed beside it (read-only and local). */
  private async authorise(): Promise<Authorised> {
    const probed = probeSupport(this.env.keySystems)
    const playback = await this.requestPlayback()
    return { playback, support: await probed, at: Date.now() }
  }

  /**
   * POST /v1/playback for this play: the first authorisation and each token renewal (of the episode first authorised).
   * A renewal names the play it continues by its token, so a rental's play started in time finishes after the window.
   */
  private requestPlayback(): Promise<PlaybackResponse> {
    const { titleId, mode } = this.request
    const episodeId = this.episodeId
    const continuing = this.playback?.drm?.licenseToken
    return authorisePlayback(api(), titleId, {
      ...(mode === 'trailer' ? { trailer: true } : {}),
      ...(episodeId ? { episodeId } : {}),
      ...(continuing ? { continuing } : {}),
    })
  }

  /** What to load and how, from the authorisation and the device: or why it cannot play here. */
  private planOf({ playback, support }: Authorised): PlayPlan | PlayerProblem {
    const manifest = chooseManifest(playback.manifests, support, this.env.streamFormat)
    if (!support.browserSupported || !manifest) return { kind: 'unsupported', code: null }
    const drm = playback.drm
    const licenseServers = drm ? licenseServersFor(this.env.keySystems, this.env.licenseOverrides, drm.keySystems, support.keySystems) : []
    // shaka.util.Error.Code.REQUESTED_KEY_SYSTEM_CONFIG_UNAVAILABLE: none of our key systems works here.
    if (drm && licenseServers.length === 0) return { kind: 'drm', code: 6001 }
    return {
      format: manifest.kind,
      manifestUrl: manifest.url,
      startAt: resumedFrom(this.request, playback),
      config: playShakaConfig({
        licenseServers,
        audioLanguage: this.preferences.audioLanguage,
        textLanguage: this.preferences.textLanguage,
        videoHeight: this.preferences.videoHeight,
        panelHeight: this.env.panel.height,
      }),
    }
  }

  /** The title's name and episodes, when the page that started the play did not give them; without them the play goes on, its header empty. */
  private async loadTitle(): Promise<void> {
    if (this.title) return
    try {
      this.title = await playbackTitle(api(), this.request.titleId)
    } catch {
      return
    }
  }

  /** Stops playback, saves where it stopped, and reports the play. Safe to call more than once. */
  async stop(): Promise<void> {
    if (this.stopped) return
    this.stopped = true
    const position = this.positionSeconds
    this.clearTimers()
    // Stopped before its load took the preload over.
    this.preloaded?.discard()
    window.removeEventListener('online', this.onBrowserOnline)
    // The last position is read now and saved in the background: the video closes at once, not after the
    // save answers (a late close would unload the next play, which by then has the video).
    const saving = this.progress ? this.progress.stop() : Promise.resolve(false)
    if (this.state !== 'idle') this.qoe.ended(position)
    if (videoOwner === this) {
      videoOwner = null
      allowScreenSaver(true, this.env.platform)
      videoPlayer.close()
    } else {
      // Another play has the video already: only this play's listeners come off it.
      this.detachVideo()
    }
    this.dispatch('stop')
    if (await saving) announceChange('progress')
    await this.flushQoe(true)
  }

  togglePlay(): void {
    if (!isControllable(this.state)) return
    if (this.state === 'paused' || this.state === 'ended') this.play()
    else this.pause()
  }

  play(): void {
    if (!isControllable(this.state)) return
    if (this.state === 'ended') this.seekTo(0)
    videoPlayer.play()
  }

  pause(): void {
    if (isControllable(this.state)) videoPlayer.pause()
  }

  /**
   * The app went to the background (the TV's Home key, another app) or came back. In the background the play
   * pauses and its place is saved at once, as a TV may end a background app unasked; one that starts playing
   * there (sent away while it loaded) pauses as it starts. Back in front it stays paused for the viewer.
   */
  setBackground(background: boolean): void {
    this.inBackground = background
    if (!background) return
    this.pause()
    void this.progress?.saveNow().then((saved) => {
      if (saved) announceChange('progress')
    })
  }

  /**
   * Seeks relative to where the viewer is going (presses in quick succession add up); the time it goes to, null
   * when it cannot. `defer` only moves where it goes (a held key scrubbing): `commitSeek()` then seeks there.
   */
  seekBy(seconds: number, options: { defer?: boolean } = {}): number | null {
    if (!isControllable(this.state)) return null
    const from = this.seekTarget && Date.now() - this.seekTarget.at < SEEK_SETTLE_MS ? this.seekTarget.seconds : (this.video?.currentTime ?? 0)
    return this.seekAt(from + seconds, options)
  }

  /** Seeks to `seconds` into the play, kept inside it; the time it goes to, null when it cannot. `defer` as seekBy's. */
  seekAt(seconds: number, options: { defer?: boolean } = {}): number | null {
    if (!isControllable(this.state)) return null
    const target = Math.max(0, Math.min(seconds, Math.max(0, this.durationSeconds - 1)))
    this.seekTarget = { seconds: target, at: Date.now() }
    this.seekDeferred = options.defer ?? false
    if (!this.seekDeferred) this.seekTo(target)
    return target
  }

  /** Seeks to where deferred seeks went (the held key let go); nothing when none waits. */
  commitSeek(): void {
    if (!this.seekDeferred || !this.seekTarget) return
    this.seekDeferred = false
    // Counted from now: presses right after the release add to this seek.
    this.seekTarget = { seconds: this.seekTarget.seconds, at: Date.now() }
    this.seekTo(this.seekTarget.seconds)
  }

  /** The play's seek preview picture for `seconds`, where its manifest has them. */
  thumbnailAt(seconds: number): Promise<Thumbnail | null> {
    return this.engine?.thumbnailAt(seconds) ?? Promise.resolve(null)
  }

  /**
   * Seeks on the video element itself: the SDK's seek() does nothing when the <video> has no `src`
   * attribute, and Shaka attaches its MediaSource through a <source> child (`mediaSource.useSourceElements`).
   */
  private seekTo(seconds: number): void {
    if (this.video) this.video.currentTime = seconds
  }

  selectAudio(language: string): void {
    this.engine?.selectAudio(language)
    this.preferences = rememberTrackPreferences(this.env.viewer, { audioLanguage: language })
  }

  /** Subtitles in `language`, or off for null. */
  selectText(language: string | null): void {
    this.engine?.selectText(language)
    this.preferences = rememberTrackPreferences(this.env.viewer, { textLanguage: language })
  }

  /** What the settings menu (Down) offers, each with its current choice. */
  get trackChoices(): TrackChoices {
    return { audio: this.audioTracks, text: this.textTracks, subtitleSize: this.subtitleSize, rate: this.rate, quality: this.qualityChoices }
  }

  private get qualityChoices(): QualityChoices {
    const heights = this.qualityHeights
    return { heights, pinned: pinnedHeight(this.preferences.videoHeight, heights), showing: this.engine?.pictureHeight() ?? null }
  }

  private get qualityHeights(): number[] {
    return qualityHeights(this.engine?.videoHeights() ?? [], this.env.panel.height)
  }

  /** The picture's Quality for this play and the next ones: a height (switched to at once), or null for Auto. */
  selectQuality(height: number | null): void {
    this.preferences = rememberTrackPreferences(this.env.viewer, { videoHeight: height })
    this.keepToQuality()
  }

  /** Keeps the play to the viewer's Quality as this play's ladder has it. */
  private keepToQuality(): void {
    const pinned = pinnedHeight(this.preferences.videoHeight, this.qualityHeights)
    this.engine?.configureAbr(abrFor(pinned, this.env.panel.height), pinned)
  }

  /** The speed the viewer chose for this play (an episode Up next starts keeps it: startPlay). */
  get playbackRate(): PlaybackRate {
    return this.rate
  }

  /** Shaka follows the element's rate (its rate controller listens to `ratechange`) and fetches for it. */
  setPlaybackRate(rate: PlaybackRate): void {
    this.rate = rate
    if (this.video) applyRate(this.video, rate)
  }

  /** How large the viewer has subtitles drawn (the page draws them). */
  get subtitleSize(): SubtitleSize {
    return this.preferences.subtitleSize
  }

  setSubtitleSize(size: SubtitleSize): void {
    this.preferences = rememberTrackPreferences(this.env.viewer, { subtitleSize: size })
  }

  /** The VideoPlayer loader: the kept Shaka player, bound to this play, on the SDK's video element. */
  private async loadInto(video: HTMLVideoElement, url: string, config: PlayShakaConfig): Promise<void> {
    // A reload after a failed load: the previous load is released first.
    if (this.engine) await this.unload()
    this.video = video
    // The element outlives plays: it starts at this play's speed (Shaka's load takes the default rate).
    applyRate(video, this.rate)
    for (const [event, listener] of this.videoListeners) video.addEventListener(event, listener)
    try {
      const engine = await ShakaEngine.ready(video, engineShakaConfig(this.env))
      if (this.stopped) return
      engine.bind(config, this.subtitles, {
        headersFor: (kind, requestUrl) => this.headersFor(kind, requestUrl),
        onError: (error) => this.onShakaError(error),
        onStreamingFailure: (error) => this.onStreamingFailure(error),
        onBuffering: (buffering) => this.onBuffering(buffering),
        onVariant: (bandwidth, height) => this.qoe.variant(bandwidth, height),
        onNetwork: (ok) => this.onNetwork(ok),
      })
      this.engine = engine
      await engine.load(url, this.startAt)
      // Back pressed while loading: the unloader ran before there was anything to unload.
      if (this.stopped) return this.unload()
      this.qoe.drm(engine.keySystem())
      // The load pinned the height chosen in another play; where this one's ladder lacks it, ABR took its lowest: the
      // nearest under it instead.
      const chosen = this.preferences.videoHeight
      if (chosen !== null && pinnedHeight(chosen, this.qualityHeights) !== chosen) this.keepToQuality()
      // Shaka picks the preferred text language but keeps it hidden: show what the viewer chose last time.
      if (this.preferences.textLanguage) engine.selectText(this.preferences.textLanguage)
    } catch (error) {
      if (!this.stopped) this.onShakaError(asShakaError(error), true)
      throw error
    }
  }

  /** The VideoPlayer unloader. */
  private async unload(): Promise<void> {
    this.detachVideo()
    const engine = this.engine
    this.engine = null
    await engine?.release()
  }

  private detachVideo(): void {
    const video = this.video
    if (video) for (const [event, listener] of this.videoListeners) video.removeEventListener(event, listener)
  }

  private headersFor(kind: RequestKind, url: string): Record<string, string> {
    if (!this.licence || !needsLicenseToken(kind, url, this.licence.hlsKeyUrl)) return {}
    return { Authorization: `Bearer ${this.licence.token}` }
  }

  private dispatch(event: PlayerEvent): void {
    const next = nextState(this.state, event)
    if (next === this.state) return
    this.state = next
    // The TV's screen saver waits while the picture moves (or is about to), and may come over a paused one.
    if (videoOwner === this) allowScreenSaver(next !== 'playing' && next !== 'buffering', this.env.platform)
    this.callbacks?.onState(next)
  }

  private denied(): void {
    if (this.callbacks) this.callbacks.onDenied()
    else this.deniedBeforeBind = true
  }

  private onPlaying(): void {
    // Playing at the sought point; a held key's target still waits for its release.
    if (!this.seekDeferred) this.seekTarget = null
    this.streamingRetries = 0
    this.qoe.firstFrame()
    this.dispatch('playing')
    if (this.inBackground) this.pause()
  }

  private onBuffering(buffering: boolean): void {
    if (buffering) {
      this.qoe.bufferingStarted()
      this.dispatch('waiting')
      return
    }
    this.qoe.bufferingEnded()
    if (this.video?.paused) this.dispatch(this.state === 'reconnecting' ? 'recovered' : 'paused')
    else if (this.state !== 'loading') this.dispatch('playing')
  }

  /** A media request failed with no answer (offline) or succeeded again. */
  private onNetwork(ok: boolean): void {
    if (!ok) {
      if (this.state !== 'idle' && this.state !== 'error') this.dispatch('networkLost')
      return
    }
    if (this.state !== 'reconnecting') return
    this.streamingRetries = 0
    if (this.video?.paused) this.dispatch('recovered')
    else if (this.video && this.video.readyState >= HTMLMediaElement.HAVE_FUTURE_DATA) this.dispatch('playing')
  }

  private onShakaError(error: ShakaErrorLike | null, duringLoad = false): void {
    if (this.stopped) return
    const code = error?.code ?? 'unknown'
    const failure: PlayerFailure = error ? classifyShakaError(error) : { kind: 'playback', code: 0 }
    const fatal = duringLoad || (error?.severity === CRITICAL && failure.kind !== 'network')
    this.qoe.error(code, fatal)
    if (failure.kind === 'network') {
      this.dispatch('networkLost')
      // A load that failed for the network has nothing to retry inside Shaka, nor has a license request
      // whose connection dropped (Shaka gives up on the key session): load again once it is back.
      if (duringLoad || error?.code === CODE.LICENSE_REQUEST_FAILED) this.scheduleRetry(() => this.reload())
      return
    }
    if (!fatal) return
    if (failure.kind === 'denied') {
      void this.stop()
      this.denied()
      return
    }
    if (failure.kind === 'expired') {
      // Shaka reports one refusal both as an error event and as the load's rejection: renew once for both.
      if (this.renewingExpiredToken) return
      if (this.expiryRenewals === 0) return void this.renewExpiredToken()
    }
    this.fail({ kind: failure.kind === 'expired' ? 'drm' : failure.kind, code: failure.code })
  }

  /** The license server refused the token as expired: get a new one (POST /v1/playback) and load again where we were. */
  private async renewExpiredToken(): Promise<void> {
    this.expiryRenewals++
    this.renewingExpiredToken = true
    if (this.renewTimer) clearTimeout(this.renewTimer)
    this.renewTimer = null
    try {
      await this.renewLicenseToken()
    } finally {
      this.renewingExpiredToken = false
    }
    if (!this.stopped) this.reload()
  }

  /** Shaka leaves VOD streaming stopped after a failure; retry with backoff until the network returns. */
  private onStreamingFailure(error: ShakaErrorLike): void {
    if (classifyShakaError(error).kind !== 'network') return
    this.dispatch('networkLost')
    this.scheduleRetry(() => {
      if (this.engine && !this.engine.retryStreaming()) this.reload()
    })
  }

  private scheduleRetry(retry: () => void): void {
    if (this.retryTimer || this.stopped) return
    this.streamingRetries++
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null
      if (!this.stopped) retry()
    }, streamingRetryDelayMs(this.streamingRetries))
  }

  /** The browser says the network is back: retry at once instead of waiting out the backoff. */
  private retryNow(): void {
    if (this.state !== 'reconnecting' || !this.engine) return
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.retryTimer = null
    this.engine.retryStreaming()
  }

  /** Loads the title again where it was (after a failed load), through the VideoPlayer so it shows and plays as on the first open. */
  private reload(): void {
    if (!this.manifestUrl || this.stopped) return
    // Nothing loaded yet (the first load failed): keep the resume position.
    if (this.video && this.video.readyState > HTMLMediaElement.HAVE_NOTHING) this.startAt = this.positionSeconds
    videoPlayer.open(this.manifestUrl)
  }

  /** Before an API call fails for the network: retry the authorisation with backoff while "reconnecting". */
  private waitForNetworkThenStart(): void {
    this.dispatch('networkLost')
    this.scheduleRetry(() => void this.start())
  }

  /** Long sessions outlive the 5-minute license token: ask for a new one before it runs out. */
  private scheduleRenewal(): void {
    const drm = this.playback?.drm
    if (!drm || this.stopped) return
    this.renewTimer = setTimeout(() => void this.renewLicenseToken(), licenseRenewDelayMs(drm.licenseTokenExpiresAt, Date.now()))
  }

  private async renewLicenseToken(): Promise<void> {
    try {
      const renewed = await this.requestPlayback()
      if (this.stopped) return
      this.playback = { ...renewed, resumePositionSeconds: this.playback?.resumePositionSeconds ?? 0 }
      this.licence = licenceOf(renewed) ?? this.licence
      this.scheduleRenewal()
    } catch (error) {
      if (this.stopped) return
      if (error instanceof AppError && error.kind === 'not-entitled') {
        await this.stop()
        this.denied()
        return
      }
      // Keep the current token and try again soon: playback goes on with the keys it has.
      this.renewTimer = setTimeout(() => void this.renewLicenseToken(), streamingRetryDelayMs(3))
    }
  }

  private fail(problem: PlayerProblem): void {
    this.problem = problem
    this.clearTimers()
    this.dispatch('fatal')
    void this.flushQoe(true)
  }

  private clearTimers(): void {
    for (const timer of [this.renewTimer, this.retryTimer]) if (timer) clearTimeout(timer)
    if (this.flushTimer) clearInterval(this.flushTimer)
    this.renewTimer = this.retryTimer = this.flushTimer = null
  }

  private async flushQoe(everything = false): Promise<void> {
    do {
      const batch = this.qoe.drain(MAX_EVENTS_PER_REQUEST)
      if (batch.length === 0) return
      try {
        await sendEvents(api(), batch)
      } catch {
        // Offline: keep them for the next flush (a stop while offline loses them; QoE is best effort).
        this.qoe.requeue(batch)
        return
      }
    } while (everything)
  }
}
