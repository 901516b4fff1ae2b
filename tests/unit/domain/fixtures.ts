import type { Access, Entitlement, Money, Offer } from '../../../src/domain'

export const NOW = Date.parse('2025-06-01T12:00:00.000Z')
export const SECOND = 1000
export const MINUTE = 60 * SECOND
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

export const iso = (ms: number): string => new Date(ms).toISOString()
export const cny = (amountMinor: number): Money => ({ amountMinor, currency: 'CNY' })

export const FREE: Offer = { kind: 'free' }
export const VIP: Offer = { kind: 'subscription', planId: 'vip-monthly', price: cny(2500) }
export const RENT: Offer = { kind: 'rent', price: cny(800), playWindowHours: 48, startWindowDays: 30 }
export const BUY: Offer = { kind: 'buy', price: cny(3000) }

export const NONE: Entitlement = { kind: 'none' }
export const subscribedUntil = (ms: number): Entitlement => ({ kind: 'subscribed', until: iso(ms) })
export const rentedStarted = (playUntilMs: number): Entitlement => ({ kind: 'rented', startBy: null, playUntil: iso(playUntilMs) })
export const rentedNotStarted = (startByMs: number): Entitlement => ({ kind: 'rented', startBy: iso(startByMs), playUntil: null })

export const access = (offers: Offer[], entitlement: Entitlement = NONE): Access => ({ offers, entitlement })
