import { formatClock, formatClockSpoken, formatDuration, formatEndsAt, formatPlaybackRate, formatRemaining, formatSpan, formatStartWithin } from '../../../src/domain'
import { DAY, HOUR, MINUTE, SECOND } from './fixtures'

describe('formatRemaining: hours round up, minutes under an hour, days over 48 h', () => {
  test.each([
    [41 * HOUR, '41 h left', '剩 41 小时', 'sisa 41 jam'],
    [41 * HOUR + 59 * MINUTE, '42 h left', '剩 42 小时', 'sisa 42 jam'],
    [41 * HOUR + 1, '42 h left', '剩 42 小时', 'sisa 42 jam'],
    [48 * HOUR, '48 h left', '剩 48 小时', 'sisa 48 jam'],
    [47 * HOUR + 1, '48 h left', '剩 48 小时', 'sisa 48 jam'],
    [HOUR, '1 h left', '剩 1 小时', 'sisa 1 jam'],
    [HOUR + 1, '2 h left', '剩 2 小时', 'sisa 2 jam'],
    [59 * MINUTE + 1, '1 h left', '剩 1 小时', 'sisa 1 jam'],
    [59 * MINUTE, '59 min left', '剩 59 分钟', 'sisa 59 mnt'],
    [45 * MINUTE, '45 min left', '剩 45 分钟', 'sisa 45 mnt'],
    [30 * SECOND, '1 min left', '剩 1 分钟', 'sisa 1 mnt'],
    [1, '1 min left', '剩 1 分钟', 'sisa 1 mnt'],
    [0, '0 min left', '剩 0 分钟', 'sisa 0 mnt'],
    [-5 * MINUTE, '0 min left', '剩 0 分钟', 'sisa 0 mnt'],
    [48 * HOUR + 1, '2 days left', '剩 2 天', 'sisa 2 hari'],
    [3 * DAY - 1, '2 days left', '剩 2 天', 'sisa 2 hari'],
    [30 * DAY, '30 days left', '剩 30 天', 'sisa 30 hari'],
  ])('%i ms', (ms, en, zh, id) => {
    expect(formatRemaining(ms, 'en')).toBe(en)
    expect(formatRemaining(ms, 'zh-CN')).toBe(zh)
    expect(formatRemaining(ms, 'id')).toBe(id)
  })

  test('NaN counts as nothing left', () => {
    expect(formatSpan(Number.NaN, 'en')).toBe('0 min')
  })

  test('a single day would read "1 day" in English', () => {
    // formatSpan never produces it on its own (days start above 48 h); the message handles it anyway.
    expect(formatSpan(30 * DAY, 'en')).toBe('30 days')
  })
})

describe('formatStartWithin', () => {
  test.each([
    [30 * DAY, '30 days to start', '30 天内开始', 'mulai dalam 30 hari'],
    [5 * HOUR, '5 h to start', '5 小时内开始', 'mulai dalam 5 jam'],
    [10 * MINUTE, '10 min to start', '10 分钟内开始', 'mulai dalam 10 mnt'],
  ])('%i ms', (ms, en, zh, id) => {
    expect(formatStartWithin(ms, 'en')).toBe(en)
    expect(formatStartWithin(ms, 'zh-CN')).toBe(zh)
    expect(formatStartWithin(ms, 'id')).toBe(id)
  })
})

describe('formatDuration', () => {
  test.each([
    [112 * 60, '1 h 52 min', '1小时52分钟', '1 j 52 mnt'],
    [52 * 60, '52 min', '52分钟', '52 mnt'],
    [2 * 3600, '2 h', '2小时', '2 j'],
    [2 * 3600 + 29, '2 h', '2小时', '2 j'],
    [2 * 3600 + 30, '2 h 1 min', '2小时1分钟', '2 j 1 mnt'],
    [59 * 60 + 45, '1 h', '1小时', '1 j'],
    [20, '1 min', '1分钟', '1 mnt'],
    [0, '0 min', '0分钟', '0 mnt'],
    [-10, '0 min', '0分钟', '0 mnt'],
  ])('%i s', (seconds, en, zh, id) => {
    expect(formatDuration(seconds, 'en')).toBe(en)
    expect(formatDuration(seconds, 'zh-CN')).toBe(zh)
    expect(formatDuration(seconds, 'id')).toBe(id)
  })
})

describe('formatClock', () => {
  test.each([
    [0, '0:00'],
    [5, '0:05'],
    [59.9, '0:59'],
    [60, '1:00'],
    [725, '12:05'],
    [3599, '59:59'],
    [3600, '1:00:00'],
    [3723, '1:02:03'],
    [36000 + 61, '10:01:01'],
    [-3, '0:00'],
    [Number.NaN, '0:00'],
    [Number.POSITIVE_INFINITY, '0:00'],
  ])('%p → %s', (seconds, expected) => {
    expect(formatClock(seconds)).toBe(expected)
  })
})

describe('formatClockSpoken: a point of the play as voice guidance says it, not as a time of day', () => {
  test.each([
    [0, '0 seconds', '0秒', '0 detik'],
    [1, '1 second', '1秒', '1 detik'],
    [21.9, '21 seconds', '21秒', '21 detik'],
    [60, '1 minute', '1分', '1 menit'],
    [725, '12 minutes 5 seconds', '12分5秒', '12 menit 5 detik'],
    [3600, '1 hour', '1小时', '1 jam'],
    [3723, '1 hour 2 minutes 3 seconds', '1小时2分3秒', '1 jam 2 menit 3 detik'],
    [7205, '2 hours 5 seconds', '2小时5秒', '2 jam 5 detik'],
    [Number.NaN, '0 seconds', '0秒', '0 detik'],
  ])('%p', (seconds, en, zh, id) => {
    expect(formatClockSpoken(seconds, 'en')).toBe(en)
    expect(formatClockSpoken(seconds, 'zh-CN')).toBe(zh)
    expect(formatClockSpoken(seconds, 'id')).toBe(id)
  })
})

describe('formatEndsAt: the time of day a play ends, to the nearest minute, as each language writes it', () => {
  // Local times: the TV's clock, whatever time zone runs the test.
  test.each([
    ['evening', new Date(2026, 11, 5, 20, 0, 0), 107 * 60, 'Ends at 9:47 PM', '21:47 结束', 'Selesai pukul 21.47'],
    ['30 s rounds up', new Date(2026, 11, 5, 9, 5, 30), 0, 'Ends at 9:06 AM', '9:06 结束', 'Selesai pukul 09.06'],
    ['29 s rounds down', new Date(2026, 11, 5, 9, 5, 29), 0, 'Ends at 9:05 AM', '9:05 结束', 'Selesai pukul 09.05'],
    ['past midnight', new Date(2026, 11, 5, 23, 30, 0), 45 * 60, 'Ends at 12:15 AM', '0:15 结束', 'Selesai pukul 00.15'],
    ['noon', new Date(2026, 11, 5, 11, 0, 0), 3600, 'Ends at 12:00 PM', '12:00 结束', 'Selesai pukul 12.00'],
  ])('%s', (_name, now, secondsLeft, en, zh, id) => {
    expect(formatEndsAt(now, secondsLeft, 'en')).toBe(en)
    expect(formatEndsAt(now, secondsLeft, 'zh-CN')).toBe(zh)
    expect(formatEndsAt(now, secondsLeft, 'id')).toBe(id)
  })

  test('nothing while the time left is unknown', () => {
    expect(formatEndsAt(new Date(2026, 11, 5, 20, 0), Number.NaN, 'en')).toBe('')
    expect(formatEndsAt(new Date(2026, 11, 5, 20, 0), -1, 'en')).toBe('')
  })
})

describe('formatPlaybackRate: "Normal" at 1×, other speeds with the language\'s decimal mark', () => {
  test.each([
    [1, 'Normal', '正常', 'Normal'],
    [0.75, '0.75×', '0.75×', '0,75×'],
    [1.5, '1.5×', '1.5×', '1,5×'],
    [2, '2×', '2×', '2×'],
  ])('%d', (rate, en, zh, id) => {
    expect(formatPlaybackRate(rate, 'en')).toBe(en)
    expect(formatPlaybackRate(rate, 'zh-CN')).toBe(zh)
    expect(formatPlaybackRate(rate, 'id')).toBe(id)
  })
})
