import { Lightning } from '@lightningjs/sdk'
import { colors, HOLD_MS, lineLimit, typography, wrapping } from '../theme'
import { announce } from '../../a11y'
import { layoutChips } from './chip-layout'

const CHIP_H = 48
const CHIP_PADDING_X = 24
const CHIP_GAP = 16
/** A chip's text is cut with `…` past this: one long search does not push the others out of the row. */
const CHIP_TEXT_MAX_W = 240

interface ChipRowTemplateSpec extends Lightning.Component.TemplateSpec {
  Label: Lightning.Element
  Chips: Lightning.Element
  Hint: Lightning.Element
}

export interface ChipRowContent {
  label: string
  chips: readonly string[]
  /** Beside the last chip while the row has focus, read by voice guidance after the chip ("Hold OK to remove"). */
  hint: string
  /** The chip focused once shown (kept in the row). */
  focusIndex?: number
}

/**
 * A muted label, then a row of chips (Search's recent searches), as many as
 * fit in the row's `w`: Left/Right move between them, OK picks one, OK held
 * is a hold. A move past either end is not handled, so the page decides where
 * it goes.
 */
export class ChipRow
  extends Lightning.Component<ChipRowTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<ChipRowTemplateSpec>
{
  static override _template(): Lightning.Component.Template<ChipRowTemplateSpec> {
    return {
      h: CHIP_H,
      Label: { y: CHIP_H / 2 + 2, mountY: 0.5, text: { text: '', ...typography.caption, textColor: colors.textMuted } },
      Chips: {},
      Hint: { y: CHIP_H / 2 + 2, mountY: 0.5, alpha: 0, text: { text: '', ...typography.caption, textColor: colors.textMuted } },
    }
  }

  private readonly Label = this.getByRef('Label')!
  private readonly Chips = this.getByRef('Chips')!
  private readonly Hint = this.getByRef('Hint')!
  private _index = 0
  /** OK went down on a chip, and neither its release nor a hold has answered it yet. */
  private _enterDown = false
  /** Lightning's long-press timer for the row: OK held this long is `_handleEnterLong`. */
  readonly longpress = { enter: HOLD_MS }
  onPick: (index: number) => void = () => undefined
  onHold: (index: number) => void = () => undefined

  /** Shows the label, the chips that fit beside it and the hint (room is kept for it), and focuses one. */
  show(content: ChipRowContent): void {
    this.Label.text = content.label
    this.Label.loadTexture()
    this.Hint.text = content.hint
    this.Hint.loadTexture()
    this.Chips.x = this.Label.renderWidth + CHIP_GAP
    this.Chips.children = content.chips.map((text) => ({
      h: CHIP_H,
      rect: true,
      shader: { type: Lightning.shaders.RoundedRectangle, radius: CHIP_H / 2 },
      Text: {
        x: CHIP_PADDING_X,
        y: CHIP_H / 2 + 2,
        mountY: 0.5,
        text: { text, ...typography.caption, ...wrapping, wordWrapWidth: CHIP_TEXT_MAX_W, ...lineLimit(1) },
      },
    }))
    const hintRoom = this.Hint.renderWidth > 0 ? this.Hint.renderWidth + CHIP_GAP : 0
    const reach = layoutChips(this.Chips, 'Text', { paddingX: CHIP_PADDING_X, gap: CHIP_GAP, room: this.w - this.Chips.x - hintRoom })
    this.Hint.x = this.Chips.x + reach + CHIP_GAP
    this._index = Math.max(0, Math.min(content.focusIndex ?? 0, this.count - 1))
    this.highlight()
  }

  /** The chips shown: the first ones given, as many as fit. */
  get count(): number {
    return this.Chips.children.length
  }

  override _focus(): void {
    this.highlight()
  }

  /** Focus left the row with OK still down (a dialog opened over it): its release is not a press here. */
  override _unfocus(): void {
    this._enterDown = false
    this.highlight()
  }

  override _handleLeft(): boolean {
    return this.move(-1)
  }

  override _handleRight(): boolean {
    return this.move(1)
  }

  private move(delta: -1 | 1): boolean {
    const next = this._index + delta
    if (next < 0 || next >= this.count) return false
    this._index = next
    this.highlight()
    // The focus stays on the row: the chip now in focus is said here.
    announce(this.chipText(next))
    return true
  }

  override _handleEnter(): boolean {
    this._enterDown = this.count > 0
    return true
  }

  override _handleEnterRelease(): boolean {
    if (!this._enterDown) return false
    this._enterDown = false
    this.onPick(this._index)
    return true
  }

  _handleEnterLong(): boolean {
    if (!this._enterDown) return false
    this._enterDown = false
    this.onHold(this._index)
    return true
  }

  /** What voice guidance says as the row gains focus: the label, the chip in focus, then the hint. */
  get announce(): string[] {
    return [textOf(this.Label), this.chipText(this._index), textOf(this.Hint)]
  }

  private chipText(index: number): string {
    const chip = this.Chips.children[index]
    return chip ? textOf(chip.getByRef('Text')) : ''
  }

  private highlight(): void {
    const focused = this.hasFocus()
    this.Chips.children.forEach((chip, index) => {
      const current = focused && index === this._index
      chip.color = current ? colors.accent : colors.surface
      const text = chip.getByRef('Text')
      if (text?.text) text.text.textColor = current ? colors.textOnAccent : colors.text
    })
    this.Hint.alpha = focused ? 1 : 0
  }
}

function textOf(element: Lightning.Element | undefined): string {
  const text = element?.text?.text
  return typeof text === 'string' ? text : ''
}
