/**
 * The domain's own words: badge and action labels, durations, rental terms.
 * Pure data, no i18n plugin: the domain returns finished strings for the
 * locale it is given. The `Record<Locale, DomainMessages>` type makes every
 * language complete; a test holds each message to its exact text.
 */

export type Locale = 'zh-CN' | 'en' | 'id'
export const LOCALES: readonly Locale[] = ['zh-CN', 'en', 'id']

export interface DomainMessages {
  /** Thousands separator and decimal mark for prices. */
  groupSeparator: string
  decimalMark: string

  /** Compact spans for "time left": "5 min", "41 h", "30 days". */
  spanMinutes: (n: number) => string
  spanHours: (n: number) => string
  spanDays: (n: number) => string
  /** "41 h left" */
  left: (span: string) => string
  /** "30 days to start" (a rental not started yet) */
  toStart: (span: string) => string

  /** Running times: "1 h 52 min", "52 min", "2 h". */
  durationHoursMinutes: (h: number, m: number) => string
  durationHours: (h: number) => string
  durationMinutes: (m: number) => string

  badgeFree: string
  badgeVip: string
  badgeIncluded: string
  badgeOwned: string
  /** "Rented · 41 h left" */
  badgeRented: (detail: string) => string
  badgeRent: (price: string) => string
  badgeBuy: (price: string) => string
  badgeVipOrRent: (price: string) => string

  actionPlay: string
  actionResume: (clock: string) => string
  /** "S2:E3": a series' episode on a button. */
  episodeCode: (season: number, episode: number) => string
  /** "Season 2, Episode 3": the same said by voice guidance, which would spell the code out. */
  episodeSpoken: (season: number, episode: number) => string
  /** "Play S1:E4" */
  actionPlayEpisode: (code: string) => string
  /** "Resume S2:E3 from 12:05" */
  actionResumeEpisode: (code: string, clock: string) => string
  actionStartOver: string
  actionTrailer: string
  actionSubscribe: (price: string) => string
  /** "Rent ¥8 · 48 h" */
  actionRent: (price: string, playWindow: string) => string
  actionBuy: (price: string) => string
  /** The first play of a rental, which starts its play window. */
  actionStartRental: (playWindow: string) => string

  /** "48 hours to finish once you start, 30 days to start" */
  rentalTerms: (playWindowHours: number, startWindowDays: number) => string
  betterDeal: string

  /** A time of day as the language writes it: "9:47 PM", "21:47", "21.47". */
  timeOfDay: (hours: number, minutes: number) => string
  /** Where a play ends if it plays on: "Ends at 9:47 PM". */
  endsAt: (time: string) => string
  /** The player's speed at 1× ("Normal"); other speeds are written "1.25×". */
  normalSpeed: string
  /** A point of the play as voice guidance says it (a clock is read out as a time of day): "1 hour 2 minutes 5 seconds"; zero parts are left out. */
  clockSpoken: (hours: number, minutes: number, seconds: number) => string
}

/** The non-zero parts said in order; "0 seconds" when all are zero. */
function spokenParts(hours: number, minutes: number, seconds: number, words: [(n: number) => string, (n: number) => string, (n: number) => string], separator: string): string {
  const parts = [hours > 0 ? words[0](hours) : '', minutes > 0 ? words[1](minutes) : '', seconds > 0 || (hours === 0 && minutes === 0) ? words[2](seconds) : '']
  return parts.filter((part) => part.length > 0).join(separator)
}

/** Two digits, for clocks and times of day (no `padStart`: the legacy bundle runs on engines without it). */
export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n)
}

const en: DomainMessages = {
  groupSeparator: ',',
  decimalMark: '.',
  spanMinutes: (n) => `${n} min`,
  spanHours: (n) => `${n} h`,
  spanDays: (n) => `${n} ${n === 1 ? 'day' : 'days'}`,
  left: (span) => `${span} left`,
  toStart: (span) => `${span} to start`,
  durationHoursMinutes: (h, m) => `${h} h ${m} min`,
  durationHours: (h) => `${h} h`,
  durationMinutes: (m) => `${m} min`,
  badgeFree: 'Free',
  badgeVip: 'VIP',
  badgeIncluded: 'Included',
  badgeOwned: 'Owned',
  badgeRented: (detail) => `Rented · ${detail}`,
  badgeRent: (price) => `Rent ${price}`,
  badgeBuy: (price) => `Buy ${price}`,
  badgeVipOrRent: (price) => `VIP · Rent ${price}`,
  actionPlay: 'Play',
  actionResume: (clock) => `Resume from ${clock}`,
  episodeCode: (season, episode) => `S${season}:E${episode}`,
  episodeSpoken: (season, episode) => `Season ${season}, Episode ${episode}`,
  actionPlayEpisode: (code) => `Play ${code}`,
  actionResumeEpisode: (code, clock) => `Resume ${code} from ${clock}`,
  actionStartOver: 'Start over',
  actionTrailer: 'Trailer',
  actionSubscribe: (price) => `Subscribe ${price}/month`,
  actionRent: (price, playWindow) => `Rent ${price} · ${playWindow}`,
  actionBuy: (price) => `Buy ${price}`,
  actionStartRental: (playWindow) => `Start watching · ${playWindow} to finish`,
  rentalTerms: (hours, days) =>
    `${hours} ${hours === 1 ? 'hour' : 'hours'} to finish once you start, ${days} ${days === 1 ? 'day' : 'days'} to start`,
  betterDeal: 'Better deal',
  timeOfDay: (hours, minutes) => `${hours % 12 === 0 ? 12 : hours % 12}:${pad2(minutes)} ${hours < 12 ? 'AM' : 'PM'}`,
  endsAt: (time) => `Ends at ${time}`,
  normalSpeed: 'Normal',
  clockSpoken: (hours, minutes, seconds) =>
    spokenParts(hours, minutes, seconds, [(n) => `${n} hour${n === 1 ? '' : 's'}`, (n) => `${n} minute${n === 1 ? '' : 's'}`, (n) => `${n} second${n === 1 ? '' : 's'}`], ' '),
}

const zhCN: DomainMessages = {
  groupSeparator: ',',
  decimalMark: '.',
  spanMinutes: (n) => `${n} 分钟`,
  spanHours: (n) => `${n} 小时`,
  spanDays: (n) => `${n} 天`,
  left: (span) => `剩 ${span}`,
  toStart: (span) => `${span}内开始`,
  durationHoursMinutes: (h, m) => `${h}小时${m}分钟`,
  durationHours: (h) => `${h}小时`,
  durationMinutes: (m) => `${m}分钟`,
  badgeFree: '免费',
  badgeVip: 'VIP',
  badgeIncluded: '已包含',
  badgeOwned: '已购买',
  badgeRented: (detail) => `已租 · ${detail}`,
  badgeRent: (price) => `租 ${price}`,
  badgeBuy: (price) => `买 ${price}`,
  badgeVipOrRent: (price) => `VIP · 租 ${price}`,
  actionPlay: '播放',
  actionResume: (clock) => `从 ${clock} 继续`,
  episodeCode: (season, episode) => `第 ${season} 季第 ${episode} 集`,
  episodeSpoken: (season, episode) => `第 ${season} 季第 ${episode} 集`,
  actionPlayEpisode: (code) => `播放${code}`,
  actionResumeEpisode: (code, clock) => `${code} 从 ${clock} 继续`,
  actionStartOver: '从头播放',
  actionTrailer: '预告片',
  actionSubscribe: (price) => `开通 VIP ${price}/月`,
  actionRent: (price, playWindow) => `租 ${price} · ${playWindow}`,
  actionBuy: (price) => `购买 ${price}`,
  actionStartRental: (playWindow) => `开始观看 · ${playWindow}内看完`,
  rentalTerms: (hours, days) => `开始观看后 ${hours} 小时内看完，${days} 天内开始观看`,
  betterDeal: '更划算',
  timeOfDay: (hours, minutes) => `${hours}:${pad2(minutes)}`,
  endsAt: (time) => `${time} 结束`,
  normalSpeed: '正常',
  clockSpoken: (hours, minutes, seconds) => spokenParts(hours, minutes, seconds, [(n) => `${n}小时`, (n) => `${n}分`, (n) => `${n}秒`], ''),
}

const id: DomainMessages = {
  groupSeparator: '.',
  decimalMark: ',',
  spanMinutes: (n) => `${n} mnt`,
  spanHours: (n) => `${n} jam`,
  spanDays: (n) => `${n} hari`,
  left: (span) => `sisa ${span}`,
  toStart: (span) => `mulai dalam ${span}`,
  durationHoursMinutes: (h, m) => `${h} j ${m} mnt`,
  durationHours: (h) => `${h} j`,
  durationMinutes: (m) => `${m} mnt`,
  badgeFree: 'Gratis',
  badgeVip: 'VIP',
  badgeIncluded: 'Termasuk',
  badgeOwned: 'Dimiliki',
  badgeRented: (detail) => `Disewa · ${detail}`,
  badgeRent: (price) => `Sewa ${price}`,
  badgeBuy: (price) => `Beli ${price}`,
  badgeVipOrRent: (price) => `VIP · Sewa ${price}`,
  actionPlay: 'Putar',
  actionResume: (clock) => `Lanjutkan dari ${clock}`,
  episodeCode: (season, episode) => `M${season}:E${episode}`,
  episodeSpoken: (season, episode) => `Musim ${season}, Episode ${episode}`,
  actionPlayEpisode: (code) => `Putar ${code}`,
  actionResumeEpisode: (code, clock) => `Lanjutkan ${code} dari ${clock}`,
  actionStartOver: 'Putar dari awal',
  actionTrailer: 'Trailer',
  actionSubscribe: (price) => `Berlangganan ${price}/bulan`,
  actionRent: (price, playWindow) => `Sewa ${price} · ${playWindow}`,
  actionBuy: (price) => `Beli ${price}`,
  actionStartRental: (playWindow) => `Mulai menonton · selesai dalam ${playWindow}`,
  rentalTerms: (hours, days) => `${hours} jam untuk selesai setelah mulai, ${days} hari untuk mulai`,
  betterDeal: 'Lebih hemat',
  timeOfDay: (hours, minutes) => `${pad2(hours)}.${pad2(minutes)}`,
  endsAt: (time) => `Selesai pukul ${time}`,
  normalSpeed: 'Normal',
  clockSpoken: (hours, minutes, seconds) => spokenParts(hours, minutes, seconds, [(n) => `${n} jam`, (n) => `${n} menit`, (n) => `${n} detik`], ' '),
}

export const MESSAGES: Readonly<Record<Locale, DomainMessages>> = { 'zh-CN': zhCN, en, id }

/** The messages for a locale; an unknown locale (from a stale setting) falls back to zh-CN. */
export function messagesFor(locale: Locale): DomainMessages {
  return MESSAGES[locale] ?? MESSAGES['zh-CN']
}
