import { Lightning } from '@lightningjs/sdk'

declare module '@lightningjs/sdk' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Lightning {
    // eslint-disable-next-line @typescript-eslint/no-namespace
    namespace Component {
      interface FireAncestorsMap {
        /** Any page or widget: a short message at the bottom of the screen (the App hosts the Toast). */
        $showToast(message: string): void
      }
    }
  }
}
import { colors, layout, typography } from '../../components/theme'
import { announce } from '../../a11y'

interface ToastTemplateSpec extends Lightning.Component.TemplateSpec {
  Background: Lightning.Element
  Message: Lightning.Element
}

const TOAST_HEIGHT = 88
const DEFAULT_DURATION_MS = 4000
const TOAST_COLOR = 0xf5262636

/**
 * A short message at the bottom of the screen that never takes focus: "You are
 * offline", "Purchase complete". A new message replaces the current one.
 */
export class Toast
  extends Lightning.Component<ToastTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<ToastTemplateSpec>
{
  static override _template(): Lightning.Component.Template<ToastTemplateSpec> {
    return {
      x: layout.screenW / 2,
      y: layout.screenH - layout.safeY - TOAST_HEIGHT,
      mountX: 0.5,
      h: TOAST_HEIGHT,
      zIndex: 60,
      alpha: 0,
      Background: {
        rect: true,
        h: TOAST_HEIGHT,
        color: TOAST_COLOR,
        // A gold outline sets it apart from the tiles it floats over.
        shader: { type: Lightning.shaders.RoundedRectangle, radius: TOAST_HEIGHT / 2, stroke: 3, strokeColor: colors.accent },
      },
      Message: {
        x: 48,
        y: TOAST_HEIGHT / 2,
        mountY: 0.5,
        text: { text: '', ...typography.body, textColor: colors.text, verticalAlign: 'middle' },
      },
    }
  }

  private readonly Background = this.getByRef('Background')!
  private readonly Message = this.getByRef('Message')!
  private _hideTimer: ReturnType<typeof setTimeout> | null = null

  /** `said` false: the caller reads it out itself, with what goes with it. */
  show(message: string, durationMs = DEFAULT_DURATION_MS, said = true): void {
    this.Message.text = message
    this.Message.loadTexture()
    this.w = this.Message.renderWidth + 96
    this.Background.w = this.w
    this.setSmooth('alpha', 1, { duration: 0.2 })
    if (this._hideTimer) clearTimeout(this._hideTimer)
    this._hideTimer = setTimeout(() => this.hide(), durationMs)
    // Never focused, so voice guidance would not read it otherwise.
    if (said) announce(message)
  }

  hide(): void {
    if (this._hideTimer) clearTimeout(this._hideTimer)
    this._hideTimer = null
    this.setSmooth('alpha', 0, { duration: 0.3 })
  }

  get message(): string | null {
    return this.alpha > 0 ? String(this.Message.text?.text ?? '') : null
  }
}
