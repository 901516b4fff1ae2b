import { startLanguage } from '../../../src/i18n/start-language'

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
