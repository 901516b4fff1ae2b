import { chooseOffers, isSubscriptionBetterDeal, rentalTerms, type RentOffer } from '../../../src/domain'
import { access, BUY, cny, DAY, FREE, NOW, RENT, rentedStarted, subscribedUntil, VIP } from './fixtures'

const plans = [{ planId: 'vip-monthly', price: cny(2500) }]

describe('isSubscriptionBetterDeal: monthly ≤ 2 × rent', () => {
  test.each([
    [1600, 800, true],
    [1601, 800, false],
    [1500, 800, true],
    [2500, 800, false],
    [0, 0, true],
  ])('monthly %i vs rent %i → %s', (monthly, rent, expected) => {
    expect(isSubscriptionBetterDeal(cny(monthly), cny(rent))).toBe(expected)
  })

  test('never across currencies', () => {
    expect(isSubscriptionBetterDeal({ amountMinor: 100, currency: 'CNY' }, { amountMinor: 1000, currency: 'USD' })).toBe(false)
  })
})

describe('chooseOffers', () => {
  test('VIP + rent + buy, VIP dearer than two rentals: rent, buy, subscribe; no better deal', () => {
    expect(chooseOffers(access([VIP, RENT, BUY]), plans, NOW)).toEqual({
      choices: [
        { kind: 'rent', price: cny(800), playWindowHours: 48, startWindowDays: 30 },
        { kind: 'buy', price: cny(3000) },
        { kind: 'subscribe', planId: 'vip-monthly', price: cny(2500) },
      ],
      betterDeal: null,
    })
  })

  test('a plan at exactly two rentals is the better deal and leads', () => {
    const result = chooseOffers(access([VIP, RENT, BUY]), [{ planId: 'vip-monthly', price: cny(1600) }], NOW)
    expect(result.betterDeal).toBe('subscription')
    expect(result.choices.map((c) => c.kind)).toEqual(['subscribe', 'rent', 'buy'])
    expect(result.choices[0]).toEqual({ kind: 'subscribe', planId: 'vip-monthly', price: cny(1600) })
  })

  test('price from the plan list overrides the offer\'s own', () => {
    expect(chooseOffers(access([VIP]), [{ planId: 'vip-monthly', price: cny(1990) }], NOW).choices).toEqual([
      { kind: 'subscribe', planId: 'vip-monthly', price: cny(1990) },
    ])
  })

  test('a plan missing from the list keeps the offer\'s price', () => {
    expect(chooseOffers(access([VIP]), [], NOW).choices).toEqual([{ kind: 'subscribe', planId: 'vip-monthly', price: cny(2500) }])
  })

  test('subscription only: one choice and no better deal (nothing to compare)', () => {
    expect(chooseOffers(access([VIP]), plans, NOW).betterDeal).toBeNull()
  })

  test('VIP + buy, no rent: never marked better (buying is a different good)', () => {
    const result = chooseOffers(access([VIP, BUY]), [{ planId: 'vip-monthly', price: cny(100) }], NOW)
    expect(result.betterDeal).toBeNull()
    expect(result.choices.map((c) => c.kind)).toEqual(['buy', 'subscribe'])
  })

  test('two plans: listed cheapest first, the cheapest decides the deal', () => {
    const annual = { kind: 'subscription' as const, planId: 'vip-lite', price: cny(1500) }
    const result = chooseOffers(access([VIP, annual, RENT]), [], NOW)
    expect(result.betterDeal).toBe('subscription')
    expect(result.choices.map((c) => (c.kind === 'subscribe' ? c.planId : c.kind))).toEqual(['vip-lite', 'vip-monthly', 'rent'])
  })

  test('a plan listed twice in the offers appears once', () => {
    expect(chooseOffers(access([VIP, VIP]), plans, NOW).choices).toHaveLength(1)
  })

  test('several rent offers: only the cheapest', () => {
    const dear = { ...RENT, price: cny(1200) }
    expect(chooseOffers(access([dear, RENT]), [], NOW).choices).toEqual([
      { kind: 'rent', price: cny(800), playWindowHours: 48, startWindowDays: 30 },
    ])
  })

  test('free title or entitled viewer: nothing to buy', () => {
    expect(chooseOffers(access([FREE]), plans, NOW)).toEqual({ choices: [], betterDeal: null })
    expect(chooseOffers(access([VIP, RENT], subscribedUntil(NOW + DAY)), plans, NOW)).toEqual({ choices: [], betterDeal: null })
    expect(chooseOffers(access([RENT], { kind: 'owned' }), plans, NOW)).toEqual({ choices: [], betterDeal: null })
  })

  test('expired rental: rent is offered again', () => {
    expect(chooseOffers(access([RENT], rentedStarted(NOW)), plans, NOW).choices.map((c) => c.kind)).toEqual(['rent'])
  })

  test('subscribed to VIP but a pay-per-view title: rent and buy', () => {
    expect(chooseOffers(access([RENT, BUY], subscribedUntil(NOW + DAY)), plans, NOW).choices.map((c) => c.kind)).toEqual(['rent', 'buy'])
  })
})

describe('rentalTerms', () => {
  test.each([
    ['en', '48 hours to finish once you start, 30 days to start'],
    ['zh-CN', '开始观看后 48 小时内看完，30 天内开始观看'],
    ['id', '48 jam untuk selesai setelah mulai, 30 hari untuk mulai'],
  ] as const)('%s', (locale, expected) => {
    const offer: RentOffer = { kind: 'rent', price: cny(800), playWindowHours: 48, startWindowDays: 30 }
    expect(rentalTerms(offer, locale)).toBe(expected)
  })

  test('singular units in English', () => {
    expect(rentalTerms({ playWindowHours: 1, startWindowDays: 1 }, 'en')).toBe('1 hour to finish once you start, 1 day to start')
  })
})
