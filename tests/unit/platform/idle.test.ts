import { whenIdle, type IdleWindow } from '../../../src/platform/idle'

describe('whenIdle', () => {
  test('asks for an idle callback with the deadline, and runs the work only when it comes', () => {
    const asked: Array<{ callback: () => void; timeout: number }> = []
    const win: IdleWindow = {
      requestIdleCallback: (callback, options) => asked.push({ callback, timeout: options.timeout }),
      setTimeout: () => { throw new Error('no timer where idle callbacks exist') },
    }
    const work = jest.fn()
    whenIdle(work, 2000, 1000, win)
    expect(asked.map((call) => call.timeout)).toEqual([2000])
    expect(work).not.toHaveBeenCalled()
    asked[0]!.callback()
    expect(work).toHaveBeenCalledTimes(1)
  })

  test('engines without requestIdleCallback run the work after the fallback delay', () => {
    jest.useFakeTimers()
    try {
      const win: IdleWindow = { setTimeout: (callback, ms) => setTimeout(callback, ms) as unknown as number }
      const work = jest.fn()
      whenIdle(work, 2000, 1000, win)
      jest.advanceTimersByTime(999)
      expect(work).not.toHaveBeenCalled()
      jest.advanceTimersByTime(1)
      expect(work).toHaveBeenCalledTimes(1)
    } finally {
      jest.useRealTimers()
    }
  })
})
