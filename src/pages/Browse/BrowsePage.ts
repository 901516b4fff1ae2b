import { Lightning, Router } from '@lightningjs/sdk'
import type { Rail as RailData } from '../../../server/contract'
import { t } from '../../i18n'
import { api } from '../../api/session'
import { fetchHome, fetchRailPage, genresOf, type GenreEntry } from '../../api/catalog'
import { onChange } from '../../api/changes'
import { colors, layout, lineLimit, motion, typography, wrapping } from '../../components/theme'
import { Grid } from '../../components/Grid/Grid'
import type { TileModel } from '../../components/Tile/Tile'
import type { PageTypeConfig } from '../page'
import { detailsHash } from '../../domain'
import { tileModel } from '../tile-model'
import { failureMessage } from '../failure-message'
import { playFromTile } from '../play-title'

interface BrowseHistory extends Record<string, unknown> {
  genreId: string
  area: 'genres' | 'grid'
  index: number
}

interface BrowseTypeConfig extends PageTypeConfig {
  HistoryStateType: BrowseHistory
}

interface BrowseTemplateSpec extends Lightning.Component.TemplateSpec {
  Heading: Lightning.Element
  Genres: Lightning.Element
  Count: Lightning.Element
  Grid: typeof Grid
}

const GENRES_Y = 170
const GENRE_H = 72
const GRID_X = 500

/** One genre's items so far and the cursor for the next page. */
interface GenreItems {
  items: TileModel[]
  cursor: string | null
  total: number
}

/**
 * Browse by genre: the genres down the left, the selected genre's titles in a
 * windowed grid that pages in more as the viewer scrolls. `browse/:genreId`
 * opens on that genre (deep links, Back). The genres and each first page come
 * from the home feed, loaded by the route's `before` hook.
 */
export class BrowsePage
  extends Lightning.Component<BrowseTemplateSpec, BrowseTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<BrowseTemplateSpec>
{
  static override _template(): Lightning.Component.Template<BrowseTemplateSpec> {
    return {
      Heading: { x: layout.safeX, y: 140, text: { text: '', ...typography.caption, textColor: colors.textMuted } },
      Genres: { x: layout.safeX, y: GENRES_Y + 40 },
      Count: { x: GRID_X, y: 140, text: { text: '', ...typography.caption, textColor: colors.textMuted } },
      Grid: { type: Grid, x: GRID_X, y: 196, columns: 5, visibleRows: 2 },
    }
  }

  private readonly Heading = this.getByRef('Heading')!
  private readonly Genres = this.getByRef('Genres')!
  private readonly Count = this.getByRef('Count')!
  private readonly Grid = this.getByRef('Grid')!
  private _genres: GenreEntry[] = []
  private readonly _byGenre = new Map<string, GenreItems>()
  private _genreIndex = 0
  private _area: 'genres' | 'grid' = 'genres'
  private _loadingMore = false
  private _unsubscribe: (() => void)[] = []
  private _restoreIndex: number | null = null

  /** The route's `before` hook: genres and their first pages from the home feed. */
  async load(genreId: string | undefined): Promise<void> {
    const home = await fetchHome(api())
    this._genres = genresOf(home.rails)
    this._byGenre.clear()
    for (const rail of home.rails) this.remember(rail)
    const index = genreId ? this._genres.findIndex((genre) => genre.genreId === genreId) : 0
    this._genreIndex = Math.max(0, index)
    if (genreId && index >= 0) this._area = 'grid'
  }

  private remember(rail: Pick<RailData, 'id' | 'items' | 'nextCursor' | 'totalCount'>): void {
    this._byGenre.set(rail.id, { items: rail.items.map((item) => tileModel(item)), cursor: rail.nextCursor, total: rail.totalCount })
  }

  override _onDataProvided(): void {
    this.render()
  }

  override _init(): void {
    this.Grid.handlers = {
      onSelect: (item) => Router.navigate(detailsHash(item.id)),
      onPlay: (item) => void playFromTile(this, item.id),
      onLoadMore: () => void this.loadMore(),
    }
  }

  override _attach(): void {
    const reload = (): void => {
      const genreId = this._genres[this._genreIndex]?.genreId
      this.load(genreId).then(
        () => this.render(),
        (error: unknown) => this.fireAncestors('$showToast', failureMessage(error)),
      )
    }
    this._unsubscribe = [onChange('language', reload), onChange('entitlements', reload), onChange('progress', reload)]
  }

  override _detach(): void {
    for (const stop of this._unsubscribe) stop()
    this._unsubscribe = []
  }

  override _active(): void {
    this.widgets.menu.sync('browse')
  }

  override historyState(state?: BrowseHistory): BrowseHistory | undefined {
    if (!state) return { genreId: this._genres[this._genreIndex]?.genreId ?? '', area: this._area, index: this.Grid.focusIndex }
    const index = this._genres.findIndex((genre) => genre.genreId === state.genreId)
    if (index >= 0) this._genreIndex = index
    this._area = state.area
    this._restoreIndex = state.index
    this.render()
    return undefined
  }

  private render(): void {
    this.Heading.text = t('browse.title')
    this.Genres.children = this._genres.map((genre, index) => ({
      y: index * GENRE_H,
      w: 340,
      h: GENRE_H - 12,
      rect: true,
      color: 0x00000000,
      shader: { type: Lightning.shaders.RoundedRectangle, radius: layout.radius },
      Label: {
        x: 24,
        y: (GENRE_H - 12) / 2,
        mountY: 0.5,
        text: { text: genre.name, ...typography.body, ...wrapping, verticalAlign: 'middle', textColor: colors.textMuted, wordWrapWidth: 300, ...lineLimit(1) },
      },
    }))
    this.showGenre()
  }

  private get currentItems(): GenreItems | undefined {
    const genre = this._genres[this._genreIndex]
    return genre ? this._byGenre.get(genre.railId) : undefined
  }

  private showGenre(): void {
    const data = this.currentItems
    if (data) this.Grid.setItems(data.items, data.cursor !== null)
    else this.Grid.showLoading()
    this.Grid.focusIndex = this._restoreIndex ?? 0
    this._restoreIndex = null
    this.Count.text = data ? t('browse.count', { count: data.total }) : ''
    this.highlight()
  }

  private highlight(): void {
    const focusedList = this._area === 'genres' && this.hasFocus()
    this.Genres.children.forEach((row, index) => {
      const selected = index === this._genreIndex
      row.setSmooth('color', selected ? (focusedList ? colors.accent : 0xff2a2a3a) : 0x00000000, { duration: motion.focusDuration })
      const text = row.getByRef('Label')?.text
      if (text) text.textColor = selected ? (focusedList ? colors.textOnAccent : colors.text) : colors.textMuted
    })
    // Only while in the focus path: a page still being built (Back, a refresh) must not steer focus.
    if (this.hasFocus()) this._refocus()
  }

  private async loadMore(): Promise<void> {
    const genre = this._genres[this._genreIndex]
    const data = this.currentItems
    if (!genre || !data?.cursor || this._loadingMore) return
    this._loadingMore = true
    try {
      const page = await fetchRailPage(api(), genre.railId, data.cursor)
      data.items = data.items.concat(page.items.map((item) => tileModel(item)))
      data.cursor = page.nextCursor
      if (this._genres[this._genreIndex] === genre) this.Grid.setItems(data.items, data.cursor !== null)
    } catch (error) {
      this.fireAncestors('$showToast', failureMessage(error))
    } finally {
      this._loadingMore = false
    }
  }

  override _getFocused(): Lightning.Component {
    return this._area === 'grid' && this.Grid.itemCount > 0 ? this.Grid : this
  }

  override _focus(): void {
    this.highlight()
  }

  override _unfocus(): void {
    this.highlight()
  }

  override _handleUp(): void {
    if (this._area === 'genres' && this._genreIndex > 0) {
      this._genreIndex--
      this.showGenre()
      return
    }
    Router.focusWidget('Menu')
  }

  override _handleDown(): void {
    if (this._area === 'genres' && this._genreIndex < this._genres.length - 1) {
      this._genreIndex++
      this.showGenre()
    }
  }

  override _handleRight(): void {
    if (this._area === 'genres' && this.Grid.itemCount > 0) {
      this._area = 'grid'
      this.highlight()
    }
  }

  override _handleLeft(): void {
    if (this._area === 'grid') {
      this._area = 'genres'
      this.highlight()
    }
  }

  override _handleEnter(): void {
    if (this._area === 'genres') this._handleRight()
  }
}
