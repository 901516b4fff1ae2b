export const episodeStyle = {
  cardW: 380,
  cardH: 140,
  gap: 24,
  chipH: 56,
  chipGap: 16,
  rowGap: 28,
  /** Cards in view at once; the row scrolls beyond. */
  visible: 4,
} as const
