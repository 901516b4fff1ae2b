import { dictionaryUrl, startLanguage } from '../../../src/i18n/start-language'

test("the viewer's stored choice wins over the operator's default", () => {
  expect(startLanguage('zh-CN', 'en', '')).toBe('en')
  expect(startLanguage('zh-CN', null, '')).toBe('zh-CN')
})

test('a ?lang= in the launch URL (QA) wins over the stored choice', () => {
  expect(startLanguage('id', 'en', '?lang=id&inspector=1')).toBe('id')
})

test('a stored value that is no supported language is ignored', () => {
  expect(startLanguage('zh-CN', 'klingon', '')).toBe('zh-CN')
  expect(startLanguage('zh-CN', { language: 'en' }, '')).toBe('zh-CN')
})

test("a dictionary's URL is the one the SDK asks for: under the static path, resolved against the page", () => {
  expect(dictionaryUrl('en', './static', 'http://box.local/?lang=en')).toBe('http://box.local/static/i18n/en.json')
  expect(dictionaryUrl('zh-CN', '/static/', 'http://box.local/tv/index.html')).toBe('http://box.local/static/i18n/zh-CN.json')
  expect(dictionaryUrl('id', 'static', 'http://box.local/tv/index.html#/home')).toBe('http://box.local/tv/static/i18n/id.json')
  expect(dictionaryUrl('en', 'https://cdn.example/marquee/static', 'http://box.local/')).toBe('https://cdn.example/marquee/static/i18n/en.json')
})
