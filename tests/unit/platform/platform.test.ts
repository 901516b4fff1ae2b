import { createPlatform } from '../../../src/platform'
import { TIZEN_REGISTERED_KEYS } from '../../../src/platform/keymaps/tizen'

function fakeWindow(extra: Partial<Window>): Window {
  return { close: jest.fn(), ...extra } as unknown as Window
}

test('Tizen registers its media, colour and number keys in one batch where the API has it', () => {
  const registerKeyBatch = jest.fn()
  const registerKey = jest.fn()
  const win = fakeWindow({ tizen: { tvinputdevice: { registerKey, registerKeyBatch } } })
  createPlatform('tizen', win, jest.fn()).registerKeys()
  expect(registerKeyBatch).toHaveBeenCalledTimes(1)
  expect(registerKeyBatch.mock.calls[0][0]).toEqual([...TIZEN_REGISTERED_KEYS])
  expect(registerKey).not.toHaveBeenCalled()
})

test('Tizen without registerKeyBatch registers key by key and skips keys the model lacks', () => {
  const registered: string[] = []
  const registerKey = jest.fn((key: string) => {
    if (key === 'ColorF0Red') throw new Error('not supported')
    registered.push(key)
  })
  const win = fakeWindow({ tizen: { tvinputdevice: { registerKey } } })
  createPlatform('tizen', win, jest.fn()).registerKeys()
  expect(registerKey).toHaveBeenCalledTimes(TIZEN_REGISTERED_KEYS.length)
  expect(registered).toContain('MediaPlayPause')
  expect(registered).not.toContain('ColorF0Red')
})

test('Tizen exits through the application API', () => {
  const exit = jest.fn()
  const win = fakeWindow({ tizen: { application: { getCurrentApplication: () => ({ exit }) } } })
  createPlatform('tizen', win, jest.fn()).close()
  expect(exit).toHaveBeenCalled()
})

test('webOS exits with platformBack, or window.close on old firmware', () => {
  const platformBack = jest.fn()
  const withBack = fakeWindow({ webOS: { platformBack } })
  createPlatform('webos', withBack, jest.fn()).close()
  expect(platformBack).toHaveBeenCalled()
  const old = fakeWindow({ webOS: {} })
  createPlatform('webos', old, jest.fn()).close()
  expect(old.close).toHaveBeenCalled()
})

test('a desktop browser tries to close, then shows the closed notice', () => {
  const notice = jest.fn()
  const win = fakeWindow({})
  createPlatform('browser', win, notice).close()
  expect(win.close).toHaveBeenCalled()
  expect(notice).toHaveBeenCalled()
})
