/**
 * Which texture filter a quad is drawn with. A quad that maps its texels one to one onto screen pixels (no zoom, no
 * rotation) looks the same sampled nearest as bilinear, and a software rasterizer (SwiftShader in a TV emulator or a
 * GPU-less box; `npm run bench`) fills nearest-sampled pixels about a third faster. A zoomed or rotated quad keeps
 * bilinear filtering, which is what smooths it.
 */
export type Sampling = 'nearest' | 'linear'

/** A quad as the renderer draws it: its size, its world transform, the part of its texture it shows. */
export interface QuadGeometry {
  /** Size in stage coordinates. */
  w: number
  h: number
  /** World transform's 2×2 part (ta, tb / tc, td), as Lightning keeps it. */
  ta: number
  tb: number
  tc: number
  td: number
  /** The texture region shown, as 0..1 texture coordinates. */
  ulx: number
  uly: number
  brx: number
  bry: number
  /** The texture's size in pixels. */
  textureW: number
  textureH: number
}

/** Float error in the world transform, far below any zoom that shows. */
const ONE_TO_ONE_TOLERANCE_PX = 0.01

/** `precision`: screen pixels per stage unit (Lightning's render precision: 1 at 1080p, 2/3 on a 720p canvas). */
export function samplingFor(quad: QuadGeometry, precision: number): Sampling {
  if (quad.tb !== 0 || quad.tc !== 0) return 'linear'
  const screenW = quad.w * quad.ta * precision
  const screenH = quad.h * quad.td * precision
  const texelsW = (quad.brx - quad.ulx) * quad.textureW
  const texelsH = (quad.bry - quad.uly) * quad.textureH
  const oneToOne = Math.abs(screenW - texelsW) < ONE_TO_ONE_TOLERANCE_PX && Math.abs(screenH - texelsH) < ONE_TO_ONE_TOLERANCE_PX
  return oneToOne ? 'nearest' : 'linear'
}

/**
 * Splits a batch of quads into draw calls, as few as the textures and their samplings allow, and hands each to
 * `draw` in order (no arrays: this runs for every batch of every frame).
 */
export function forEachDrawRun<T>(
  count: number,
  textureOf: (index: number) => T,
  samplingOf: (index: number) => Sampling,
  draw: (texture: T, sampling: Sampling, first: number, count: number) => void,
): void {
  if (count === 0) return
  let texture = textureOf(0)
  let sampling = samplingOf(0)
  let first = 0
  for (let i = 1; i < count; i++) {
    const nextTexture = textureOf(i)
    const nextSampling = samplingOf(i)
    if (nextTexture === texture && nextSampling === sampling) continue
    draw(texture, sampling, first, i - first)
    texture = nextTexture
    sampling = nextSampling
    first = i
  }
  draw(texture, sampling, first, count - first)
}
