import { PROGRESS_SAVE_INTERVAL_MS, ProgressSaver, type Position } from '../../../src/player/progress-saver'

// Fake timers: the cadence is checked without waiting.
beforeEach(() => jest.useFakeTimers())
afterEach(() => jest.useRealTimers())

/** A play that started at `from` (0: Start over) and is at `initial` now. */
function setup(initial: Position | null, from = 0): { saver: ProgressSaver; saves: Position[]; at: { position: Position | null }; failNext: { value: boolean } } {
  const saves: Position[] = []
  const at = { position: initial }
  const failNext = { value: false }
  const saver = new ProgressSaver(
    () => at.position,
    async (position) => {
      if (failNext.value) {
        failNext.value = false
        throw new Error('offline')
      }
      saves.push(position)
    },
    from,
  )
  return { saver, saves, at, failNext }
}

test('saves every ~10 s while the position moves, and not in between', async () => {
  const { saver, saves, at } = setup({ positionSeconds: 3, durationSeconds: 100 })
  saver.start()
  await jest.advanceTimersByTimeAsync(PROGRESS_SAVE_INTERVAL_MS - 1)
  expect(saves).toEqual([])
  await jest.advanceTimersByTimeAsync(1)
  expect(saves).toEqual([{ positionSeconds: 3, durationSeconds: 100 }])
  at.position = { positionSeconds: 13, durationSeconds: 100 }
  await jest.advanceTimersByTimeAsync(PROGRESS_SAVE_INTERVAL_MS)
  expect(saves.map((s) => s.positionSeconds)).toEqual([3, 13])
})

test('a paused position is not saved again; nothing is saved before the duration is known', async () => {
  const { saver, saves, at } = setup(null)
  saver.start()
  await jest.advanceTimersByTimeAsync(PROGRESS_SAVE_INTERVAL_MS)
  at.position = { positionSeconds: 5, durationSeconds: 0 }
  await jest.advanceTimersByTimeAsync(PROGRESS_SAVE_INTERVAL_MS)
  expect(saves).toEqual([])
  at.position = { positionSeconds: 20, durationSeconds: 100 }
  await jest.advanceTimersByTimeAsync(PROGRESS_SAVE_INTERVAL_MS * 3)
  expect(saves.map((s) => s.positionSeconds)).toEqual([20])
})

test('stop saves where playback stopped, even if unchanged, and ends the cadence', async () => {
  const { saver, saves, at } = setup({ positionSeconds: 20, durationSeconds: 100 })
  saver.start()
  await jest.advanceTimersByTimeAsync(PROGRESS_SAVE_INTERVAL_MS)
  at.position = { positionSeconds: 24.5, durationSeconds: 100 }
  await expect(saver.stop()).resolves.toBe(true)
  await jest.advanceTimersByTimeAsync(PROGRESS_SAVE_INTERVAL_MS * 3)
  expect(saves.map((s) => s.positionSeconds)).toEqual([20, 24.5])
})

test('a failed save is skipped, the next tick saves the newer position; a failed final save reports false', async () => {
  const { saver, saves, at, failNext } = setup({ positionSeconds: 10, durationSeconds: 100 })
  jest.spyOn(console, 'warn').mockImplementation(() => undefined)
  saver.start()
  failNext.value = true
  await jest.advanceTimersByTimeAsync(PROGRESS_SAVE_INTERVAL_MS)
  at.position = { positionSeconds: 20, durationSeconds: 100 }
  await jest.advanceTimersByTimeAsync(PROGRESS_SAVE_INTERVAL_MS)
  expect(saves.map((s) => s.positionSeconds)).toEqual([20])
  failNext.value = true
  await expect(saver.stop()).resolves.toBe(false)
})

test('a play left where it started saves nothing, so the place saved before stays; once it moved, it is saved', async () => {
  // Start over pressed, then Back at once: the play is at 0.2 s of 0.
  const startedOver = setup({ positionSeconds: 0.2, durationSeconds: 100 }, 0)
  startedOver.saver.start()
  await expect(startedOver.saver.stop()).resolves.toBe(false)
  // A resume paused at its start point for a while: no periodic save either.
  const resumed = setup({ positionSeconds: 40.5, durationSeconds: 100 }, 40)
  resumed.saver.start()
  await jest.advanceTimersByTimeAsync(PROGRESS_SAVE_INTERVAL_MS * 2)
  expect(resumed.saves).toEqual([])
  resumed.at.position = { positionSeconds: 41.5, durationSeconds: 100 }
  await expect(resumed.saver.stop()).resolves.toBe(true)
  expect([...startedOver.saves, ...resumed.saves].map((s) => s.positionSeconds)).toEqual([41.5])
})

test('saveNow saves at once when the position moved (the app sent to the background), and not again unmoved', async () => {
  const { saver, saves, at } = setup({ positionSeconds: 0.5, durationSeconds: 100 }, 0)
  saver.start()
  await expect(saver.saveNow()).resolves.toBe(false)
  at.position = { positionSeconds: 4, durationSeconds: 100 }
  await expect(saver.saveNow()).resolves.toBe(true)
  await expect(saver.saveNow()).resolves.toBe(false)
  await jest.advanceTimersByTimeAsync(PROGRESS_SAVE_INTERVAL_MS)
  expect(saves.map((s) => s.positionSeconds)).toEqual([4])
})
