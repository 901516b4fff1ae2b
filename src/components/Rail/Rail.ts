import { Lightning } from '@lightningjs/sdk'
import { colors, lineLimit, typography, wrapping } from '../theme'
import type { TileModel } from '../Tile/Tile'
import { TileWindow } from '../Tile/TileWindow'
import { RailPages } from './pages'
import { railStyle } from './Rail.styles'
import { nearLoadedEnd, railWindow } from './window'

/** A page of a rail from the API, as tiles. */
export interface RailPageOfTiles {
  items: readonly TileModel[]
  nextCursor: string | null
}

export interface RailHandlers {
  onSelect(item: TileModel, index: number): void
  /** Fetches the page at `cursor`: the next one as focus nears the end, or one dropped far from the focus. */
  loadPage?(cursor: string): Promise<RailPageOfTiles>
  /** A page could not be fetched; the rail asks again on the next move. */
  onLoadFailed?(error: unknown): void
  onFocusIndex?(index: number): void
  /**
   * OK held on a tile (its options, such as taking it out of Continue watching). A rail with it opens a title
   * when OK is let go, so a hold does not open it first.
   */
  onHold?(item: TileModel, index: number): void
  /** Info on a tile; without it, Info does what OK does. */
  onInfo?(item: TileModel, index: number): void
  /** The remote's Play (or Play/Pause) key on a tile. */
  onPlay?(item: TileModel, index: number): void
}

interface RailTemplateSpec extends Lightning.Component.TemplateSpec {
  Title: Lightning.Element
  Hint: Lightning.Element
  Track: Lightning.Element
}

/** The hint stands this far right of the rail's title, on its line. */
const HINT_GAP = 28

/**
 * A horizontal rail of tiles, windowed: only the tiles on screen plus a small
 * buffer exist, recycled as focus moves, so the cost does not grow with the
 * number of items. Focus is remembered when the viewer leaves and comes back.
 */
export class Rail
  extends Lightning.Component<RailTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<RailTemplateSpec>
{
  static override _template(): Lightning.Component.Template<RailTemplateSpec> {
    return {
      h: railStyle.height,
      // Tiles built just off screen load their textures as they are built (in the frames after a key press),
      // not in the frame that scrolls them into view.
      boundsMargin: [railStyle.step * (railStyle.buffer + 1), railStyle.height, railStyle.step * (railStyle.buffer + 1), railStyle.height],
      Title: {
        x: railStyle.x,
        text: { text: '', ...wrapping, fontSize: railStyle.titleFontSize, textColor: colors.text, ...lineLimit(1), wordWrapWidth: 1600 },
      },
      // Shown beside the title while the rail has focus (what a hold does, which nothing on a tile shows).
      Hint: { x: railStyle.x, y: 4, alpha: 0, text: { text: '', ...typography.caption, textColor: colors.textMuted } },
      Track: { x: railStyle.x, y: railStyle.titleHeight },
    }
  }

  /** The API's rail id (refs must start upper-case, so it is kept here). */
  railId = ''
  private readonly Title = this.getByRef('Title')!
  private readonly Hint = this.getByRef('Hint')!
  private readonly Track = this.getByRef('Track')!
  private _hint = ''
  private readonly _pages = new RailPages<TileModel>()
  /** Cursors being fetched; a new first page (a refresh) bumps the generation so late answers are ignored. */
  private readonly _fetching = new Set<string>()
  private _generation = 0
  private _loading = false
  private _focusIndex = 0
  private _handlers: RailHandlers = { onSelect: () => undefined }
  /** OK went down on a tile of a rail with `onHold`, and neither its release nor a hold has answered it yet. */
  private _enterDown = false
  private readonly _tiles = new TileWindow(
    this.stage,
    this.Track,
    (index) => ({ x: index * railStyle.step, y: 0, model: this._loading ? null : (this._pages.itemAt(index) ?? null) }),
    () => {
      if (this.hasFocus()) this._refocus()
    },
  )
  private _onScreen = true
  /** It was to fetch around its focus while off screen or held: it does when it can. */
  private _fetchOwed = false
  private _fetchesHeld = false
  /** A fetch waits for the frame being drawn (fetchAround). */
  private _fetchScheduled = false

  set title(value: string) {
    this.Title.text = value
  }

  /** A line beside the title while the rail has focus, read by voice guidance after the tile ("Hold OK to remove"). */
  set hint(value: string) {
    this._hint = value
    this.Hint.text = value
    this.showHint(this.hasFocus())
  }

  get announceContext(): string {
    return this._hint
  }

  set handlers(value: RailHandlers) {
    this._handlers = value
  }

  get focusIndex(): number {
    return this._focusIndex
  }

  /** The first page; `nextCursor` fetches the next one through `handlers.loadPage` (null: no more). */
  setItems(items: readonly TileModel[], nextCursor: string | null): void {
    this._pages.reset(items, nextCursor)
    this._generation++
    this._fetching.clear()
    this._loading = false
    this._focusIndex = Math.min(this._focusIndex, Math.max(0, items.length - 1))
    this.layout(false)
  }

  /** Skeleton tiles until the first page arrives. */
  showLoading(): void {
    this._loading = true
    this._pages.reset([], null)
    this.layout(false)
  }

  get itemCount(): number {
    return this._pages.length
  }

  /** Items held in memory: far pages are dropped (benchmarks and tests read it). */
  get heldItemCount(): number {
    return this._pages.heldCount
  }

  /** How many tile components exist right now (benchmarks and tests read it). */
  get builtTileCount(): number {
    return this._tiles.size
  }

  /**
   * Off-screen rails drop their tiles (and so their poster textures) and fetch
   * no pages; the page turns a rail back on as it nears the viewport. Focus and
   * items are kept.
   */
  set onScreen(value: boolean) {
    this.setOnScreen(value, false)
  }

  /** As `onScreen`; `soon` builds the tiles over the next frames (a scroll brings the rail near), not at once. */
  setOnScreen(value: boolean, soon: boolean): void {
    if (value === this._onScreen) return
    this._onScreen = value
    if (!value) return this._tiles.clear()
    this.layout(false, soon)
    if (this._fetchOwed) this.fetchAround()
  }

  get onScreen(): boolean {
    return this._onScreen
  }

  /**
   * Held while the page shows a stored feed that a fresh one is about to replace: the fresh rails ask for
   * the same pages (a return to Home asked each near rail for its next page twice). Released, it fetches what it owes.
   */
  set fetchesHeld(value: boolean) {
    this._fetchesHeld = value
    if (this._fetchOwed) this.fetchAround()
  }

  /** The focused tile's title, once its page is in (a rail loading holds no items). */
  get focusedItem(): TileModel | undefined {
    return this._pages.itemAt(this._focusIndex)
  }

  /** Focus a given item, e.g. when Back returns to the page. */
  set focusIndex(value: number) {
    this._focusIndex = Math.max(0, Math.min(value, this._pages.length - 1))
    this.layout(false)
    this.fetchAround()
  }

  private get count(): number {
    return this._loading ? railStyle.skeletonCount : this._pages.length
  }

  override _attach(): void {
    // Back to a page whose rail was taken off the stage before its tiles were all built.
    if (this._onScreen) this.layout(false)
  }

  /** `animate`: a scroll step. `inBackground`: tiles other than the focused one are built over the next frames. */
  private layout(animate: boolean, inBackground = animate): void {
    if (!this._onScreen) return
    const window = railWindow(this._focusIndex, this.count, railStyle.visible, railStyle.anchor, railStyle.buffer)
    this._tiles.show(window.first, window.last, this._focusIndex, inBackground)
    const x = railStyle.x - window.scrollIndex * railStyle.step
    this.Track.setSmooth('x', x, { duration: animate ? railStyle.scrollDuration : 0 })
    // Only while in the focus path: a page still being built (Back, a refresh) must not steer focus.
    if (this.hasFocus()) this._refocus()
  }

  private moveFocus(delta: number): boolean {
    const next = this._focusIndex + delta
    if (this._loading || next < 0 || next >= this._pages.length) return false
    this._focusIndex = next
    this.layout(true)
    this._handlers.onFocusIndex?.(next)
    this.fetchAround()
    return true
  }

  /**
   * Drops pages far from the focus, and fetches the next page near the end and dropped pages near the
   * focus once the frame that shows the move is drawn: setting up a request (axios, the XHR's send) took
   * ~20 ms of a key press's own time at 4× CPU throttling, for a page wanted tens of tiles ahead.
   */
  private fetchAround(): void {
    if (!this.mayFetch()) return
    const focus = this._focusIndex
    this._pages.dropOutside(focus - railStyle.itemsKept, focus + railStyle.itemsKept)
    if (this._fetchScheduled) return
    this._fetchScheduled = true
    requestAnimationFrame(() =>
      setTimeout(() => {
        this._fetchScheduled = false
        if (this.mayFetch()) this.fetchNear()
      }),
    )
  }

  /**
   * Whether the rail may fetch now; if not, it owes a fetch for later. An off-screen rail fetches when it
   * comes near: a return to Home restores every rail's focus, and asking for all their pages cost 15 requests.
   */
  private mayFetch(): boolean {
    this._fetchOwed = !this._onScreen || this._fetchesHeld
    return !this._fetchOwed
  }

  /** The pages to ask for, chosen after the frame: moves in between count, and a page that arrived in between is not asked for again. */
  private fetchNear(): void {
    const focus = this._focusIndex
    const near = railStyle.loadMoreThreshold
    const wanted = this._pages.droppedBetween(focus - near, focus + near)
    const next = this._pages.nextCursor
    if (next !== null && nearLoadedEnd(focus, this._pages.length, near)) wanted.push(next)
    for (const cursor of wanted) void this.fetchPage(cursor)
  }

  private async fetchPage(cursor: string): Promise<void> {
    const load = this._handlers.loadPage
    if (!load || this._fetching.has(cursor)) return
    const generation = this._generation
    this._fetching.add(cursor)
    try {
      const page = await load(cursor)
      if (generation !== this._generation) return
      if (cursor === this._pages.nextCursor) this._pages.append(page.items, page.nextCursor)
      else this._pages.restore(cursor, page.items)
      this.layout(false)
    } catch (error) {
      if (generation === this._generation) this._handlers.onLoadFailed?.(error)
    } finally {
      if (generation === this._generation) this._fetching.delete(cursor)
    }
  }

  override _getFocused(): Lightning.Component | undefined {
    return this._tiles.tile(this._focusIndex)
  }

  override _handleLeft(): boolean {
    return this.moveFocus(-1)
  }

  override _handleRight(): boolean {
    return this.moveFocus(1)
  }

  override _handleEnter(): boolean {
    if (this._handlers.onHold) {
      this._enterDown = true
      return true
    }
    return this.select('onSelect')
  }

  override _focus(): void {
    this.showHint(true)
  }

  /** Focus left the rail with OK still down (a dialog opened over it): its release is not a press here. */
  override _unfocus(): void {
    this._enterDown = false
    this.showHint(false)
  }

  /** Beside the title as it is now (a language switch redraws it while the rail may have focus). */
  private showHint(focused: boolean): void {
    const shown = focused && this._hint.length > 0
    if (shown) {
      this.Title.loadTexture()
      this.Hint.x = railStyle.x + this.Title.renderWidth + HINT_GAP
    }
    this.Hint.alpha = shown ? 1 : 0
  }

  override _handleEnterRelease(): boolean {
    if (!this._enterDown) return false
    this._enterDown = false
    return this.select('onSelect')
  }

  /** Info at once, even on a rail whose OK waits to see whether it is held. */
  _handleInfo(): boolean {
    return this.select(this._handlers.onInfo ? 'onInfo' : 'onSelect')
  }

  _handlePlay(): boolean {
    return this._handlers.onPlay ? this.select('onPlay') : false
  }

  _handlePlayPause(): boolean {
    return this._handlePlay()
  }

  _handleEnterLong(): boolean {
    if (!this._enterDown) return false
    this._enterDown = false
    return this.select('onHold')
  }

  private select(handler: 'onSelect' | 'onHold' | 'onInfo' | 'onPlay'): boolean {
    const item = this.focusedItem
    if (!item) return false
    this._handlers[handler]?.(item, this._focusIndex)
    return true
  }
}
