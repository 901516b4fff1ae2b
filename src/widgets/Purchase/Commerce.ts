import { Lightning, Router } from '@lightningjs/sdk'
import { changePin, verifyPin } from '../../api/account'
import { fetchTitle } from '../../api/catalog'
import { announceChange } from '../../api/changes'
import { api, signedInAccount } from '../../api/session'
import { currentLanguage, t } from '../../i18n'
import { failureMessage } from '../../pages/failure-message'
import { formatSpan, needsPin, pinNotice, playHash, startsRentalWindow, type Rating } from '../../domain'
import { PinDialog, type PinCheck } from '../Pin/PinDialog'
import { SignInDialog } from '../SignIn/SignInDialog'
import { asAppError, purchaseFailure } from './api-failure'
import { ConfirmDialog } from './ConfirmDialog'
import { PurchaseDialog } from './PurchaseDialog'
import { forgetPurchaseContext } from './context'
import type { PurchaseRequest } from './request'

interface CommerceTemplateSpec extends Lightning.Component.TemplateSpec {
  Purchase: typeof PurchaseDialog
  SignIn: typeof SignInDialog
  Pin: typeof PinDialog
  Confirm: typeof ConfirmDialog
}

type DialogRef = 'Purchase' | 'SignIn' | 'Pin' | 'Confirm'

/** A PIN answer from the server as what the PIN pad shows next. */
function pinCheckFrom(error: unknown): PinCheck {
  const appError = asAppError(error)
  const notice = pinNotice(purchaseFailure(appError), Date.now())
  if (notice?.kind === 'tries-left') return { ok: false, notice: t('pin.wrong', { tries: notice.triesLeft }), canRetry: true }
  if (notice?.kind === 'locked') {
    return { ok: false, notice: t('pin.locked', { time: formatSpan(notice.unlocksInMs, currentLanguage()) }), canRetry: false }
  }
  return { ok: false, notice: appError.transient ? failureMessage(appError, 'pinCheck') : t('purchase.error.declined'), canRetry: true }
}

/**
 * The App's commerce dialogs and the flows that chain them: sign in before
 * buying, buy then play, ask before a rental's window starts, the parental
 * PIN above the rating limit, changing the PIN. The App routes the pages'
 * `$purchase`, `$signIn`, `$confirmRentalStart` and `$checkParental` here and
 * focuses this component while a dialog is up.
 */
export class Commerce
  extends Lightning.Component<CommerceTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<CommerceTemplateSpec>
{
  static override _template(): Lightning.Component.Template<CommerceTemplateSpec> {
    return {
      Purchase: { type: PurchaseDialog },
      SignIn: { type: SignInDialog },
      Pin: { type: PinDialog },
      Confirm: { type: ConfirmDialog },
    }
  }

  private _open: DialogRef[] = []
  private readonly Purchase = this.getByRef('Purchase')!
  private readonly SignIn = this.getByRef('SignIn')!
  private readonly Pin = this.getByRef('Pin')!
  private readonly Confirm = this.getByRef('Confirm')!

  /** Whether a dialog is up (the App keeps the focus here while it is). */
  get hasOpenDialog(): boolean {
    return this._open.length > 0
  }

  private async showing<T>(ref: DialogRef, run: () => Promise<T>): Promise<T> {
    this._open.push(ref)
    this._refocus()
    try {
      return await run()
    } finally {
      this._open.splice(this._open.lastIndexOf(ref), 1)
      this._refocus()
    }
  }

  /** Signs in with the device code; true once signed in. */
  signIn(reason: string = t('signIn.reason.general')): Promise<boolean> {
    return this.showing('SignIn', () => this.SignIn.run(reason))
  }

  /**
   * Sells what the request offers (asking to sign in first on an anonymous
   * device), then tells every page and starts playing. True when bought.
   */
  async purchase(request: PurchaseRequest): Promise<boolean> {
    if (signedInAccount() === null && !(await this.signIn(t('signIn.reason.purchase')))) return false
    for (;;) {
      const outcome = await this.showing('Purchase', () => this.Purchase.run(request))
      if (outcome === 'closed') return false
      if (outcome === 'sign-in-required') {
        if (!(await this.signIn(t('signIn.reason.purchase')))) return false
        continue
      }
      announceChange('entitlements')
      this.fireAncestors('$showToast', t('purchase.complete'))
      if (this.Purchase.paidWithPin || (await this.checkParental(request.rating))) Router.navigate(playHash(request.titleId, request.episodeId))
      return true
    }
  }

  /**
   * Before the first play of a rental: "your 48 hours start now". True to go
   * ahead (also when the title is no unstarted rental, or cannot be checked:
   * the server still decides at playback).
   */
  async confirmRentalStart(titleId: string): Promise<boolean> {
    let title
    try {
      title = await fetchTitle(api(), titleId)
    } catch {
      return true
    }
    if (!startsRentalWindow(title.access.entitlement, Date.now())) return true
    const rent = title.access.offers.find((offer) => offer.kind === 'rent')
    const hours = rent?.kind === 'rent' ? rent.playWindowHours : 48
    return this.showing('Confirm', () =>
      this.Confirm.ask({
        title: t('rentalStart.title', { title: title.title }),
        message: t('rentalStart.message', { hours }),
        confirm: t('rentalStart.confirm'),
        cancel: t('rentalStart.cancel'),
      }),
    )
  }

  /** Titles above the account's rating limit ask for the PIN; true when they may play. */
  async checkParental(rating: Rating): Promise<boolean> {
    const account = signedInAccount()
    if (account === null || !needsPin(rating, account.ratingLimit)) return true
    const pin = await this.showing('Pin', () =>
      this.Pin.ask({
        title: t('parental.title', { rating }),
        message: t('parental.message', { limit: account.ratingLimit ?? '' }),
        confirm: t('parental.confirm'),
        check: async (entered) => {
          try {
            await verifyPin(api(), entered)
            return { ok: true }
          } catch (error) {
            return pinCheckFrom(error)
          }
        },
      }),
    )
    return pin !== null
  }

  /**
   * Changes the PIN: the current one (checked by the server) when there is
   * one, the new one, the new one again. True when changed.
   */
  async changePin(hasPin: boolean): Promise<boolean> {
    return this.showing('Pin', async () => {
      const dialog = this.Pin
      let current: string | null = null
      if (hasPin) {
        current = await dialog.ask({
          title: t('pin.change.title'),
          message: t('pin.change.current'),
          confirm: t('pin.next'),
          check: async (entered) => {
            try {
              await verifyPin(api(), entered)
              return { ok: true }
            } catch (error) {
              return pinCheckFrom(error)
            }
          },
        })
        if (current === null) return false
      }
      const next = await dialog.ask({ title: t('pin.change.title'), message: t('pin.change.new'), confirm: t('pin.next'), check: () => Promise.resolve({ ok: true }) })
      if (next === null) return false
      const again = await dialog.ask({
        title: t('pin.change.title'),
        message: t('pin.change.repeat'),
        confirm: t('pin.change.save'),
        check: async (entered) => {
          if (entered !== next) return { ok: false, notice: t('pin.change.mismatch'), canRetry: true }
          try {
            await changePin(api(), next, current ?? undefined)
            // A first PIN lets the purchase dialog pay with the stored method: its context is asked again.
            forgetPurchaseContext()
            return { ok: true }
          } catch (error) {
            return pinCheckFrom(error)
          }
        },
      })
      return again !== null
    })
  }

  override _getFocused(): Lightning.Component | undefined {
    const ref = this._open[this._open.length - 1]
    return ref ? this[ref] : undefined
  }
}
