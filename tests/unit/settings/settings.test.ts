import fs from 'node:fs'
import path from 'node:path'
import { mergeSettings, overlayFromQuery } from '../../../src/settings/merge'
import type { MarqueeSettings } from '../../../src/settings/types'

const base = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../settings.json'), 'utf8')) as MarqueeSettings

test('settings.json has the Lightning sections and the operator section', () => {
  // No canvas size: it fits the window (tests/unit/platform/screen.test.ts).
  expect(base.appSettings.stage).toEqual({ useImageWorker: true })
  expect(base.platformSettings).toMatchObject({ path: './static', log: false, showVersion: false, showFps: false, inspector: false })
  expect(base.platformSettings.router).toMatchObject({ lazyCreate: true, lazyDestroy: true, gcOnUnload: true })
  expect(base.operator.api.baseUrl).toBe('/v1')
  expect(base.operator.locale).toMatchObject({ language: 'zh-CN', region: 'CN', currency: 'CNY' })
  expect(Object.keys(base.operator.drm.keySystems).sort()).toEqual(['browser', 'rdk', 'tizen', 'webos'])
})

test('settings.local.json then the URL query override the built-in settings, deeply', () => {
  const local = { operator: { api: { baseUrl: 'https://api.operator.example/v1' } } }
  const merged = mergeSettings(base, local, overlayFromQuery('?lang=en&inspector=1&resolution=720'))
  expect(merged.operator.api).toEqual({ baseUrl: 'https://api.operator.example/v1', timeoutMs: base.operator.api.timeoutMs })
  expect(merged.operator.locale.language).toBe('en')
  expect(merged.operator.locale.currency).toBe('CNY')
  expect(merged.platformSettings.inspector).toBe(true)
  // A 720p panel: a 1280×720 canvas, the 1080p layout scaled by 2/3.
  expect(merged.appSettings.stage.precision).toBeCloseTo(2 / 3)
  expect([merged.appSettings.stage.w, merged.appSettings.stage.h]).toEqual([1280, 720])
  // The inputs are not mutated.
  expect(base.operator.locale.language).toBe('zh-CN')
})

test('arrays are replaced, not concatenated', () => {
  const merged = mergeSettings(base, { operator: { drm: { keySystems: { browser: ['com.widevine.alpha'] } } } })
  expect(merged.operator.drm.keySystems.browser).toEqual(['com.widevine.alpha'])
  expect(merged.operator.drm.keySystems.tizen).toEqual(base.operator.drm.keySystems.tizen)
})

test('malformed query values are ignored rather than breaking the launch', () => {
  const merged = mergeSettings(base, overlayFromQuery('?lang=klingon&resolution=4k&api=javascript:alert(1)&fps=0'))
  expect(merged.operator.locale.language).toBe('zh-CN')
  expect(merged.appSettings.stage).toEqual(base.appSettings.stage)
  expect(merged.operator.api.baseUrl).toBe('/v1')
  expect(merged.platformSettings.showFps).toBe(false)
})

test('an API override may be absolute or origin-relative', () => {
  expect(mergeSettings(base, overlayFromQuery('?api=http://127.0.0.1:9000/v1')).operator.api.baseUrl).toBe('http://127.0.0.1:9000/v1')
  expect(mergeSettings(base, overlayFromQuery('?api=/staging/v1')).operator.api.baseUrl).toBe('/staging/v1')
})

test('?longRail=N asks Home for the long benchmark rail; a size the API refuses is ignored', () => {
  expect(mergeSettings(base, overlayFromQuery('?longRail=10000')).operator.longRail).toBe(10000)
  for (const bad of ['0', '-5', '1.5', 'many', '20001']) expect(mergeSettings(base, overlayFromQuery(`?longRail=${bad}`)).operator.longRail).toBeUndefined()
})

test('?stream=hls plays the HLS manifest where both play; DASH stays the default and an unknown format is ignored', () => {
  expect(base.operator.streamFormat).toBe('dash')
  expect(mergeSettings(base, overlayFromQuery('?stream=hls')).operator.streamFormat).toBe('hls')
  expect(mergeSettings(base, { operator: { streamFormat: 'hls' } }, overlayFromQuery('?stream=dash')).operator.streamFormat).toBe('dash')
  for (const bad of ['HLS', 'mp4', '']) expect(mergeSettings(base, overlayFromQuery(`?stream=${bad}`)).operator.streamFormat).toBe('dash')
})
