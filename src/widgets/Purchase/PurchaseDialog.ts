import { Lightning } from '@lightningjs/sdk'
import type { Account, Plan, Purchase } from '../../../server/contract'
import { api } from '../../api/session'
import { createPurchase, fetchPurchase } from '../../api/purchases'
import { currentLanguage, t } from '../../i18n'
import { wordingFor } from '../../pages/failure-key'
import { failureMessage as requestFailureMessage } from '../../pages/failure-message'
import { readStored, removeStored, writeStored } from '../../storage'
import {
  attemptEnded,
  betterDealPlan,
  canRetry,
  formatMoney,
  formatSpan,
  initialPurchaseState,
  intentFor,
  isPaidOffer,
  keyForAttempt,
  newIdempotencyKey,
  pinNotice,
  purchaseBody,
  purchaseReducer,
  purchaseTarget,
  rentalTerms,
  scanDeadline,
  scanPollOutcome,
  SCAN_POLL_INTERVAL_MS,
  type FailureReason,
  type PaymentMethod,
  type PurchaseEvent,
  type PurchaseState,
} from '../../domain'
import { PinPad } from '../Pin/PinPad'
import { ScanToPay } from '../ScanToPay/ScanToPay'
import { Choices, type Choice } from './Choices'
import { dialog, dialogColors, dialogShell, fitPanel, placePanel, textColumn, textStyle, type DialogTemplateSpec } from './Dialog.styles'
import { colors, oneLineHeight, typography } from '../../components/theme'
import { asAppError, purchaseFailure } from './api-failure'
import { purchaseContext, readyPurchaseContext, type PurchaseContext } from './context'
import type { PurchaseOutcome, PurchaseRequest } from './request'

type PurchaseDialogTemplateSpec = DialogTemplateSpec<{
  Summary: {
    Kicker: Lightning.Element
    Name: Lightning.Element
    Price: Lightning.Element
    Terms: Lightning.Element
    Hint: Lightning.Element
    Status: Lightning.Element
  }
  Pin: typeof PinPad
  Scan: typeof ScanToPay
  Actions: typeof Choices
}>

const PANEL_W = dialog.panelW
const PANEL_H = 900
const INNER_W = PANEL_W - dialog.padding * 2

/** A random source for idempotency keys: the platform's crypto where there is one. */
function keyRandom(): number {
  const cryptoApi = typeof crypto !== 'undefined' && typeof crypto.getRandomValues === 'function' ? crypto : null
  if (!cryptoApi) return Math.random()
  const word = new Uint32Array(1)
  cryptoApi.getRandomValues(word)
  return (word[0] ?? 0) / 4294967296
}

/**
 * The purchase dialog: what is bought, its price and terms, then the PIN for
 * the stored payment method or a QR to pay on the phone. It renders the pure
 * state machine of domain/purchase.ts and performs the requests each state
 * calls for, with one idempotency key per attempt kept across retries
 * (Storage 'purchase.pending'), so a double press or a retry never charges twice.
 */
export class PurchaseDialog
  extends Lightning.Component<PurchaseDialogTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<PurchaseDialogTemplateSpec>
{
  static override _template(): Lightning.Component.Template<PurchaseDialogTemplateSpec> {
    const x = dialog.padding
    return dialogShell(PANEL_W, PANEL_H, {
      Summary: {
        x,
        y: 54,
        ...textColumn,
        // Keeps its line while empty (loading), so the name below does not move when it is filled.
        Kicker: { flexItem: { minHeight: oneLineHeight(typography.caption) }, text: { ...textStyle('caption', INNER_W), textColor: colors.accent } },
        Name: { text: textStyle('title', INNER_W) },
        Price: { text: textStyle('price', INNER_W) },
        Terms: { text: textStyle('body', INNER_W) },
        Hint: { flexItem: { marginTop: 20 }, text: textStyle('caption', INNER_W) },
        Status: { flexItem: { marginTop: 30 }, text: textStyle('body', INNER_W) },
      },
      Pin: { type: PinPad, x: (PANEL_W - 620) / 2, y: 190, visible: false },
      Scan: { type: ScanToPay, x, y: 290, visible: false },
      // Placed by fit() for each step.
      Actions: { type: Choices, x },
    })
  }

  private readonly Panel = this.getByRef('Panel')!
  private readonly Summary = this.Panel.getByRef('Summary')!
  private readonly Kicker = this.Summary.getByRef('Kicker')!
  private readonly Name = this.Summary.getByRef('Name')!
  private readonly Price = this.Summary.getByRef('Price')!
  private readonly Terms = this.Summary.getByRef('Terms')!
  private readonly Hint = this.Summary.getByRef('Hint')!
  private readonly Status = this.Summary.getByRef('Status')!
  private readonly Pin = this.Panel.getByRef('Pin')!
  private readonly Scan = this.Panel.getByRef('Scan')!
  private readonly Actions = this.Panel.getByRef('Actions')!

  private _request: PurchaseRequest | null = null
  private _purchase: PurchaseState = initialPurchaseState
  private _account: Account | null = null
  private _plans: Plan[] = []
  private _loading = false
  private _resolve: ((outcome: PurchaseOutcome) => void) | null = null
  private _pollTimer: ReturnType<typeof setTimeout> | null = null
  private _countdownTimer: ReturnType<typeof setInterval> | null = null
  private _scanDeadline = 0
  /** Bumped on every close, so answers for an attempt the viewer left are ignored. */
  private _session = 0
  /** How the last confirmed attempt pays: a PIN purchase has already proven the parent is there. */
  private _paidWith: PaymentMethod | null = null

  get paidWithPin(): boolean {
    return this._paidWith === 'pin'
  }

  /** Opens for one request; resolves once the viewer bought it, left, or has to sign in. */
  run(request: PurchaseRequest): Promise<PurchaseOutcome> {
    this._request = request
    this._purchase = initialPurchaseState
    this._session += 1
    this.visible = true
    return new Promise<PurchaseOutcome>((resolve) => {
      this._resolve = resolve
      void this.load()
    })
  }

  /**
   * Who is paying and the plans (for the better-deal line), then the confirm screen: at once when the page asked
   * them ahead (context.ts), else after "Loading…".
   */
  private async load(): Promise<void> {
    const session = this._session
    const ready = readyPurchaseContext()
    if (ready) return this.begin(ready)
    this._loading = true
    this.renderLoading()
    try {
      const context = await purchaseContext()
      if (session !== this._session) return
      this._loading = false
      this.begin(context)
    } catch (error) {
      if (session !== this._session) return
      this._loading = false
      const appError = asAppError(error)
      if (appError.kind === 'unauthorized') {
        this.finish('sign-in-required')
        return
      }
      this.renderMessage(requestFailureMessage(appError, 'purchaseLoad'), [
        { ref: 'Retry', label: t('purchase.retry'), action: () => void this.load() },
        { ref: 'Close', label: t('purchase.back'), action: () => this.finish('closed') },
      ])
    }
  }

  /** The confirm screen for the request, from who pays and the plans; an anonymous viewer is sent to sign in. */
  private begin({ me, plans }: PurchaseContext): void {
    const request = this._request
    if (me.viewer !== 'account' || me.account === null) {
      this.finish('sign-in-required')
      return
    }
    this._account = me.account
    this._plans = plans
    if (!request || !isPaidOffer(request.offer)) {
      this.finish('closed')
      return
    }
    this.dispatch({ type: 'select', intent: intentFor(request.titleId, request.offer) })
  }

  private dispatch(event: PurchaseEvent): void {
    const next = purchaseReducer(this._purchase, event)
    if (next === this._purchase) return
    const previous = this._purchase
    this._purchase = next
    this.remember(next)
    this.perform(previous, next)
    this.render()
  }

  /** Keeps the attempt's key on the device until the attempt ends. */
  private remember(state: PurchaseState): void {
    if (state.status === 'completed') removeStored('purchase.pending')
    if (state.status === 'failed' && attemptEnded(state.reason)) removeStored('purchase.pending')
  }

  /** The side effects a transition calls for: requests and timers. */
  private perform(previous: PurchaseState, next: PurchaseState): void {
    if (previous.status === 'awaiting-scan' && next.status !== 'awaiting-scan') this.stopPolling()
    if (next.status === 'submitting' && next.method === 'scan') void this.submit(next.idempotencyKey, null)
    if (next.status === 'awaiting-scan') this.startPolling(next.purchaseId, next.expiresAt)
    if (next.status === 'completed') this.finish('completed')
    if (next.status === 'failed' && next.reason.kind === 'pin_incorrect' && canRetry(next, Date.now())) {
      // Straight back to the PIN pad with the same key, telling how many tries are left.
      this.dispatch({ type: 'retry', now: Date.now() })
    }
    if (next.status === 'failed' && next.reason.kind === 'sign-in-required') this.finish('sign-in-required')
  }

  private confirm(method: PaymentMethod): void {
    if (this._purchase.status !== 'confirming') return
    const target = purchaseTarget(this._purchase.intent, method)
    const attempt = keyForAttempt(readStored('purchase.pending'), target, Date.now(), () => newIdempotencyKey(keyRandom))
    writeStored('purchase.pending', attempt)
    this._paidWith = method
    this.dispatch({ type: 'confirm', method, idempotencyKey: attempt.idempotencyKey })
  }

  private pinEntered(pin: string): void {
    if (this._purchase.status !== 'awaiting-pin') return
    const key = this._purchase.idempotencyKey
    this.dispatch({ type: 'pin-entered' })
    void this.submit(key, pin)
  }

  private async submit(idempotencyKey: string, pin: string | null): Promise<void> {
    const state = this._purchase
    if (state.status !== 'submitting') return
    const session = this._session
    try {
      const purchase = await createPurchase(api(), purchaseBody(purchaseTarget(state.intent, state.method), pin), idempotencyKey)
      if (session !== this._session) return
      this.purchaseAnswered(purchase)
    } catch (error) {
      if (session !== this._session) return
      this.dispatch({ type: 'failed', reason: purchaseFailure(error) })
    }
  }

  private purchaseAnswered(purchase: Purchase): void {
    if (purchase.status === 'completed') this.dispatch({ type: 'succeeded', purchaseId: purchase.id })
    else if (purchase.status === 'pending') {
      this.dispatch({ type: 'pending', purchaseId: purchase.id, payUrl: purchase.payUrl ?? '', expiresAt: purchase.expiresAt ?? '' })
      if (purchase.qrUrl) this.Scan.show(purchase.qrUrl, this.scanInstructions(), purchase.payUrl ?? '')
    } else this.dispatch({ type: 'failed', reason: { kind: purchase.status === 'cancelled' ? 'cancelled' : 'expired' } })
  }

  private startPolling(purchaseId: string, expiresAt: string): void {
    this.stopPolling()
    const session = this._session
    this._scanDeadline = scanDeadline(expiresAt || null, Date.now())
    const poll = async (): Promise<void> => {
      let status: Purchase['status'] = 'pending'
      try {
        status = (await fetchPurchase(api(), purchaseId)).status
      } catch {
        // A failed poll is not a failed payment: the phone may still pay. The deadline still applies.
      }
      if (session !== this._session || this._purchase.status !== 'awaiting-scan') return
      const outcome = scanPollOutcome(status, Date.now(), this._scanDeadline)
      if (outcome.type === 'succeeded') this.dispatch({ type: 'succeeded', purchaseId })
      else if (outcome.type === 'failed') this.dispatch({ type: 'failed', reason: outcome.reason })
      else this._pollTimer = setTimeout(() => void poll(), SCAN_POLL_INTERVAL_MS)
    }
    this._pollTimer = setTimeout(() => void poll(), SCAN_POLL_INTERVAL_MS)
    this._countdownTimer = setInterval(() => this.renderCountdown(), 1000)
    this.renderCountdown()
  }

  private stopPolling(): void {
    if (this._pollTimer) clearTimeout(this._pollTimer)
    if (this._countdownTimer) clearInterval(this._countdownTimer)
    this._pollTimer = null
    this._countdownTimer = null
  }

  private finish(outcome: PurchaseOutcome): void {
    this._session += 1
    this.stopPolling()
    this.visible = false
    const resolve = this._resolve
    this._resolve = null
    resolve?.(outcome)
  }

  /** Back: leave, except while a charge is being answered (the state machine keeps it). */
  private back(): void {
    if (this._loading) {
      this.finish('closed')
      return
    }
    const status = this._purchase.status
    if (status === 'submitting') return
    if (status === 'awaiting-pin' || status === 'awaiting-scan') {
      this.dispatch({ type: 'cancel' })
      return
    }
    this.finish('closed')
  }

  // ---- rendering -------------------------------------------------------

  private locale(): ReturnType<typeof currentLanguage> {
    return currentLanguage()
  }

  private price(): string {
    const state = this._purchase
    if (state.status === 'idle') return ''
    return formatMoney(state.intent.choice.price, this.locale())
  }

  private scanInstructions(): string {
    return t('scan.instructions', { price: this.price() })
  }

  private renderSummary(compact: boolean): void {
    const request = this._request
    const state = this._purchase
    if (!request || state.status === 'idle') return
    const choice = state.intent.choice
    const kicker = choice.kind === 'subscribe' ? 'purchase.kicker.subscribe' : choice.kind === 'rent' ? 'purchase.kicker.rent' : 'purchase.kicker.buy'
    this.Kicker.text = t(kicker)
    const name = choice.kind === 'subscribe' ? t('purchase.vipName') : request.titleName
    this.renderName(name, compact)
    this.Price.text = choice.kind === 'subscribe' ? t('purchase.perMonth', { price: this.price() }) : this.price()
    this.Price.visible = !compact
    this.Terms.visible = !compact
    let hint = ''
    if (choice.kind === 'rent') {
      this.Terms.text = rentalTerms(choice, this.locale())
      const plan = betterDealPlan(this._request?.titleOffers ?? [], this._plans, choice.price)
      hint = plan ? t('purchase.betterDeal', { price: formatMoney(plan.price, this.locale()) }) : ''
    } else if (choice.kind === 'buy') {
      this.Terms.text = t('purchase.terms.buy')
    } else {
      this.Terms.text = t('purchase.terms.subscribe')
      hint = request.titleName ? t('purchase.subscribeThenPlay', { title: request.titleName }) : ''
    }
    this.Hint.text = hint
    // No hint, no line: the panel is fitted to the texts shown.
    this.Hint.visible = !compact && hint !== ''
  }

  /** Compact (PIN pad, QR on screen): the name keeps one line above them; the price is on the Pay button or in the QR's instructions. */
  private renderName(name: string, compact: boolean): void {
    this.Name.patch({ text: { text: name, maxLines: compact ? 1 : 2 } })
  }

  private show(parts: { pin?: boolean; scan?: boolean; status?: string; failed?: boolean; actions?: Choice[]; focus?: string }): void {
    this.Pin.visible = parts.pin === true
    this.Scan.visible = parts.scan === true
    this.Status.text = parts.status ?? ''
    this.Status.text!.textColor = parts.failed === true ? dialogColors.notice : colors.text
    this.Status.visible = parts.status !== undefined
    const actions = parts.actions ?? []
    this.Actions.visible = actions.length > 0
    // Hidden buttons must not keep taking Enter (a second press while a request is out).
    this.Actions.setChoices(actions, parts.focus)
    this.fit(parts.pin === true || parts.scan === true)
    this._refocus()
  }

  /** The PIN pad and the QR take the whole panel, the buttons at its foot; texts alone have it fitted to them. */
  private fit(padShown: boolean): void {
    if (!padShown) return fitPanel(this.Panel, this.Summary, this.Actions.visible ? this.Actions : null)
    this.Actions.y = PANEL_H - this.Actions.h - dialog.padding
    placePanel(this.Panel, PANEL_H)
  }

  private renderLoading(): void {
    this.Kicker.text = ''
    // Two lines again, after an attempt that ended above the PIN pad or the QR.
    this.renderName(this._request?.titleName ?? '', false)
    this.Price.text = ''
    this.Terms.text = ''
    this.Hint.text = ''
    this.show({ status: t('purchase.loading') })
  }

  private renderMessage(message: string, actions: Choice[]): void {
    this.show({ status: message, failed: true, actions })
  }

  private render(): void {
    const state = this._purchase
    switch (state.status) {
      case 'idle':
        return
      case 'confirming': {
        this.renderSummary(false)
        const account = this._account
        const canUseStored = account !== null && account.storedPaymentMethod !== null && account.hasPin
        const actions: Choice[] = []
        if (canUseStored) {
          actions.push({ ref: 'PayWithPin', label: t('purchase.payStored', { method: account.storedPaymentMethod ?? '' }), action: () => this.confirm('pin'), w: 440 })
        }
        actions.push({ ref: 'ScanToPay', label: t('purchase.payScan'), action: () => this.confirm('scan'), w: 300 })
        actions.push({ ref: 'Cancel', label: t('purchase.cancel'), action: () => this.finish('closed'), w: 240 })
        this.show({
          status: canUseStored ? t('purchase.howToPay', { method: account.storedPaymentMethod ?? '' }) : t('purchase.scanOnly'),
          actions,
        })
        return
      }
      case 'awaiting-pin': {
        this.renderSummary(true)
        this.show({ pin: true })
        const notice = state.triesLeft !== null ? t('pin.wrong', { tries: state.triesLeft }) : ''
        if (this.Pin.pinLength > 0 || notice !== '') this.Pin.retry(notice)
        else {
          this.Pin.reset(
            { submit: (pin) => this.pinEntered(pin), cancel: () => this.back() },
            t('purchase.payPrice', { price: this.price() }),
            t('pin.prompt', { method: this._account?.storedPaymentMethod ?? '' }),
          )
        }
        return
      }
      case 'submitting':
        this.renderSummary(false)
        this.show({ status: t('purchase.processing') })
        return
      case 'awaiting-scan':
        this.renderSummary(true)
        this.show({ scan: true, actions: [{ ref: 'CancelScan', label: t('purchase.cancel'), action: () => this.back() }] })
        return
      case 'completed':
        this.show({ status: t('purchase.done') })
        return
      case 'failed':
        this.renderSummary(false)
        this.renderFailure(state.reason)
        return
    }
  }

  private renderCountdown(): void {
    const left = this._scanDeadline - Date.now()
    this.Scan.countdown = t('scan.expiresIn', { time: formatSpan(left, this.locale()) })
  }

  private failureMessage(reason: FailureReason): string {
    const notice = pinNotice(reason, Date.now())
    if (notice?.kind === 'locked') return t('pin.locked', { time: formatSpan(notice.unlocksInMs, this.locale()) })
    if (notice?.kind === 'tries-left') return t('pin.wrong', { tries: notice.triesLeft })
    switch (reason.kind) {
      case 'network':
        return t(wordingFor('purchase', reason.unreachable))
      case 'declined':
        return t('purchase.error.declined')
      case 'expired':
        return t('purchase.error.expired')
      case 'cancelled':
        return t('purchase.error.cancelled')
      case 'stored-payment-unavailable':
        return t('purchase.error.noStored')
      case 'already-entitled':
        return t('purchase.error.alreadyEntitled')
      case 'unavailable':
        return t('purchase.error.unavailable')
      default:
        return t('purchase.error.declined')
    }
  }

  private renderFailure(reason: FailureReason): void {
    const actions: Choice[] = []
    const state = this._purchase
    if (reason.kind === 'already-entitled') {
      actions.push({ ref: 'Play', label: t('purchase.play'), action: () => this.finish('completed') })
    } else if (canRetry(state, Date.now())) {
      actions.push({ ref: 'Retry', label: t('purchase.retry'), action: () => this.dispatch({ type: 'retry', now: Date.now() }) })
    }
    if (reason.kind === 'pin_locked' || reason.kind === 'stored-payment-unavailable') {
      actions.push({
        ref: 'ScanInstead',
        label: t('purchase.payScan'),
        action: () => {
          if (this._purchase.status === 'failed') this._purchase = { status: 'confirming', intent: this._purchase.intent }
          this.confirm('scan')
        },
      })
    }
    actions.push({ ref: 'Close', label: t('purchase.back'), action: () => this.finish('closed') })
    this.show({ status: this.failureMessage(reason), failed: reason.kind !== 'already-entitled', actions })
  }

  // ---- keys ------------------------------------------------------------

  override _getFocused(): Lightning.Component {
    if (this._purchase.status === 'awaiting-pin' && !this._loading) return this.Pin
    return this.Actions
  }

  override _handleBack(): void {
    this.back()
  }

  /** Keys the dialog does not use stay in it: the page behind must not move. */
  override _handleKey(): boolean {
    return true
  }
}
