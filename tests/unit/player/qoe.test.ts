import { QoeRecorder } from '../../../src/player/qoe'

function recorder(): { qoe: QoeRecorder; clock: { now: number } } {
  const clock = { now: 1_000_000 }
  return { qoe: new QoeRecorder('t0001', () => clock.now), clock }
}

test('time to first frame is measured from the load; startup buffering is not a rebuffer', () => {
  const { qoe, clock } = recorder()
  qoe.loadStarted()
  qoe.bufferingStarted()
  clock.now += 1200
  qoe.bufferingEnded()
  qoe.firstFrame()
  clock.now += 5000
  qoe.firstFrame()
  expect(qoe.snapshot()).toMatchObject({ timeToFirstFrameMs: 1200, rebufferCount: 0, rebufferMs: 0 })
})

test('rebuffers after the first frame are counted and timed, an ongoing one included live', () => {
  const { qoe, clock } = recorder()
  qoe.loadStarted()
  qoe.firstFrame()
  qoe.bufferingStarted()
  clock.now += 800
  qoe.bufferingEnded()
  qoe.bufferingStarted()
  clock.now += 300
  expect(qoe.snapshot()).toMatchObject({ rebufferCount: 1, rebufferMs: 1100 })
  qoe.bufferingEnded()
  expect(qoe.snapshot()).toMatchObject({ rebufferCount: 2, rebufferMs: 1100 })
})

test('bitrate switches count changes of the playing rendition, not the first one nor repeats', () => {
  const { qoe } = recorder()
  qoe.variant(650_000, 360)
  qoe.variant(650_000, 360)
  qoe.variant(2_600_000, 720)
  qoe.variant(1_300_000, 540)
  expect(qoe.snapshot()).toMatchObject({ bitrateSwitches: 2, bandwidth: 1_300_000, height: 540 })
})

test('events queue for POST /v1/events in order and drain in batches; a failed batch goes back in front', () => {
  const { qoe, clock } = recorder()
  qoe.loadStarted()
  qoe.stream('hls')
  clock.now += 500
  qoe.firstFrame()
  qoe.variant(650_000, 360)
  qoe.variant(2_600_000, 720)
  qoe.error(1002, false)
  qoe.ended(12.5)
  const first = qoe.drain(2)
  expect(first.map((e) => e.type)).toEqual(['play.start', 'play.bitrate'])
  expect(first[0]).toEqual({ type: 'play.start', titleId: 't0001', at: 1_000_500, data: { timeToFirstFrameMs: 500, keySystem: null, format: 'hls' } })
  qoe.requeue(first)
  const all = qoe.drain(100)
  expect(all.map((e) => e.type)).toEqual(['play.start', 'play.bitrate', 'play.error', 'play.end'])
  expect(all[3]?.data).toMatchObject({ errors: 1, bitrateSwitches: 1, timeToFirstFrameMs: 500, format: 'hls', positionSeconds: 12.5 })
  expect(qoe.drain(100)).toEqual([])
})
