import fs from 'node:fs'
import path from 'node:path'

const dir = path.resolve(__dirname, '../../../src/i18n/locales')
const languages = ['zh-CN', 'en', 'id']
const load = (lang: string): Record<string, string> => JSON.parse(fs.readFileSync(path.join(dir, `${lang}.json`), 'utf8')) as Record<string, string>
const placeholders = (text: string): string[] => (text.match(/\{\w+\}/g) ?? []).sort()

test('zh-CN (default), en and id are the languages shipped', () => {
  expect(fs.readdirSync(dir).sort()).toEqual(languages.map((l) => `${l}.json`).sort())
})

const reference = load('zh-CN')

describe.each(languages)('%s', (lang) => {
  const dictionary = load(lang)

  test('has every key of every other language, and no extra', () => {
    const allKeys = new Set(languages.flatMap((l) => Object.keys(load(l))))
    const missing = [...allKeys].filter((key) => !(key in dictionary))
    expect(missing).toEqual([])
  })

  test('has no empty message', () => {
    expect(Object.entries(dictionary).filter(([, text]) => text.trim() === '')).toEqual([])
  })

  test('uses the same {placeholders} as zh-CN', () => {
    for (const [key, text] of Object.entries(reference)) {
      expect([key, placeholders(dictionary[key] ?? '')]).toEqual([key, placeholders(text)])
    }
  })
})
