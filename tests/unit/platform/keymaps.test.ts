import { browserKeyMap } from '../../../src/platform/keymaps/browser'
import { tizenKeyMap } from '../../../src/platform/keymaps/tizen'
import { webosKeyMap } from '../../../src/platform/keymaps/webos'
import { rdkKeyMap } from '../../../src/platform/keymaps/rdk'
import { KEY_NAMES, digitOfKey, type KeyMap, type KeyName } from '../../../src/platform/keymaps/keys'

const maps: Record<string, KeyMap> = { browser: browserKeyMap, tizen: tizenKeyMap, webos: webosKeyMap, rdk: rdkKeyMap }
const named = (map: KeyMap): KeyName[] => Object.values(map)

describe.each(Object.entries(maps))('%s key map', (_platform, map) => {
  test('has the navigation keys every screen needs', () => {
    expect(map[37]).toBe('Left')
    expect(map[38]).toBe('Up')
    expect(map[39]).toBe('Right')
    expect(map[40]).toBe('Down')
    expect(map[13]).toBe('Enter')
    expect(named(map)).toContain('Back')
  })

  test('maps the number keys and the four colour keys', () => {
    for (let digit = 0; digit <= 9; digit++) expect(map[48 + digit]).toBe(`Digit${digit}`)
    for (const colour of ['Red', 'Green', 'Yellow', 'Blue'] as const) expect(named(map)).toContain(colour)
  })

  test('every key it names a digit is read as that digit, and no other key is', () => {
    for (const [code, name] of Object.entries(map)) {
      expect(digitOfKey({ keyCode: Number(code) })).toBe(name.startsWith('Digit') ? Number(name.slice(5)) : null)
    }
  })

  test('maps play/pause or separate play and pause keys, and stop', () => {
    const names = named(map)
    expect(names.includes('PlayPause') || (names.includes('Play') && names.includes('Pause'))).toBe(true)
    expect(names).toContain('Stop')
  })

  test('uses only names components handle', () => {
    for (const name of named(map)) expect(KEY_NAMES).toContain(name)
  })
})

test('Samsung Tizen: Back is 10009, Exit 10182, media keys as Samsung documents them', () => {
  expect(tizenKeyMap[10009]).toBe('Back')
  expect(tizenKeyMap[10182]).toBe('Exit')
  expect(tizenKeyMap[10252]).toBe('PlayPause')
  expect(tizenKeyMap[415]).toBe('Play')
  expect(tizenKeyMap[19]).toBe('Pause')
  expect(tizenKeyMap[413]).toBe('Stop')
  expect(tizenKeyMap[412]).toBe('Rewind')
  expect(tizenKeyMap[417]).toBe('FastForward')
  expect(tizenKeyMap[10233]).toBe('NextTrack')
  expect(tizenKeyMap[10232]).toBe('PreviousTrack')
})

test('LG webOS: Back is 461 and media keys are 415/19/413/412/417', () => {
  expect(webosKeyMap[461]).toBe('Back')
  expect(webosKeyMap[415]).toBe('Play')
  expect(webosKeyMap[19]).toBe('Pause')
  expect(webosKeyMap[413]).toBe('Stop')
  expect(webosKeyMap[412]).toBe('Rewind')
  expect(webosKeyMap[417]).toBe('FastForward')
})

test('colour keys use the HbbTV codes 403–406 on TVs', () => {
  for (const map of [tizenKeyMap, webosKeyMap, rdkKeyMap]) {
    expect([map[403], map[404], map[405], map[406]]).toEqual(['Red', 'Green', 'Yellow', 'Blue'])
  }
})

test('the desktop keyboard: Escape and Backspace are Back, F1–F4 the colour keys, Space play/pause', () => {
  expect(browserKeyMap[27]).toBe('Back')
  expect(browserKeyMap[8]).toBe('Back')
  expect([browserKeyMap[112], browserKeyMap[113], browserKeyMap[114], browserKeyMap[115]]).toEqual(['Red', 'Green', 'Yellow', 'Blue'])
  expect(browserKeyMap[32]).toBe('PlayPause')
})

test('the next and previous track keys: 176 and 177 on keyboards, Android TV remotes (through the WebView) and RDK', () => {
  for (const map of [browserKeyMap, rdkKeyMap]) expect([map[176], map[177]]).toEqual(['NextTrack', 'PreviousTrack'])
})
