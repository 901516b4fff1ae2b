import { forEachDrawRun, samplingFor, type QuadGeometry } from './sampling'

/** A 240×360 poster shown whole at its own size, unzoomed. */
const poster: QuadGeometry = { w: 240, h: 360, ta: 1, tb: 0, tc: 0, td: 1, ulx: 0, uly: 0, brx: 1, bry: 1, textureW: 240, textureH: 360 }

test('a texture shown at its own size is sampled nearest', () => {
  expect(samplingFor(poster, 1)).toBe('nearest')
})

test('a zoomed tile, even mid-way through its focus animation, keeps bilinear filtering', () => {
  expect(samplingFor({ ...poster, ta: 1.08, td: 1.08 }, 1)).toBe('linear')
  expect(samplingFor({ ...poster, ta: 1.001, td: 1.001 }, 1)).toBe('linear')
})

test('a rotated quad keeps bilinear filtering', () => {
  expect(samplingFor({ ...poster, ta: 0, tb: -1, tc: 1, td: 0 }, 1)).toBe('linear')
})

test('a stretched texture (a colour rectangle drawn from one white pixel) keeps bilinear filtering', () => {
  expect(samplingFor({ ...poster, w: 300, h: 72, textureW: 1, textureH: 1 }, 1)).toBe('linear')
})

test('on a 720p canvas a texture made at 1080p size is scaled down, so bilinear', () => {
  expect(samplingFor(poster, 2 / 3)).toBe('linear')
})

test('on a 720p canvas a text rendered at the canvas precision (stage size ÷ 1.5 texels) is one to one', () => {
  expect(samplingFor({ ...poster, textureW: 160, textureH: 240 }, 2 / 3)).toBe('nearest')
})

test('a texture region shown at its size is one to one; the whole texture squeezed into it is not', () => {
  const region = { ...poster, w: 120, brx: 0.5, textureW: 240 }
  expect(samplingFor(region, 1)).toBe('nearest')
  expect(samplingFor({ ...region, brx: 1 }, 1)).toBe('linear')
})

/** The draw calls forEachDrawRun makes, as [texture, sampling, first, count]. */
function drawRuns<T>(count: number, textureOf: (i: number) => T, samplingOf: (i: number) => 'nearest' | 'linear'): unknown[] {
  const calls: unknown[] = []
  forEachDrawRun(count, textureOf, samplingOf, (...call) => calls.push(call))
  return calls
}

describe('forEachDrawRun', () => {
  test('consecutive quads of one texture and sampling are one draw call', () => {
    const textures = ['rect', 'rect', 'rect', 'poster-a', 'poster-b']
    const runs = drawRuns(textures.length, (i) => textures[i], () => 'nearest')
    expect(runs).toEqual([
      ['rect', 'nearest', 0, 3],
      ['poster-a', 'nearest', 3, 1],
      ['poster-b', 'nearest', 4, 1],
    ])
  })

  test('the same texture drawn both zoomed and unzoomed splits, since a texture has one filter at a time', () => {
    const samplings = ['nearest', 'linear', 'linear', 'nearest'] as const
    const runs = drawRuns(4, () => 'rect', (i) => samplings[i]!)
    expect(runs).toEqual([
      ['rect', 'nearest', 0, 1],
      ['rect', 'linear', 1, 2],
      ['rect', 'nearest', 3, 1],
    ])
  })

  test('an empty batch draws nothing', () => {
    expect(drawRuns(0, () => 'rect', () => 'linear')).toEqual([])
  })
})
