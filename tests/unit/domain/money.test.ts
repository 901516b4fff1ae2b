import { formatMoney, groupDigits, CURRENCIES } from '../../../src/domain'
import { cny } from './fixtures'

describe('formatMoney', () => {
  test.each([
    [800, 'zh-CN', '¥8'],
    [800, 'en', '¥8'],
    [800, 'id', '¥8'],
    [850, 'zh-CN', '¥8.50'],
    [850, 'en', '¥8.50'],
    [850, 'id', '¥8,50'],
    [805, 'en', '¥8.05'],
    [1, 'en', '¥0.01'],
    [0, 'zh-CN', '¥0'],
    [0, 'id', '¥0'],
    [128000, 'zh-CN', '¥1,280'],
    [128000, 'en', '¥1,280'],
    [128000, 'id', '¥1.280'],
    [128050, 'id', '¥1.280,50'],
    [99999, 'en', '¥999.99'],
    [100000, 'en', '¥1,000'],
    [123456789, 'zh-CN', '¥1,234,567.89'],
    [100000000, 'id', '¥1.000.000'],
    [-850, 'en', '-¥8.50'],
  ] as const)('%i fen in %s → %s', (amountMinor, locale, expected) => {
    expect(formatMoney(cny(amountMinor), locale)).toBe(expected)
  })

  test('rounds a fractional minor amount to the nearest fen', () => {
    expect(formatMoney(cny(849.6), 'en')).toBe('¥8.50')
  })

  test('a non-finite amount prints as zero', () => {
    expect(formatMoney(cny(Number.NaN), 'en')).toBe('¥0')
  })

  test('other currencies from the table: USD with $, IDR with a spaced Rp', () => {
    expect(formatMoney({ amountMinor: 1999, currency: 'USD' }, 'en')).toBe('$19.99')
    expect(formatMoney({ amountMinor: 1500000, currency: 'IDR' }, 'id')).toBe('Rp 15.000')
    expect(Object.keys(CURRENCIES).sort()).toEqual(['CNY', 'IDR', 'USD'])
  })

  test('an unknown currency prints its code', () => {
    expect(formatMoney({ amountMinor: 800, currency: 'EUR' }, 'en')).toBe('EUR 8')
  })
})

describe('groupDigits', () => {
  test.each([
    ['0', '0'],
    ['12', '12'],
    ['123', '123'],
    ['1234', '1,234'],
    ['123456', '123,456'],
    ['1234567', '1,234,567'],
  ])('%s → %s', (digits, expected) => {
    expect(groupDigits(digits, ',')).toBe(expected)
  })
})
