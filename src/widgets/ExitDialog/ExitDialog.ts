import { Lightning } from '@lightningjs/sdk'
import { t } from '../../i18n'
import { Button } from '../../components/Button/Button'
import { colors, layout, typography } from '../../components/theme'

interface ExitDialogTemplateSpec extends Lightning.Component.TemplateSpec {
  Scrim: Lightning.Element
  Panel: {
    Title: Lightning.Element
    Confirm: typeof Button
    Cancel: typeof Button
  }
}

export interface ExitAnswerHandlers {
  onConfirm(): void
  onCancel(): void
}

/**
 * "Exit Marquee?" — Back on Home asks before leaving. Focus starts on the
 * safe choice, so a double Back press does not throw the viewer out.
 */
export class ExitDialog
  extends Lightning.Component<ExitDialogTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<ExitDialogTemplateSpec>
{
  static override _template(): Lightning.Component.Template<ExitDialogTemplateSpec> {
    return {
      w: layout.screenW,
      h: layout.screenH,
      zIndex: 50,
      visible: false,
      Scrim: { rect: true, w: layout.screenW, h: layout.screenH, color: colors.scrim },
      Panel: {
        x: 560,
        y: 340,
        w: 800,
        h: 400,
        rect: true,
        color: colors.surface,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: layout.radius * 2 },
        Title: {
          x: 400,
          y: 90,
          mountX: 0.5,
          text: { text: '', ...typography.title, textColor: colors.text, textAlign: 'center', wordWrapWidth: 720 },
        },
        Cancel: { type: Button, x: 60, y: 240, w: 320 },
        Confirm: { type: Button, x: 420, y: 240, w: 320 },
      },
    }
  }

  private _focusIndex = 0
  private readonly Panel = this.getByRef('Panel')!
  private readonly Title = this.Panel.getByRef('Title')!
  private readonly Cancel = this.Panel.getByRef('Cancel')!
  private readonly Confirm = this.Panel.getByRef('Confirm')!

  private _answer: ExitAnswerHandlers = { onConfirm: () => undefined, onCancel: () => undefined }

  open(answer: ExitAnswerHandlers): void {
    this._answer = answer
    this.Title.text = t('exit.title')
    this.Cancel.label = t('exit.cancel')
    this.Confirm.label = t('exit.confirm')
    this._focusIndex = 0
    this.visible = true
  }

  close(): void {
    this.visible = false
  }

  override _getFocused(): Lightning.Component {
    return this._focusIndex === 0 ? this.Cancel : this.Confirm
  }

  override _handleLeft(): void {
    this._focusIndex = 0
  }

  override _handleRight(): void {
    this._focusIndex = 1
  }

  override _handleEnter(): void {
    if (this._focusIndex === 1) this._answer.onConfirm()
    else this._answer.onCancel()
  }

  override _handleBack(): void {
    this._answer.onCancel()
  }
}
