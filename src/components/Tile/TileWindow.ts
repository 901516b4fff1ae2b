import type { Lightning } from '@lightningjs/sdk'
import { Tile, type TileModel } from './Tile'

/** Where the tile of an item index goes and what it shows. */
export interface TilePlacement {
  x: number
  y: number
  model: TileModel | null
}

/**
 * Tiles taken off one rail or grid wait here for the next that needs one: refilling a
 * tile costs a fraction of building it (its elements, shaders and state machine).
 */
const spares: Tile[] = []
const MAX_SPARES = 24
/** Tiles built per frame when a window fills in the background: one or two tiles' textures fit in a frame at 4× CPU throttling. */
const BUILDS_PER_FRAME = 2

/** How long scrolling must have stopped before the posters that scrolled away are freed. */
const TIDY_AFTER_MS = 500
let tidyTimer: ReturnType<typeof setTimeout> | undefined

/**
 * Once the viewer stops scrolling, frees the textures no element shows any more (posters and captions
 * that scrolled away) when they fill over half of Lightning's budget. Lightning would otherwise free
 * them only on reaching its `memoryPressure` cap, in the middle of a frame, while the viewer scrolls.
 */
function tidyTexturesWhenIdle(stage: Lightning.Stage): void {
  clearTimeout(tidyTimer)
  tidyTimer = setTimeout(() => {
    if (stage.usedMemory > stage.getOption('memoryPressure') / 2) stage.gc(false)
  }, TIDY_AFTER_MS)
}

/** Windows with tiles still to build, served first come first served, a few tiles per frame. */
const queue: TileWindow[] = []
let frameRequested = false

function requestBuildFrame(): void {
  if (frameRequested) return
  frameRequested = true
  requestAnimationFrame(() => {
    frameRequested = false
    let budget = BUILDS_PER_FRAME
    while (budget > 0 && queue.length > 0) {
      const window = queue[0]!
      budget -= window.buildSome(budget)
      if (!window.hasPending) queue.shift()
    }
    if (queue.length > 0) requestBuildFrame()
  })
}

/**
 * The built tiles of a windowed rail or grid, by item index. Tiles leaving the window go back
 * to the shared spares at once; tiles entering it are built at once when the viewer must see
 * them in the next frame (a jump, the focused tile), otherwise a few per frame after the key's
 * frame, so a key press never waits for the textures of tiles that are still off screen.
 */
export class TileWindow {
  private readonly built = new Map<number, Tile>()
  /** Indexes still to build, nearest to the focus first. */
  private pending: number[] = []

  constructor(
    private readonly stage: Lightning.Stage,
    private readonly track: Lightning.Element,
    private readonly placement: (index: number) => TilePlacement,
    /** Called after background builds, so the owner can move focus onto a tile that now exists. */
    private readonly onBuilt: () => void,
  ) {}

  get size(): number {
    return this.built.size
  }

  get hasPending(): boolean {
    return this.pending.length > 0
  }

  tile(index: number): Tile | undefined {
    return this.built.get(index)
  }

  /**
   * Shows items first..last (inclusive; none when last < first). `focus` is built at once;
   * the others at once too unless `inBackground`.
   */
  show(first: number, last: number, focus: number, inBackground: boolean): void {
    this.releaseOutside(first, last)
    const missing: number[] = []
    for (let index = first; index <= last; index++) {
      const tile = this.built.get(index)
      if (tile) this.place(tile, index)
      else missing.push(index)
    }
    missing.sort((a, b) => Math.abs(a - focus) - Math.abs(b - focus))
    if (!inBackground) {
      for (const index of missing) this.build(index)
      this.pending = []
      return
    }
    if (missing[0] === focus) this.build(missing.shift()!)
    this.pending = missing
    if (missing.length === 0) return
    if (!queue.includes(this)) queue.push(this)
    requestBuildFrame()
  }

  /** Drops every tile (to the spares) and any build still waiting. */
  clear(): void {
    this.releaseOutside(0, -1)
    this.pending = []
  }

  /** Builds up to `budget` waiting tiles; returns how many it built. */
  buildSome(budget: number): number {
    // An owner taken off the stage (a page rebuilt its rails) needs none of them.
    if (!this.track.attached) this.pending = []
    const batch = this.pending.splice(0, budget)
    for (const index of batch) this.build(index)
    if (batch.length > 0) this.onBuilt()
    return batch.length
  }

  private build(index: number): void {
    const tile = spares.pop() ?? (this.stage.c({ type: Tile }) as Tile)
    this.track.childList.add(tile)
    this.built.set(index, tile)
    this.place(tile, index)
  }

  private place(tile: Tile, index: number): void {
    const { x, y, model } = this.placement(index)
    tile.x = x
    tile.y = y
    tile.model = model
  }

  /** Gives the tiles outside first..last to the spares (all of them when last < first). */
  private releaseOutside(first: number, last: number): void {
    let released = false
    for (const [index, tile] of this.built) {
      if (index >= first && index <= last) continue
      this.built.delete(index)
      this.track.childList.remove(tile)
      if (spares.length < MAX_SPARES) spares.push(tile)
      released = true
    }
    if (released) tidyTexturesWhenIdle(this.stage)
  }
}
