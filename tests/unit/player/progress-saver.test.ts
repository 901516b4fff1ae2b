import { PROGRESS_SAVE_INTERVAL_MS, ProgressSaver, type Position } from '../../../src/player/progress-saver'

// Fake timers: the cadence is checked without waiting.
beforeEach(() => jest.useFakeTimers())
afterEach(() => jest.useRealTimers())

function setup(initial: Position | null): { saver: ProgressSaver; saves: Position[]; at: { position: Position | null }; failNext: { value: boolean } } {
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
