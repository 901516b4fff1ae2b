export const episodeStyle = {
  cardW: 380,
  /** The card's texts and watched bar start this far in from its left edge and stop as far from its right. */
  cardPadding: 24,
  /** Room for a title of two lines and, under it, the running time. */
  cardH: 168,
  /** The watched bar: its height, and its bottom's distance from the card's. */
  progressH: 6,
  progressBottom: 14,
  /** The bar's unwatched part: light, to show on the dark card and the focused accent alike. */
  progressTrack: 0x40ffffff,
  gap: 24,
  chipH: 56,
  /** Room either side of a season chip's label. */
  chipPaddingX: 28,
  chipGap: 16,
  rowGap: 28,
  /** Cards in view at once; the row scrolls beyond. */
  visible: 4,
} as const

/** The list's height: the season chips, the gap, the row of cards. */
export const episodeListHeight = episodeStyle.chipH + episodeStyle.rowGap + episodeStyle.cardH
