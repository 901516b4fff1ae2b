import type { Access, Money, Offer } from './contract-types'
import { isEntitled } from './entitlement'
import { messagesFor, type Locale } from './messages'
import type { MoneyLike } from './money'

/** A subscription plan from `GET /v1/offers`: its price is per month. */
export interface Plan {
  planId: string
  price: Money
}

export type SubscriptionOffer = Extract<Offer, { kind: 'subscription' }>
export type RentOffer = Extract<Offer, { kind: 'rent' }>
export type BuyOffer = Extract<Offer, { kind: 'buy' }>

/** One way to pay for a title, as the purchase dialog and the details page show it. */
export type PurchaseChoice =
  | { kind: 'subscribe'; planId: string; price: Money }
  | { kind: 'rent'; price: Money; playWindowHours: number; startWindowDays: number }
  | { kind: 'buy'; price: Money }

export interface OfferChoices {
  /** In the order the UI shows them; the first one takes the focus. */
  choices: PurchaseChoice[]
  /** 'subscription' when subscribing is the better deal (see isSubscriptionBetterDeal). */
  betterDeal: 'subscription' | null
}

function cheapest<T extends { price: Money }>(items: readonly T[]): T | null {
  let best: T | null = null
  for (const item of items) {
    if (best === null || item.price.amountMinor < best.price.amountMinor) best = item
  }
  return best
}

export function rentOffer(offers: readonly Offer[]): RentOffer | null {
  return cheapest(offers.filter((o): o is RentOffer => o.kind === 'rent'))
}

export function buyOffer(offers: readonly Offer[]): BuyOffer | null {
  return cheapest(offers.filter((o): o is BuyOffer => o.kind === 'buy'))
}

export function subscriptionOffers(offers: readonly Offer[]): SubscriptionOffer[] {
  return offers.filter((o): o is SubscriptionOffer => o.kind === 'subscription')
}

/**
 * The better-deal rule: a month of VIP is the better deal for a title when it
 * costs no more than renting twice (monthly ≤ 2 × rent price). Watching a
 * second rented title in the month already pays for the subscription, and the
 * subscription opens the whole VIP catalogue besides.
 *
 * Only rent is compared: buying is a different good (you keep the title) and
 * a title offered by subscription alone has nothing to compare with. Prices in
 * different currencies are never compared.
 */
export const BETTER_DEAL_RENTALS_PER_MONTH = 2

export function isSubscriptionBetterDeal(monthly: MoneyLike, rent: MoneyLike): boolean {
  return monthly.currency === rent.currency && monthly.amountMinor <= rent.amountMinor * BETTER_DEAL_RENTALS_PER_MONTH
}

/**
 * The purchase choices for a title this viewer cannot play yet (none for a free
 * title or one they are entitled to): subscribe where the title is included in
 * VIP (at the price of the plan list, or the offer's own price for a plan not
 * in the list), rent and buy where pay-per-view exists (the cheapest of each).
 *
 * Order: when the subscription is the better deal it comes first (subscribe,
 * rent, buy); otherwise the single-title choices lead (rent, buy, subscribe).
 * Several subscription plans are listed cheapest first.
 */
export function chooseOffers(access: Access, plans: readonly Plan[], now: number): OfferChoices {
  if (isEntitled(access, now)) return { choices: [], betterDeal: null }

  const subscribe: PurchaseChoice[] = []
  const seen: Record<string, true> = {}
  for (const offer of subscriptionOffers(access.offers)) {
    if (seen[offer.planId]) continue
    seen[offer.planId] = true
    const plan = plans.find((p) => p.planId === offer.planId)
    subscribe.push({ kind: 'subscribe', planId: offer.planId, price: plan ? plan.price : offer.price })
  }
  subscribe.sort((a, b) => a.price.amountMinor - b.price.amountMinor)

  const single: PurchaseChoice[] = []
  const rent = rentOffer(access.offers)
  if (rent) {
    single.push({ kind: 'rent', price: rent.price, playWindowHours: rent.playWindowHours, startWindowDays: rent.startWindowDays })
  }
  const buy = buyOffer(access.offers)
  if (buy) single.push({ kind: 'buy', price: buy.price })

  const bestSubscription = subscribe[0]
  const better = bestSubscription !== undefined && rent !== null && isSubscriptionBetterDeal(bestSubscription.price, rent.price)
  return {
    choices: better ? subscribe.concat(single) : single.concat(subscribe),
    betterDeal: better ? 'subscription' : null,
  }
}

/** "48 hours to finish once you start, 30 days to start", in the viewer's language. */
export function rentalTerms(offer: { playWindowHours: number; startWindowDays: number }, locale: Locale): string {
  return messagesFor(locale).rentalTerms(offer.playWindowHours, offer.startWindowDays)
}
