import { Lightning, Router } from '@lightningjs/sdk'
import { currentLanguage, t, type MessageKey } from '../../i18n'
import { Button } from '../../components/Button/Button'
import { colors, layout, lineLimit, motion, typography } from '../../components/theme'
import type { PageTypeConfig } from '../page'
import { operatorSettings } from '../../settings'
import {
  PlayerController, claimPlay, currentViewer, digitSeekSeconds, isControllable, isPlayMode, playerEnvironment, readTrackPreferences, seekStepSeconds, startPlay,
  type PlayerEpisode, type PlayerProblem, type PlayerState, type PlayRequest, type SubtitleSize,
} from '../../player'
import { formatClock, formatClockSpoken, formatEndsAt } from '../../domain/time'
import { detailsBuyHash, episodeOwnTitle, playHash, withEpisodeProgress, type EpisodeProgress } from '../../domain/browse'
import { asksStillWatching, isInCredits, isPastIntro, offersSkipIntro, skipsCreditsUnasked, skipsIntroUnasked, type OpeningTitlesChoice } from '../../domain/access'
import { menuPanel, TrackMenu } from './TrackMenu'
import { WatchingInfo, type WatchedTitle } from './WatchingInfo'
import { DebugOverlay } from './DebugOverlay'
import { SEEK_PREVIEW_H, SEEK_PREVIEW_W, SeekPreview } from './SeekPreview'
import { seekPreviewX } from './placement'
import { UP_NEXT_SIZE, UpNext } from './UpNext'
import { EpisodeList } from '../../components/EpisodeList/EpisodeList'
import { episodeListHeight, episodeStyle } from '../../components/EpisodeList/EpisodeList.styles'
import { episodeListLabels, episodesWatched } from '../episode-list'
import { showScene } from '../scene'
import { announce } from '../../a11y'
import { isHidden, watchVisibility } from '../../platform/visibility'
import { digitOfKey } from '../../platform'
import { Toast } from '../../widgets/Toast/Toast'

interface PlayerTemplateSpec extends Lightning.Component.TemplateSpec {
  Subtitles: Lightning.Element
  Controls: {
    TopScrim: Lightning.Element
    Title: Lightning.Element
    Mode: Lightning.Element
    BottomScrim: Lightning.Element
    PlayState: Lightning.Element
    Bar: { Fill: Lightning.Element; Knob: Lightning.Element }
    Elapsed: Lightning.Element
    Remaining: Lightning.Element
    EndsAt: Lightning.Element
    Hint: Lightning.Element
  }
  Center: { Spinner: Lightning.Element; Label: Lightning.Element }
  Notice: {
    Background: Lightning.Element
    Title: Lightning.Element
    Message: Lightning.Element
    Code: Lightning.Element
    Back: typeof Button
    Retry: typeof Button
  }
}

const CONTROLS_HIDE_MS = 4000
const TICK_MS = 250
/**
 * A load or stall shorter than this shows no spinner: a spinner that flashes for a quick start is noise, and
 * every frame it turns is a frame drawn over the video while Shaka loads (npm run bench -- ttff).
 */
const SPINNER_DELAY_MS = 500
const BAR_X = layout.safeX
const BAR_Y = 910
const BAR_W = layout.screenW - layout.safeX * 2
/**
 * The seek preview stays this long after the last seek key or after its sheet came in (so a slow sheet's picture is
 * seen), and longer while the video loads the picture there.
 */
const SEEK_PREVIEW_MS = 1500
/** A sheet still loading keeps the preview up this long after the seek at most: the time alone then goes. */
const SEEK_PICTURE_WAIT_MS = 5000
/** Presses closer than this count as a held key (key repeat), which seeks faster. */
const HOLD_GAP_MS = 350
const SUBTITLE_BOTTOM_WITH_CONTROLS = 800
/** Subtitles by the viewer's chosen size (the track menu's Size): standard reads from three metres on a 40" panel. */
const SUBTITLE_TEXT: Record<SubtitleSize, { fontSize: number; lineHeight: number }> = {
  small: { fontSize: 44, lineHeight: 58 },
  standard: { fontSize: 56, lineHeight: 72 },
  large: { fontSize: 72, lineHeight: 92 },
}
const SUBTITLE_BOTTOM = 990
/** What Lightning adds around the subtitle lines it draws (their shadow and band), as measured: 36 px. */
const SUBTITLE_BOX_PADDING = 40
/** The track menu's bottom edge: above two lines of the largest subtitles, so a size is seen as it is chosen. */
const TRACK_MENU_BOTTOM = SUBTITLE_BOTTOM_WITH_CONTROLS - 2 * SUBTITLE_TEXT.large.lineHeight - SUBTITLE_BOX_PADDING - 16
/** Up next over the credits: subtitles stand above its panel, not behind it. */
const SUBTITLE_BOTTOM_OVER_UP_NEXT = layout.screenH - layout.safeY - UP_NEXT_SIZE.h - 24
/** Skip intro sits above the bar's right end, its bottom clear of the end time's line (850). */
const SKIP_INTRO_Y = 754
const SKIP_INTRO_MIN_W = 280
const SKIPPED_NOTE_MS = 3000
/** "Resumed from 12:05 · 0 Start over" stays longer: it offers something to do. */
const RESUMED_NOTE_MS = 5000
/** Around the episode list (Up) inside its panel. */
const EPISODES_PADDING = 24
const EPISODES_PANEL_H = episodeListHeight + EPISODES_PADDING * 2
/** The panel's bottom stands clear of the end time's line (850), as Skip intro's. */
const EPISODES_PANEL_Y = 840 - EPISODES_PANEL_H
const EPISODES_PANEL_W = episodeStyle.visible * (episodeStyle.cardW + episodeStyle.gap) - episodeStyle.gap + EPISODES_PADDING * 2
/** Up next: the seconds before the next episode starts by itself. */
const UP_NEXT_SECONDS = 10
/** Paused this long with no key, the play shows what is paused over the picture dimmed (WatchingInfo). */
const PAUSED_INFO_AFTER_MS = 10_000
/** What is on, shown by the Info key over a playing picture, goes by itself after this: the film is not dimmed for long. */
const INFO_WHILE_PLAYING_MS = 8_000

/** Episodes Up next's countdown started in a row with no key pressed; kept across the Player pages it opens. */
let autoplaysInARow = 0
/** The episode the last play's credits went to with no Up next (Skip automatically): its play says so as it begins. */
let creditsSkippedInto: string | null = null

/** Where the play is now, as the episode list keeps it for its episode. */
function progressIn(controller: PlayerController, episodeId: string): EpisodeProgress {
  return { episodeId, positionSeconds: controller.positionSeconds, durationSeconds: controller.durationSeconds }
}

/** "Season 1 · Episode 2 · Wind Shear": the episode's own name only where it says more than its number. */
function episodeLine(episode: PlayerEpisode): string {
  const own = episodeOwnTitle(episode.number, episode.title)
  return [t('details.season', { number: episode.season }), t('details.episodeNumber', { number: episode.number }), ...(own ? [own] : [])].join(' · ')
}

const PROBLEM_MESSAGES = {
  unsupported: 'player.error.unsupported',
  drm: 'player.error.drm',
  playback: 'player.error.playback',
  api: 'player.error.api',
} as const

/**
 * The Player screen: transparent over the SDK's video element. Title and a
 * progress bar with elapsed and remaining time that hide after a few seconds
 * and return on any key; subtitles drawn large above the video; buffering,
 * reconnecting and error states that always offer a way on. The
 * PlayerController does the playing; this page draws it and maps the keys.
 */
export class PlayerPage
  extends Lightning.Component<PlayerTemplateSpec, PageTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<PlayerTemplateSpec>
{
  static override _template(): Lightning.Component.Template<PlayerTemplateSpec> {
    return {
      w: layout.screenW,
      h: layout.screenH,
      Subtitles: {
        x: layout.screenW / 2,
        y: SUBTITLE_BOTTOM,
        mountX: 0.5,
        mountY: 1,
        zIndex: 5,
        text: {
          text: '',
          ...SUBTITLE_TEXT.standard,
          textAlign: 'center',
          wordWrapWidth: 1500,
          textColor: 0xffffffff,
          shadow: true,
          shadowColor: 0xff000000,
          shadowBlur: 6,
          shadowOffsetX: 2,
          shadowOffsetY: 2,
          highlight: true,
          highlightColor: 0x99000000,
          highlightPaddingLeft: 16,
          highlightPaddingRight: 16,
        },
      },
      Controls: {
        alpha: 0,
        TopScrim: { w: layout.screenW, h: 240, rect: true, colorTop: 0xcc000000, colorBottom: 0x00000000 },
        Title: {
          x: layout.safeX,
          y: layout.safeY,
          text: { text: '', ...typography.title, textColor: colors.text, wordWrapWidth: 1400, ...lineLimit(1) },
        },
        Mode: { x: layout.safeX, y: layout.safeY + 72, text: { text: '', ...typography.caption, textColor: colors.accent, wordWrapWidth: 1400, ...lineLimit(1) } },
        BottomScrim: { y: layout.screenH - 320, w: layout.screenW, h: 320, rect: true, colorTop: 0x00000000, colorBottom: 0xe6000000 },
        PlayState: { x: BAR_X, y: 850, text: { text: '', ...typography.body, textColor: colors.text } },
        Bar: {
          x: BAR_X,
          y: BAR_Y,
          w: BAR_W,
          h: 10,
          rect: true,
          color: 0x55ffffff,
          Fill: { h: 10, w: 0, rect: true, color: colors.accent },
          Knob: { y: 5, mount: 0.5, w: 28, h: 28, rect: true, color: colors.accent, shader: { type: Lightning.shaders.RoundedRectangle, radius: 14 } },
        },
        Elapsed: { x: BAR_X, y: 940, text: { text: '0:00', ...typography.body, textColor: colors.text } },
        Remaining: { x: BAR_X + BAR_W, y: 940, mountX: 1, text: { text: '', ...typography.body, textColor: colors.text } },
        EndsAt: { x: BAR_X + BAR_W, y: 850, mountX: 1, text: { text: '', ...typography.body, textColor: colors.textMuted } },
        Hint: { x: layout.screenW / 2, y: 950, mountX: 0.5, text: { text: '', ...typography.caption, textColor: colors.textMuted } },
      },
      Center: {
        x: layout.screenW / 2,
        y: layout.screenH / 2,
        visible: false,
        Spinner: {
          mount: 0.5,
          w: 96,
          h: 96,
          children: Array.from({ length: 8 }, (_, i) => ({
            x: 48 + Math.cos((i * Math.PI) / 4) * 40 - 8,
            y: 48 + Math.sin((i * Math.PI) / 4) * 40 - 8,
            w: 16,
            h: 16,
            rect: true,
            color: colors.accent,
            alpha: 0.2 + (i / 8) * 0.8,
            shader: { type: Lightning.shaders.RoundedRectangle, radius: 8 },
          })),
        },
        Label: { y: 88, mountX: 0.5, text: { text: '', ...typography.body, textColor: colors.text, shadow: true, shadowColor: 0xff000000 } },
      },
      Notice: {
        x: layout.screenW / 2,
        y: layout.screenH / 2,
        mount: 0.5,
        w: 1100,
        h: 440,
        visible: false,
        zIndex: 10,
        Background: { w: 1100, h: 440, rect: true, color: 0xf21b1b26, shader: { type: Lightning.shaders.RoundedRectangle, radius: layout.radius * 2 } },
        Title: { x: 64, y: 56, text: { text: '', ...typography.title, textColor: colors.text, wordWrapWidth: 972 } },
        Message: { x: 64, y: 140, text: { text: '', ...typography.body, textColor: colors.textMuted, wordWrapWidth: 972, ...lineLimit(3) } },
        Code: { x: 64, y: 264, text: { text: '', ...typography.caption, textColor: colors.danger } },
        Back: { type: Button, x: 64, y: 320 },
        Retry: { type: Button, x: 424, y: 320 },
      },
    }
  }

  private readonly Subtitles = this.getByRef('Subtitles')!
  private readonly Controls = this.getByRef('Controls')!
  private readonly Center = this.getByRef('Center')!
  private readonly Notice = this.getByRef('Notice')!
  /** The tracks menu and the debug overlay are built on first use: building them with the page delayed the first frame. */
  private tracksMenu: TrackMenu | null = null
  private debugOverlay: DebugOverlay | null = null
  private seekPreview: SeekPreview | null = null
  /** Counts the pictures asked for: one asked for an older seek is not shown. */
  private thumbnailAsks = 0
  private upNextPanel: UpNext | null = null
  private skipIntroButton: Button | null = null
  /**
   * Says what the play did unasked (titles skipped, a resume), where Skip intro stands (the App's toast would
   * cover the bar).
   */
  private playNote: Toast | null = null
  /** This play has started playing once: its first picture said what is on. */
  private startNoted = false
  /** This play is the next episode the credits were skipped into: its first picture says so. */
  private creditsSkipped = false
  /** Read at each play's start: the viewer may have chosen on the Account page since the last. */
  private openingTitles: OpeningTitlesChoice = 'offer'
  /** This play has been past its opening titles (skipped, watched, or resumed after them): they are not skipped unasked again. */
  private beenPastIntro = false

  private controller: PlayerController | null = null
  private request: PlayRequest | null = null
  private tickTimer: ReturnType<typeof setInterval> | null = null
  private hideTimer: ReturnType<typeof setTimeout> | null = null
  private watchingInfo: WatchingInfo | null = null
  private pausedTimer: ReturnType<typeof setTimeout> | null = null
  private infoTimer: ReturnType<typeof setTimeout> | null = null
  private stopWatchingVisibility: (() => void) | null = null
  private spinner: Lightning.types.Animation | null = null
  private spinnerTimer: ReturnType<typeof setTimeout> | null = null
  /** What is open over the video: the settings menu (Down: audio, subtitles, speed, quality), or a series' episodes (Up). */
  private openMenu: 'tracks' | 'episodes' | null = null
  private episodesPanel: Lightning.Element | null = null
  private episodeList: EpisodeList | null = null
  private noticeFocus: 'Back' | 'Retry' = 'Back'
  private lastSeekKey: { direction: number; at: number; repeats: number } | null = null
  /** Seeks where a held key's repeats went if its release never comes. */
  private scrubTimer: ReturnType<typeof setTimeout> | null = null
  /** A seek key went down and its release (or the end of its repeats) has not been handled. */
  private seekKeyDown = false
  private leaving = false
  /** Counts the times the page was left: a begin() still waiting for its play when the viewer left must not keep it. */
  private departures = 0
  /** Up next over the credits is offered once as they start; not again unless the viewer seeks out of them. */
  private creditsOffered = false

  /** What OK and the arrows do now: Skip intro in the opening titles; Up opens the episodes of a series. */
  private showHint(): void {
    const key: MessageKey = this.skipIntroButton?.visible ? 'player.hintSkipIntro' : this.controller?.episode && this.request?.mode !== 'trailer' ? 'player.hintEpisodes' : 'player.hint'
    const text = t(key)
    const Hint = this.tag('Controls.Hint')!
    if (Hint.text?.text !== text) Hint.text = text
  }

  override _init(): void {
    this.spinner = this.tag('Center.Spinner')!.animation({ duration: 1, repeat: -1, actions: [{ p: 'rotation', v: { 0: 0, 1: Math.PI * 2 } }] })
    if (operatorSettings().debugOverlay) this.debug.visible = true
    this.tag('Notice.Back')!.label = t('player.error.back')
    this.tag('Notice.Retry')!.label = t('player.error.retry')
    this.tag('Controls.Hint')!.text = t('player.hint')
  }

  override _onUrlParams(params: Router.PageParams): void {
    const titleId = String(params.titleId ?? '')
    const mode = isPlayMode(params.mode) ? params.mode : 'play'
    const episodeId = typeof params.episodeId === 'string' && params.episodeId ? params.episodeId : null
    this.request = { titleId, mode, episodeId }
  }

  override _active(): void {
    showScene(this.stage, 'video')
    if (this.request && !this.controller) void this.begin(this.request)
    this.tickTimer = setInterval(() => this.tick(), TICK_MS)
    this.stopWatchingVisibility = watchVisibility(document, { hidden: () => this.toBackground(true), shown: () => this.toBackground(false) })
  }

  /** Sent to the background, the play pauses (Up next's countdown with it) and is saved; back, it waits paused. */
  private toBackground(background: boolean): void {
    if (background) this.upNextPanel?.watchCredits()
    this.controller?.setBackground(background)
  }

  override _inactive(): void {
    this.departures++
    this.stopWatchingVisibility?.()
    this.stopWatchingVisibility = null
    showScene(this.stage, 'background')
    if (this.tickTimer) clearInterval(this.tickTimer)
    this.tickTimer = null
    if (this.hideTimer) clearTimeout(this.hideTimer)
    if (this.scrubTimer) clearTimeout(this.scrubTimer)
    this.scrubTimer = null
    this.watchPause(false)
    this.hideInfo()
    this.hideSpinner()
    this.playNote?.hide()
    this.upNextPanel?.cancel()
    // Leaving by any route (Back, a deep link, the menu) stops the play and saves where it was.
    void this.controller?.stop()
  }

  /** Takes the play started at the Play press (see player/launch.ts), or starts one (a deep link, Retry). */
  private async begin(request: PlayRequest, fresh = false): Promise<void> {
    this.leaving = false
    this.creditsOffered = false
    this.openingTitles = readTrackPreferences(currentViewer()).openingTitles
    this.beenPastIntro = false
    this.startNoted = false
    this.creditsSkipped = creditsSkippedInto !== null && creditsSkippedInto === request.episodeId
    if (this.creditsSkipped) this.showPlayNote(t('player.creditsSkipped'), SKIPPED_NOTE_MS, false)
    creditsSkippedInto = null
    this.Notice.visible = false
    if (this.seekPreview) this.seekPreview.visible = false
    this.showSkipIntro(false)
    this.tag('Controls.Mode')!.text = request.mode === 'trailer' ? t('player.trailer') : ''
    const departures = this.departures
    const claimed = fresh ? null : claimPlay(request)
    const controller = claimed ? await claimed : new PlayerController(request, await playerEnvironment())
    // Left while the play was on its way (Back at once after Play): _inactive() found no play to stop, so it stops
    // here; kept, it went on playing behind Details or Home.
    if (departures !== this.departures) {
      void controller.stop()
      return
    }
    this.controller = controller
    controller.setBackground(isHidden(document))
    this.Subtitles.text = SUBTITLE_TEXT[controller.subtitleSize]
    controller.bind({
      onState: (state) => this.showState(state),
      onDenied: () => this.openPurchase(request.titleId),
    })
    if (!claimed) await controller.start()
  }

  private tick(): void {
    const controller = this.controller
    if (!controller) return
    const title = controller.titleName
    if (title) this.tag('Controls.Title')!.text = title
    // The episode has a line of its own (where a trailer says so), so a long series name cut to its line never hides it.
    const episode = controller.episode
    if (episode) this.tag('Controls.Mode')!.text = episodeLine(episode)
    this.showHint()
    const position = controller.positionSeconds
    const duration = controller.durationSeconds
    const progress = duration > 0 ? Math.min(1, position / duration) : 0
    this.tag('Controls.Bar.Fill')!.w = BAR_W * progress
    this.tag('Controls.Bar.Knob')!.x = BAR_W * progress
    this.tag('Controls.Elapsed')!.text = formatClock(position)
    this.tag('Controls.Remaining')!.text = `-${formatClock(Math.max(0, duration - position))}`
    // The time of day it ends moves on while paused: the text changes once a minute, not every tick.
    // At 1.5× a film's last hour ends in 40 minutes.
    const endsAt = duration > 0 ? formatEndsAt(new Date(), (duration - position) / controller.playbackRate, currentLanguage()) : ''
    const EndsAt = this.tag('Controls.EndsAt')!
    if (EndsAt.text?.text !== endsAt) EndsAt.text = endsAt
    this.offerAtCredits(controller, position, duration)
    this.offerSkipIntro(controller, position)
    const preview = this.seekPreview
    if (preview?.visible && preview.hasShown(SEEK_PREVIEW_MS, SEEK_PICTURE_WAIT_MS) && controller.currentState !== 'buffering') preview.visible = false
    const subtitle = controller.subtitleText
    if (this.Subtitles.text?.text !== subtitle) this.Subtitles.text = subtitle
    this.Subtitles.visible = subtitle.length > 0
    if (this.debugOverlay?.visible) this.debugOverlay.update(controller.currentState, controller.quality)
  }

  private showState(state: PlayerState): void {
    // The play lost under Up next over the credits: nothing carries the viewer on to the next episode.
    if (state === 'reconnecting' || state === 'error') this.upNextPanel?.watchCredits()
    const waiting = state === 'loading' || state === 'buffering'
    if (waiting) {
      this.tag('Center.Label')!.text = t(state === 'loading' ? 'player.loading' : 'player.buffering')
      this.showSpinnerSoon()
    } else {
      this.hideSpinner()
    }
    this.tag('Controls.PlayState')!.text = state === 'paused' ? `❚❚  ${t('player.paused')}` : state === 'playing' ? '▶' : ''
    this.watchPause(state === 'paused')
    // Loading, stalled, failed or ended, what is on gives way to what the play says.
    if (state !== 'paused' && state !== 'playing') this.hideInfo()
    if (state === 'reconnecting') this.showNotice(t('player.reconnecting.title'), t('player.reconnecting.message'), null, false)
    else if (state === 'error') this.showProblem(this.controller?.currentProblem ?? { kind: 'playback', code: null })
    else this.Notice.visible = false
    // The end of the title (or trailer): the next episode is offered, else back to where the play started.
    if (state === 'ended') {
      this.finish()
      return
    }
    // Paused and stalled screens keep the controls up: the viewer needs to see where they are.
    // Loading shows only the spinner: the controls' texts are drawn once there is a picture to put them on,
    // so the page's first frames cost little while Shaka loads beside them.
    if (state === 'loading') this.Controls.alpha = 0
    else if (state === 'playing') this.showControls()
    else this.keepControls()
    if (state === 'playing' && !this.startNoted) this.noteStart()
    this._refocus()
  }

  private showSpinnerSoon(): void {
    if (this.Center.visible || this.spinnerTimer) return
    this.spinnerTimer = setTimeout(() => {
      this.spinnerTimer = null
      this.Center.visible = true
      this.spinner?.start()
    }, SPINNER_DELAY_MS)
  }

  private hideSpinner(): void {
    if (this.spinnerTimer) clearTimeout(this.spinnerTimer)
    this.spinnerTimer = null
    this.Center.visible = false
    this.spinner?.stop()
  }

  private showProblem(problem: PlayerProblem): void {
    const code = problem.code === null ? null : t('player.error.code', { code: String(problem.code) })
    this.showNotice(t('player.error.title'), t(PROBLEM_MESSAGES[problem.kind]), code, true)
  }

  private showNotice(title: string, message: string, code: string | null, withButtons: boolean): void {
    this.closeMenu()
    this.tag('Notice.Title')!.text = title
    this.tag('Notice.Message')!.text = message
    this.tag('Notice.Code')!.text = code ?? ''
    // Reconnecting also offers Back: waiting is the viewer's choice, never a trap.
    this.tag('Notice.Back')!.visible = true
    this.tag('Notice.Retry')!.visible = withButtons
    this.noticeFocus = 'Back'
    this.Notice.visible = true
  }

  /** Controls up now, and hidden again after a few seconds while playing. */
  private showControls(): void {
    this.Controls.setSmooth('alpha', 1, { duration: 0.2 })
    this.Subtitles.y = SUBTITLE_BOTTOM_WITH_CONTROLS
    if (this.hideTimer) clearTimeout(this.hideTimer)
    this.hideTimer = setTimeout(() => {
      if (this.controller?.currentState === 'playing' && !this.menuOpen) {
        this.Controls.setSmooth('alpha', 0, { duration: 0.4 })
        this.Subtitles.y = SUBTITLE_BOTTOM
      }
    }, CONTROLS_HIDE_MS)
  }

  private keepControls(): void {
    if (this.hideTimer) clearTimeout(this.hideTimer)
    this.hideTimer = null
    this.Controls.setSmooth('alpha', 1, { duration: 0.2 })
    this.Subtitles.y = SUBTITLE_BOTTOM_WITH_CONTROLS
  }

  override _getFocused(): Lightning.Component {
    if (this.upNextPanel?.visible) return this.upNextPanel
    if (this.Notice.visible) return this.tag(this.noticeFocus === 'Retry' && this.tag('Notice.Retry')!.visible ? 'Notice.Retry' : 'Notice.Back')!
    if (this.openMenu === 'tracks') return this.tracks
    if (this.openMenu === 'episodes' && this.episodeList) return this.episodeList
    if (this.skipIntroButton?.visible) return this.skipIntroButton
    return this
  }

  override _captureKey(): boolean {
    return this.wake(false)
  }

  /** Back over what is on only takes it away: whoever came back to the room is not leaving. */
  override _captureBack(): boolean {
    return this.wake(true)
  }

  /** Info over what is on takes it away (Info shows it, Info hides it); otherwise it goes on to show it. */
  _captureInfo(): boolean {
    return this.wake(true)
  }

  /**
   * Any key brings the controls back (and shows someone is watching), and takes away what is on (the wait to show
   * it while paused starts again); the key then does its own job. Up next over the credits keeps the controls down:
   * they would lie under it.
   */
  private wake(onlyHides: boolean): boolean {
    autoplaysInARow = 0
    const infoShown = this.hideInfo()
    if (this.controller?.currentState === 'paused') this.watchPause(true)
    if (this.controller?.currentState === 'playing' && !this.upNextPanel?.overCredits) this.showControls()
    return onlyHides && infoShown
  }

  /** While paused, what is paused shows after a while with no key. */
  private watchPause(paused: boolean): void {
    if (this.pausedTimer) clearTimeout(this.pausedTimer)
    this.pausedTimer = paused ? setTimeout(() => this.showInfo(), PAUSED_INFO_AFTER_MS) : null
  }

  /** Info shows what is on, playing or paused; not over a question the play asks (Up next, a notice) or its menu. */
  _handleInfo(): void {
    if (this.upNextPanel?.visible || this.Notice.visible || this.menuOpen) return
    const watched = this.showInfo()
    // Voice guidance reads it: the panel takes no focus for the announcer to follow.
    if (watched) announce(t('player.youAreWatching'), ...[watched.title, watched.episode, watched.synopsis].filter(Boolean))
  }

  /** The title, the episode line and the synopsis over the picture dimmed; over a playing picture, for a while. */
  private showInfo(): WatchedTitle | null {
    this.watchPause(false)
    const controller = this.controller
    const state = controller?.currentState
    if (!controller || (state !== 'paused' && state !== 'playing')) return null
    if (!this.watchingInfo) {
      this.watchingInfo = this.stage.c({ type: WatchingInfo, ref: 'WatchingInfo', visible: false, zIndex: 12 }) as WatchingInfo
      this.childList.add(this.watchingInfo)
    }
    const episode = controller.episode
    const watched = {
      title: controller.titleName,
      episode: episode ? episodeLine(episode) : '',
      synopsis: controller.playbackTitle?.synopsis ?? '',
    }
    this.watchingInfo.show(watched)
    if (this.infoTimer) clearTimeout(this.infoTimer)
    this.infoTimer = state === 'playing' ? setTimeout(() => this.hideInfo(), INFO_WHILE_PLAYING_MS) : null
    return watched
  }

  /** Takes away what is on; says whether it was shown. */
  private hideInfo(): boolean {
    if (this.infoTimer) clearTimeout(this.infoTimer)
    this.infoTimer = null
    const shown = this.watchingInfo?.visible ?? false
    if (this.watchingInfo) this.watchingInfo.visible = false
    return shown
  }

  override _handleEnter(): void {
    if (this.Notice.visible) return this.noticeAction()
    if (this.skipIntroButton?.visible) return this.skipIntro()
    this.controller?.togglePlay()
  }

  /** Pausing under Up next over the credits stays with them: the countdown would start the next episode. */
  _handlePlayPause(): void {
    this.upNextPanel?.watchCredits()
    this.controller?.togglePlay()
  }

  _handlePlay(): void {
    this.controller?.play()
  }

  _handlePause(): void {
    this.upNextPanel?.watchCredits()
    this.controller?.pause()
  }

  override _handleLeft(event: KeyboardEvent): void {
    // The episode list's first card: Left goes no further, and does not seek under it.
    if (this.menuOpen) return
    if (this.Notice.visible) {
      this.noticeFocus = 'Back'
      this._refocus()
      return
    }
    this.seek(-1, event.repeat)
  }

  override _handleRight(event: KeyboardEvent): void {
    if (this.menuOpen) return
    if (this.Notice.visible) {
      this.noticeFocus = 'Retry'
      this._refocus()
      return
    }
    this.seek(1, event.repeat)
  }

  _handleRewind(): void {
    this.jump(-30)
  }

  _handleFastForward(): void {
    this.jump(30)
  }

  /**
   * The remote's ⏭ (and Channel up, the key every TV remote has) plays the next episode at once, as Up next's Play
   * now does; ⏮ (Channel down) the one before, from where it was left. A press: the still-watching count starts
   * again. At either end of the series the key only brings the controls up, which name the episode playing; a
   * film or a trailer leaves the keys to the app.
   */
  _handleNextTrack(): boolean {
    return this.playEpisodeBeside(this.controller?.upNext)
  }

  _handleChannelUp(): boolean {
    return this._handleNextTrack()
  }

  _handlePreviousTrack(): boolean {
    return this.playEpisodeBeside(this.controller?.previousEpisode)
  }

  _handleChannelDown(): boolean {
    return this._handlePreviousTrack()
  }

  private playEpisodeBeside(episode: PlayerEpisode | null | undefined): boolean {
    if (!this.controller?.episode) return false
    if (episode) {
      autoplaysInARow = 0
      this.playEpisode(episode.id)
    }
    return true
  }

  /** Rewind and FastForward: a seek at once (they have no hold to wait for). */
  private jump(seconds: number): void {
    this.showJump(this.controller?.seekBy(seconds) ?? null)
  }

  /** A seek made at once (Rewind, FastForward, a number key, Skip intro): shown over the bar and said. */
  private showJump(target: number | null): void {
    this.previewSeek(target)
    if (target !== null) this.sayWhereSought()
  }

  /**
   * The remote's number keys jump through the play, as the big video apps' do: 1 a tenth of the way in, 5 half
   * way, 0 back to the start; shown and said as Rewind's. Not under the track menu or a notice, nor per repeat of
   * a held key (it would seek to the same place again and again).
   */
  override _handleKey(event: KeyboardEvent): boolean {
    const digit = digitOfKey(event)
    const controller = this.controller
    if (digit === null || !controller || this.menuOpen || this.Notice.visible) return false
    if (!event.repeat) this.showJump(controller.seekAt(digitSeekSeconds(digit, controller.durationSeconds)))
    return true
  }

  override _handleDown(): void {
    const controller = this.controller
    if (!controller || !isControllable(controller.currentState) || this.Notice.visible) return
    if (this.openMenu === 'episodes') {
      // Down from the episode cards: back to the video.
      this.closeMenu()
      this.showControls()
      return
    }
    this.openMenu = 'tracks'
    this.tracks.show(controller.trackChoices)
    this.tracks.visible = true
    this.showHeader(false)
    this.keepControls()
    this._refocus()
  }

  /**
   * A series' episodes (选集, as the launch market's apps put them a key away in the player): Details' season chips
   * and episode cards over the video, on the one playing (its card showing how far in it is). OK plays another
   * at once, as Up next would; on the one playing, or Back or Down, the list goes.
   */
  override _handleUp(): void {
    const controller = this.controller
    const title = controller?.playbackTitle
    const episode = controller?.episode
    if (this.menuOpen || !controller || !title || !episode || this.request?.mode === 'trailer') return
    if (!isControllable(controller.currentState) || this.Notice.visible || this.upNextPanel?.visible) return
    this.showSkipIntro(false)
    // The one playing shows how far in it is now.
    const watched = episodesWatched(withEpisodeProgress(title, progressIn(controller, episode.id)).episodeProgress)
    const list = this.episodes
    list.show(title.seasons, episodeListLabels(), { opensAt: episode.id, watched })
    list.onPlay = (episodeId) => {
      if (episodeId === episode.id) {
        this.closeMenu()
        this.showControls()
      } else {
        this.playEpisode(episodeId)
      }
    }
    this.openMenu = 'episodes'
    this.episodesPanel!.visible = true
    this.keepControls()
    this._refocus()
  }

  private get episodes(): EpisodeList {
    if (!this.episodeList) {
      const panel = this.stage.c({
        ref: 'Episodes',
        x: layout.safeX - EPISODES_PADDING,
        y: EPISODES_PANEL_Y,
        w: EPISODES_PANEL_W,
        h: EPISODES_PANEL_H,
        ...menuPanel(),
        // The cards past the fourth are cut at the panel's edge, not drawn over the video beside it.
        clipping: true,
        visible: false,
        zIndex: 8,
        List: { type: EpisodeList, x: EPISODES_PADDING, y: EPISODES_PADDING },
      })
      this.childList.add(panel)
      this.episodesPanel = panel
      this.episodeList = panel.getByRef('List') as EpisodeList
    }
    return this.episodeList
  }

  _handleBlue(): void {
    this.debug.visible = !this.debug.visible
    this.tick()
  }

  override _handleBack(): void {
    // Back closes what is over the video first: Up next over the credits, like the tracks menu.
    if (this.upNextPanel?.overCredits) {
      this.upNextPanel.watchCredits()
      return
    }
    if (this.menuOpen) {
      this.closeMenu()
      this.showControls()
      return
    }
    void this.leave()
  }

  _handleStop(): void {
    void this.leave()
  }

  /** The remote's Search key: the play stops (its position saved: `_inactive`), and Back from Search returns to Details. */
  _handleSearch(): void {
    Router.navigate('search', false)
  }

  /**
   * A press seeks at once. Held, the key's repeats only move the preview (the video would fetch and drop a
   * point per repeat); the release seeks where they went, or a pause in the repeats if the release is lost.
   * A repeat is the browser's autorepeat (`repeat`, whose first comes after a delay of half a second or so),
   * or a remote's keydowns closer than HOLD_GAP_MS (some send no keyup between them and no flag).
   */
  private seek(direction: -1 | 1, repeat: boolean): void {
    const now = Date.now()
    const held = this.lastSeekKey && this.lastSeekKey.direction === direction && (repeat || now - this.lastSeekKey.at < HOLD_GAP_MS)
    const repeats = held && this.lastSeekKey ? this.lastSeekKey.repeats + 1 : 0
    this.lastSeekKey = { direction, at: now, repeats }
    this.seekKeyDown = true
    const scrubbing = repeats > 0
    this.previewSeek(this.controller?.seekBy(direction * seekStepSeconds(repeats), { defer: scrubbing }) ?? null)
    if (this.scrubTimer) clearTimeout(this.scrubTimer)
    this.scrubTimer = scrubbing ? setTimeout(() => this.endScrub(), HOLD_GAP_MS) : null
  }

  override _handleLeftRelease(): void {
    this.endScrub()
  }

  override _handleRightRelease(): void {
    this.endScrub()
  }

  /** The seek key let go (or its repeats stopped): the video goes where they went, and voice guidance says where. */
  private endScrub(): void {
    if (this.scrubTimer) clearTimeout(this.scrubTimer)
    this.scrubTimer = null
    // Left and Right also move in the track menu and the error notice: their releases are not seeks.
    if (!this.seekKeyDown) return
    this.seekKeyDown = false
    this.controller?.commitSeek()
    this.sayWhereSought()
  }

  /** Said as a length of the play ("12 minutes 5 seconds"): a clock would be read out as a time of day. */
  private sayWhereSought(): void {
    const controller = this.controller
    if (controller) announce(formatClockSpoken(controller.positionSeconds, currentLanguage()))
  }

  /** Over the bar where a seek goes: its time at once, its picture when the play's sheet gives it. */
  private previewSeek(target: number | null): void {
    const controller = this.controller
    if (target === null || !controller) return
    // The play is elsewhere now: a note of where it resumed, or of what it skipped, no longer says what is on.
    this.playNote?.hide()
    const preview = this.preview
    preview.x = seekPreviewX(target, controller.durationSeconds, { x: BAR_X, w: BAR_W }, SEEK_PREVIEW_W)
    preview.showTime(target)
    preview.visible = true
    const ask = ++this.thumbnailAsks
    void controller.thumbnailAt(target).then((thumbnail) => {
      if (ask === this.thumbnailAsks) preview.showPicture(thumbnail)
    })
  }

  /** Built at the first seek, inside the controls (it fades with them). */
  private get preview(): SeekPreview {
    if (!this.seekPreview) {
      const preview = this.stage.c({ type: SeekPreview, ref: 'SeekPreview', y: BAR_Y - 24 - SEEK_PREVIEW_H, visible: false }) as SeekPreview
      this.Controls.childList.add(preview)
      this.seekPreview = preview
    }
    return this.seekPreview
  }

  private get tracks(): TrackMenu {
    if (!this.tracksMenu) {
      // Placed by its bottom right corner: its size follows its columns and their choices.
      const menu = this.stage.c({ type: TrackMenu, ref: 'Tracks', x: layout.screenW - layout.safeX, mountX: 1, y: TRACK_MENU_BOTTOM, mountY: 1, visible: false, zIndex: 8 }) as TrackMenu
      menu.onAudio = (language) => this.applyTracks(() => this.controller?.selectAudio(language))
      menu.onText = (language) => this.applyTracks(() => this.controller?.selectText(language))
      menu.onSubtitleSize = (size) =>
        this.applyTracks(() => {
          this.controller?.setSubtitleSize(size)
          this.Subtitles.text = SUBTITLE_TEXT[size]
        })
      menu.onRate = (rate) =>
        this.applyTracks(() => {
          this.controller?.setPlaybackRate(rate)
          this.tick()
        })
      menu.onQuality = (height) => this.applyTracks(() => this.controller?.selectQuality(height))
      this.childList.add(menu)
      this.tracksMenu = menu
    }
    return this.tracksMenu
  }

  private get debug(): DebugOverlay {
    if (!this.debugOverlay) {
      this.debugOverlay = this.stage.c({ type: DebugOverlay, ref: 'Debug', x: layout.screenW - layout.safeX - 620, y: layout.safeY, visible: false, zIndex: 20 }) as DebugOverlay
      this.childList.add(this.debugOverlay)
    }
    return this.debugOverlay
  }

  private applyTracks(apply: () => void): void {
    apply()
    const controller = this.controller
    if (controller) this.tracksMenu?.update(controller.trackChoices)
  }

  private get menuOpen(): boolean {
    return this.openMenu !== null
  }

  private closeMenu(): void {
    this.openMenu = null
    if (this.tracksMenu) this.tracksMenu.visible = false
    if (this.episodesPanel) this.episodesPanel.visible = false
    this.showHeader(true)
    this._refocus()
  }

  /** The title and episode lines give way to the track menu, which reaches up to them (five speeds in a column). */
  private showHeader(shown: boolean): void {
    const header: Lightning.Element[] = [this.tag('Controls.TopScrim')!, this.tag('Controls.Title')!, this.tag('Controls.Mode')!]
    for (const element of header) element.setSmooth('alpha', shown ? 1 : 0, { duration: motion.focusDuration })
  }

  private noticeAction(): void {
    if (this.noticeFocus === 'Retry' && this.request && this.tag('Notice.Retry')!.visible) {
      void this.controller?.stop()
      this.controller = null
      void this.begin(this.request, true)
      return
    }
    void this.leave()
  }

  /**
   * An episode's end with one after it: the play stops (its position saved as watched, so Details offers the
   * next one too) and Up next counts down to the next episode, or goes on counting if it was offered over the
   * credits; after three started by the countdown with no key pressed, it asks whether anyone is still watching.
   */
  private finish(): void {
    const next = this.controller?.upNext
    if (!next || !this.request) {
      void this.leave()
      return
    }
    void this.controller?.stop()
    if (this.upNextPanel?.overCredits) {
      this.upNextPanel.creditsEnded()
      return
    }
    this.offerNext(next, false)
  }

  /**
   * The credits of an episode with one after it start while it plays: Up next counts down over them (the way
   * the best TV apps do, so a series is not interrupted by every episode's credits), and "Watch credits" or
   * Back lets them play on; a viewer who chose on Account to skip titles goes straight to the next episode. Not
   * when the countdown would ask whether anyone is still watching: that waits for the end. Seeking back out of
   * the credits takes the offer away, and brings it back at their start.
   */
  private offerAtCredits(controller: PlayerController, positionSeconds: number, durationSeconds: number): void {
    if (!isInCredits({ positionSeconds, durationSeconds })) {
      // Seeked back out of them: the controls the seek would have shown come up in the offer's place.
      if (this.upNextPanel?.overCredits) {
        this.upNextPanel.cancel()
        this.showControls()
        this._refocus()
      }
      this.creditsOffered = false
      return
    }
    const next = controller.upNext
    if (this.creditsOffered || controller.currentState !== 'playing' || !next || asksStillWatching(autoplaysInARow)) return
    this.creditsOffered = true
    this.closeMenu()
    if (skipsCreditsUnasked({ positionSeconds, durationSeconds }, this.openingTitles, autoplaysInARow)) {
      // Unattended, as a countdown run out: three in a row and the next episode's end asks whether anyone is watching.
      autoplaysInARow += 1
      creditsSkippedInto = next.id
      return this.playEpisode(next.id)
    }
    this.Subtitles.y = SUBTITLE_BOTTOM_OVER_UP_NEXT
    this.offerNext(next, true)
  }

  /**
   * An episode's opening titles offer Skip intro, focused, so OK skips them (the other keys keep their jobs: Left
   * and Right seek, Back leaves), as the big video apps spare a series' viewer its titles at every episode; it goes
   * when they end or the play leaves them. Voice guidance reads it as it takes the focus. Not over a notice, the
   * track menu or Up next, nor while the play loads or stalls.
   */
  private offerSkipIntro(controller: PlayerController, positionSeconds: number): void {
    const state = controller.currentState
    const free = !this.menuOpen && !this.Notice.visible && !this.upNextPanel?.visible
    if (state === 'playing' && free && skipsIntroUnasked(positionSeconds, controller.intro, this.openingTitles, this.beenPastIntro)) return this.skipIntroUnasked(controller)
    if (isPastIntro(positionSeconds, controller.intro)) this.beenPastIntro = true
    const offered = offersSkipIntro(positionSeconds, controller.intro) && (state === 'playing' || state === 'paused') && free
    if (offered !== (this.skipIntroButton?.visible ?? false)) this.showSkipIntro(offered)
  }

  /**
   * The viewer chose on the Account page to have opening titles skipped: the play goes to their end, shown over
   * the bar, with a note where Skip intro would stand (read out by voice guidance). Going back into them offers
   * Skip intro as ever.
   */
  private skipIntroUnasked(controller: PlayerController): void {
    this.beenPastIntro = true
    this.showSkipIntro(false)
    if (controller.intro) this.previewSeek(controller.seekAt(controller.intro.endSeconds))
    this.showControls()
    this.showPlayNote(t('player.introSkipped'))
  }

  /**
   * A play's first picture. A play that went on from where the viewer left it says so, with the key to start over
   * (0, the number keys' start), as the launch market's apps do: an episode picked from its card, Up next's or
   * ⏭'s may resume where the viewer forgot they had left it (not over the note that the credits were skipped
   * into it). Voice guidance says what is on, as nothing takes the focus to say it: the title, the episode line
   * or "Trailer", then the note.
   */
  private noteStart(): void {
    this.startNoted = true
    const controller = this.controller
    if (!controller) return
    const resumedFrom = controller.resumedFromSeconds
    let note = this.creditsSkipped ? t('player.creditsSkipped') : null
    if (note === null && resumedFrom > 0) {
      this.showPlayNote(t('player.resumedFrom', { time: formatClock(resumedFrom) }), RESUMED_NOTE_MS, false)
      note = t('player.resumedFrom', { time: formatClockSpoken(resumedFrom, currentLanguage()) })
    }
    const episode = controller.episode
    const line = episode ? episodeLine(episode) : this.request?.mode === 'trailer' ? t('player.trailer') : null
    announce(...[controller.titleName, line, note].filter((phrase): phrase is string => !!phrase))
  }

  /** What the play did unasked, said for a few seconds where Skip intro stands (read out by voice guidance unless `said` is false). */
  private showPlayNote(message: string, durationMs = SKIPPED_NOTE_MS, said = true): void {
    if (!this.playNote) {
      this.playNote = this.stage.c({ type: Toast, ref: 'PlayNote', x: layout.screenW - layout.safeX, mountX: 1, y: SKIP_INTRO_Y, zIndex: 7 }) as Toast
      this.childList.add(this.playNote)
    }
    this.playNote.show(message, durationMs, said)
  }

  /** Skip intro shown, focused and named by the controls' hint, or taken away. */
  private showSkipIntro(shown: boolean): void {
    if (!shown && !this.skipIntroButton) return
    // The button stands where the notes do.
    if (shown) this.playNote?.hide()
    this.skipIntroOffer.visible = shown
    this.showHint()
    this._refocus()
  }

  /** To the end of the opening titles, shown and said as any jump; the play goes on as it was (paused stays paused). */
  private skipIntro(): void {
    this.showSkipIntro(false)
    const controller = this.controller
    if (controller?.intro) this.showJump(controller.seekAt(controller.intro.endSeconds))
  }

  /** Built at the first opening titles, above the bar's right end, clear of the controls' texts. */
  private get skipIntroOffer(): Button {
    if (!this.skipIntroButton) {
      const button = this.stage.c({ type: Button, ref: 'SkipIntro', x: layout.screenW - layout.safeX, mountX: 1, y: SKIP_INTRO_Y, visible: false, zIndex: 7 }) as Button
      this.childList.add(button)
      button.label = t('player.skipIntro')
      button.fitLabel(SKIP_INTRO_MIN_W)
      this.skipIntroButton = button
    }
    return this.skipIntroButton
  }

  /** Another episode of this series, from Up next or the episode list. */
  private playEpisode(episodeId: string): void {
    const request = this.request
    if (!request) return
    this.closeMenu()
    const controller = this.controller
    const title = controller?.playbackTitle ?? null
    const leaving = controller?.episode ?? null
    // The next play's episode list shows where this one is left.
    const carried = title && controller && leaving ? withEpisodeProgress(title, progressIn(controller, leaving.id)) : title
    // This play still has the video: it stops (saving its position) before the next takes it.
    void controller?.stop()
    const hash = playHash(request.titleId, episodeId)
    // The episode starts now, beside its page's build, with the title and the speed this play has.
    startPlay(hash, carried, controller?.playbackRate)
    Router.navigate(hash, false)
  }

  private offerNext(next: PlayerEpisode, overCredits: boolean): void {
    if (!this.request) return
    this.Controls.setSmooth('alpha', 0, { duration: 0.2 })
    this.upNext.offer(episodeLine(next), asksStillWatching(autoplaysInARow) ? null : UP_NEXT_SECONDS, {
      play: (byCountdown) => {
        autoplaysInARow = byCountdown ? autoplaysInARow + 1 : 0
        this.playEpisode(next.id)
      },
      back: () => void this.leave(),
      watchCredits: () => {
        this.showControls()
        this._refocus()
      },
    }, overCredits)
    this._refocus()
  }

  private get upNext(): UpNext {
    if (!this.upNextPanel) {
      const x = layout.screenW - layout.safeX - UP_NEXT_SIZE.w
      this.upNextPanel = this.stage.c({ type: UpNext, ref: 'UpNext', x, y: layout.screenH - layout.safeY - UP_NEXT_SIZE.h, visible: false, zIndex: 9 }) as UpNext
      this.childList.add(this.upNextPanel)
    }
    return this.upNextPanel
  }

  /** Back: stop (the position is saved and announced), then return to where the play was started. */
  private async leave(): Promise<void> {
    this.upNextPanel?.cancel()
    if (this.leaving) return
    this.leaving = true
    await this.controller?.stop()
    if (Router.getHistory().length > 0) Router.back()
    else if (this.request) Router.navigate(`details/${this.request.titleId}`, false)
  }

  /** Not entitled: the title's purchase choices instead of an error, without the player in history. */
  private openPurchase(titleId: string): void {
    this.leaving = true
    Router.navigate(detailsBuyHash(titleId), false)
  }
}
