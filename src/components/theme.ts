/**
 * Marquee's 10-foot design tokens. Sizes are for the 1920×1080 scene; body text
 * is never under 28 px (readable from three metres on a 40" panel).
 */
export const colors = {
  background: 0xff0b0b12,
  surface: 0xff1b1b26,
  surfaceFocused: 0xffffb400,
  text: 0xffffffff,
  textMuted: 0xffa8a8b8,
  textOnAccent: 0xff0b0b12,
  accent: 0xffffb400,
  scrim: 0xcc000000,
  danger: 0xffe5484d,
} as const

/** Texts name no font: they are drawn in the stage's `defaultFontFace`, the start language's (src/i18n/fonts.ts). */
export const typography = {
  display: { fontSize: 72, lineHeight: 88 },
  title: { fontSize: 48, lineHeight: 60 },
  body: { fontSize: 32, lineHeight: 44 },
  caption: { fontSize: 28, lineHeight: 36 },
} as const

/** The height Lightning gives one line of text in this style: its line height, and half its font size below the last line. */
export function oneLineHeight(style: { fontSize: number; lineHeight: number }): number {
  return style.lineHeight + style.fontSize / 2
}

/** Where text is cut to its lines: one ellipsis character, not Lightning's default `..`. */
const ellipsis = '…'

/**
 * At most `count` lines, the last cut with `ellipsis`: every text with a line
 * limit takes it from here. (Lightning's `textOverflow` acts only on unwrapped
 * text; these all wrap.)
 */
export function lineLimit(count: number): { maxLines: number; maxLinesSuffix: string } {
  return { maxLines: count, maxLinesSuffix: ellipsis }
}

/**
 * For text that holds catalogue names and synopses: Chinese has no spaces to
 * wrap at, so lines also break inside words. Lightning's plain renderer wraps
 * with the CJK tokenizer (text/line-breaking.ts) and draws a line per
 * `fillText`; the advanced one would draw every token, each ideograph, alone.
 */
export const wrapping = { wordBreak: true } as const

export const layout = {
  screenW: 1920,
  screenH: 1080,
  /** TV-safe margins: overscan eats up to 5% on older panels. */
  safeX: 96,
  safeY: 54,
  radius: 12,
} as const

/** OK held this long on a tile or a chip is a hold, not a press (Lightning's `longpress`). */
export const HOLD_MS = 700

export const motion = {
  focusDuration: 0.2,
  focusScale: 1.06,
} as const
