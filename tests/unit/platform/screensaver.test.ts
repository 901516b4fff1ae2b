import { allowScreenSaver } from '../../../src/platform/screensaver'

const win = (extra: object): Window => extra as unknown as Window

/** Samsung's webapis.appcommon, recording the states it is given (the real constants: 0 off, 1 on). */
function fakeAppCommon(fail?: 'throws' | 'refuses'): { webapis: object; states: string[] } {
  const states: string[] = []
  const appcommon = {
    AppCommonScreenSaverState: { SCREEN_SAVER_OFF: 0, SCREEN_SAVER_ON: 1 },
    setScreenSaver(state: number, onSuccess: () => void, onError: (error: Error) => void) {
      if (fail === 'throws') throw new Error('TypeMismatchError')
      states.push(state === 1 ? 'on' : 'off')
      if (fail === 'refuses') onError(new Error('NotSupportedError'))
      else onSuccess()
    },
  }
  return { webapis: { appcommon }, states }
}

test('Samsung: the screen saver is held off and let back through webapis.appcommon', () => {
  const tv = fakeAppCommon()
  allowScreenSaver(false, 'tizen', win({ webapis: tv.webapis }))
  allowScreenSaver(true, 'tizen', win({ webapis: tv.webapis }))
  expect(tv.states).toEqual(['off', 'on'])
})

test('other platforms are not asked, and a TV without the API or refusing it changes nothing', () => {
  const tv = fakeAppCommon()
  for (const platform of ['webos', 'rdk', 'browser'] as const) allowScreenSaver(false, platform, win({ webapis: tv.webapis }))
  expect(tv.states).toEqual([])
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
  expect(() => allowScreenSaver(false, 'tizen', win({}))).not.toThrow()
  expect(() => allowScreenSaver(false, 'tizen', win({ webapis: fakeAppCommon('throws').webapis }))).not.toThrow()
  const refusing = fakeAppCommon('refuses')
  allowScreenSaver(false, 'tizen', win({ webapis: refusing.webapis }))
  expect(refusing.states).toEqual(['off'])
  expect(warn).toHaveBeenCalledTimes(2)
  warn.mockRestore()
})
