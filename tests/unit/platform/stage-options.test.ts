import { stageOptionsFor } from '../../../src/platform'

test('text canvases upload directly in desktop Chromium; TV engines keep Lightning’s getImageData copy', () => {
  expect(stageOptionsFor('browser')).toEqual({ forceTxCanvasSource: true })
  for (const tv of ['tizen', 'webos', 'rdk'] as const) expect(stageOptionsFor(tv)).toEqual({ forceTxCanvasSource: false })
})
