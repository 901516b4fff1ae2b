import { accountSummary, calendarDate, type EntitlementLike } from '../../../src/domain'
import { DAY, HOUR, iso, NOW } from './fixtures'

const item = (over: Partial<EntitlementLike> & Pick<EntitlementLike, 'kind'>): EntitlementLike => ({
  titleId: null,
  until: null,
  startBy: null,
  playUntil: null,
  ...over,
})

describe('accountSummary', () => {
  test('subscription in force with its end; rentals soonest first with time left; owned last', () => {
    const summary = accountSummary(
      [
        item({ kind: 'ownership', titleId: 't3' }),
        item({ kind: 'rental', titleId: 't1', startBy: iso(NOW + 30 * DAY) }),
        item({ kind: 'rental', titleId: 't2', playUntil: iso(NOW + 41 * HOUR) }),
        item({ kind: 'subscription', until: iso(NOW + 20 * DAY) }),
      ],
      NOW,
      'en',
    )
    expect(summary).toEqual({
      subscribedUntil: NOW + 20 * DAY,
      holdings: [
        { kind: 'rental', titleId: 't2', status: 'Rented · 41 h left' },
        { kind: 'rental', titleId: 't1', status: 'Rented · 30 days to start' },
        { kind: 'ownership', titleId: 't3', status: 'Owned' },
      ],
    })
  })

  test('lapsed subscription and rentals are left out', () => {
    const summary = accountSummary(
      [
        item({ kind: 'subscription', until: iso(NOW) }),
        item({ kind: 'rental', titleId: 't1', playUntil: iso(NOW - 1) }),
        item({ kind: 'rental', titleId: 't2', startBy: iso(NOW - 1) }),
      ],
      NOW,
      'zh-CN',
    )
    expect(summary).toEqual({ subscribedUntil: null, holdings: [] })
  })
})

describe('calendarDate', () => {
  test('UTC and with an offset across midnight', () => {
    expect(calendarDate(Date.parse('2026-12-25T10:00:00Z'), 0)).toBe('2026-12-25')
    expect(calendarDate(Date.parse('2026-12-31T20:00:00Z'), 8 * 60)).toBe('2027-01-01')
    expect(calendarDate(Date.parse('2024-02-29T00:00:00Z'), 0)).toBe('2024-02-29')
    expect(calendarDate(Date.parse('1970-01-01T00:00:00Z'), -60)).toBe('1969-12-31')
  })
})
