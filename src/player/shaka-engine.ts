import type shaka from 'shaka-player'
import { noPlayShakaConfig, playShakaConfigChange, type EngineShakaConfig, type PlayAbrConfig, type PlayShakaConfig } from './config'
import { CurrentPlayTextDisplayer, type LightningTextDisplayer } from './subtitles'
import { asShakaError, CODE, type ShakaErrorLike } from './errors'
import { loadShaka, type Shaka } from './shaka-loader'

/**
 * The one place that uses Shaka at run time (its file loaded by
 * shaka-loader.ts): polyfills, the support probe, and the Shaka player the
 * VideoPlayer loader plays through (one per video element, kept between plays).
 */

let polyfilled = false

/** Shaka, loaded (its own file) and its polyfills installed once. */
async function readyShaka(): Promise<Shaka> {
  const shaka = await loadShaka()
  if (!polyfilled) {
    shaka.polyfill.installAll()
    polyfilled = true
  }
  return shaka
}

export interface SupportReport {
  /** Shaka can play adaptive streams here (MSE, or native HLS). */
  browserSupported: boolean
  mse: boolean
  nativeHls: boolean
  /** The key systems from the wanted list that the device grants. */
  keySystems: ReadonlySet<string>
}

const PROBE_CONFIG: MediaKeySystemConfiguration[] = [
  {
    initDataTypes: ['cenc'],
    videoCapabilities: [{ contentType: 'video/mp4; codecs="avc1.64001f"' }],
    audioCapabilities: [{ contentType: 'audio/mp4; codecs="mp4a.40.2"' }],
  },
]

async function keySystemGranted(keySystem: string): Promise<boolean> {
  if (typeof navigator.requestMediaKeySystemAccess !== 'function') return false
  try {
    await navigator.requestMediaKeySystemAccess(keySystem, PROBE_CONFIG)
    return true
  } catch {
    return false
  }
}

const probedKeySystems = new Map<string, Promise<boolean>>()
const engines = new Map<HTMLVideoElement, Promise<ShakaEngine>>()
/** A Quality switch keeps this much of what is buffered ahead: the picture goes on while the new rendition comes. */
const SWITCH_SAFE_MARGIN_SECONDS = 1

/** Shaka's own check plus an EME probe of each wanted key system (remembered: a TV's answer does not change). */
export async function probeSupport(wantedKeySystems: readonly string[]): Promise<SupportReport> {
  const shaka = await readyShaka()
  const granted = await Promise.all(
    wantedKeySystems.map(async (keySystem) => {
      let probe = probedKeySystems.get(keySystem)
      if (!probe) {
        probe = keySystemGranted(keySystem)
        probedKeySystems.set(keySystem, probe)
      }
      return (await probe) ? keySystem : null
    }),
  )
  const video = document.createElement('video')
  return {
    browserSupported: shaka.Player.isBrowserSupported(),
    mse: typeof window.MediaSource === 'function' || 'ManagedMediaSource' in window,
    nativeHls: video.canPlayType('application/vnd.apple.mpegurl') !== '',
    keySystems: new Set(granted.filter((k): k is string => k !== null)),
  }
}

export type RequestKind = 'license' | 'key' | 'other'

export interface EngineHooks {
  /** Headers to add to a request of this kind and URL (the license token). */
  headersFor(kind: RequestKind, url: string): Record<string, string>
  /** Any error Shaka reports (recoverable or not), after load started. */
  onError(error: ShakaErrorLike): void
  /** Shaka's streaming failure callback: a VOD streaming failure Shaka would otherwise leave stuck. */
  onStreamingFailure(error: ShakaErrorLike): void
  onBuffering(buffering: boolean): void
  /** A new rendition plays (ABR switch or a track choice). */
  onVariant(bandwidth: number, height: number | null): void
  /** A segment or manifest request failed without an answer (offline), or one succeeded again. */
  onNetwork(ok: boolean): void
}

interface Preloaded {
  /** Which load may take it over: the same manifest, start and play settings. */
  key: string
  /** The play's licence token, for the preload's licence request. */
  headersFor: EngineHooks['headersFor']
  /** Null when Shaka could not preload or it was dropped before it started (the load then fetches everything). */
  manager: Promise<shaka.media.PreloadManager | null>
}

/** A preload's owner drops it with this when its play will not start. */
export interface PreloadHandle {
  discard(): void
}

function preloadKey(url: string, startSeconds: number, config: PlayShakaConfig): string {
  return JSON.stringify([url, startSeconds, config])
}

export interface Track {
  language: string
  label: string | null
  active: boolean
}

/** A seek preview picture: the tile at (x, y), width×height in the sheet's pixels, of the sprite sheet at `url`. */
export interface Thumbnail {
  url: string
  x: number
  y: number
  width: number
  height: number
}

/**
 * The one Shaka player, attached to the SDK's video element ahead of the
 * first play and kept between plays (unloaded, not destroyed): creating it
 * and setting up its MediaSource then costs nothing at Play. What is the same
 * for every play (retries, buffers, the text displayer, the failure callback)
 * is configured once, with it; each play binds its hooks and configures only
 * what differs from the play before: each configure() clones, merges and
 * reapplies Shaka's whole configuration, and the reset and two configure()
 * calls every Play used to make cost ~55 ms of main thread at 4x throttling.
 */
export class ShakaEngine {
  private readonly player: shaka.Player
  private hooks: EngineHooks | null = null
  private readonly texts = new CurrentPlayTextDisplayer()
  private engineConfig: string
  private playConfig: PlayShakaConfig
  /** The previous play's unload, which a preload waits for (it sets the ABR factory the next load must see). */
  private releasing: Promise<void> = Promise.resolve()
  /** A play's manifest, keys and first segments fetched ahead of its load (see preload()). */
  private preloaded: Preloaded | null = null
  /** The play's rendition heights as it loaded, before ABR could ban any. */
  private loadedHeights: number[] = []

  private constructor(
    private readonly shaka: Shaka,
    player: shaka.Player,
    config: EngineShakaConfig,
  ) {
    this.player = player
    this.engineConfig = JSON.stringify(config)
    const noPlay = noPlayShakaConfig(config.abr.restrictions.maxHeight)
    this.playConfig = noPlay
    player.configure({
      ...config,
      ...noPlay,
      drm: { ...config.drm, ...noPlay.drm },
      abr: { ...noPlay.abr, restrictions: { ...config.abr.restrictions, ...noPlay.abr.restrictions } },
      // Shaka checks the factory's arity: it is called with the player.
      textDisplayFactory: (_player: shaka.Player) => this.texts,
      streaming: {
        ...config.streaming,
        failureCallback: (error: shaka.util.Error) => {
          const shaped = asShakaError(error)
          if (shaped) this.hooks?.onStreamingFailure(shaped)
        },
      },
    })
    const RequestType = shaka.net.NetworkingEngine.RequestType
    const kindOf = (type: shaka.net.NetworkingEngine.RequestType): RequestKind =>
      type === RequestType.LICENSE ? 'license' : type === RequestType.KEY ? 'key' : 'other'
    // Shaka copies this filter into a preload's own networking engine: it reads the hooks at request time.
    player.getNetworkingEngine()?.registerRequestFilter((type, request) => {
      const headersFor = this.hooks?.headersFor ?? this.preloaded?.headersFor
      if (headersFor) Object.assign(request.headers, headersFor(kindOf(type), request.uris[0] ?? ''))
    })
    const media = (type: unknown): boolean => type === RequestType.SEGMENT || type === RequestType.MANIFEST
    player.addEventListener('downloadfailed', (event) => {
      const detail = event as unknown as { requestType: unknown; error: unknown; aborted: boolean }
      // Only "no answer at all" is network loss: Shaka's own aborts (ABR switches) and HTTP statuses are not.
      const code = asShakaError(detail.error)?.code
      if (media(detail.requestType) && !detail.aborted && (code === CODE.HTTP_ERROR || code === CODE.TIMEOUT)) this.hooks?.onNetwork(false)
    })
    player.addEventListener('downloadcompleted', (event) => {
      if (media((event as unknown as { requestType: unknown }).requestType)) this.hooks?.onNetwork(true)
    })
    player.addEventListener('error', (event) => {
      const shaped = asShakaError((event as unknown as { detail: unknown }).detail)
      if (shaped) this.hooks?.onError(shaped)
    })
    player.addEventListener('buffering', (event) => this.hooks?.onBuffering((event as unknown as { buffering: boolean }).buffering))
    const reportVariant = (): void => {
      const active = player.getVariantTracks().find((t) => t.active)
      if (active) this.hooks?.onVariant(active.bandwidth, active.height)
    }
    player.addEventListener('adaptation', reportVariant)
    player.addEventListener('variantchanged', reportVariant)
    player.addEventListener('loaded', reportVariant)
  }

  /** The engine on this video element, created and attached (MediaSource ready) on first use, with the device's configuration. */
  static async ready(video: HTMLVideoElement, config: EngineShakaConfig): Promise<ShakaEngine> {
    let engine = engines.get(video)
    if (!engine) {
      engine = ShakaEngine.create(video, config)
      engines.set(video, engine)
      // A failed attach is tried again by the next play, not remembered.
      engine.catch(() => engines.delete(video))
    }
    const ready = await engine
    ready.configureEngine(config)
    return ready
  }

  private static async create(video: HTMLVideoElement, config: EngineShakaConfig): Promise<ShakaEngine> {
    const shaka = await readyShaka()
    const player = new shaka.Player()
    // Configured before attach: attaching creates the text displayer from the configured factory.
    const engine = new ShakaEngine(shaka, player, config)
    await player.attach(video)
    return engine
  }

  /** The device's configuration, again only if it changed (it does not within a session: platform and panel are fixed). */
  private configureEngine(config: EngineShakaConfig): void {
    const serialized = JSON.stringify(config)
    if (serialized === this.engineConfig) return
    this.player.configure(config)
    this.engineConfig = serialized
  }

  /** Binds one play's hooks, subtitles and settings; Shaka is configured only where they differ from the previous play's. */
  bind(config: PlayShakaConfig, textDisplayer: LightningTextDisplayer, hooks: EngineHooks): void {
    this.configurePlay(config)
    this.texts.current = textDisplayer
    this.hooks = hooks
  }

  private configurePlay(config: PlayShakaConfig): void {
    const change = playShakaConfigChange(this.playConfig, config)
    if (change) this.player.configure(change)
    this.playConfig = config
  }

  /**
   * Fetches a play's manifest, licence and first segments before its load,
   * while the viewer is still on Details (what Shaka's preload is for); the
   * load of the same play takes them over, any other discards them. Replaces
   * an earlier preload.
   */
  preload(url: string, startSeconds: number, config: PlayShakaConfig, headersFor: EngineHooks['headersFor']): PreloadHandle {
    this.discard(this.preloaded)
    const entry: Preloaded = { key: preloadKey(url, startSeconds, config), headersFor, manager: Promise.resolve(null) }
    this.preloaded = entry
    entry.manager = this.releasing
      .then(async () => {
        // Taken over or dropped meanwhile, or a play is on: nothing to preload.
        if (this.preloaded !== entry || this.hooks) return null
        // Shaka keeps every preload it made in a list until this: without it each one leaked (npm run bench -- memory).
        // No play is bound, so none of them is being loaded.
        await this.player.destroyAllPreloads()
        if (this.preloaded !== entry || this.hooks) return null
        // The play's settings go on the player itself: the preload copies them, and the load then finds nothing to change.
        this.configurePlay(config)
        // Throws rather than reporting an error event where Shaka cannot preload (src= playback): the load fetches everything then.
        return this.player.preload(url, startSeconds > 0 ? startSeconds : null, undefined, undefined, true)
      })
      .catch(() => null)
    return { discard: () => this.preloaded === entry && this.discard(entry) }
  }

  /** Drops a preload no load took over. */
  private discard(dropped: Preloaded | null): void {
    if (!dropped) return
    if (this.preloaded === dropped) this.preloaded = null
    void dropped.manager.then((manager) => manager?.destroy())
  }

  /** Loads the manifest and starts streaming at `startSeconds` (resume), from its preload when there is one. */
  async load(url: string, startSeconds: number): Promise<void> {
    const preloaded = this.preloaded
    this.preloaded = null
    let manager: shaka.media.PreloadManager | null = null
    if (preloaded?.key === preloadKey(url, startSeconds, this.playConfig)) manager = await preloaded.manager
    else this.discard(preloaded)
    await this.player.load(manager ?? url, startSeconds > 0 ? startSeconds : null)
    this.loadedHeights = this.player.getVariantTracks().flatMap((track) => (track.height ? [track.height] : []))
  }

  /** Streams again after a failure; false when Shaka has nothing to retry. */
  retryStreaming(): boolean {
    return this.player.retryStreaming()
  }

  keySystem(): string | null {
    return this.player.keySystem() || null
  }

  audioTracks(): Track[] {
    const byLanguage = new Map<string, Track>()
    for (const t of this.player.getAudioTracks()) {
      const known = byLanguage.get(t.language)
      byLanguage.set(t.language, { language: t.language, label: t.label, active: t.active || (known?.active ?? false) })
    }
    return [...byLanguage.values()]
  }

  textTracks(): Track[] {
    const byLanguage = new Map<string, Track>()
    for (const t of this.player.getTextTracks()) {
      const known = byLanguage.get(t.language)
      byLanguage.set(t.language, { language: t.language, label: t.label, active: t.active || (known?.active ?? false) })
    }
    return [...byLanguage.values()]
  }

  /**
   * The heights of the play's video renditions, as it loaded: Shaka's track list later leaves out a rendition ABR
   * has banned a while for dropped frames, and the viewer may still pin it.
   */
  videoHeights(): number[] {
    return this.loadedHeights
  }

  /** The height of the picture showing (what is buffered ahead may be another rendition's); null before one shows. */
  pictureHeight(): number | null {
    const video = this.player.getMediaElement()
    return video instanceof HTMLVideoElement && video.videoHeight > 0 ? video.videoHeight : null
  }

  /**
   * ABR from now, kept for the next play's comparison; a pinned height is switched to at once (the next second kept,
   * so the picture does not stop), with the audio playing now. Back to Auto, ABR moves on its own.
   */
  configureAbr(abr: PlayAbrConfig, pinned: number | null): void {
    this.configurePlay({ ...this.playConfig, abr })
    if (pinned === null) return
    const tracks = this.player.getVariantTracks()
    const language = tracks.find((track) => track.active)?.language
    const target = tracks.find((track) => track.height === pinned && track.language === language) ?? tracks.find((track) => track.height === pinned)
    // Even when it is the variant streaming now: what is buffered ahead may be another height (ABR's last switch).
    if (target) this.player.selectVariantTrack(target, true, SWITCH_SAFE_MARGIN_SECONDS)
  }

  selectAudio(language: string): void {
    const track = this.player.getAudioTracks().find((t) => t.language === language)
    if (track) this.player.selectAudioTrack(track)
  }

  /** Subtitles in `language`, or none for null. */
  selectText(language: string | null): void {
    const track = language === null ? null : this.player.getTextTracks().find((t) => t.language === language)
    this.player.selectTextTrack(track ?? null)
  }

  /**
   * The seek preview picture for `seconds` (Shaka's getThumbnails, from the manifest's DASH thumbnail set or HLS
   * image playlist); null where the play has none. A preview is never worth an error: a failure is a null too.
   */
  async thumbnailAt(seconds: number): Promise<Thumbnail | null> {
    try {
      const found = await this.player.getThumbnails(null, seconds)
      const url = found?.uris[0]
      if (!found || !url) return null
      return { url, x: found.positionX, y: found.positionY, width: found.width, height: found.height }
    } catch {
      return null
    }
  }

  /** Ends the play: its hooks stop hearing from Shaka, and the player unloads with a fresh MediaSource for the next one. */
  release(): Promise<void> {
    this.releasing = this.unload()
    return this.releasing
  }

  private async unload(): Promise<void> {
    this.hooks = null
    this.loadedHeights = []
    const textDisplayer = this.texts.current
    // Shaka destroys the text displayer as it unloads: the play's subtitles are cleared as before.
    await this.player.unload(true)
    // A next play may have bound already.
    if (this.texts.current === textDisplayer) this.texts.current = null
    // Shaka keeps its ABR manager across loads while the factory stays the same, and that manager adds two
    // picture-in-picture listeners to the video at every load that only its release() removes (two per play,
    // npm run bench -- memory). A new factory makes the next load release it and create a fresh one.
    const { SimpleAbrManager } = this.shaka.abr
    this.player.configure('abrFactory', () => new SimpleAbrManager())
  }
}
