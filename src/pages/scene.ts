import type { Lightning } from '@lightningjs/sdk'
import { colors } from '../components/theme'

/**
 * The pages' background is the colour the stage clears each frame to, not a
 * full-screen rectangle: on a TV's GPU (and the software GL of `npm run bench`)
 * a rectangle covering the screen is a screen's worth of pixels blended every
 * frame of every animation. The player clears to transparent instead, so the
 * video under the canvas shows through.
 */
export function showScene(stage: Lightning.Stage, over: 'background' | 'video'): void {
  stage.setClearColor(over === 'video' ? TRANSPARENT : colors.background)
}

const TRANSPARENT = 0x00000000
