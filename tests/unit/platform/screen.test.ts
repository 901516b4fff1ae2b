import { placementFor, stageForWindow } from '../../../src/platform/screen'

test('a 1080p window draws the scene 1:1, a 720p one at 2/3, as the panels we design for', () => {
  expect(stageForWindow({ width: 1920, height: 1080, pixelRatio: 1 })).toEqual({ w: 1920, h: 1080, precision: 1 })
  const hd = stageForWindow({ width: 1280, height: 720, pixelRatio: 1 })
  expect([hd.w, hd.h]).toEqual([1280, 720])
  expect(hd.precision).toBeCloseTo(2 / 3)
})

test('device pixels count: a WebView reporting 960×540 at two pixels per CSS pixel draws 1080p', () => {
  expect(stageForWindow({ width: 960, height: 540, pixelRatio: 2 })).toEqual({ w: 1920, h: 1080, precision: 1 })
  expect(placementFor({ w: 1920, h: 1080 }, { width: 960, height: 540, pixelRatio: 2 })).toEqual({ zoom: 0.5, left: 0, top: 0 })
})

test('never above 1080p: a 4K window draws 1080p and shows it zoomed to fill', () => {
  expect(stageForWindow({ width: 3840, height: 2160, pixelRatio: 1 })).toEqual({ w: 1920, h: 1080, precision: 1 })
  expect(placementFor({ w: 1920, h: 1080 }, { width: 3840, height: 2160, pixelRatio: 1 })).toEqual({ zoom: 2, left: 0, top: 0 })
})

test('a window of another shape gets the largest 16:9 canvas inside it, centred', () => {
  const stage = stageForWindow({ width: 1440, height: 900, pixelRatio: 1 })
  expect(stage).toEqual({ w: 1440, h: 810, precision: 0.75 })
  expect(placementFor(stage, { width: 1440, height: 900, pixelRatio: 1 })).toEqual({ zoom: 1, left: 0, top: 45 })
  const tall = stageForWindow({ width: 1000, height: 1000, pixelRatio: 1 })
  const placed = placementFor(tall, { width: 1000, height: 1000, pixelRatio: 1 })
  expect([tall.w, tall.h]).toEqual([1000, 563])
  expect(placed.zoom).toBeCloseTo(1)
  expect(placed.top).toBeCloseTo(218.75)
})

test('a window made larger or smaller later zooms the canvas drawn at launch', () => {
  const launched = stageForWindow({ width: 1280, height: 720, pixelRatio: 1 })
  const wider = placementFor(launched, { width: 2000, height: 1080, pixelRatio: 1 })
  expect(wider.zoom).toBeCloseTo(1.5)
  expect(wider.left).toBe(40)
  expect(placementFor(launched, { width: 640, height: 360, pixelRatio: 1 }).zoom).toBeCloseTo(0.5)
})

test('a tiny window still gets a readable canvas, shown scaled down; one with no size gets 1080p', () => {
  const tiny = stageForWindow({ width: 320, height: 180, pixelRatio: 1 })
  expect([tiny.w, tiny.h]).toEqual([640, 360])
  expect(placementFor(tiny, { width: 320, height: 180, pixelRatio: 1 }).zoom).toBeCloseTo(0.5)
  for (const view of [{ width: 0, height: 0, pixelRatio: 1 }, { width: Number.NaN, height: 720, pixelRatio: 0 }]) {
    expect(stageForWindow(view)).toEqual({ w: 1920, h: 1080, precision: 1 })
    expect(placementFor({ w: 1920, h: 1080 }, view)).toEqual({ zoom: 1, left: 0, top: 0 })
  }
})
