import { encodePng, type RgbImage } from './png'

/** The app's colours (src/components/theme.ts): near-black background, marquee gold. */
const BACKGROUND = [0x0b, 0x0b, 0x12] as const
const GOLD = [0xff, 0xb4, 0x00] as const

type Point = readonly [number, number]

function distanceToSegment(px: number, py: number, [ax, ay]: Point, [bx, by]: Point): number {
  const dx = bx - ax
  const dy = by - ay
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy))
}

/**
 * The Marquee mark: a gold "M" of four strokes, centred on the background,
 * drawn with one pixel of anti-aliasing so it stays clean at 80 px.
 */
export function drawIcon(width: number, height: number): RgbImage {
  const size = Math.min(width, height)
  const glyphW = size * 0.56
  const glyphH = size * 0.5
  const left = (width - glyphW) / 2
  const top = (height - glyphH) / 2
  const stroke = size * 0.09
  const inset = stroke / 2
  const topLeft: Point = [left + inset, top + inset]
  const bottomLeft: Point = [left + inset, top + glyphH - inset]
  const topRight: Point = [left + glyphW - inset, top + inset]
  const bottomRight: Point = [left + glyphW - inset, top + glyphH - inset]
  const middle: Point = [left + glyphW / 2, top + glyphH * 0.62]
  const strokes: [Point, Point][] = [
    [bottomLeft, topLeft],
    [topLeft, middle],
    [middle, topRight],
    [topRight, bottomRight],
  ]
  const pixels = new Uint8Array(width * height * 3)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const distance = Math.min(...strokes.map(([a, b]) => distanceToSegment(x + 0.5, y + 0.5, a, b)))
      const coverage = Math.max(0, Math.min(1, stroke / 2 - distance + 0.5))
      const at = (y * width + x) * 3
      for (let channel = 0; channel < 3; channel++) {
        pixels[at + channel] = Math.round((BACKGROUND[channel] as number) * (1 - coverage) + (GOLD[channel] as number) * coverage)
      }
    }
  }
  return { width, height, pixels }
}

export function iconPng(width: number, height: number): Buffer {
  return encodePng(drawIcon(width, height))
}
