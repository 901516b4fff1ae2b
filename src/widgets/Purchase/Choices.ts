import { Lightning } from '@lightningjs/sdk'
import { Button } from '../../components/Button/Button'

export interface Choice {
  /** The element's ref, so tests and focus paths can name it. */
  ref: string
  label: string
  action: () => void
  /** Wider than the row's default (340) for a long label ("Pay with Alipay ••8888"); a longer label widens it further. */
  w?: number
}

interface ChoicesTemplateSpec extends Lightning.Component.TemplateSpec {
  Row: Lightning.Element
}

const BUTTON_H = 80
const GAP = 32

/**
 * A row of buttons in a dialog: Left/Right move, Enter runs the focused one.
 * Each button is as wide as its label needs, at least `minButtonW`.
 */
export class Choices
  extends Lightning.Component<ChoicesTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<ChoicesTemplateSpec>
{
  static override _template(): Lightning.Component.Template<ChoicesTemplateSpec> {
    return { h: BUTTON_H, Row: {} }
  }

  private _choices: Choice[] = []
  private _index = 0
  private readonly Row = this.getByRef('Row')!

  /** Replaces the buttons; focus goes to `focusRef` when given, else the first. */
  setChoices(choices: Choice[], focusRef?: string, buttonW = 340): void {
    this._choices = choices
    this.Row.children = choices.map((choice) => ({ ref: choice.ref, type: Button, h: BUTTON_H, label: choice.label }))
    let x = 0
    this.Row.children.forEach((child, index) => {
      // A label longer than the button's width (an operator's own name for a stored method) widens it.
      const button = child as Button
      button.fitLabel(choices[index]?.w ?? buttonW)
      button.x = x
      x += button.w + GAP
    })
    const wanted = focusRef === undefined ? -1 : choices.findIndex((c) => c.ref === focusRef)
    this._index = wanted >= 0 ? wanted : 0
    this.w = Math.max(0, x - GAP)
    this._refocus()
  }

  get focusedRef(): string | null {
    return this._choices[this._index]?.ref ?? null
  }

  override _getFocused(): Lightning.Component | undefined {
    return this.Row.children[this._index] as Lightning.Component | undefined
  }

  override _handleLeft(): boolean {
    if (this._index === 0) return false
    this._index -= 1
    return true
  }

  override _handleRight(): boolean {
    if (this._index >= this._choices.length - 1) return false
    this._index += 1
    return true
  }

  override _handleEnter(): void {
    this._choices[this._index]?.action()
  }
}
