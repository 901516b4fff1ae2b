import { Lightning } from '@lightningjs/sdk'
import { colors, layout, motion, typography } from '../theme'

export interface ButtonTemplateSpec extends Lightning.Component.TemplateSpec {
  label: string
  Background: Lightning.Element
  Label: Lightning.Element
}

/** How a button is sized to its label: at least `minWidth` wide, `paddingX` either side of the label. */
export interface ButtonFit {
  minWidth: number
  paddingX: number
}

/**
 * Sizes the buttons to their labels and lines them up left to right from `x`, `gap` apart, with the first of
 * `fits` whose row stays within `maxWidth` (the last when none does); returns the row's width.
 */
export function fitButtonRow(buttons: readonly Button[], fits: readonly ButtonFit[], row: { x: number; gap: number; maxWidth: number }): number {
  let width = 0
  for (const fit of fits) {
    let x = row.x
    for (const button of buttons) {
      button.fitLabel(fit.minWidth, fit.paddingX)
      button.x = x
      x += button.w + row.gap
    }
    width = x - row.gap - row.x
    if (width <= row.maxWidth) break
  }
  return width
}

/** A focusable pill whose highlight follows focus; the parent decides what Enter does. */
export class Button
  extends Lightning.Component<ButtonTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<ButtonTemplateSpec>
{
  static override _template(): Lightning.Component.Template<ButtonTemplateSpec> {
    return {
      w: 320,
      h: 80,
      Background: {
        w: (w: number) => w,
        h: (h: number) => h,
        rect: true,
        color: colors.surface,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: layout.radius },
      },
      Label: {
        mount: 0.5,
        x: (w: number) => w / 2,
        y: (h: number) => h / 2,
        text: { text: '', ...typography.body, textColor: colors.text, verticalAlign: 'middle' },
      },
    }
  }

  /** What voice guidance says for the button where its label would read badly aloud ("Play Season 1, Episode 4"). */
  announce: string | undefined = undefined
  private _label = ''
  private readonly Background = this.getByRef('Background')!
  private readonly Label = this.getByRef('Label')!

  get label(): string {
    return this._label
  }

  set label(value: string) {
    this._label = value
    this.Label.text = value
  }

  /** Widens the button to its label (never narrower than `minWidth`), for prices and long words. */
  fitLabel(minWidth: number, paddingX = 40): void {
    this.Label.loadTexture()
    this.w = Math.max(minWidth, Math.ceil(this.Label.renderWidth) + paddingX * 2)
  }

  override _focus(): void {
    this.Background.setSmooth('color', colors.surfaceFocused, { duration: motion.focusDuration })
    this.Label.text!.textColor = colors.textOnAccent
    this.setSmooth('scale', motion.focusScale, { duration: motion.focusDuration })
  }

  override _unfocus(): void {
    this.Background.setSmooth('color', colors.surface, { duration: motion.focusDuration })
    this.Label.text!.textColor = colors.text
    this.setSmooth('scale', 1, { duration: motion.focusDuration })
  }
}
