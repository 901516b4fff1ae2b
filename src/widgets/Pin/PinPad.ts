import { Lightning } from '@lightningjs/sdk'
import { KeyboardNumbers } from '@lightningjs/ui-components'
import { t } from '../../i18n'
import { colors } from '../../components/theme'
import { digitOfKey } from '../../platform'
import { editPin, isCompletePin, PIN_LENGTH } from '../../domain'
import { Choices } from '../Purchase/Choices'
import { dialogColors, textStyle } from '../Purchase/Dialog.styles'

interface PinPadTemplateSpec extends Lightning.Component.TemplateSpec {
  Dots: Lightning.Element
  Notice: Lightning.Element
  Keys: typeof KeyboardNumbers
  Actions: typeof Choices
}

export interface PinPadHandlers {
  submit(pin: string): void
  cancel(): void
}

const DOT = 36
const DOT_GAP = 40
const PAD_W = 620
const EMPTY_DOT = 0xff4a4a5e
/** LUI's default keys are sized for a phone-width layout; larger reads better from the sofa. */
const KEYS_SCALE = 1.1
/** The LUI dial pad with a delete key; digits also come from the remote's number keys. */
const PIN_FORMAT = {
  pin: [['1', '2', '3'], ['4', '5', '6'], ['7', '8', '9'], ['0', { title: '⌫', keyId: 'delete', announce: 'delete, button' }]],
}

/**
 * Four masked digits: dots fill as digits are typed on the LUI number
 * keyboard or the remote's number keys. The fourth digit moves the focus to
 * Confirm; the PIN is sent only on Enter there. `busy` ignores every key, so a
 * second press while the first is being answered does nothing.
 */
export class PinPad
  extends Lightning.Component<PinPadTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<PinPadTemplateSpec>
{
  static override _template(): Lightning.Component.Template<PinPadTemplateSpec> {
    const dotsW = PIN_LENGTH * DOT + (PIN_LENGTH - 1) * DOT_GAP
    return {
      w: PAD_W,
      Dots: {
        x: (PAD_W - dotsW) / 2,
        children: Array.from({ length: PIN_LENGTH }, (_, i) => ({
          x: i * (DOT + DOT_GAP),
          w: DOT,
          h: DOT,
          rect: true,
          color: EMPTY_DOT,
          shader: { type: Lightning.shaders.RoundedRectangle, radius: DOT / 2 },
        })),
      },
      Notice: { y: 56, x: PAD_W / 2, mountX: 0.5, text: { ...textStyle('notice', PAD_W + 300), textAlign: 'center' } },
      Keys: {
        type: KeyboardNumbers,
        y: 140,
        scale: KEYS_SCALE,
        formats: PIN_FORMAT,
        defaultFormat: 'pin',
        centerKeys: true,
        signals: { keyboardWidthChanged: true },
      },
      Actions: { type: Choices, y: 596 },
    }
  }

  private _pin = ''
  private _prompt = ''
  private _busy = false
  private _zone: 'keys' | 'actions' = 'keys'
  private _handlers: PinPadHandlers = { submit: () => undefined, cancel: () => undefined }
  private readonly Dots = this.getByRef('Dots')!
  private readonly Notice = this.getByRef('Notice')!
  private readonly Keys = this.getByRef('Keys')!
  private readonly Actions = this.getByRef('Actions')!

  /**
   * Clears the digits; `confirmLabel` names what Enter on Confirm does ("Pay ¥8"),
   * `prompt` is the muted line under the dots until a notice replaces it.
   */
  reset(handlers: PinPadHandlers, confirmLabel: string, prompt = ''): void {
    this._handlers = handlers
    this._prompt = prompt
    this._pin = ''
    this._busy = false
    this._zone = 'keys'
    this.Actions.setChoices(
      [
        { ref: 'ConfirmPin', label: confirmLabel, action: () => this.submit() },
        { ref: 'CancelPin', label: t('purchase.cancel'), action: () => this._handlers.cancel() },
      ],
      'ConfirmPin',
      290,
    )
    this.Actions.x = (PAD_W - this.Actions.w) / 2
    this.setNotice('')
    this.renderDots()
  }

  /** After a wrong PIN: empty dots, the message, focus back on the keys. */
  retry(notice: string): void {
    this._pin = ''
    this._busy = false
    this._zone = 'keys'
    this.setNotice(notice)
    this.renderDots()
  }

  /** A problem to tell (red), or '' for the prompt again. */
  setNotice(text: string): void {
    this.Notice.text = text === '' ? this._prompt : text
    this.Notice.text!.textColor = text === '' ? colors.textMuted : dialogColors.notice
  }

  set busy(value: boolean) {
    this._busy = value
  }

  get pinLength(): number {
    return this._pin.length
  }

  private renderDots(): void {
    this.Dots.children.forEach((dot, i) => {
      dot.color = i < this._pin.length ? colors.accent : EMPTY_DOT
    })
  }

  private press(key: { digit: string } | 'delete'): void {
    if (this._busy) return
    this._pin = editPin(this._pin, key)
    if (key !== 'delete') this.setNotice('')
    this.renderDots()
    this._zone = isCompletePin(this._pin) ? 'actions' : 'keys'
  }

  private submit(): void {
    if (this._busy) return
    if (!isCompletePin(this._pin)) {
      this.setNotice(t('pin.enterFour'))
      this._zone = 'keys'
      return
    }
    this._busy = true
    this._handlers.submit(this._pin)
  }

  /** The keyboard reports its width once its keys are laid out: centre it on the pad. */
  keyboardWidthChanged(): void {
    this.Keys.x = (PAD_W - this.Keys.w) / 2
  }

  /** LUI keys report Enter here. */
  $onSoftKey(event: { key: string }): void {
    this.press(event.key === 'delete' ? 'delete' : { digit: event.key })
  }

  override _getFocused(): Lightning.Component {
    return this._zone === 'keys' ? this.Keys : this.Actions
  }

  override _handleDown(): boolean {
    if (this._zone === 'actions') return false
    this._zone = 'actions'
    return true
  }

  override _handleUp(): boolean {
    if (this._zone === 'keys') return false
    this._zone = 'keys'
    return true
  }

  override _handleBack(): boolean {
    // While busy (answering, or locked) Back goes to the dialog, which decides.
    if (this._busy) return false
    this._handlers.cancel()
    return true
  }

  /** The remote's number keys (Digit0–Digit9 in every platform key map); other keys go on up. */
  override _handleKey(event: KeyboardEvent): boolean {
    const digit = digitOfKey(event)
    if (digit === null) return false
    this.press({ digit: String(digit) })
    return true
  }
}
