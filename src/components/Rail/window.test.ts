import { nearLoadedEnd, railWindow } from './window'

test('an empty rail builds nothing', () => {
  expect(railWindow(0, 0, 6, 1, 2)).toEqual({ scrollIndex: 0, first: 0, last: -1 })
})

test('focus moves across the first tiles without scrolling until the anchor', () => {
  expect(railWindow(0, 100, 6, 1, 2)).toEqual({ scrollIndex: 0, first: 0, last: 7 })
  expect(railWindow(1, 100, 6, 1, 2)).toEqual({ scrollIndex: 0, first: 0, last: 7 })
  expect(railWindow(2, 100, 6, 1, 2)).toEqual({ scrollIndex: 1, first: 0, last: 8 })
})

test('deep in a long rail only the window around focus is built', () => {
  const w = railWindow(5000, 10_000, 6, 1, 2)
  expect(w).toEqual({ scrollIndex: 4999, first: 4997, last: 5006 })
  expect(w.last - w.first + 1).toBe(10)
})

test('the window is the same size for 20 items and for 10,000', () => {
  const small = railWindow(10, 20, 6, 1, 2)
  const large = railWindow(10, 10_000, 6, 1, 2)
  expect(large.last - large.first).toBe(small.last - small.first)
})

test('at the end the rail stops scrolling so the last tile sits at the right edge', () => {
  expect(railWindow(99, 100, 6, 1, 2)).toEqual({ scrollIndex: 94, first: 92, last: 99 })
  expect(railWindow(150, 100, 6, 1, 2)).toEqual({ scrollIndex: 94, first: 92, last: 99 })
})

test('a rail shorter than the screen never scrolls', () => {
  expect(railWindow(3, 4, 6, 1, 2)).toEqual({ scrollIndex: 0, first: 0, last: 3 })
})

test('the focus is near the loaded end within the threshold', () => {
  expect(nearLoadedEnd(10, 20, 6)).toBe(false)
  expect(nearLoadedEnd(14, 20, 6)).toBe(true)
  expect(nearLoadedEnd(19, 20, 6)).toBe(true)
})
