import type { Access, Entitlement, Offer } from './contract-types'

/**
 * What an entitlement is worth at a given time. The server sends the viewer's
 * entitlement with the title; the app may keep it on screen for hours, so it
 * re-judges it against the clock (passed in, in ms) before showing anything.
 */

/** An ISO time as ms since the epoch, or NaN when it is not a time. */
export function parseTime(iso: string | null): number {
  return iso === null ? NaN : Date.parse(iso)
}

/** A rental still in force: when its current window ends, and whether play has started. */
export interface RentalWindow {
  started: boolean
  /** playUntil once started, startBy before. */
  endsAt: number
}

/**
 * The current window of a rental, or null when it is over.
 * Started (playUntil set): valid while now < playUntil; startBy no longer matters.
 * Not started: valid while now < startBy. A rental with neither time (or an
 * unparseable one) is malformed and counts as over.
 */
export function rentalWindow(entitlement: Extract<Entitlement, { kind: 'rented' }>, now: number): RentalWindow | null {
  if (entitlement.playUntil !== null) {
    const playUntil = parseTime(entitlement.playUntil)
    return playUntil > now ? { started: true, endsAt: playUntil } : null
  }
  const startBy = parseTime(entitlement.startBy)
  return startBy > now ? { started: false, endsAt: startBy } : null
}

/**
 * The entitlement as it stands at `now`: a subscription with `until` ≤ now, a
 * started rental with `playUntil` ≤ now and an unstarted one with `startBy` ≤
 * now have all expired and become `none` (an end time is exclusive). Invalid
 * times count as expired.
 */
export function effectiveEntitlement(entitlement: Entitlement, now: number): Entitlement {
  switch (entitlement.kind) {
    case 'subscribed':
      return parseTime(entitlement.until) > now ? entitlement : { kind: 'none' }
    case 'rented':
      return rentalWindow(entitlement, now) ? entitlement : { kind: 'none' }
    case 'none':
    case 'free':
    case 'owned':
      return entitlement
  }
}

export function hasOffer(offers: readonly Offer[], kind: Offer['kind']): boolean {
  return offers.some((offer) => offer.kind === kind)
}

/** Whether the title is free to everyone (a free offer, or a free entitlement). */
export function isFreeTitle(access: Access): boolean {
  return hasOffer(access.offers, 'free') || access.entitlement.kind === 'free'
}

/**
 * Whether this viewer may play the title now: free, owned, a rental in force
 * (including one not started yet: its first play starts the window), or a
 * subscription in force on a title the subscription includes.
 */
export function isEntitled(access: Access, now: number): boolean {
  if (isFreeTitle(access)) return true
  const entitlement = effectiveEntitlement(access.entitlement, now)
  switch (entitlement.kind) {
    case 'owned':
    case 'rented':
    case 'free':
      return true
    case 'subscribed':
      return hasOffer(access.offers, 'subscription')
    case 'none':
      return false
  }
}
