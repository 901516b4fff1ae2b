import { Lightning } from '@lightningjs/sdk'
import { colors, typography } from '../theme'
import { announce } from '../../a11y'

const CHIP_H = 48
const CHIP_PADDING_X = 24
const CHIP_GAP = 16

interface ChipRowTemplateSpec extends Lightning.Component.TemplateSpec {
  Label: Lightning.Element
  Chips: Lightning.Element
}

/**
 * A muted label, then a row of chips (Search's recent searches): Left/Right
 * move between them, OK picks one. A move past either end is not handled, so
 * the page decides where it goes.
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
    }
  }

  private readonly Label = this.getByRef('Label')!
  private readonly Chips = this.getByRef('Chips')!
  private _index = 0
  onPick: (index: number) => void = () => undefined

  /** The label and the chips' texts; focus goes back to the first chip. */
  show(label: string, chips: readonly string[]): void {
    this.Label.text = label
    this.Label.loadTexture()
    this.Chips.x = this.Label.renderWidth + CHIP_GAP
    this.Chips.children = chips.map((text) => ({
      h: CHIP_H,
      rect: true,
      shader: { type: Lightning.shaders.RoundedRectangle, radius: CHIP_H / 2 },
      Text: { x: CHIP_PADDING_X, y: CHIP_H / 2 + 2, mountY: 0.5, text: { text, ...typography.caption } },
    }))
    let x = 0
    for (const chip of this.Chips.children) {
      const text = chip.getByRef('Text')!
      text.loadTexture()
      chip.w = text.renderWidth + CHIP_PADDING_X * 2
      chip.x = x
      x += chip.w + CHIP_GAP
    }
    this._index = 0
    this.highlight()
  }

  get count(): number {
    return this.Chips.children.length
  }

  override _focus(): void {
    this.highlight()
  }

  override _unfocus(): void {
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

  override _handleEnter(): void {
    this.onPick(this._index)
  }

  /** What voice guidance says as the row gains focus: the label, then the chip in focus. */
  get announce(): string[] {
    const label = this.Label.text?.text
    return [typeof label === 'string' ? label : '', this.chipText(this._index)]
  }

  private chipText(index: number): string {
    const text = this.Chips.children[index]?.getByRef('Text')?.text?.text
    return typeof text === 'string' ? text : ''
  }

  private highlight(): void {
    const focused = this.hasFocus()
    this.Chips.children.forEach((chip, index) => {
      const current = focused && index === this._index
      chip.color = current ? colors.accent : colors.surface
      const text = chip.getByRef('Text')
      if (text?.text) text.text.textColor = current ? colors.textOnAccent : colors.text
    })
  }
}
