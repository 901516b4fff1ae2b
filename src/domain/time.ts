import { messagesFor, pad2, type Locale } from './messages'

/**
 * Durations for humans. Everything takes numbers (ms or seconds) and returns
 * text; nothing here reads the clock.
 */

export const MINUTE_MS = 60 * 1000
export const HOUR_MS = 60 * MINUTE_MS
export const DAY_MS = 24 * HOUR_MS

/** Above this, time left is told in days ("30 days"), up to it in hours ("48 h"). */
export const DAYS_THRESHOLD_MS = 48 * HOUR_MS

/**
 * A compact span for time left: "5 min", "41 h", "30 days".
 *
 * Rounding is chosen so that the text never says "0" while time is left and
 * never promises a day that is not there:
 * - minutes and hours round UP (41 h 1 min → "42 h", 30 s → "1 min"), so the
 *   figure reaches 0 only when the time is over; anything that rounds up to
 *   60 minutes is told as "1 h";
 * - over 48 h, whole days round DOWN (2 days 23 h → "2 days"): a day is too
 *   coarse a unit to round up;
 * - 0 or less (or NaN) → "0 min".
 */
export function formatSpan(ms: number, locale: Locale): string {
  const m = messagesFor(locale)
  const left = Number.isFinite(ms) && ms > 0 ? ms : 0
  if (left > DAYS_THRESHOLD_MS) return m.spanDays(Math.floor(left / DAY_MS))
  const minutes = Math.ceil(left / MINUTE_MS)
  if (minutes < 60) return m.spanMinutes(minutes)
  return m.spanHours(Math.ceil(left / HOUR_MS))
}

/** "41 h left" / "剩 41 小时" / "sisa 41 jam" (see formatSpan for the rounding). */
export function formatRemaining(ms: number, locale: Locale): string {
  return messagesFor(locale).left(formatSpan(ms, locale))
}

/** For a rental not started yet: "30 days to start" / "30 天内开始" / "mulai dalam 30 hari". */
export function formatStartWithin(ms: number, locale: Locale): string {
  return messagesFor(locale).toStart(formatSpan(ms, locale))
}

/**
 * A running time: "1 h 52 min" / "1小时52分钟" / "1 j 52 mnt", "52 min", "2 h".
 * Rounded to the nearest minute; anything above 0 s is at least "1 min".
 */
export function formatDuration(seconds: number, locale: Locale): string {
  const m = messagesFor(locale)
  const s = Number.isFinite(seconds) && seconds > 0 ? seconds : 0
  let total = Math.round(s / 60)
  if (s > 0 && total === 0) total = 1
  const hours = Math.floor(total / 60)
  const minutes = total % 60
  if (hours === 0) return m.durationMinutes(minutes)
  if (minutes === 0) return m.durationHours(hours)
  return m.durationHoursMinutes(hours, minutes)
}

/** Hours, minutes and seconds of a point of the play: whole seconds, rounded down. */
function clockParts(seconds: number): [number, number, number] {
  const total = Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0
  return [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60]
}

/** The player's clock: "0:00", "12:05", "1:02:03". Whole seconds, rounded down. */
export function formatClock(seconds: number): string {
  const [h, m, s] = clockParts(seconds)
  return h > 0 ? `${h}:${pad2(m)}:${pad2(s)}` : `${m}:${pad2(s)}`
}

/** The same point as voice guidance says it: "12 minutes 5 seconds" / "12分5秒" / "12 menit 5 detik". */
export function formatClockSpoken(seconds: number, locale: Locale): string {
  return messagesFor(locale).clockSpoken(...clockParts(seconds))
}

/** A playback speed as the player's menu lists it: "Normal" at 1×, else "1.25×" ("1,25×" in Indonesian). */
export function formatPlaybackRate(rate: number, locale: Locale): string {
  const m = messagesFor(locale)
  return rate === 1 ? m.normalSpeed : `${String(rate).replace('.', m.decimalMark)}×`
}

/**
 * When a play ends if it plays on from `now` (the TV's local time) with `secondsLeft` to go, to the nearest
 * minute: "Ends at 9:47 PM" / "21:47 结束" / "Selesai pukul 21.47". Empty while the time left is unknown. (Counted
 * on the clock face: a change to or from summer time within the play is not.)
 */
export function formatEndsAt(now: Pick<Date, 'getHours' | 'getMinutes' | 'getSeconds'>, secondsLeft: number, locale: Locale): string {
  if (!Number.isFinite(secondsLeft) || secondsLeft < 0) return ''
  const secondOfDay = now.getHours() * 3600 + now.getMinutes() * 60 + now.getSeconds() + secondsLeft
  const minuteOfDay = Math.round(secondOfDay / 60) % (24 * 60)
  const m = messagesFor(locale)
  return m.endsAt(m.timeOfDay(Math.floor(minuteOfDay / 60), minuteOfDay % 60))
}
