import fs from 'node:fs'
import path from 'node:path'
import { parse } from 'acorn'
import { distDir as dist } from './support/paths'

test('npm run build wrote both bundles, the static assets and an index.html with settings baked in', () => {
  for (const file of ['index.html', 'app.modern.js', 'app.legacy.js', 'static/translations.json', 'static/i18n/zh-CN.json']) {
    expect(fs.existsSync(path.join(dist, file))).toBe(true)
  }
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8')
  const baked = /window\.MARQUEE_SETTINGS = (\{.*\});/.exec(html)
  expect(baked).not.toBeNull()
  const settings = JSON.parse(baked![1] as string) as { operator: { api: { baseUrl: string } } }
  expect(settings.operator.api.baseUrl).toBe('/v1')
  expect(html).not.toContain('{$')
})

test('the legacy bundle parses as ES5', () => {
  const code = fs.readFileSync(path.join(dist, 'app.legacy.js'), 'utf8')
  expect(() => parse(code, { ecmaVersion: 5, sourceType: 'script' })).not.toThrow()
})

test('the modern bundle is for ES2021 engines with class fields (Chromium 85+), not ES5 ones', () => {
  const code = fs.readFileSync(path.join(dist, 'app.modern.js'), 'utf8')
  expect(() => parse(code, { ecmaVersion: 5, sourceType: 'script' })).toThrow()
  expect(() => parse(code, { ecmaVersion: 2022, sourceType: 'script' })).not.toThrow()
})
