import { Lightning, Router } from '@lightningjs/sdk'
import type { Home, Rail as RailData, TitleDetails } from '../../../server/contract'
import { t, currentLanguage, type MessageKey } from '../../i18n'
import { api } from '../../api/session'
import { fetchRailPage, fetchTitle, withLongRail } from '../../api/catalog'
import { HomeCache } from '../../api/home-cache'
import { announceChange, onChange, type ChangeTopic } from '../../api/changes'
import { removeFromContinueWatching } from '../../api/progress'
import { removeFromWatchlist } from '../../api/watchlist'
import { AppError, isUnreachable } from '../../api/errors'
import { readStored, writeStored } from '../../storage'
import { whenIdle } from '../../platform/idle'
import { operatorSettings } from '../../settings'
import { actionLabel, badgeModel, detailActions, detailsHash, episodesInOrder, episodesNamedBy, type DetailAction } from '../../domain'
import { layout, motion } from '../../components/theme'
import { Hero, HERO_HEIGHT } from '../../components/Hero/Hero'
import { Rail } from '../../components/Rail/Rail'
import { railStyle } from '../../components/Rail/Rail.styles'
import { menuBand, type MenuBandSpec } from '../../components/MenuBand/MenuBand'
import { tileStyle } from '../../components/Tile/Tile.styles'
import type { TileModel } from '../../components/Tile/Tile'
import type { PageTypeConfig } from '../page'
import { tileModel } from '../tile-model'
import { failureMessage } from '../failure-message'
import { dropTitlePlay, playFromTile, preparePurchaseOf, prepareTitlePlay, runTitleAction } from '../play-title'

/** A rail whose tiles OK held offers to take out: what is asked, how it is done, what is said, who else is told. */
interface Removal {
  question: MessageKey
  done: MessageKey
  remove(titleId: string): Promise<unknown>
  /** The change other pages hear of (Continue watching: progress, which Home refreshes on too); else Home refreshes. */
  announces: ChangeTopic | null
}

const CONTINUE_WATCHING = 'continue-watching'

/** The viewer's own rails, whose tiles OK held offers to take out. */
const REMOVABLE = new Map<string, Removal>([
  [CONTINUE_WATCHING, { question: 'home.removeQuestion', done: 'home.removed', remove: (titleId) => removeFromContinueWatching(api(), titleId), announces: 'progress' }],
  ['watchlist', { question: 'home.removeFromListQuestion', done: 'home.removedFromList', remove: (titleId) => removeFromWatchlist(api(), titleId), announces: null }],
])

interface HomeHistory extends Record<string, unknown> {
  /** The focused row: 'hero' or a rail id. */
  row: string
  /** Focused tile per rail id. */
  columns: Record<string, number>
}

interface HomeTypeConfig extends PageTypeConfig {
  HistoryStateType: HomeHistory
}

interface HomeTemplateSpec extends Lightning.Component.TemplateSpec {
  Content: {
    Hero: typeof Hero
    Rails: Lightning.Element
  }
  TopBand: MenuBandSpec
}

/** Rails start under the hero's call to action, overlapping its fade. */
const RAILS_TOP = HERO_HEIGHT - 60
/** Where a focused rail sits once the page scrolls: under the menu. */
const FOCUSED_RAIL_Y = 150
/** Rails this many rows from the focus keep their tiles; the rest release them. */
const ROWS_KEPT = 2
/** The fresh feed is stored in the first idle moment after it is drawn, this long at the latest. */
const STORE_FEED_IDLE_TIMEOUT_MS = 2000
/** A Continue watching tile or the hero in focus this long has its play prepared; tiles passed over on the way prepare nothing. */
const PLAY_AHEAD_DWELL_MS = 600

/** A rail's top inside the page content. */
function railTop(index: number): number {
  return RAILS_TOP + index * railStyle.height
}

/** Whether any of a rail's tiles show with the page content at `contentY`. */
function tilesInView(index: number, contentY: number): boolean {
  const top = contentY + railTop(index) + railStyle.titleHeight
  return top < layout.screenH && top + tileStyle.height > 0
}

function isHomeHistory(state: unknown): state is HomeHistory {
  const value = state as Partial<HomeHistory> | null
  return typeof value?.row === 'string' && typeof value.columns === 'object' && value.columns !== null
}

/**
 * Home: the launch original as hero and the catalogue rails. The last feed is
 * shown at once from storage and refreshed from the API (stale-while-
 * revalidate); when the API is down the stored feed stays with an offline
 * toast, and with nothing stored the error page offers Retry.
 */
export class HomePage
  extends Lightning.Component<HomeTemplateSpec, HomeTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<HomeTemplateSpec>
{
  static override _template(): Lightning.Component.Template<HomeTemplateSpec> {
    return {
      Content: {
        Hero: { type: Hero },
        Rails: { y: RAILS_TOP },
      },
      // Once the page scrolls, rails pass under the menu: a band keeps the menu readable.
      TopBand: menuBand(),
    }
  }

  private readonly Content = this.getByRef('Content')!
  private readonly Hero = this.Content.getByRef('Hero')!
  private readonly Rails = this.Content.getByRef('Rails')!
  private readonly TopBand = this.getByRef('TopBand')!
  private readonly cache = new HomeCache(
    api(),
    {
      read: () => readStored('cache.home'),
      // Serialising and storing ~110 KB cost ~24 ms at 4× CPU throttling before Home’s first frame (CPU profile of
      // first launches, README Performance); the stored feed is only for the next start, so it waits for an idle moment.
      write: (entry) => whenIdle(() => writeStored('cache.home', entry), STORE_FEED_IDLE_TIMEOUT_MS),
    },
    currentLanguage,
  )
  private _home: Home | null = null
  private _heroDetails: TitleDetails | null = null
  /** Feeds shown so far, and the one on screen when the hero's details were asked (currentHeroDetails). */
  private _feedsShown = 0
  private _heroDetailsFeed = -1
  /** 0 = hero, 1.. = rails. */
  private _row = 0
  private _pending: HomeHistory | null = null
  private _unsubscribe: (() => void)[] = []
  private _offline = false
  private _markedInteractive = false
  private _playAheadTimer: ReturnType<typeof setTimeout> | undefined

  override _init(): void {
    // The feed asked for at launch is often in by now: refresh() then draws it before the first frame, drawn once.
    if (!this.cache.earlyFeedArrived) {
      const cached = this.cache.cached()
      if (cached) this.show(cached.home, true)
      else this.showSkeleton()
    }
    void this.refresh()
  }

  override _attach(): void {
    this._unsubscribe = [
      onChange('language', () => void this.refresh()),
      onChange('entitlements', () => void this.refresh()),
      onChange('progress', () => void this.refresh()),
    ]
  }

  override _detach(): void {
    for (const stop of this._unsubscribe) stop()
    this._unsubscribe = []
  }

  override _active(): void {
    this.widgets.menu.sync('home')
  }

  /** Router: called without state when leaving (save), with it when Back returns here (restore). */
  override historyState(state?: HomeHistory | null): HomeHistory | undefined {
    if (state !== undefined) {
      // A deep link puts Home under it with no state (null): nothing to restore.
      if (!isHomeHistory(state)) return undefined
      this._pending = state
      this.restore()
      return undefined
    }
    const columns: Record<string, number> = {}
    for (const rail of this.rails) columns[rail.railId] = rail.focusIndex
    return { row: this._row === 0 ? 'hero' : (this.rails[this._row - 1]?.railId ?? 'hero'), columns }
  }

  private get rails(): Rail[] {
    return this.Rails.children as Rail[]
  }

  private async refresh(): Promise<void> {
    try {
      const loaded = await this.cache.load()
      this.show(await withLongRail(api(), loaded.home, operatorSettings().longRail ?? 0))
      if (loaded.source === 'cache') {
        // A 5xx is no reason to say "Back online" when the feed returns.
        this._offline = isUnreachable(loaded.error)
        this.fireAncestors('$showToast', failureMessage(loaded.error, 'savedCatalogue'))
      } else if (this._offline) {
        this._offline = false
        this.fireAncestors('$showToast', t('home.backOnline'))
      }
      void this.loadHeroDetails(loaded.home.hero.id, this._feedsShown)
    } catch (error) {
      console.warn('Home feed failed', error)
      // Nothing stored and nothing from the network: the error page, with Retry.
      if (!this._home) Router.navigate('!', { request: { hash: 'home', error: error instanceof AppError ? new Error(failureMessage(error)) : error } }, false)
      else {
        this.fireAncestors('$showToast', failureMessage(error, 'savedCatalogue'))
        // The stored feed stays: its rails fetch what they held back for the fresh one.
        for (const rail of this.rails) rail.fetchesHeld = false
      }
    }
  }

  private async loadHeroDetails(titleId: string, feed: number): Promise<void> {
    try {
      const details = await fetchTitle(api(), titleId)
      // Those asked for a newer feed came first: these are older than what is shown.
      if (feed < this._heroDetailsFeed) return
      this._heroDetails = details
      this._heroDetailsFeed = feed
      this.renderHero()
      this.preparePlayAhead()
      // A hero that sells (Subscribe…) has its dialog's account and plans asked, once the fresh feed is shown.
      const first = this.heroFirstAction()
      if (first) preparePurchaseOf(details, [first])
    } catch {
      // The hero keeps its summary; the synopsis is a nicety.
    }
  }

  private showSkeleton(): void {
    this.Rails.children = [0, 1].map((index) => ({ type: Rail, y: index * railStyle.height }))
    for (const rail of this.rails) rail.showLoading()
  }

  /** `stored`: a stored feed shown while the fresh one loads; its rails hold their page fetches until then. */
  private show(home: Home, stored = false): void {
    // Always redraw, even a feed identical to the cached one drawn at start: skipping it
    // left the rails' last tiles without posters and badges until the viewer scrolled.
    // A refresh keeps the viewer where they are (by rail id: rails may come and go).
    const keep = this._pending ?? (this._home ? this.historyState() : undefined)
    this._home = home
    this._feedsShown++
    this.renderHero()
    // Rails start off-screen: scroll() turns on those near the focus, so far rails never build tiles at all.
    this.Rails.children = home.rails.map((rail, index) => ({ type: Rail, railId: rail.id, y: index * railStyle.height, onScreen: false, fetchesHeld: stored }))
    home.rails.forEach((data, index) => this.fillRail(this.rails[index]!, data))
    this._pending = keep ?? null
    this.restore()
    this.markInteractive()
  }

  override _focus(): void {
    this.markInteractive()
    this.preparePlayAhead()
  }

  override _unfocus(): void {
    clearTimeout(this._playAheadTimer)
    dropTitlePlay()
  }

  /**
   * OK on a Continue watching tile or on the hero's first button plays at once: once it rests in focus, that play is
   * prepared (player/launch), so its first frame comes as quickly as from Details. Redone on every move, refresh,
   * arrival of the hero's details and return to the page.
   */
  private preparePlayAhead(): void {
    clearTimeout(this._playAheadTimer)
    dropTitlePlay()
    const target = this.hasFocus() ? this.playAheadTarget() : null
    if (target) this._playAheadTimer = setTimeout(() => prepareTitlePlay(target.id, target.details), PLAY_AHEAD_DWELL_MS)
  }

  /** The title OK on the focus would play at once: a Continue watching tile's, or the hero's once its current details came. */
  private playAheadTarget(): { id: string; details?: TitleDetails } | null {
    if (this._row === 0) {
      const details = this.currentHeroDetails()
      return details ? { id: details.id, details } : null
    }
    const rail = this.rails[this._row - 1]
    const item = rail?.railId === CONTINUE_WATCHING ? rail.focusedItem : undefined
    return item ? { id: item.id } : null
  }

  /** `npm run bench` times startup to the first frame drawn with the feed shown and focus on Home. */
  private markInteractive(): void {
    if (this._markedInteractive || !this._home || !this.hasFocus()) return
    this._markedInteractive = true
    this.stage.once('frameEnd', () => performance.mark('marquee:home-interactive'))
  }

  private fillRail(rail: Rail, data: RailData): void {
    rail.title = data.title
    const removal = REMOVABLE.get(data.id)
    rail.hint = removal ? t('home.holdToRemove') : ''
    const openDetails = (item: TileModel): void => Router.navigate(detailsHash(item.id))
    const play = (item: TileModel): void => void playFromTile(this, item.id)
    // Set before the items: the rail may ask for its next page as soon as it has them.
    rail.handlers = {
      // Continue watching goes on at once (Resume, the next episode); Info opens the title's page.
      ...(data.id === CONTINUE_WATCHING ? { onSelect: play, onInfo: openDetails, onFocusIndex: () => this.preparePlayAhead() } : { onSelect: openDetails }),
      onPlay: play,
      loadPage: async (cursor) => {
        const page = await fetchRailPage(api(), data.id, cursor, railStyle.pageSize)
        return { items: page.items.map((item) => tileModel(item)), nextCursor: page.nextCursor }
      },
      onLoadFailed: (error) => this.fireAncestors('$showToast', failureMessage(error)),
      ...(removal ? { onHold: (item: TileModel) => void this.offerRemoval(item, removal) } : {}),
    }
    rail.setItems(
      data.items.map((item) => tileModel(item)),
      data.nextCursor,
    )
  }

  /**
   * OK held on a Continue watching or My list tile: "Remove … from Continue watching?" (the position stays:
   * Details still resumes it), "Remove … from My list?". Once removed, Home and every page showing progress
   * refresh; a failure says what happened.
   */
  private async offerRemoval(item: TileModel, removal: Removal): Promise<void> {
    const yes = await this.fireAncestors('$ask', {
      title: t(removal.question, { title: item.title }),
      confirm: t('home.remove'),
      cancel: t('home.keep'),
    })
    if (!yes) return
    try {
      await removal.remove(item.id)
      this.fireAncestors('$showToast', t(removal.done, { title: item.title }))
      if (removal.announces) announceChange(removal.announces)
      else void this.refresh()
    } catch (error) {
      this.fireAncestors('$showToast', failureMessage(error))
    }
  }

  private renderHero(): void {
    const hero = this._home?.hero
    if (!hero) return
    const details = this.heroDetails()
    const rating = hero.rating === 'all' ? t('rating.all') : hero.rating
    const meta = [details?.original ? t('details.original') : null, String(hero.year), rating]
    const locale = currentLanguage()
    const first = this.heroFirstAction()
    this.Hero.model = {
      id: hero.id,
      title: hero.title,
      meta: meta.filter((part): part is string => part !== null).join('  ·  '),
      synopsis: details?.synopsis ?? '',
      backdropUrl: hero.backdropUrl,
      badge: badgeModel(hero.access, Date.now(), locale),
      actions: [
        ...(first ? [{ label: actionLabel(first, locale), announce: actionLabel(first, locale, 'spoken') }] : []),
        { label: t('home.heroAction') },
      ],
    }
  }

  /**
   * The hero's first button, as Details' first (Play, Resume S1:E3 from 12:05, Subscribe…): from the feed's access
   * and saved position at once, then from the hero's details once they come. The series' episodes (the next one
   * after an episode watched, the first) come with any details of it: a refresh does not change them; before any,
   * the position names its own episode.
   */
  private heroFirstAction(): DetailAction | null {
    const hero = this._home?.hero
    if (!hero) return null
    const current = this.currentHeroDetails()
    const known = this.heroDetails()
    const progress = current ? (current.progress ?? null) : (hero.progress ?? null)
    const episodes = known ? episodesInOrder(known.seasons) : episodesNamedBy(hero.progress)
    return detailActions(current?.access ?? hero.access, Date.now(), progress, { hasTrailer: false, episodes })[0] ?? null
  }

  /** OK on the hero's first button: its play (after the checks Details makes) or its purchase, as on Details. */
  private runHeroAction(): void {
    const hero = this._home?.hero
    const details = this.currentHeroDetails()
    const first = this.heroFirstAction()
    if (!hero || !first) return
    // Before its details come, the press fetches them as a tile's Play does.
    if (details) void runTitleAction(this, details, details.progress ?? null, first)
    else void playFromTile(this, hero.id)
  }

  /** The hero's details (synopsis, progress, episodes), once fetched for the hero shown. */
  private heroDetails(): TitleDetails | null {
    return this._heroDetails && this._heroDetails.id === this._home?.hero.id ? this._heroDetails : null
  }

  /**
   * The hero's details when asked for the feed on screen: only these name its first button, prepare its play and
   * play it. A refresh while Home shows (a title taken out of Continue watching, a sign-in) brings a feed newer than
   * the details before it: until its own come, the button is named from the feed and nothing is prepared from the old.
   */
  private currentHeroDetails(): TitleDetails | null {
    return this._heroDetailsFeed === this._feedsShown ? this.heroDetails() : null
  }

  /** Applies a saved focus (Back to Home, or a refresh while browsing). */
  private restore(): void {
    const state = this._pending
    if (state && this._home) {
      for (const rail of this.rails) {
        const column = state.columns[rail.railId]
        if (column !== undefined) rail.focusIndex = column
      }
      const row = this.rails.findIndex((rail) => rail.railId === state.row)
      this._row = row >= 0 ? row + 1 : 0
      this._pending = null
    }
    this._row = Math.min(this._row, this.rails.length)
    this.scroll(false)
  }

  private scroll(animate: boolean): void {
    // The hero and the first rail share the first screen; below that the focused rail moves up under the menu.
    const y = this._row <= 1 ? 0 : FOCUSED_RAIL_Y - railTop(this._row - 1)
    this.Content.setSmooth('y', y, { duration: animate ? motion.focusDuration * 2 : 0 })
    this.TopBand.setSmooth('alpha', this._row <= 1 ? 0 : 1, { duration: animate ? motion.focusDuration : 0 })
    this.rails.forEach((rail, index) => {
      // Only tiles the next frame shows are built in it; those a scroll brings near, or below the fold at start,
      // are built over the frames after it.
      rail.setOnScreen(Math.abs(index + 1 - this._row) <= ROWS_KEPT, animate || !tilesInView(index, y))
    })
    // Only while in the focus path: a page still being built (Back, a refresh) must not steer focus.
    if (this.hasFocus()) this._refocus()
    this.preparePlayAhead()
  }

  override _getFocused(): Lightning.Component {
    if (this._row === 0) return this.Hero
    return this.rails[this._row - 1] ?? this.Hero
  }

  override _handleUp(): void {
    if (this._row === 0) {
      Router.focusWidget('Menu')
      return
    }
    this._row--
    this.scroll(true)
  }

  override _handleDown(): void {
    if (this._row >= this.rails.length) return
    this._row++
    this.scroll(true)
  }

  override _handleEnter(): void {
    if (this._row !== 0 || !this._home) return
    // The details button is the last one.
    if (this.Hero.focusedAction < (this.Hero.model?.actions.length ?? 0) - 1) this.runHeroAction()
    else this._handleInfo()
  }

  /** Info on the hero opens its details, as on a tile (the rails answer it themselves). */
  _handleInfo(): void {
    if (this._row === 0 && this._home) Router.navigate(detailsHash(this._home.hero.id))
  }

  /** The remote's Play on the hero plays it, as on a tile. */
  _handlePlay(): void {
    if (this._row === 0 && this._home) void playFromTile(this, this._home.hero.id)
  }

  _handlePlayPause(): void {
    this._handlePlay()
  }
}
