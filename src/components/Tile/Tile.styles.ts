export const tileStyle = {
  width: 240,
  height: 360,
  gap: 32,
  radius: 12,
  focusScale: 1.08,
  focusBorder: 4,
  titleFontSize: 26,
  titleGap: 14,
  /** The Continue watching bar along the poster's foot. */
  progressH: 8,
  placeholderColors: [0xff2a2340, 0xff16324a] as const,
  skeletonColor: 0xff22222e,
} as const
