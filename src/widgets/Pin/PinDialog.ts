import { Lightning } from '@lightningjs/sdk'
import { failureMessage } from '../../pages/failure-message'
import { dialog, dialogShell, textStyle, type DialogTemplateSpec } from '../Purchase/Dialog.styles'
import { PinPad } from './PinPad'

type PinDialogTemplateSpec = DialogTemplateSpec<{
  Title: Lightning.Element
  Message: Lightning.Element
  Pin: typeof PinPad
}>

const PANEL_W = 1100
const PANEL_H = 940
const INNER_W = PANEL_W - dialog.padding * 2

/** What a check of the entered PIN says: accepted, or a message and whether to let the viewer try again. */
export type PinCheck = { ok: true } | { ok: false; notice: string; canRetry: boolean }

export interface PinQuestion {
  title: string
  message: string
  confirm: string
  /** Checks the PIN (with the server, or against an earlier entry); errors become a notice. */
  check(pin: string): Promise<PinCheck>
}

/**
 * The parental PIN on its own: before a title above the rating limit plays,
 * and the steps of changing the PIN. Resolves the accepted PIN, or null when
 * the viewer backs out or the PIN is locked.
 */
export class PinDialog
  extends Lightning.Component<PinDialogTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<PinDialogTemplateSpec>
{
  static override _template(): Lightning.Component.Template<PinDialogTemplateSpec> {
    const x = dialog.padding
    return dialogShell(PANEL_W, PANEL_H, {
      Title: { x, y: 56, text: textStyle('title', INNER_W) },
      Message: { x, y: 126, text: textStyle('caption', INNER_W) },
      Pin: { type: PinPad, x: (PANEL_W - 620) / 2, y: 216 },
    })
  }

  private readonly Panel = this.getByRef('Panel')!
  private readonly Title = this.Panel.getByRef('Title')!
  private readonly Message = this.Panel.getByRef('Message')!
  private readonly Pin = this.Panel.getByRef('Pin')!
  private _resolve: ((pin: string | null) => void) | null = null

  ask(question: PinQuestion): Promise<string | null> {
    this.Title.text = question.title
    this.Message.text = question.message
    this.visible = true
    return new Promise<string | null>((resolve) => {
      this._resolve = resolve
      this.Pin.reset(
        {
          submit: (pin) => void this.check(question, pin),
          cancel: () => this.answer(null),
        },
        question.confirm,
      )
    })
  }

  private async check(question: PinQuestion, pin: string): Promise<void> {
    let result: PinCheck
    try {
      result = await question.check(pin)
    } catch (error) {
      result = { ok: false, notice: failureMessage(error, 'pinCheck'), canRetry: true }
    }
    if (result.ok) this.answer(pin)
    else if (result.canRetry) this.Pin.retry(result.notice)
    else {
      // Locked: say for how long and keep the keys inert; Back leaves.
      this.Pin.retry(result.notice)
      this.Pin.busy = true
    }
  }

  private answer(pin: string | null): void {
    this.visible = false
    const resolve = this._resolve
    this._resolve = null
    resolve?.(pin)
  }

  override _getFocused(): Lightning.Component {
    return this.Pin
  }

  override _handleBack(): void {
    this.answer(null)
  }

  override _handleKey(): boolean {
    return true
  }
}
