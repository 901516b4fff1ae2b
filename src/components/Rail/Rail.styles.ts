import { layout } from '../theme'
import { tileStyle } from '../Tile/Tile.styles'

export const railStyle = {
  x: layout.safeX,
  titleHeight: 56,
  titleFontSize: 34,
  /** Height of a rail including its title and the tile captions. */
  height: 56 + tileStyle.height + 70,
  step: tileStyle.width + tileStyle.gap,
  /** Tiles on screen at 1920 wide. */
  visible: 7,
  /** Focus stays on the first tile's slot once the rail scrolls. */
  anchor: 0,
  /** Tiles built beyond each edge so scrolling never shows a gap. */
  buffer: 2,
  /** Ask for the next page this many tiles before the loaded end. */
  loadMoreThreshold: 8,
  scrollDuration: 0.25,
  skeletonCount: 7,
} as const
