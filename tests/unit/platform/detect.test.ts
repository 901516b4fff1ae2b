import { detectPlatform, type PlatformSignals } from '../../../src/platform/detect'

const signals = (overrides: Partial<PlatformSignals>): PlatformSignals => ({
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36',
  hasTizenApi: false,
  hasWebOSApi: false,
  forced: null,
  ...overrides,
})

test('a desktop browser is "browser"', () => {
  expect(detectPlatform(signals({}))).toBe('browser')
})

test('Tizen by its API or its user agent', () => {
  expect(detectPlatform(signals({ hasTizenApi: true }))).toBe('tizen')
  expect(
    detectPlatform(signals({ userAgent: 'Mozilla/5.0 (SMART-TV; LINUX; Tizen 4.0) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 TV Safari/537.36' })),
  ).toBe('tizen')
})

test('webOS by its API or its user agent (Web0S with a zero)', () => {
  expect(detectPlatform(signals({ hasWebOSApi: true }))).toBe('webos')
  expect(
    detectPlatform(signals({ userAgent: 'Mozilla/5.0 (Web0S; Linux/SmartTV) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/38.0.2125.122 Safari/537.36 WebAppManager' })),
  ).toBe('webos')
})

test('RDK / WPE by user agent', () => {
  expect(detectPlatform(signals({ userAgent: 'Mozilla/5.0 (Linux; x86_64 GNU/Linux) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/11.0 Safari/605.1.15 WPE' }))).toBe('rdk')
})

test('QA can force a platform with ?platform=, and nonsense is ignored', () => {
  expect(detectPlatform(signals({ forced: 'webos' }))).toBe('webos')
  expect(detectPlatform(signals({ forced: 'playstation', hasTizenApi: true }))).toBe('tizen')
})
