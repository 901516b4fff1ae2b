/**
 * Which items of a grid are built, and where focus goes. The grid scrolls by
 * rows so that the focused row sits second from the top (the row above stays
 * in view as context); only the rows in view and `buffer` rows around them
 * exist as components, so a genre of 2,000 titles costs what 40 cost.
 */
export interface GridWindow {
  /** Row at the top edge of the viewport. */
  scrollRow: number
  /** Built items: [first, last] inclusive; empty when last < first. */
  first: number
  last: number
}

export function gridWindow(focusIndex: number, count: number, columns: number, visibleRows: number, buffer: number): GridWindow {
  if (count <= 0 || columns <= 0) return { scrollRow: 0, first: 0, last: -1 }
  const rows = Math.ceil(count / columns)
  const focusRow = Math.floor(Math.max(0, Math.min(focusIndex, count - 1)) / columns)
  const scrollRow = Math.max(0, Math.min(focusRow - 1, rows - visibleRows))
  const firstRow = Math.max(0, scrollRow - buffer)
  const lastRow = Math.min(rows - 1, scrollRow + visibleRows - 1 + buffer)
  return { scrollRow, first: firstRow * columns, last: Math.min(count - 1, (lastRow + 1) * columns - 1) }
}

export type GridDirection = 'left' | 'right' | 'up' | 'down'

/**
 * The index focus moves to, or null when the move leaves the grid (the page
 * then takes it: Up from the first row to the menu, Left from the first column
 * to a side panel). Down into a shorter last row lands on its last item.
 */
export function gridMove(index: number, count: number, columns: number, direction: GridDirection): number | null {
  const column = index % columns
  switch (direction) {
    case 'left':
      return column === 0 ? null : index - 1
    case 'right':
      return column === columns - 1 || index + 1 >= count ? null : index + 1
    case 'up':
      return index - columns >= 0 ? index - columns : null
    case 'down': {
      const lastRowStart = Math.floor((count - 1) / columns) * columns
      if (index >= lastRowStart) return null
      return Math.min(index + columns, count - 1)
    }
  }
}

/**
 * The remote's Channel keys page a grid: `rows` rows up or down in the same column, stopping at the first or the
 * last row (on a shorter last row, its last item); null when the focus is on that row already.
 */
export function gridPage(index: number, count: number, columns: number, rows: number, direction: 'up' | 'down'): number | null {
  if (count <= 0) return null
  const row = Math.floor(index / columns)
  const lastRow = Math.floor((count - 1) / columns)
  const target = direction === 'down' ? Math.min(lastRow, row + rows) : Math.max(0, row - rows)
  return target === row ? null : Math.min(target * columns + (index % columns), count - 1)
}
