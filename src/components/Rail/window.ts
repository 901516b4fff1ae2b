/**
 * Which items of a rail are built. A rail shows `visible` tiles; focus moves
 * freely across the first ones, then the rail scrolls so the focused tile stays
 * at `anchor` from the left edge (as on the big TV apps). Only the shown tiles
 * and `buffer` on either side exist as components, so a rail of 10,000 items
 * costs what a rail of 20 costs.
 */
export interface RailWindow {
  /** Index of the first item at the left edge of the viewport. */
  scrollIndex: number
  /** Built items: [first, last] inclusive; empty when last < first. */
  first: number
  last: number
}

export function railWindow(focusIndex: number, count: number, visible: number, anchor: number, buffer: number): RailWindow {
  if (count <= 0) return { scrollIndex: 0, first: 0, last: -1 }
  const focus = Math.max(0, Math.min(focusIndex, count - 1))
  const maxScroll = Math.max(0, count - visible)
  const scrollIndex = Math.max(0, Math.min(focus - anchor, maxScroll))
  const first = Math.max(0, scrollIndex - buffer)
  const last = Math.min(count - 1, scrollIndex + visible - 1 + buffer)
  return { scrollIndex, first, last }
}

/** Whether the focus is within `threshold` of the loaded end, where a rail with more to come asks for its next page. */
export function nearLoadedEnd(focusIndex: number, loaded: number, threshold: number): boolean {
  return loaded - 1 - focusIndex < threshold
}
