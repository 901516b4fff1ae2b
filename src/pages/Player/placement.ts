import { layout } from '../../components/theme'

/**
 * Where a preview `previewW` wide stands over the progress bar `bar` at `seconds` of `duration`: centred
 * on that point of the bar, moved in where it would cross the TV-safe area's edge. Its left edge.
 */
export function seekPreviewX(seconds: number, duration: number, bar: { x: number; w: number }, previewW: number): number {
  const at = bar.x + (duration > 0 ? bar.w * Math.min(1, Math.max(0, seconds / duration)) : 0)
  return Math.round(Math.min(layout.screenW - layout.safeX - previewW, Math.max(layout.safeX, at - previewW / 2)))
}
