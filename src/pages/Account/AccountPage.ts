import { Lightning, Router } from '@lightningjs/sdk'
import type { Account, MeResponse, TitleDetails } from '../../../server/contract'
import { fetchEntitlements, fetchMe, updateSettings } from '../../api/account'
import { fetchTitle } from '../../api/catalog'
import { announceChange, onChange } from '../../api/changes'
import { api, rememberSignIn, signOut } from '../../api/session'
import { readStored } from '../../storage'
import { colors, layout, lineLimit, oneLineHeight, typography } from '../../components/theme'
import { accountSummary, calendarDate, OPENING_TITLES_CHOICES, RATING_LIMIT_CHOICES, type AccountSummary, type OpeningTitlesChoice, type Rating } from '../../domain'
import { currentLanguage, setLanguage, t } from '../../i18n'
import { currentViewer, readTrackPreferences, rememberTrackPreferences } from '../../player'
import { LANGUAGES, type LanguageCode } from '../../settings'
import { Choices, type Choice } from '../../widgets/Purchase/Choices'
import type { PageTypeConfig } from '../page'
import { HoldingRow } from './HoldingRow'

interface AccountTemplateSpec extends Lightning.Component.TemplateSpec {
  Title: Lightning.Element
  Who: Lightning.Element
  Subscription: Lightning.Element
  Holdings: Lightning.Element
  Message: Lightning.Element
  Rows: {
    Actions: typeof Choices
    ParentalLabel: Lightning.Element
    Parental: typeof Choices
    LanguageLabel: Lightning.Element
    Language: typeof Choices
    OpeningTitlesLabel: Lightning.Element
    OpeningTitles: typeof Choices
  }
}

/** How many rentals and purchases fit on the page. */
const MAX_HOLDINGS = 6
const LEFT_W = 720
const HOLDING_H = oneLineHeight(typography.body)
const RIGHT_X = 920
const ROW_GAP = 150
/** From a row's label to its buttons. */
const ROW_LABEL_ABOVE = 50

/** Each language named in itself, so a viewer lost in another language finds their own. */
const LANGUAGE_NAMES: Record<LanguageCode, { name: string; w: number }> = {
  'zh-CN': { name: '中文', w: 220 },
  en: { name: 'English', w: 260 },
  id: { name: 'Bahasa Indonesia', w: 360 },
}

/** The account as the server now describes it, kept beside its token (the parental check reads its limit there). */
function keepSignedInAccount(account: Account): void {
  const stored = readStored('auth.account')
  if (stored) rememberSignIn(stored.token, stored.expiresAt, account)
}

/**
 * Account: who is signed in, the subscription and its renewal date, rentals
 * and purchases, change PIN, the parental rating limit, the UI language, what a
 * series' intros and credits do, and sign in / sign out. Up/Down move between the
 * rows of buttons, Left/Right within a row; Up from the top row goes to the menu.
 */
export class AccountPage
  extends Lightning.Component<AccountTemplateSpec, PageTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<AccountTemplateSpec>
{
  static override _template(): Lightning.Component.Template<AccountTemplateSpec> {
    const text = (role: 'title' | 'body' | 'caption', color: number = colors.text, width = LEFT_W) => ({
      text: { text: '', ...typography[role], textColor: color, wordWrapWidth: width },
    })
    return {
      Title: { x: layout.safeX, y: 150, ...text('title') },
      Who: { x: layout.safeX, y: 230, ...text('body', colors.textMuted) },
      Subscription: { x: layout.safeX, y: 300, ...text('body', colors.accent) },
      Holdings: { x: layout.safeX, y: 380, flex: { direction: 'column' } },
      Message: { x: layout.safeX, y: 900, ...text('caption', colors.danger, 1500) },
      Rows: {
        x: RIGHT_X,
        y: 230,
        // Placed by placeRows(), from the rows shown.
        Actions: { type: Choices },
        ParentalLabel: text('caption', colors.textMuted),
        Parental: { type: Choices },
        LanguageLabel: text('caption', colors.textMuted),
        Language: { type: Choices },
        OpeningTitlesLabel: text('caption', colors.textMuted),
        OpeningTitles: { type: Choices },
      },
    }
  }

  private readonly Title = this.getByRef('Title')!
  private readonly Who = this.getByRef('Who')!
  private readonly Subscription = this.getByRef('Subscription')!
  private readonly Holdings = this.getByRef('Holdings')!
  private readonly Message = this.getByRef('Message')!
  private readonly Rows = this.getByRef('Rows')!
  private readonly Actions = this.Rows.getByRef('Actions')!
  private readonly ParentalLabel = this.Rows.getByRef('ParentalLabel')!
  private readonly Parental = this.Rows.getByRef('Parental')!
  private readonly LanguageLabel = this.Rows.getByRef('LanguageLabel')!
  private readonly Language = this.Rows.getByRef('Language')!
  private readonly OpeningTitlesLabel = this.Rows.getByRef('OpeningTitlesLabel')!
  private readonly OpeningTitles = this.Rows.getByRef('OpeningTitles')!

  private _me: MeResponse | null = null
  private _summary: AccountSummary | null = null
  private _titles = new Map<string, string>()
  private _row = 0
  private _unsubscribe: (() => void)[] = []
  private _loadCount = 0

  override _init(): void {
    this.render()
  }

  override _attach(): void {
    this._unsubscribe = [onChange('language', () => void this.load()), onChange('entitlements', () => void this.load())]
  }

  override _detach(): void {
    for (const stop of this._unsubscribe) stop()
    this._unsubscribe = []
  }

  override _active(): void {
    this.widgets.menu.sync('account')
    void this.load()
  }

  private async load(): Promise<void> {
    const load = ++this._loadCount
    try {
      const me = await fetchMe(api())
      const items = me.viewer === 'account' ? (await fetchEntitlements(api())).items : []
      const summary = accountSummary(items, Date.now(), currentLanguage())
      const shown = summary.holdings.slice(0, MAX_HOLDINGS)
      const titles = await Promise.all(
        shown.map((row) => fetchTitle(api(), row.titleId).then((title: TitleDetails) => title.title, () => row.titleId)),
      )
      if (load !== this._loadCount) return
      this._titles = new Map(shown.map((row, i) => [row.titleId, titles[i] ?? row.titleId]))
      this._me = me
      this._summary = summary
      this.Message.text = ''
      this.render()
    } catch {
      if (load !== this._loadCount) return
      this.Message.text = t('account.error.load')
      this.render(true)
    }
  }

  private render(failed = false): void {
    const me = this._me
    const signedIn = me?.viewer === 'account' && me.account !== null
    this.Title.text = t('menu.account')
    this.Who.text = me === null ? (failed ? '' : t('purchase.loading')) : signedIn ? t('account.signedInAs', { name: me.account?.name ?? '' }) : t('account.anonymous')
    this.renderSubscription(signedIn)
    this.renderHoldings(signedIn)

    const actions: Choice[] = []
    if (failed) actions.push({ ref: 'RetryLoad', label: t('purchase.retry'), action: () => void this.load() })
    if (signedIn) {
      actions.push({ ref: 'ChangePin', label: t('account.changePin'), action: () => void this.changePin() })
      actions.push({ ref: 'SignOut', label: t('account.signOut'), action: () => this.signOut() })
    } else if (me !== null) {
      actions.push({ ref: 'SignIn', label: t('account.signIn'), action: () => void this.fireAncestors('$signIn') })
    }
    this.Actions.setChoices(actions, this.Actions.focusedRef ?? undefined, 300)

    this.ParentalLabel.visible = signedIn
    this.Parental.visible = signedIn
    const limit = me?.account?.ratingLimit ?? null
    this.ParentalLabel.text = t('account.parental')
    this.Parental.setChoices(
      RATING_LIMIT_CHOICES.map((rating) => ({
        ref: `Limit-${rating ?? 'off'}`,
        label: (rating === limit ? '✓ ' : '') + (rating === null ? t('account.parental.off') : rating === 'all' ? t('rating.all') : t('account.parental.upTo', { rating })),
        action: () => void this.setRatingLimit(rating),
      })),
      `Limit-${limit ?? 'off'}`,
      200,
    )

    const language = currentLanguage()
    this.LanguageLabel.text = t('account.language')
    this.Language.setChoices(
      LANGUAGES.map((code) => ({
        ref: `Language-${code}`,
        label: (code === language ? '✓ ' : '') + LANGUAGE_NAMES[code].name,
        w: LANGUAGE_NAMES[code].w,
        action: () => void this.switchLanguage(code),
      })),
      `Language-${language}`,
      280,
    )
    this.renderOpeningTitles()
    this.placeRows()
    this.keepRowInRange()
    this._refocus()
  }

  /** Kept on this TV per viewer, with the player's other choices: it applies from the next play. */
  private renderOpeningTitles(): void {
    const openingTitles = readTrackPreferences(currentViewer()).openingTitles
    this.OpeningTitlesLabel.text = t('account.openingTitles')
    this.OpeningTitles.setChoices(
      OPENING_TITLES_CHOICES.map((choice) => ({
        ref: `OpeningTitles-${choice}`,
        label: (choice === openingTitles ? '✓ ' : '') + t(`account.openingTitles.${choice}`),
        action: () => this.chooseOpeningTitles(choice),
      })),
      `OpeningTitles-${openingTitles}`,
      340,
    )
  }

  private renderSubscription(signedIn: boolean): void {
    const until = this._summary?.subscribedUntil ?? null
    if (!signedIn) this.Subscription.text = ''
    else if (until === null) this.Subscription.text = t('account.noSubscription')
    else this.Subscription.text = t('account.subscribedUntil', { date: calendarDate(until, -new Date().getTimezoneOffset()) })
  }

  private renderHoldings(signedIn: boolean): void {
    const holdings = signedIn ? (this._summary?.holdings ?? []).slice(0, MAX_HOLDINGS) : []
    const heading = signedIn ? (holdings.length > 0 ? t('account.holdings') : t('account.noHoldings')) : ''
    this.Holdings.children = [
      { flexItem: { marginBottom: 12 }, text: { text: heading, ...typography.body, textColor: colors.textMuted, wordWrapWidth: LEFT_W, ...lineLimit(1) } },
      ...holdings.map((row) => ({
        type: HoldingRow,
        w: LEFT_W,
        h: HOLDING_H,
        flexItem: { marginBottom: 12 },
        holding: { name: this._titles.get(row.titleId) ?? row.titleId, status: row.status },
      })),
    ]
  }

  /** Each row shown one step below the last, its label above it: no empty band where the parental limit is hidden (signed out). */
  private placeRows(): void {
    const labelled: [Lightning.Element | null, Lightning.Component][] = [
      [null, this.Actions],
      [this.ParentalLabel, this.Parental],
      [this.LanguageLabel, this.Language],
      [this.OpeningTitlesLabel, this.OpeningTitles],
    ]
    labelled
      .filter(([, row]) => row.visible)
      .forEach(([label, row], index) => {
        row.y = ROW_GAP * index
        if (label) label.y = row.y - ROW_LABEL_ABOVE
      })
  }

  private get rows(): Lightning.Component[] {
    return [this.Actions, this.Parental, this.Language, this.OpeningTitles].filter((row) => row.visible)
  }

  private keepRowInRange(): void {
    this._row = Math.min(this._row, this.rows.length - 1)
  }

  private async changePin(): Promise<void> {
    const changed = await this.fireAncestors('$changePin', this._me?.account?.hasPin ?? false)
    if (changed) {
      this.fireAncestors('$showToast', t('account.pinChanged'))
      void this.load()
    }
  }

  private signOut(): void {
    signOut()
    announceChange('entitlements')
    this._row = 0
  }

  private async setRatingLimit(rating: Rating | null): Promise<void> {
    try {
      keepSignedInAccount(await updateSettings(api(), { ratingLimit: rating }))
      await this.load()
    } catch {
      this.Message.text = t('account.error.save')
    }
  }

  private chooseOpeningTitles(choice: OpeningTitlesChoice): void {
    rememberTrackPreferences(currentViewer(), { openingTitles: choice })
    this.renderOpeningTitles()
  }

  private async switchLanguage(code: LanguageCode): Promise<void> {
    await setLanguage(code)
    announceChange('language')
    if (this._me?.viewer === 'account') {
      // Remembered on the account too; the switch itself does not depend on it.
      updateSettings(api(), { language: code }).then(keepSignedInAccount, () => undefined)
    }
  }

  override _getFocused(): Lightning.Component | undefined {
    return this.rows[this._row]
  }

  override _handleUp(): void {
    if (this._row > 0) this._row -= 1
    else Router.focusWidget('Menu')
  }

  override _handleDown(): void {
    this._row = Math.min(this._row + 1, this.rows.length - 1)
  }
}
