import { Lightning } from '@lightningjs/sdk'
import { colors, fontFace, wrapping } from '../theme'
import { Tile, type TileModel } from '../Tile/Tile'
import { railStyle } from './Rail.styles'
import { needsMore, railWindow } from './window'

export interface RailHandlers {
  onSelect(item: TileModel, index: number): void
  /** Called when focus nears the end of the loaded items and `hasMore` is set. */
  onLoadMore?(): void
  onFocusIndex?(index: number): void
}

interface RailTemplateSpec extends Lightning.Component.TemplateSpec {
  Title: Lightning.Element
  Track: Lightning.Element
}

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
      Title: {
        x: railStyle.x,
        text: { text: '', fontFace, ...wrapping, fontSize: railStyle.titleFontSize, textColor: colors.text, maxLines: 1, wordWrapWidth: 1600, textOverflow: 'ellipsis' },
      },
      Track: { x: railStyle.x, y: railStyle.titleHeight },
    }
  }

  /** The API's rail id (refs must start upper-case, so it is kept here). */
  railId = ''
  private readonly Title = this.getByRef('Title')!
  private readonly Track = this.getByRef('Track')!
  private _items: readonly TileModel[] = []
  private _loading = false
  private _hasMore = false
  private _focusIndex = 0
  private _handlers: RailHandlers = { onSelect: () => undefined }
  /** Built tiles by item index; recycled instead of destroyed. */
  private readonly _built = new Map<number, Tile>()
  private readonly _spare: Tile[] = []
  private _onScreen = true

  set title(value: string) {
    this.Title.text = value
  }

  set handlers(value: RailHandlers) {
    this._handlers = value
  }

  get focusIndex(): number {
    return this._focusIndex
  }

  /** Items so far; `hasMore` says whether the server has more pages. */
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
    this.layout(false)
  }

  get itemCount(): number {
    return this._items.length
  }

  /** How many tile components exist right now (benchmarks and tests read it). */
  get builtTileCount(): number {
    return this._built.size
  }

  /**
   * Off-screen rails drop their tiles (and so their poster textures); the page
   * turns a rail back on as it nears the viewport. Focus and items are kept.
   */
  set onScreen(value: boolean) {
    if (value === this._onScreen) return
    this._onScreen = value
    if (value) {
      this.layout(false)
      return
    }
    for (const tile of this._built.values()) this.Track.childList.remove(tile)
    this._built.clear()
    this._spare.length = 0
  }

  get onScreen(): boolean {
    return this._onScreen
  }

  /** Appends the next page (from `onLoadMore`). */
  appendItems(items: readonly TileModel[], hasMore: boolean): void {
    this.setItems([...this._items, ...items], hasMore)
  }

  /** Focus a given item, e.g. when Back returns to the page. */
  set focusIndex(value: number) {
    this._focusIndex = Math.max(0, Math.min(value, this._items.length - 1))
    if (this._onScreen) this.layout(false)
  }

  private get count(): number {
    return this._loading ? railStyle.skeletonCount : this._items.length
  }

  private layout(animate: boolean): void {
    if (!this._onScreen) return
    const window = railWindow(this._focusIndex, this.count, railStyle.visible, railStyle.anchor, railStyle.buffer)
    for (const [index, tile] of this._built) {
      if (index < window.first || index > window.last) {
        this._built.delete(index)
        this.Track.childList.remove(tile)
        this._spare.push(tile)
      }
    }
    for (let index = window.first; index <= window.last; index++) {
      let tile = this._built.get(index)
      if (!tile) {
        tile = this._spare.pop() ?? (this.stage.c({ type: Tile }) as Tile)
        this.Track.childList.add(tile)
        this._built.set(index, tile)
      }
      tile.x = index * railStyle.step
      tile.model = this._loading ? null : (this._items[index] ?? null)
    }
    // Spares hold textures: keep only enough to cover one scroll step.
    this._spare.length = Math.min(this._spare.length, railStyle.buffer)
    const x = railStyle.x - window.scrollIndex * railStyle.step
    this.Track.setSmooth('x', x, { duration: animate ? railStyle.scrollDuration : 0 })
    // Only while in the focus path: a page still being built (Back, a refresh) must not steer focus.
    if (this.hasFocus()) this._refocus()
  }

  private moveFocus(delta: number): boolean {
    const next = this._focusIndex + delta
    if (this._loading || next < 0 || next >= this._items.length) return false
    this._focusIndex = next
    this.layout(true)
    this._handlers.onFocusIndex?.(next)
    if (needsMore(next, this._items.length, this._hasMore, railStyle.loadMoreThreshold)) this._handlers.onLoadMore?.()
    return true
  }

  override _getFocused(): Lightning.Component | undefined {
    return this._built.get(this._focusIndex)
  }

  override _handleLeft(): boolean {
    return this.moveFocus(-1)
  }

  override _handleRight(): boolean {
    return this.moveFocus(1)
  }

  override _handleEnter(): boolean {
    const item = this._items[this._focusIndex]
    if (!item) return false
    this._handlers.onSelect(item, this._focusIndex)
    return true
  }
}
