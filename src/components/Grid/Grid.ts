import { Lightning } from '@lightningjs/sdk'
import type { TileModel } from '../Tile/Tile'
import { TileWindow } from '../Tile/TileWindow'
import { gridStyle } from './Grid.styles'
import { gridMove, gridPage, gridWindow, type GridDirection } from './window'

export interface GridHandlers {
  onSelect(item: TileModel, index: number): void
  /** Focus is near the end of the loaded items and `hasMore` is set. */
  onLoadMore?(): void
  /** The remote's Play (or Play/Pause) key on a tile. */
  onPlay?(item: TileModel, index: number): void
}

interface GridTemplateSpec extends Lightning.Component.TemplateSpec {
  columns: number
  visibleRows: number
  Track: Lightning.Element
}

/**
 * A windowed grid of tiles: only the rows in view plus a buffer exist,
 * recycled as focus moves. Moves that leave the grid are not handled, so the
 * page decides (Up to the menu, Left to a side panel).
 */
export class Grid
  extends Lightning.Component<GridTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<GridTemplateSpec>
{
  static override _template(): Lightning.Component.Template<GridTemplateSpec> {
    return { clipping: false, Track: {} }
  }

  columns = 6
  visibleRows = 2
  /** What voice guidance says as focus enters the grid, before the tile: what the grid holds, as its page captions it. */
  announce = ''
  private readonly Track = this.getByRef('Track')!
  private _items: readonly TileModel[] = []
  private _loading = false
  private _hasMore = false
  private _focusIndex = 0
  private _handlers: GridHandlers = { onSelect: () => undefined }
  private readonly _tiles = new TileWindow(
    this.stage,
    this.Track,
    (index) => ({
      x: (index % this.columns) * gridStyle.columnStep,
      y: Math.floor(index / this.columns) * gridStyle.rowStep,
      model: this._loading ? null : (this._items[index] ?? null),
    }),
    () => {
      if (this.hasFocus()) this._refocus()
    },
  )

  set handlers(value: GridHandlers) {
    this._handlers = value
  }

  get focusIndex(): number {
    return this._focusIndex
  }

  set focusIndex(value: number) {
    this._focusIndex = Math.max(0, Math.min(value, this._items.length - 1))
    this.layout(false)
  }

  get itemCount(): number {
    return this._items.length
  }

  get builtTileCount(): number {
    return this._tiles.size
  }

  setItems(items: readonly TileModel[], hasMore: boolean): void {
    this._items = items
    this._hasMore = hasMore
    this._loading = false
    this._focusIndex = Math.min(this._focusIndex, Math.max(0, items.length - 1))
    this.layout(false)
  }

  /** Skeleton tiles until the first page arrives. */
  showLoading(): void {
    this._loading = true
    this._items = []
    this._focusIndex = 0
    this.layout(false)
  }

  private get count(): number {
    return this._loading ? this.columns * gridStyle.skeletonRows : this._items.length
  }

  /** `animate`: a move by the viewer; the tiles it brings near (not the focused one) are built over the next frames. */
  private layout(animate: boolean): void {
    const window = gridWindow(this._focusIndex, this.count, this.columns, this.visibleRows, gridStyle.buffer)
    this._tiles.show(window.first, window.last, this._focusIndex, animate)
    this.Track.setSmooth('y', -window.scrollRow * gridStyle.rowStep, { duration: animate ? gridStyle.scrollDuration : 0 })
    // Only while in the focus path: a page still being built (Back, a refresh) must not steer focus.
    if (this.hasFocus()) this._refocus()
  }

  private move(direction: GridDirection): boolean {
    return !this._loading && this.focusOn(gridMove(this._focusIndex, this._items.length, this.columns, direction))
  }

  /** A screenful of rows (Channel keys); at the loaded end the next page is asked for as by any move. */
  private page(direction: 'up' | 'down'): boolean {
    return !this._loading && this.focusOn(gridPage(this._focusIndex, this._items.length, this.columns, this.visibleRows, direction))
  }

  private focusOn(next: number | null): boolean {
    if (next === null) return false
    this._focusIndex = next
    this.layout(true)
    const rowsLeft = Math.floor((this._items.length - 1) / this.columns) - Math.floor(next / this.columns)
    if (this._hasMore && rowsLeft < gridStyle.loadMoreRows) this._handlers.onLoadMore?.()
    return true
  }

  override _getFocused(): Lightning.Component | undefined {
    return this._tiles.tile(this._focusIndex)
  }

  override _handleLeft(): boolean {
    return this.move('left')
  }

  override _handleRight(): boolean {
    return this.move('right')
  }

  override _handleUp(): boolean {
    return this.move('up')
  }

  override _handleDown(): boolean {
    return this.move('down')
  }

  _handleChannelUp(): boolean {
    return this.page('up')
  }

  _handleChannelDown(): boolean {
    return this.page('down')
  }

  /** Info on a tile opens what OK opens: the title's details. */
  _handleInfo(): boolean {
    return this._handleEnter()
  }

  override _handleEnter(): boolean {
    return this.select(this._handlers.onSelect)
  }

  _handlePlay(): boolean {
    return this._handlers.onPlay ? this.select(this._handlers.onPlay) : false
  }

  _handlePlayPause(): boolean {
    return this._handlePlay()
  }

  private select(handler: (item: TileModel, index: number) => void): boolean {
    const item = this._items[this._focusIndex]
    if (!item) return false
    handler(item, this._focusIndex)
    return true
  }
}
