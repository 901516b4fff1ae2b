import type { Lightning } from '@lightningjs/sdk'

/**
 * Where each chip of a row starts: left to right, `gap` apart. Only the chips
 * that end within `room` are placed (the rest are not shown), so the result
 * may be shorter than `widths`.
 */
export function placeChips(widths: readonly number[], gap: number, room = Infinity): number[] {
  const xs: number[] = []
  let x = 0
  for (const width of widths) {
    if (x + width > room) break
    xs.push(x)
    x += width + gap
  }
  return xs
}

/** How far the chips placed by `placeChips` reach: the last one's right edge (0 for none). */
export function chipsWidth(widths: readonly number[], xs: readonly number[]): number {
  const last = xs.length - 1
  return last < 0 ? 0 : xs[last]! + widths[last]!
}

/**
 * Sizes a row's chips to their labels (the label ref's text, `paddingX` either
 * side) and places them; chips past `room` are taken out of the row. Returns
 * how far the kept chips reach.
 */
export function layoutChips(row: Lightning.Element, label: string, spacing: { paddingX: number; gap: number; room?: number }): number {
  const chips = row.children
  const widths = chips.map((chip) => {
    const text = chip.getByRef(label)!
    text.loadTexture()
    return text.renderWidth + spacing.paddingX * 2
  })
  const xs = placeChips(widths, spacing.gap, spacing.room)
  xs.forEach((x, index) => Object.assign(chips[index]!, { x, w: widths[index] }))
  if (xs.length < chips.length) row.children = chips.slice(0, xs.length)
  return chipsWidth(widths, xs)
}
