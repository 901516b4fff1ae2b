import { Lightning } from '@lightningjs/sdk'
import { Choices } from './Choices'
import { dialog, dialogShell, fitPanel, textColumn, textStyle, type DialogTemplateSpec } from './Dialog.styles'

type ConfirmDialogTemplateSpec = DialogTemplateSpec<{
  Texts: {
    Title: Lightning.Element
    Message: Lightning.Element
  }
  Actions: typeof Choices
}>

const PANEL_W = 1100
const PANEL_H = 520
const INNER_W = PANEL_W - dialog.padding * 2

export interface ConfirmQuestion {
  title: string
  message: string
  confirm: string
  cancel: string
}

/**
 * A yes/no question before something that cannot be undone, such as the first
 * play of a rental starting its 48 h window. Focus starts on Confirm only when
 * asked to; Back answers no.
 */
export class ConfirmDialog
  extends Lightning.Component<ConfirmDialogTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<ConfirmDialogTemplateSpec>
{
  static override _template(): Lightning.Component.Template<ConfirmDialogTemplateSpec> {
    const x = dialog.padding
    return dialogShell(PANEL_W, PANEL_H, {
      Texts: {
        x,
        y: 64,
        ...textColumn,
        Title: { text: textStyle('title', INNER_W) },
        Message: { flexItem: { marginTop: 42 }, text: textStyle('body', INNER_W) },
      },
      // Placed under the message by fitPanel.
      Actions: { type: Choices, x },
    })
  }

  private readonly Panel = this.getByRef('Panel')!
  private readonly Texts = this.Panel.getByRef('Texts')!
  private readonly Title = this.Texts.getByRef('Title')!
  private readonly Message = this.Texts.getByRef('Message')!
  private readonly Actions = this.Panel.getByRef('Actions')!
  private _resolve: ((yes: boolean) => void) | null = null

  ask(question: ConfirmQuestion): Promise<boolean> {
    this.Title.text = question.title
    this.Message.text = question.message
    this.visible = true
    return new Promise<boolean>((resolve) => {
      this._resolve = resolve
      this.Actions.setChoices(
        [
          { ref: 'Confirm', label: question.confirm, action: () => this.answer(true) },
          { ref: 'Cancel', label: question.cancel, action: () => this.answer(false) },
        ],
        'Confirm',
        400,
      )
      fitPanel(this.Panel, this.Texts, this.Actions)
    })
  }

  private answer(yes: boolean): void {
    this.visible = false
    const resolve = this._resolve
    this._resolve = null
    resolve?.(yes)
  }

  override _getFocused(): Lightning.Component {
    return this.Actions
  }

  override _handleBack(): void {
    this.answer(false)
  }

  override _handleKey(): boolean {
    return true
  }
}
