import { Lightning } from '@lightningjs/sdk'
import { t } from '../../i18n'
import { Button, fitButtonRow, type ButtonFit } from '../../components/Button/Button'
import { colors, layout, lineLimit, typography, wrapping } from '../../components/theme'

interface UpNextTemplateSpec extends Lightning.Component.TemplateSpec {
  Background: Lightning.Element
  Heading: Lightning.Element
  Name: Lightning.Element
  PlayNow: typeof Button
  Back: typeof Button
}

export interface UpNextActions {
  /** `byCountdown`: the countdown ran out, no key chose it. */
  play(byCountdown: boolean): void
  back(): void
  /** Offered over the credits: the viewer stays with them (the offer is gone, the video plays on). */
  watchCredits(): void
}

/** The panel's size: the Player page places it in the bottom right corner of the TV-safe area. */
export const UP_NEXT_SIZE = { w: 760, h: 316 } as const
const PANEL_W = UP_NEXT_SIZE.w
const PANEL_H = UP_NEXT_SIZE.h
const PADDING = 48
const BUTTON_GAP = 24
/** Long labels ("Lanjutkan menonton") get less room around them before the row overflows the padding. */
const BUTTON_FITS: readonly ButtonFit[] = [
  { minWidth: 200, paddingX: 40 },
  { minWidth: 200, paddingX: 24 },
]

/**
 * The next episode, named, which starts by itself when the countdown runs
 * out; "Play now" (focused) starts it at once. Offered over an episode's
 * credits, the other choice is "Watch credits"; at the video's end (or once
 * the credits under the offer end) it is "Back to details". Offered with no
 * countdown, it asks "Are you still watching?" and waits for a key.
 */
export class UpNext
  extends Lightning.Component<UpNextTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<UpNextTemplateSpec>
{
  static override _template(): Lightning.Component.Template<UpNextTemplateSpec> {
    return {
      w: PANEL_W,
      h: PANEL_H,
      Background: { w: PANEL_W, h: PANEL_H, rect: true, color: 0xf22a2a3a, shader: { type: Lightning.shaders.RoundedRectangle, radius: layout.radius * 2 } },
      Heading: { x: PADDING, y: 40, text: { text: '', ...typography.caption, textColor: colors.accent } },
      Name: { x: PADDING, y: 84, text: { text: '', ...typography.body, ...wrapping, textColor: colors.text, wordWrapWidth: PANEL_W - PADDING * 2, ...lineLimit(2) } },
      PlayNow: { type: Button, x: PADDING, y: PANEL_H - PADDING - 80 },
      Back: { type: Button, y: PANEL_H - PADDING - 80 },
    }
  }

  private readonly Heading = this.getByRef('Heading')!
  private readonly Name = this.getByRef('Name')!
  private readonly PlayNow = this.getByRef('PlayNow')!
  private readonly Back = this.getByRef('Back')!
  private actions: UpNextActions | null = null
  private countdown: ReturnType<typeof setInterval> | null = null
  private secondsLeft = 0
  private focusBack = false
  private credits = false

  /**
   * Shows the next episode's name and starts the countdown (`actions.play` runs when it ends); with `seconds`
   * null, asks whether the viewer is still watching and waits. `overCredits`: the episode still plays under it.
   */
  offer(name: string, seconds: number | null, actions: UpNextActions, overCredits = false): void {
    this.cancel()
    this.actions = actions
    this.Name.text = name
    this.PlayNow.label = t(seconds === null ? 'player.upNext.continue' : 'player.upNext.play')
    this.credits = overCredits
    this.labelBack()
    this.focusBack = false
    if (seconds === null) {
      this.Heading.text = t('player.upNext.stillWatching')
    } else {
      this.secondsLeft = seconds
      this.showCount()
      this.countdown = setInterval(() => {
        this.secondsLeft--
        if (this.secondsLeft <= 0) this.choose(false, true)
        else this.showCount()
      }, 1000)
    }
    this.visible = true
    this._refocus()
  }

  /** Offered over credits, the episode under it still playing. */
  get overCredits(): boolean {
    return this.visible && this.credits
  }

  /** The credits under the offer ended: the countdown goes on, and the other choice is now to leave. */
  creditsEnded(): void {
    if (!this.overCredits) return
    this.credits = false
    this.labelBack()
    this._refocus()
  }

  /** The viewer stays with the credits (Back, or "Watch credits"). */
  watchCredits(): void {
    if (this.overCredits) this.choose(true)
  }

  /** Stops the countdown and hides the offer (the page is left, or a choice was made). */
  cancel(): void {
    if (this.countdown) clearInterval(this.countdown)
    this.countdown = null
    this.visible = false
  }

  /** What voice guidance reads as the offer takes the focus (before the focused button's label). */
  get announce(): string[] {
    return [this.Heading.text?.text ?? '', this.Name.text?.text ?? '']
  }

  private labelBack(): void {
    this.Back.label = t(this.credits ? 'player.upNext.watchCredits' : 'player.upNext.back')
    fitButtonRow([this.PlayNow, this.Back], BUTTON_FITS, { x: PADDING, gap: BUTTON_GAP, maxWidth: PANEL_W - PADDING * 2 })
  }

  private showCount(): void {
    this.Heading.text = t('player.upNext.title', { seconds: String(this.secondsLeft) })
  }

  private choose(back: boolean, byCountdown = false): void {
    const actions = this.actions
    const credits = this.credits
    this.cancel()
    this.actions = null
    if (!back) actions?.play(byCountdown)
    else if (credits) actions?.watchCredits()
    else actions?.back()
  }

  override _getFocused(): Lightning.Component {
    return this.focusBack ? this.Back : this.PlayNow
  }

  override _handleLeft(): void {
    this.focusBack = false
    this._refocus()
  }

  override _handleRight(): void {
    this.focusBack = true
    this._refocus()
  }

  override _handleEnter(): void {
    this.choose(this.focusBack)
  }
}
