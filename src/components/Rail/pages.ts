/**
 * The items of a long rail, page by page as the API gives them. Pages far from the focus drop
 * their items and keep only the cursor that fetched them, so a rail scrolled through 10,000
 * titles holds what a rail of a few hundred holds; scrolling back fetches them again.
 */
interface Page<T> {
  start: number
  length: number
  /** The cursor that fetched this page; null for the first page (it came with the feed). */
  cursor: string | null
  items: readonly T[] | null
}

export class RailPages<T> {
  private readonly pages: Page<T>[] = []
  private _nextCursor: string | null = null

  /** Starts over with the first page. */
  reset(items: readonly T[], nextCursor: string | null): void {
    this.pages.length = 0
    this.pages.push({ start: 0, length: items.length, cursor: null, items })
    this._nextCursor = nextCursor
  }

  get length(): number {
    const last = this.pages[this.pages.length - 1]
    return last ? last.start + last.length : 0
  }

  /** The cursor of the page after the last one, or null when the server has no more. */
  get nextCursor(): string | null {
    return this._nextCursor
  }

  /** Adds the page fetched with `nextCursor`. */
  append(items: readonly T[], nextCursor: string | null): void {
    if (this._nextCursor === null) return
    this.pages.push({ start: this.length, length: items.length, cursor: this._nextCursor, items })
    this._nextCursor = nextCursor
  }

  /** Undefined for an index out of range or on a dropped page. */
  itemAt(index: number): T | undefined {
    const page = this.pageOf(index)
    return page?.items?.[index - page.start]
  }

  /** Cursors of the dropped pages that overlap [from, to], to fetch again (never the first page's null). */
  droppedBetween(from: number, to: number): string[] {
    return this.pages
      .filter((page) => page.items === null && page.cursor !== null && page.start <= to && page.start + page.length - 1 >= from)
      .map((page) => page.cursor!)
  }

  /** Puts back the items of a dropped page fetched again with `cursor` (kept to the length it had). */
  restore(cursor: string, items: readonly T[]): void {
    const page = this.pages.find((p) => p.cursor === cursor)
    if (page && page.items === null) page.items = items.slice(0, page.length)
  }

  /** Drops the items of every page wholly outside [from, to]; the first page stays (Back to the start is common). */
  dropOutside(from: number, to: number): void {
    for (const page of this.pages) {
      if (page.cursor !== null && (page.start + page.length - 1 < from || page.start > to)) page.items = null
    }
  }

  /** How many items are held in memory (the rest are on dropped pages). */
  get heldCount(): number {
    return this.pages.reduce((sum, page) => sum + (page.items ? page.length : 0), 0)
  }

  private pageOf(index: number): Page<T> | undefined {
    if (index < 0 || index >= this.length) return undefined
    // Pages are in order: binary search by start.
    let low = 0
    let high = this.pages.length - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if (this.pages[mid]!.start <= index) low = mid
      else high = mid - 1
    }
    return this.pages[low]
  }
}
