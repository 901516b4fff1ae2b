import { chipsWidth, placeChips } from './chip-layout'

test('chips stand left to right, a gap apart', () => {
  expect(placeChips([100, 60, 80], 16)).toEqual([0, 116, 192])
})

test('only the chips that end within the room are placed, never one cut by its edge', () => {
  expect(placeChips([100, 60, 80], 16, 272)).toEqual([0, 116, 192])
  expect(placeChips([100, 60, 80], 16, 271)).toEqual([0, 116])
  // A chip that does not fit ends the row: a narrower one after it is not pulled forward out of order.
  expect(placeChips([100, 300, 20], 16, 200)).toEqual([0])
  expect(placeChips([300], 16, 200)).toEqual([])
})

test('the row reaches the last placed chip’s right edge', () => {
  const widths = [100, 60, 80]
  expect(chipsWidth(widths, placeChips(widths, 16))).toBe(272)
  expect(chipsWidth(widths, placeChips(widths, 16, 200))).toBe(176)
  expect(chipsWidth(widths, [])).toBe(0)
})
