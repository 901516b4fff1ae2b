import { Lightning, Router } from '@lightningjs/sdk'
import type { TitleSummary } from '../../../server/contract'
import { t } from '../../i18n'
import { api } from '../../api/session'
import { fetchPopular, searchTitles } from '../../api/catalog'
import { onChange } from '../../api/changes'
import { applyKeyboardEdit, detailsHash, searchQuery, searchView, type KeyboardEdit, type SearchAnswer, type SearchCaption, type SearchView } from '../../domain'
import { colors, layout, lineLimit, typography, wrapping } from '../../components/theme'
import { Grid } from '../../components/Grid/Grid'
import { SearchKeyboard } from '../../components/SearchKeyboard/SearchKeyboard'
import { ChipRow } from '../../components/ChipRow/ChipRow'
import { dropSearch, keepSearch, recentSearches } from './recent-searches'
import type { PageTypeConfig } from '../page'
import { tileModel } from '../tile-model'
import { failureMessage } from '../failure-message'
import { playFromTile } from '../play-title'

/** Where the focus is: the keyboard, the grid, or the recent searches above it. */
type SearchArea = 'keyboard' | 'results' | 'recent'

interface SearchHistory extends Record<string, unknown> {
  text: string
  area: SearchArea
  index: number
}

interface SearchTypeConfig extends PageTypeConfig {
  HistoryStateType: SearchHistory
}

interface SearchTemplateSpec extends Lightning.Component.TemplateSpec {
  Input: { Text: Lightning.Element; Caret: Lightning.Element }
  Keyboard: typeof SearchKeyboard
  Caption: Lightning.Element
  Recent: typeof ChipRow
  Results: typeof Grid
}

/** Wait this long after the last key before asking the API: typing "changan" is one search, not seven. */
export const SEARCH_DEBOUNCE_MS = 300
const INPUT_W = 600
/** Where the typed text starts inside the field, and the caret beside it. */
const INPUT_TEXT_X = 28
const CARET_W = 3
const CARET_GAP = 4
const RESULTS_X = 790
/** The caption above the grid, and the grid under it (as on Browse). */
const CAPTION_Y = 140
const RESULTS_Y = 196

/**
 * Search with the on-screen keyboard: results as you type (debounced), by
 * Chinese or English name, full pinyin or initials (matched by the server);
 * the popular titles before a query and when it finds nothing (`searchView`).
 * Right from the keyboard's edge moves into the grid; Left from the first
 * column returns to the keyboard.
 */
export class SearchPage
  extends Lightning.Component<SearchTemplateSpec, SearchTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<SearchTemplateSpec>
{
  static override _template(): Lightning.Component.Template<SearchTemplateSpec> {
    return {
      Input: {
        x: layout.safeX,
        y: 160,
        w: INPUT_W,
        h: 88,
        rect: true,
        color: colors.surface,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: layout.radius },
        Text: {
          x: INPUT_TEXT_X,
          y: 46,
          mountY: 0.5,
          text: { text: '', ...typography.body, textColor: colors.text, wordWrapWidth: INPUT_W - INPUT_TEXT_X * 2, ...lineLimit(1) },
        },
        Caret: { x: INPUT_TEXT_X - CARET_GAP - CARET_W, y: 22, w: CARET_W, h: 44, rect: true, color: colors.accent },
      },
      Keyboard: { type: SearchKeyboard, x: layout.safeX, y: 290 },
      Caption: { x: RESULTS_X, y: CAPTION_Y, text: { text: '', ...typography.caption, ...wrapping, textColor: colors.textMuted, wordWrapWidth: 1000, ...lineLimit(1) } },
      // Before a query, in the caption's place: the searches the viewer opened a title from.
      Recent: { type: ChipRow, x: RESULTS_X, y: CAPTION_Y - 8, w: layout.screenW - layout.safeX - RESULTS_X, visible: false },
      Results: { type: Grid, x: RESULTS_X, y: RESULTS_Y, columns: 4, visibleRows: 2 },
    }
  }

  private readonly Input = this.getByRef('Input')!
  private readonly InputText = this.Input.getByRef('Text')!
  private readonly Caret = this.Input.getByRef('Caret')!
  private readonly Keyboard = this.getByRef('Keyboard')!
  private readonly Caption = this.getByRef('Caption')!
  private readonly Recent = this.getByRef('Recent')!
  private readonly Results = this.getByRef('Results')!
  private _text = ''
  private _area: SearchArea = 'keyboard'
  private _recent: string[] = []
  /** The answer to the query last asked; null with no query or when the request failed. */
  private _answer: SearchAnswer<TitleSummary> | null = null
  /** Null until the first answer (the grid shows skeleton tiles meanwhile); empty when it failed. */
  private _popular: readonly TitleSummary[] | null = null
  private _view: SearchView<TitleSummary> = searchView(null, [])
  private _timer: ReturnType<typeof setTimeout> | null = null
  /** Answers to older queries are dropped: only the latest typed text may fill the grid. */
  private _generation = 0
  private _popularLoads = 0
  private _unsubscribe: (() => void)[] = []
  /**
   * Where focus goes once the list it was meant for is shown: Back restoring this page (the answer to the
   * restored text, or the popular titles), or a search opened by a link (its results only, else the keyboard).
   */
  private _pendingFocus: { area: SearchHistory['area']; index: number; resultsOnly: boolean } | null = null

  override _init(): void {
    this.Keyboard.onEdit = (edit) => this.edit(edit)
    this.Keyboard.onRightEdge = () => {
      if (this._view.items.length === 0) return false
      this._area = 'results'
      this._refocus()
      return true
    }
    this.Results.handlers = {
      onSelect: (item) => {
        this.keepSearchOpened()
        Router.navigate(detailsHash(item.id))
      },
      onPlay: (item) => {
        this.keepSearchOpened()
        void playFromTile(this, item.id)
      },
    }
    this.Recent.onPick = (index) => this.searchAgain(this._recent[index] ?? '')
    this.Recent.onHold = (index) => void this.offerToForget(index)
    this._recent = recentSearches()
    this.renderTexts()
    this.render()
    this.loadPopular()
  }

  override _attach(): void {
    this._unsubscribe = [
      onChange('language', () => {
        // Shown again, in the new language.
        this.Recent.visible = false
        this.renderTexts()
        this.search()
        this.loadPopular()
      }),
      onChange('entitlements', () => {
        this.search()
        this.loadPopular()
      }),
    ]
  }

  override _detach(): void {
    for (const stop of this._unsubscribe) stop()
    this._unsubscribe = []
    if (this._timer) clearTimeout(this._timer)
  }

  override _active(): void {
    this.widgets.menu.sync('search')
  }

  override historyState(state?: SearchHistory): SearchHistory | undefined {
    if (!state) return { text: this._text, area: this._area, index: this.Results.focusIndex }
    this._text = state.text
    this._pendingFocus = { area: state.area, index: state.index, resultsOnly: false }
    this.renderInput()
    this.search()
    return undefined
  }

  /** The route `search/<query>` (a link's search): the query typed, asked at once, its first result focused. */
  searchFor(query: string): Promise<void> {
    this.searchAgain(query)
    return Promise.resolve()
  }

  /** A title opened (or played) from the results keeps the search that found it, offered before the next query. */
  private keepSearchOpened(): void {
    if (this._view.list === 'results' && this._answer) keepSearch(this._answer.query)
  }

  /** A query given whole (a link's, a recent search picked): typed, asked at once, its first result focused. */
  private searchAgain(query: string): void {
    if (this._timer) clearTimeout(this._timer)
    this._text = applyKeyboardEdit('', { kind: 'type', text: query })
    this._area = 'keyboard'
    this._pendingFocus = { area: 'results', index: 0, resultsOnly: true }
    this.renderInput()
    this.search()
  }

  private renderTexts(): void {
    this.Keyboard.setLabels({ space: t('keyboard.space'), delete: t('keyboard.delete'), clear: t('keyboard.clear') })
    this.renderInput()
    this.renderCaption()
  }

  private renderInput(): void {
    const empty = this._text.length === 0
    this.InputText.text = { text: empty ? t('search.placeholder') : this._text, textColor: empty ? colors.textMuted : colors.text }
    this.InputText.loadTexture()
    // Before the placeholder (never over its first letter), after what is typed.
    this.Caret.x = empty ? INPUT_TEXT_X - CARET_GAP - CARET_W : Math.min(INPUT_W - INPUT_TEXT_X, INPUT_TEXT_X + this.InputText.renderWidth + CARET_GAP)
  }

  /** The popular titles are on their way and nothing else is to be shown: skeleton tiles, no caption yet. */
  private get awaitingPopular(): boolean {
    return this._popular === null && this._view.list !== 'results'
  }

  private renderCaption(): void {
    const caption = this.awaitingPopular ? '' : captionText(this._view.caption)
    this.Caption.text = caption
    this.Results.announce = caption
    // Recent searches stand where the caption says "Popular on Marquee" (or how to search): before a query.
    const recentShown = this._recent.length > 0 && (this._view.caption.kind === 'popular' || this._view.caption.kind === 'hint')
    if (recentShown && !this.Recent.visible) this.showRecent(0)
    this.Recent.visible = recentShown
    this.Caption.visible = !recentShown
    if (!recentShown && this._area === 'recent') this._area = 'keyboard'
  }

  private showRecent(focusIndex: number): void {
    this.Recent.show({ label: t('search.recent'), chips: this._recent, hint: t('home.holdToRemove'), focusIndex })
  }

  /**
   * OK held on a recent search: "Remove “night” from recent searches?". Removed, the chip after it takes its
   * place in the focus; with none left, the grid below (else the keyboard) does.
   */
  private async offerToForget(index: number): Promise<void> {
    const query = this._recent[index]
    if (query === undefined) return
    const yes = await this.fireAncestors('$ask', {
      title: t('search.forgetQuestion', { query }),
      confirm: t('home.remove'),
      cancel: t('home.keep'),
    })
    if (!yes) return
    this._recent = dropSearch(query)
    this.fireAncestors('$showToast', t('search.forgotten', { query }))
    if (this._recent.length > 0) this.showRecent(index)
    else this._area = this._view.items.length > 0 ? 'results' : 'keyboard'
    this.renderCaption()
    if (this.hasFocus()) this._refocus()
  }

  private edit(edit: KeyboardEdit): void {
    const next = applyKeyboardEdit(this._text, edit)
    if (next === this._text) return
    this._text = next
    // Typing is on the keyboard: a focus still to be given to the grid no longer applies.
    this._area = 'keyboard'
    this._pendingFocus = null
    this.renderInput()
    if (this._timer) clearTimeout(this._timer)
    this._timer = setTimeout(() => this.search(), SEARCH_DEBOUNCE_MS)
  }

  private search(): void {
    const generation = ++this._generation
    const query = searchQuery(this._text)
    if (query === null) {
      this._answer = null
      this.render()
      return
    }
    searchTitles(api(), query, 40).then(
      (result) => {
        if (generation !== this._generation) return
        this._answer = { query, items: result.items }
        this.render()
      },
      (error: unknown) => {
        if (generation !== this._generation) return
        this._answer = null
        // Nothing came for the focus to wait for: it stays on the keyboard.
        this._pendingFocus = null
        this.render()
        this.fireAncestors('$showToast', failureMessage(error))
      },
    )
  }

  private loadPopular(): void {
    const load = ++this._popularLoads
    const settle = (items: readonly TitleSummary[]): void => {
      if (load !== this._popularLoads) return
      this._popular = items
      this.render()
    }
    // Suggestions only: without them the caption says how to search, and a typed search reports its own failure.
    fetchPopular(api()).then(
      (page) => settle(page.items),
      () => settle(this._popular ?? []),
    )
  }

  private render(): void {
    const before = this._view
    this._view = searchView(this._answer, this._popular ?? [])
    this.renderCaption()
    if (this.awaitingPopular) {
      this.Results.showLoading()
      return
    }
    const items = this._view.items
    this.Results.setItems(items.map((item) => tileModel(item)), false)
    const pending = this._pendingFocus
    const answered = searchQuery(this._text) === null || this._answer !== null
    if (pending && answered) {
      const fits = items.length > 0 && (!pending.resultsOnly || this._view.list === 'results')
      this._area = fits ? pending.area : 'keyboard'
      this.Results.focusIndex = fits ? pending.index : 0
      this._pendingFocus = null
    } else if (listKey(this._view) !== listKey(before)) {
      this.Results.focusIndex = 0
    }
    this.Results.visible = items.length > 0
    if (items.length === 0 && !this._pendingFocus) this._area = 'keyboard'
    // Only while in the focus path: a page still being built (Back, a refresh) must not steer focus.
    if (this.hasFocus()) this._refocus()
  }

  override _getFocused(): Lightning.Component {
    if (this._area === 'recent' && this.Recent.visible) return this.Recent
    return this._area === 'results' && this._view.items.length > 0 ? this.Results : this.Keyboard
  }

  /** The remote's Search key on Search: back to the keyboard, the query kept. */
  _handleSearch(): void {
    this._area = 'keyboard'
  }

  /** Left from the grid's first column or the first recent search: the keyboard. */
  override _handleLeft(): void {
    this._area = 'keyboard'
  }

  /** Up from the grid's top row to the recent searches above it when there are, else (and from them) the menu. */
  override _handleUp(): void {
    if (this._area === 'results' && this.Recent.visible) this._area = 'recent'
    else Router.focusWidget('Menu')
  }

  override _handleDown(): void {
    if (this._area === 'recent' && this._view.items.length > 0) this._area = 'results'
  }
}

/** Which list the grid holds: the results of one query, or the popular titles. */
function listKey(view: SearchView<TitleSummary>): string {
  return view.caption.kind === 'resultsFor' ? `results:${view.caption.query}` : view.list
}

function captionText(caption: SearchCaption): string {
  switch (caption.kind) {
    case 'hint':
      return t('search.hint')
    case 'resultsFor':
      return t('search.resultsFor', { query: caption.query })
    case 'popular':
      return t('search.popular')
    case 'nothingFound':
      return t(caption.popularInstead ? 'search.noResultsPopular' : 'search.noResults', { query: caption.query })
  }
}
