import { Lightning } from '@lightningjs/sdk'
import type { DeviceCodeResponse } from '../../../server/contract'
import { pollDeviceSignIn, startDeviceSignIn } from '../../api/auth'
import { announceChange } from '../../api/changes'
import { AppError } from '../../api/errors'
import { api, rememberSignIn } from '../../api/session'
import { currentLanguage, setLanguage, t } from '../../i18n'
import { failureMessage } from '../../pages/failure-message'
import { formatUserCode, nextSignInPoll } from '../../domain'
import { Choices, type Choice } from '../Purchase/Choices'
import { dialog, dialogShell, textStyle, type DialogTemplateSpec } from '../Purchase/Dialog.styles'
import { ScanToPay } from '../ScanToPay/ScanToPay'

type SignInDialogTemplateSpec = DialogTemplateSpec<{
  Title: Lightning.Element
  Reason: Lightning.Element
  Code: Lightning.Element
  Qr: typeof ScanToPay
  Status: Lightning.Element
  Actions: typeof Choices
}>

const PANEL_W = dialog.panelW
const PANEL_H = 900
const INNER_W = PANEL_W - dialog.padding * 2

/**
 * TV sign-in with a device code (RFC 8628): a code and a QR to the phone page
 * /activate, polling POST /v1/auth/token at the server's interval (longer
 * after slow_down), a new code when it expires. On approval the account
 * token is stored and every page hears that entitlements changed.
 */
export class SignInDialog
  extends Lightning.Component<SignInDialogTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<SignInDialogTemplateSpec>
{
  static override _template(): Lightning.Component.Template<SignInDialogTemplateSpec> {
    const x = dialog.padding
    return dialogShell(PANEL_W, PANEL_H, {
      Title: { x, y: 60, text: textStyle('title', INNER_W) },
      Reason: { x, y: 136, text: textStyle('caption', INNER_W) },
      Code: { x, y: 196, text: textStyle('code', INNER_W) },
      Qr: { type: ScanToPay, x, y: 316 },
      Status: { x, y: 330, text: textStyle('body', INNER_W) },
      Actions: { type: Choices, x, y: PANEL_H - 80 - 56 },
    })
  }

  private readonly Panel = this.getByRef('Panel')!
  private readonly Title = this.Panel.getByRef('Title')!
  private readonly Reason = this.Panel.getByRef('Reason')!
  private readonly Code = this.Panel.getByRef('Code')!
  private readonly Qr = this.Panel.getByRef('Qr')!
  private readonly Status = this.Panel.getByRef('Status')!
  private readonly Actions = this.Panel.getByRef('Actions')!

  private _resolve: ((signedIn: boolean) => void) | null = null
  private _timer: ReturnType<typeof setTimeout> | null = null
  private _countdown: ReturnType<typeof setInterval> | null = null
  private _session = 0

  /** `reason` says why sign-in is asked for ("to buy and subscribe"). Resolves true once signed in. */
  run(reason: string): Promise<boolean> {
    this._session += 1
    this.visible = true
    this.Title.text = t('signIn.title')
    this.Reason.text = reason
    return new Promise<boolean>((resolve) => {
      this._resolve = resolve
      void this.start()
    })
  }

  private async start(): Promise<void> {
    const session = this._session
    this.stopTimers()
    this.showStatus(t('signIn.loading'), [this.cancelChoice()])
    try {
      const code = await startDeviceSignIn(api())
      if (session !== this._session) return
      this.showCode(code)
      this.schedule(code, code.interval, session)
    } catch (error) {
      if (session !== this._session) return
      this.showStatus(failureMessage(error, 'signInCode'), [
        { ref: 'Retry', label: t('purchase.retry'), action: () => void this.start() },
        this.cancelChoice(),
      ])
    }
  }

  private schedule(code: DeviceCodeResponse, intervalSeconds: number, session: number): void {
    this._timer = setTimeout(() => void this.poll(code, intervalSeconds, session), intervalSeconds * 1000)
  }

  private async poll(code: DeviceCodeResponse, intervalSeconds: number, session: number): Promise<void> {
    try {
      const token = await pollDeviceSignIn(api(), code.deviceCode)
      if (session !== this._session) return
      rememberSignIn(token.accessToken, token.expiresAt, token.account)
      announceChange('entitlements')
      // The account's language (chosen on another TV) follows the viewer here.
      const language = token.account.language
      if (language !== null && language !== currentLanguage()) {
        await setLanguage(language)
        announceChange('language')
      }
      this.finish(true)
    } catch (error) {
      if (session !== this._session) return
      const appError = error instanceof AppError ? error : new AppError('bad-response', String(error))
      const step = nextSignInPoll(intervalSeconds, appError)
      switch (step.type) {
        case 'wait':
        case 'retry':
          this.schedule(code, step.intervalSeconds, session)
          return
        case 'restart':
          void this.start()
          return
        case 'denied':
          this.stopTimers()
          this.showStatus(t('signIn.denied'), [
            { ref: 'Retry', label: t('signIn.again'), action: () => void this.start() },
            this.cancelChoice(),
          ])
      }
    }
  }

  private showCode(code: DeviceCodeResponse): void {
    this.Code.text = formatUserCode(code.userCode)
    this.Code.visible = true
    this.Qr.visible = true
    this.Qr.show(code.qrUrl, t('signIn.instructions'), code.verificationUri)
    const expiresAt = Date.now() + code.expiresIn * 1000
    const tick = (): void => {
      const minutes = Math.max(0, Math.ceil((expiresAt - Date.now()) / 60000))
      this.Qr.countdown = t('signIn.waiting', { minutes })
    }
    tick()
    this._countdown = setInterval(tick, 1000)
    this.Status.visible = false
    this.Actions.setChoices([this.cancelChoice()])
  }

  private showStatus(message: string, actions: Choice[]): void {
    this.Code.visible = false
    this.Qr.visible = false
    this.Status.visible = true
    this.Status.text = message
    this.Actions.setChoices(actions)
  }

  private cancelChoice(): Choice {
    return { ref: 'CancelSignIn', label: t('purchase.cancel'), action: () => this.finish(false) }
  }

  private stopTimers(): void {
    if (this._timer) clearTimeout(this._timer)
    if (this._countdown) clearInterval(this._countdown)
    this._timer = null
    this._countdown = null
  }

  private finish(signedIn: boolean): void {
    this._session += 1
    this.stopTimers()
    this.visible = false
    const resolve = this._resolve
    this._resolve = null
    resolve?.(signedIn)
  }

  override _getFocused(): Lightning.Component {
    return this.Actions
  }

  override _handleBack(): void {
    this.finish(false)
  }

  override _handleKey(): boolean {
    return true
  }
}
