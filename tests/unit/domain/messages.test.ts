import fs from 'node:fs'
import path from 'node:path'
import { LOCALES, MESSAGES, messagesFor, type DomainMessages, type Locale } from '../../../src/domain'

// Call every message with sample arguments; every locale must produce non-empty text.
const render = (m: DomainMessages): Record<string, string> => {
  const out: Record<string, string> = {}
  for (const key of Object.keys(m) as (keyof DomainMessages)[]) {
    const value = m[key]
    out[key] = typeof value === 'string' ? value : (value as (...args: unknown[]) => string)(7, 3)
  }
  return out
}

describe('domain messages', () => {
  test('zh-CN, en and id, nothing else', () => {
    expect(Object.keys(MESSAGES).sort()).toEqual(['en', 'id', 'zh-CN'])
    expect([...LOCALES].sort()).toEqual(['en', 'id', 'zh-CN'])
  })

  test.each(LOCALES)('%s has every message, none empty', (locale) => {
    const keys = Object.keys(MESSAGES.en).sort()
    expect(Object.keys(MESSAGES[locale]).sort()).toEqual(keys)
    const rendered = render(MESSAGES[locale])
    const empty = Object.entries(rendered).filter(([key, text]) => key !== 'groupSeparator' && text.trim() === '')
    expect(empty).toEqual([])
  })

  test.each(LOCALES)('%s uses its parameters (no message drops a value)', (locale) => {
    const m = MESSAGES[locale]
    expect(m.left('X')).toContain('X')
    expect(m.toStart('X')).toContain('X')
    expect(m.badgeRented('X')).toContain('X')
    expect(m.actionRent('P', 'W')).toMatch(/P.*W/)
    expect(m.actionStartRental('W')).toContain('W')
    expect(m.rentalTerms(48, 30)).toMatch(/48[^]*30/)
    expect(m.durationHoursMinutes(1, 52)).toMatch(/1[^]*52/)
  })

  test('an unknown locale falls back to zh-CN', () => {
    expect(messagesFor('fr' as Locale)).toBe(MESSAGES['zh-CN'])
  })
})

describe('domain purity', () => {
  const dir = path.resolve(__dirname, '../../../src/domain')
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))

  test.each(files)('%s imports only from src/domain (or the contract types)', (file) => {
    const source = fs.readFileSync(path.join(dir, file), 'utf8')
    const imports = [...source.matchAll(/(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '')
    const bad = imports.filter((spec) => !spec.startsWith('./') && !/^\.\.\/\.\.\/server\/contract(\/index)?$/.test(spec))
    expect(bad).toEqual([])
  })

  test.each(files)('%s never reads the clock or the DOM', (file) => {
    const code = fs.readFileSync(path.join(dir, file), 'utf8').replace(/\/\*[^]*?\*\/|\/\/.*$/gm, '')
    expect(code).not.toMatch(/Date\.now|new Date\(|performance\.now|\bwindow\.|\bdocument\.|localStorage|\bany\b/)
  })
})
