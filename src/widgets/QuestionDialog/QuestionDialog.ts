import { Lightning } from '@lightningjs/sdk'
import { Button } from '../../components/Button/Button'
import { colors, layout, lineLimit, typography, wrapping } from '../../components/theme'

interface QuestionDialogTemplateSpec extends Lightning.Component.TemplateSpec {
  Scrim: Lightning.Element
  Panel: {
    Title: Lightning.Element
    Confirm: typeof Button
    Cancel: typeof Button
  }
}

/** A yes/no question the App asks for a page (`fireAncestors('$ask', question)`) or for itself (exit). */
export interface Question {
  /** Two lines at most: a title's name in it is cut with `…` rather than running into the buttons. */
  title: string
  confirm: string
  cancel: string
}

declare module '@lightningjs/sdk' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Lightning {
    // eslint-disable-next-line @typescript-eslint/no-namespace
    namespace Component {
      interface FireAncestorsMap {
        /** Asks a yes/no question over the page (focus comes back to the page after); true for yes. */
        $ask(question: Question): Promise<boolean>
      }
    }
  }
}

export interface QuestionAnswerHandlers {
  onConfirm(): void
  onCancel(): void
}

/**
 * "Exit Marquee?", "Remove … from Continue watching?": a question and two
 * buttons. Focus starts on the safe choice, so a double press never does what
 * was not asked; Back answers no.
 */
export class QuestionDialog
  extends Lightning.Component<QuestionDialogTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<QuestionDialogTemplateSpec>
{
  static override _template(): Lightning.Component.Template<QuestionDialogTemplateSpec> {
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
          y: 70,
          mountX: 0.5,
          text: { text: '', ...typography.title, ...wrapping, ...lineLimit(2), textColor: colors.text, textAlign: 'center', wordWrapWidth: 720 },
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

  private _answer: QuestionAnswerHandlers = { onConfirm: () => undefined, onCancel: () => undefined }

  open(question: Question, answer: QuestionAnswerHandlers): void {
    this._answer = answer
    this.Title.text = question.title
    this.Cancel.label = question.cancel
    this.Confirm.label = question.confirm
    this._focusIndex = 0
    this.visible = true
  }

  /** What voice guidance reads as the question takes the focus, before the focused button's label. */
  get announce(): string[] {
    return [this.Title.text?.text ?? '']
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
