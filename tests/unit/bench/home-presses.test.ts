import { homePresses } from '../../bench/sections/latency'

test('the latency run on Home goes down through the rails and back, never pressing past a rail end', () => {
  const lengths = [20, 3, 1, 12]
  const keys = homePresses(200, lengths)
  expect(keys).toHaveLength(200)
  const columns = lengths.map(() => 0)
  let row = 0
  for (const key of keys) {
    if (key === 'ArrowDown') row++
    else if (key === 'ArrowUp') row--
    else columns[row - 1]! += key === 'ArrowRight' ? 1 : -1
    expect(row).toBeGreaterThanOrEqual(1)
    expect(row).toBeLessThanOrEqual(lengths.length)
    if (row >= 1) {
      expect(columns[row - 1]).toBeGreaterThanOrEqual(0)
      expect(columns[row - 1]).toBeLessThan(lengths[row - 1]!)
    }
  }
  expect(keys.filter((k) => k === 'ArrowUp').length).toBeGreaterThan(0)
})
