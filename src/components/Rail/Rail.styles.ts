import { layout } from '../theme'
import { tileStyle } from '../Tile/Tile.styles'

/**
 * The title's line (a 34 px font's descenders reach ~41 px) and the room a focused tile grows into above its
 * top (half its height's zoom and its border, ~19 px), so the focus ring never touches the title.
 */
const TITLE_HEIGHT = 64

export const railStyle = {
  x: layout.safeX,
  titleHeight: TITLE_HEIGHT,
  titleFontSize: 34,
  /** Height of a rail including its title and the tile captions. */
  height: TITLE_HEIGHT + tileStyle.height + 70,
  step: tileStyle.width + tileStyle.gap,
  /** Tiles on screen at 1920 wide. */
  visible: 7,
  /** Focus stays on the first tile's slot once the rail scrolls. */
  anchor: 0,
  /** Tiles built beyond each edge so scrolling never shows a gap. */
  buffer: 2,
  /** Items asked for per page after the first (which comes with the feed): fewer round trips when holding Right. */
  pageSize: 60,
  /** Ask for the next page this many tiles before the loaded end, so holding Right never meets a skeleton. */
  loadMoreThreshold: 30,
  /** Items kept in memory on either side of the focus; pages beyond drop their items and are fetched again on return. */
  itemsKept: 120,
  scrollDuration: 0.25,
  skeletonCount: 7,
} as const
