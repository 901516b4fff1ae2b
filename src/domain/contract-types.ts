/**
 * The contract shapes the domain computes from. These are declared identically
 * in `server/contract` (TypeBox schemas + types); until that module exists they
 * live here. When it does, this file becomes a single re-export:
 *   export type { Money, Offer, Entitlement, Access } from '../../server/contract'
 */

/** An amount in minor units (fen for CNY). */
export type Money = { amountMinor: number; currency: 'CNY' }

export type Offer =
  | { kind: 'free' }
  | { kind: 'subscription'; planId: string; price: Money }
  | { kind: 'rent'; price: Money; playWindowHours: 48; startWindowDays: 30 }
  | { kind: 'buy'; price: Money }

export type Entitlement =
  | { kind: 'none' }
  | { kind: 'free' }
  | { kind: 'subscribed'; until: string }
  | {
      kind: 'rented'
      /** ISO: 30 days from purchase, while not started. */
      startBy: string | null
      /** ISO: 48 h after the first play. */
      playUntil: string | null
    }
  | { kind: 'owned' }

export type Access = { offers: Offer[]; entitlement: Entitlement }
