import { meanPart, slowestParts, type Run } from '../../bench/sections/latency'

const part = (queued: number, toFrame: number, frame: number) => ({ queued, toFrame, frame })

test('a press splits into its parts, and the slowest presses are those at or above the p95', () => {
  // 20 presses: 19 quick ones (10..28 ms) and one slow one (100 ms, mostly waiting for its frame).
  const parts = [...Array.from({ length: 19 }, (_, i) => part(2, 5 + i, 3)), part(10, 80, 10)]
  const run: Run = { samples: parts.map((p) => p.queued + p.toFrame + p.frame), parts, misses: 0, framesPerPress: 1, framePeriod: 16.7 }
  // The nearest-rank p95 of 20 samples is the 19th: the slowest quick press (28 ms) and the slow one.
  expect(slowestParts(run)).toEqual([part(2, 23, 3), part(10, 80, 10)])
  expect(meanPart(slowestParts(run), 'toFrame')).toBe((23 + 80) / 2)
  expect(meanPart([], 'frame')).toBe(0)
})
