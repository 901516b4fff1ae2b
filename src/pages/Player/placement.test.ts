import { seekPreviewX } from './placement'

const bar = { x: 96, w: 1728 }

test('the preview is centred over the point of the bar the seek goes to', () => {
  expect(seekPreviewX(12, 24, bar, 332)).toBe(96 + 864 - 166)
})

test('near either end it stops at the TV-safe edge instead of leaving the screen', () => {
  expect(seekPreviewX(0, 24, bar, 332)).toBe(96)
  expect(seekPreviewX(23, 24, bar, 332)).toBe(1920 - 96 - 332)
  // A time past the end (a duration not known yet) is placed at the end, not beyond.
  expect(seekPreviewX(50, 24, bar, 332)).toBe(1920 - 96 - 332)
  expect(seekPreviewX(10, 0, bar, 332)).toBe(96)
})
