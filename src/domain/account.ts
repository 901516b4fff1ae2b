import { parseTime } from './entitlement'
import { messagesFor, type Locale } from './messages'
import { formatRemaining, formatStartWithin } from './time'
import type { Rating } from './ratings'

/**
 * What the Account page lists, from GET /v1/me/entitlements: the subscription
 * and its renewal date, then each rental (with its time left) and each owned
 * title. Lapsed items are left out.
 */

export interface EntitlementLike {
  kind: 'subscription' | 'rental' | 'ownership'
  titleId: string | null
  until: string | null
  startBy: string | null
  playUntil: string | null
}

export type HoldingRow =
  | { kind: 'rental'; titleId: string; status: string }
  | { kind: 'ownership'; titleId: string; status: string }

export interface AccountSummary {
  /** When the subscription in force ends (ms), or null without one. */
  subscribedUntil: number | null
  /** Rentals first (soonest to end first), then owned titles. */
  holdings: HoldingRow[]
}

export function accountSummary(items: readonly EntitlementLike[], now: number, locale: Locale): AccountSummary {
  const m = messagesFor(locale)
  let subscribedUntil: number | null = null
  const rentals: Array<{ row: HoldingRow; endsAt: number }> = []
  const owned: HoldingRow[] = []
  for (const item of items) {
    if (item.kind === 'subscription') {
      const until = parseTime(item.until)
      if (until > now && (subscribedUntil === null || until > subscribedUntil)) subscribedUntil = until
    } else if (item.kind === 'rental' && item.titleId !== null) {
      const playUntil = parseTime(item.playUntil)
      const startBy = parseTime(item.startBy)
      if (item.playUntil !== null && playUntil > now) {
        rentals.push({ row: { kind: 'rental', titleId: item.titleId, status: m.badgeRented(formatRemaining(playUntil - now, locale)) }, endsAt: playUntil })
      } else if (item.playUntil === null && startBy > now) {
        rentals.push({ row: { kind: 'rental', titleId: item.titleId, status: m.badgeRented(formatStartWithin(startBy - now, locale)) }, endsAt: startBy })
      }
    } else if (item.kind === 'ownership' && item.titleId !== null) {
      owned.push({ kind: 'ownership', titleId: item.titleId, status: m.badgeOwned })
    }
  }
  rentals.sort((a, b) => a.endsAt - b.endsAt)
  return { subscribedUntil, holdings: rentals.map((r) => r.row).concat(owned) }
}

function two(n: number): string {
  return n < 10 ? '0' + n : String(n)
}

/**
 * A calendar date "2026-12-25" for a time in ms, at a UTC offset in minutes
 * (the device's), by arithmetic: no Date object, no Intl (old TV engines).
 */
export function calendarDate(ms: number, offsetMinutes: number): string {
  const days = Math.floor((ms + offsetMinutes * 60000) / 86400000)
  // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
  const z = days + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0)
  return `${year}-${two(month)}-${two(day)}`
}

/** The parental limits the Account page offers, strictest last; null turns parental control off. */
export const RATING_LIMIT_CHOICES: readonly (Rating | null)[] = [null, '16+', '12+', 'all']
