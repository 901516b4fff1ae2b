export const episodeStyle = {
  cardW: 380,
  /** Room for a title of two lines and, under it, the running time. */
  cardH: 168,
  gap: 24,
  chipH: 56,
  chipGap: 16,
  rowGap: 28,
  /** Cards in view at once; the row scrolls beyond. */
  visible: 4,
} as const
