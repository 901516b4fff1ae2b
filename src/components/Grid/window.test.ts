import { gridMove, gridPage, gridWindow } from './window'

test('an empty grid builds nothing', () => {
  expect(gridWindow(0, 0, 6, 2, 1)).toEqual({ scrollRow: 0, first: 0, last: -1 })
})

test('the first rows do not scroll; later the focused row sits second from the top', () => {
  expect(gridWindow(0, 120, 6, 2, 1)).toEqual({ scrollRow: 0, first: 0, last: 17 })
  expect(gridWindow(6, 120, 6, 2, 1)).toEqual({ scrollRow: 0, first: 0, last: 17 })
  expect(gridWindow(12, 120, 6, 2, 1)).toEqual({ scrollRow: 1, first: 0, last: 23 })
  expect(gridWindow(60, 120, 6, 2, 1)).toEqual({ scrollRow: 9, first: 48, last: 71 })
})

test('the same number of tiles is built for 40 titles and for 10,000', () => {
  const small = gridWindow(20, 40, 6, 2, 1)
  const large = gridWindow(5000, 10_000, 6, 2, 1)
  expect(large.last - large.first).toBe(small.last - small.first)
})

test('at the end the last row stays at the bottom and a short last row is built', () => {
  expect(gridWindow(39, 40, 6, 2, 1)).toEqual({ scrollRow: 5, first: 24, last: 39 })
})

test('moves stay in the grid and return null where the page takes over', () => {
  // 14 items in rows of 6: [0..5] [6..11] [12,13]
  expect(gridMove(0, 14, 6, 'left')).toBeNull()
  expect(gridMove(1, 14, 6, 'left')).toBe(0)
  expect(gridMove(5, 14, 6, 'right')).toBeNull()
  expect(gridMove(13, 14, 6, 'right')).toBeNull()
  expect(gridMove(2, 14, 6, 'up')).toBeNull()
  expect(gridMove(8, 14, 6, 'up')).toBe(2)
  expect(gridMove(10, 14, 6, 'down')).toBe(13)
  expect(gridMove(7, 14, 6, 'down')).toBe(13)
  expect(gridMove(6, 14, 6, 'down')).toBe(12)
  expect(gridMove(12, 14, 6, 'down')).toBeNull()
})

test('Channel keys page by a screenful of rows in the same column, stopping at the first and last rows', () => {
  // 40 items in rows of 6, two rows on screen: rows 0..6, the last [36..39].
  expect(gridPage(2, 40, 6, 2, 'down')).toBe(14)
  expect(gridPage(14, 40, 6, 2, 'up')).toBe(2)
  expect(gridPage(26, 40, 6, 2, 'down')).toBe(38)
  expect(gridPage(29, 40, 6, 2, 'down')).toBe(39)
  expect(gridPage(39, 40, 6, 2, 'down')).toBeNull()
  expect(gridPage(8, 40, 6, 2, 'up')).toBe(2)
  expect(gridPage(3, 40, 6, 2, 'up')).toBeNull()
  expect(gridPage(0, 0, 6, 2, 'down')).toBeNull()
})
