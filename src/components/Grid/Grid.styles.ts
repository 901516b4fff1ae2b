import { tileStyle } from '../Tile/Tile.styles'

export const gridStyle = {
  columnStep: tileStyle.width + tileStyle.gap,
  /** Poster, caption and the gap to the next row. */
  rowStep: tileStyle.height + 90,
  /** Rows built beyond the viewport so scrolling never shows a gap. */
  buffer: 1,
  /** Ask for the next page this many rows before the loaded end. */
  loadMoreRows: 2,
  scrollDuration: 0.25,
  skeletonRows: 2,
} as const
