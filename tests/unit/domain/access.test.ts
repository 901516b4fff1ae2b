import {
  accessBadge,
  badgeLabel,
  badgeModel,
  badgeTone,
  canPlay,
  effectiveEntitlement,
  LOCALES,
  type AccessBadge,
  type Entitlement,
} from '../../../src/domain'
import {
  access,
  BUY,
  cny,
  DAY,
  FREE,
  HOUR,
  iso,
  MINUTE,
  NONE,
  NOW,
  RENT,
  rentedNotStarted,
  rentedStarted,
  subscribedUntil,
  VIP,
} from './fixtures'

describe('effectiveEntitlement', () => {
  test('none, free and owned never expire', () => {
    for (const e of [NONE, { kind: 'free' }, { kind: 'owned' }] as Entitlement[]) {
      expect(effectiveEntitlement(e, NOW)).toBe(e)
    }
  })

  test('a subscription until 1 ms from now is in force', () => {
    const e = subscribedUntil(NOW + 1)
    expect(effectiveEntitlement(e, NOW)).toBe(e)
  })

  test('a subscription expiring exactly now has expired', () => {
    expect(effectiveEntitlement(subscribedUntil(NOW), NOW)).toEqual({ kind: 'none' })
  })

  test('a subscription that ended yesterday has expired', () => {
    expect(effectiveEntitlement(subscribedUntil(NOW - DAY), NOW)).toEqual({ kind: 'none' })
  })

  test('a started rental 1 ms before playUntil is in force', () => {
    const e = rentedStarted(NOW + 1)
    expect(effectiveEntitlement(e, NOW)).toBe(e)
  })

  test('a started rental exactly at playUntil has expired', () => {
    expect(effectiveEntitlement(rentedStarted(NOW), NOW)).toEqual({ kind: 'none' })
  })

  test('a rental not started 1 ms before startBy is in force', () => {
    const e = rentedNotStarted(NOW + 1)
    expect(effectiveEntitlement(e, NOW)).toBe(e)
  })

  test('a rental not started with startBy exactly now has expired', () => {
    expect(effectiveEntitlement(rentedNotStarted(NOW), NOW)).toEqual({ kind: 'none' })
  })

  test('once started, a past startBy does not matter: playUntil does', () => {
    const e: Entitlement = { kind: 'rented', startBy: iso(NOW - HOUR), playUntil: iso(NOW + HOUR) }
    expect(effectiveEntitlement(e, NOW)).toBe(e)
  })

  test('once started, a future startBy does not save an expired play window', () => {
    const e: Entitlement = { kind: 'rented', startBy: iso(NOW + DAY), playUntil: iso(NOW - 1) }
    expect(effectiveEntitlement(e, NOW)).toEqual({ kind: 'none' })
  })

  test('a rental with neither time, or an unparseable one, counts as expired', () => {
    expect(effectiveEntitlement({ kind: 'rented', startBy: null, playUntil: null }, NOW)).toEqual({ kind: 'none' })
    expect(effectiveEntitlement({ kind: 'rented', startBy: 'soon', playUntil: null }, NOW)).toEqual({ kind: 'none' })
    expect(effectiveEntitlement({ kind: 'subscribed', until: 'never' }, NOW)).toEqual({ kind: 'none' })
  })
})

describe('accessBadge', () => {
  test('free offer → free', () => {
    expect(accessBadge(access([FREE]), NOW)).toEqual({ kind: 'free' })
  })

  test('free entitlement → free, whatever the offers', () => {
    expect(accessBadge(access([VIP, RENT], { kind: 'free' }), NOW)).toEqual({ kind: 'free' })
  })

  test('free beats owned', () => {
    expect(accessBadge(access([FREE], { kind: 'owned' }), NOW)).toEqual({ kind: 'free' })
  })

  test('owned → owned', () => {
    expect(accessBadge(access([VIP, RENT, BUY], { kind: 'owned' }), NOW)).toEqual({ kind: 'owned' })
  })

  test('rented and started → ms until playUntil', () => {
    expect(accessBadge(access([RENT, BUY], rentedStarted(NOW + 41 * HOUR)), NOW)).toEqual({
      kind: 'rented',
      msLeft: 41 * HOUR,
      started: true,
    })
  })

  test('rented and started, 1 ms before playUntil', () => {
    expect(accessBadge(access([RENT], rentedStarted(NOW + 1)), NOW)).toEqual({ kind: 'rented', msLeft: 1, started: true })
  })

  test('rented and started, exactly at playUntil → back to the offers', () => {
    expect(accessBadge(access([RENT, BUY], rentedStarted(NOW)), NOW)).toEqual({ kind: 'rent', price: cny(800) })
  })

  test('rented not started → ms until startBy', () => {
    expect(accessBadge(access([RENT], rentedNotStarted(NOW + 30 * DAY)), NOW)).toEqual({
      kind: 'rented',
      msLeft: 30 * DAY,
      started: false,
    })
  })

  test('rented not started, 1 ms before startBy', () => {
    expect(accessBadge(access([RENT], rentedNotStarted(NOW + 1)), NOW)).toEqual({ kind: 'rented', msLeft: 1, started: false })
  })

  test('rented not started, startBy exactly now → back to the offers', () => {
    expect(accessBadge(access([VIP, RENT], rentedNotStarted(NOW)), NOW)).toEqual({ kind: 'vip-or-rent', price: cny(800) })
  })

  test('subscribed, title in VIP → included', () => {
    expect(accessBadge(access([VIP, RENT], subscribedUntil(NOW + DAY)), NOW)).toEqual({ kind: 'included' })
  })

  test('subscription expiring exactly now → the offers again', () => {
    expect(accessBadge(access([VIP], subscribedUntil(NOW)), NOW)).toEqual({ kind: 'vip' })
  })

  test('subscribed, but the title is pay-per-view only → rent', () => {
    expect(accessBadge(access([RENT, BUY], subscribedUntil(NOW + DAY)), NOW)).toEqual({ kind: 'rent', price: cny(800) })
  })

  test('subscription only → vip', () => {
    expect(accessBadge(access([VIP]), NOW)).toEqual({ kind: 'vip' })
  })

  test('subscription + rent → vip-or-rent with the rent price', () => {
    expect(accessBadge(access([VIP, RENT]), NOW)).toEqual({ kind: 'vip-or-rent', price: cny(800) })
  })

  test('subscription + rent + buy → vip-or-rent', () => {
    expect(accessBadge(access([BUY, RENT, VIP]), NOW)).toEqual({ kind: 'vip-or-rent', price: cny(800) })
  })

  test('subscription + buy (no rent) → vip', () => {
    expect(accessBadge(access([VIP, BUY]), NOW)).toEqual({ kind: 'vip' })
  })

  test('rent only → rent', () => {
    expect(accessBadge(access([RENT]), NOW)).toEqual({ kind: 'rent', price: cny(800) })
  })

  test('rent + buy → rent with the rent price', () => {
    expect(accessBadge(access([BUY, RENT]), NOW)).toEqual({ kind: 'rent', price: cny(800) })
  })

  test('buy only → buy', () => {
    expect(accessBadge(access([BUY]), NOW)).toEqual({ kind: 'buy', price: cny(3000) })
  })

  test('the cheapest rent offer sets the price', () => {
    const dear = { ...RENT, price: cny(1200) }
    expect(accessBadge(access([dear, RENT]), NOW)).toEqual({ kind: 'rent', price: cny(800) })
  })

  test('no offers and no entitlement → no badge', () => {
    expect(accessBadge(access([]), NOW)).toBeNull()
  })
})

const price = cny(800)
const labelCases: [AccessBadge, string, string, string][] = [
  [{ kind: 'free' }, 'Free', '免费', 'Gratis'],
  [{ kind: 'vip' }, 'VIP', 'VIP', 'VIP'],
  [{ kind: 'included' }, 'Included', '已包含', 'Termasuk'],
  [{ kind: 'owned' }, 'Owned', '已购买', 'Dimiliki'],
  [{ kind: 'rented', msLeft: 41 * HOUR, started: true }, 'Rented · 41 h left', '已租 · 剩 41 小时', 'Disewa · sisa 41 jam'],
  [{ kind: 'rented', msLeft: 41 * HOUR + 59 * MINUTE, started: true }, 'Rented · 42 h left', '已租 · 剩 42 小时', 'Disewa · sisa 42 jam'],
  [{ kind: 'rented', msLeft: 20 * MINUTE, started: true }, 'Rented · 20 min left', '已租 · 剩 20 分钟', 'Disewa · sisa 20 mnt'],
  [{ kind: 'rented', msLeft: 30 * DAY, started: false }, 'Rented · 30 days to start', '已租 · 30 天内开始', 'Disewa · mulai dalam 30 hari'],
  [{ kind: 'rented', msLeft: 47 * HOUR + 30 * MINUTE, started: false }, 'Rented · 48 h to start', '已租 · 48 小时内开始', 'Disewa · mulai dalam 48 jam'],
  [{ kind: 'rent', price }, 'Rent ¥8', '租 ¥8', 'Sewa ¥8'],
  [{ kind: 'rent', price: cny(850) }, 'Rent ¥8.50', '租 ¥8.50', 'Sewa ¥8,50'],
  [{ kind: 'buy', price: cny(3000) }, 'Buy ¥30', '买 ¥30', 'Beli ¥30'],
  [{ kind: 'buy', price: cny(128000) }, 'Buy ¥1,280', '买 ¥1,280', 'Beli ¥1.280'],
  [{ kind: 'vip-or-rent', price }, 'VIP · Rent ¥8', 'VIP · 租 ¥8', 'VIP · Sewa ¥8'],
]

describe('badgeLabel', () => {
  test.each(labelCases)('%j', (badge, en, zh, id) => {
    expect(badgeLabel(badge, 'en')).toBe(en)
    expect(badgeLabel(badge, 'zh-CN')).toBe(zh)
    expect(badgeLabel(badge, 'id')).toBe(id)
  })

  test('every badge kind has a non-empty label in every locale', () => {
    const kinds = new Set(labelCases.map(([badge]) => badge.kind))
    expect([...kinds].sort()).toEqual(['buy', 'free', 'included', 'owned', 'rent', 'rented', 'vip', 'vip-or-rent'])
    for (const [badge] of labelCases) for (const locale of LOCALES) expect(badgeLabel(badge, locale).trim()).not.toBe('')
  })
})

describe('badgeTone and badgeModel', () => {
  test.each([
    [{ kind: 'free' }, 'free'],
    [{ kind: 'vip' }, 'vip'],
    [{ kind: 'vip-or-rent', price }, 'vip'],
    [{ kind: 'rent', price }, 'paid'],
    [{ kind: 'buy', price }, 'paid'],
    [{ kind: 'included' }, 'held'],
    [{ kind: 'owned' }, 'held'],
    [{ kind: 'rented', msLeft: 1, started: true }, 'held'],
  ] as [AccessBadge, string][])('%j → %s', (badge, tone) => {
    expect(badgeTone(badge)).toBe(tone)
  })

  test('badgeModel puts label and tone together, null without a badge', () => {
    expect(badgeModel(access([VIP, RENT]), NOW, 'zh-CN')).toEqual({ label: 'VIP · 租 ¥8', tone: 'vip' })
    expect(badgeModel(access([RENT], rentedStarted(NOW + 41 * HOUR)), NOW, 'en')).toEqual({ label: 'Rented · 41 h left', tone: 'held' })
    expect(badgeModel(access([]), NOW, 'en')).toBeNull()
  })
})

describe('canPlay', () => {
  test.each([
    ['free offer', access([FREE]), true],
    ['free entitlement', access([], { kind: 'free' }), true],
    ['owned', access([BUY], { kind: 'owned' }), true],
    ['rented, started, 1 ms left', access([RENT], rentedStarted(NOW + 1)), true],
    ['rented, at playUntil', access([RENT], rentedStarted(NOW)), false],
    ['rented, not started, 1 ms to start', access([RENT], rentedNotStarted(NOW + 1)), true],
    ['rented, not started, startBy now', access([RENT], rentedNotStarted(NOW)), false],
    ['subscribed, title in VIP', access([VIP], subscribedUntil(NOW + 1)), true],
    ['subscription expiring now', access([VIP], subscribedUntil(NOW)), false],
    ['subscribed, pay-per-view title', access([RENT, BUY], subscribedUntil(NOW + DAY)), false],
    ['nothing, VIP title', access([VIP, RENT]), false],
    ['nothing, buy title', access([BUY]), false],
    ['no offers at all', access([]), false],
  ])('%s → %s', (_name, a, expected) => {
    expect(canPlay(a, NOW)).toBe(expected)
  })
})
