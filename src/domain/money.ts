import type { Money } from './contract-types'
import { messagesFor, type Locale } from './messages'

/**
 * Prices for the badge and the buttons: "¥8", "¥8.50", "¥1,280".
 *
 * Deliberately no Intl: old TV engines (Chrome 38 era) ship without ICU data
 * for most locales and without `currencyDisplay: 'narrowSymbol'`, and we want
 * the same text on every device. Grouping and the decimal mark come from the
 * domain's message table; the symbol from the table below.
 */

/** Currencies the app knows how to print. The contract carries CNY today. */
export type CurrencyCode = Money['currency'] | 'USD' | 'IDR'

interface CurrencyFormat {
  symbol: string
  /** Digits in the minor unit (100 fen = 1 yuan). */
  minorDigits: number
  /** Letters need a space before the number ("Rp 15.000"), signs do not ("¥8"). */
  spaced: boolean
}

export const CURRENCIES: Readonly<Record<CurrencyCode, CurrencyFormat>> = {
  CNY: { symbol: '¥', minorDigits: 2, spaced: false },
  USD: { symbol: '$', minorDigits: 2, spaced: false },
  IDR: { symbol: 'Rp', minorDigits: 2, spaced: true },
}

/** Anything with an amount in minor units and a currency code; the contract's Money fits. */
export interface MoneyLike {
  amountMinor: number
  currency: string
}

function isKnownCurrency(code: string): code is CurrencyCode {
  return Object.prototype.hasOwnProperty.call(CURRENCIES, code)
}

/** "1280" → "1,280" with the given separator; digits only. */
export function groupDigits(digits: string, separator: string): string {
  let out = ''
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += separator
    out += digits.charAt(i)
  }
  return out
}

function padStart(text: string, length: number): string {
  let out = text
  while (out.length < length) out = '0' + out
  return out
}

/**
 * Whole amounts print without decimals ("¥8"); others with all minor digits
 * ("¥8.50"). An unknown currency prints as its code ("EUR 8").
 */
export function formatMoney(money: MoneyLike, locale: Locale): string {
  const m = messagesFor(locale)
  const format: CurrencyFormat = isKnownCurrency(money.currency)
    ? CURRENCIES[money.currency]
    : { symbol: money.currency, minorDigits: 2, spaced: true }
  const minor = Math.round(Number.isFinite(money.amountMinor) ? money.amountMinor : 0)
  const negative = minor < 0
  const abs = Math.abs(minor)
  const unit = Math.pow(10, format.minorDigits)
  const major = Math.floor(abs / unit)
  const fraction = abs % unit
  let number = groupDigits(String(major), m.groupSeparator)
  if (fraction !== 0) number += m.decimalMark + padStart(String(fraction), format.minorDigits)
  return (negative ? '-' : '') + format.symbol + (format.spaced ? ' ' : '') + number
}

/** Same currency and a lower-or-equal amount. */
export function sameCurrency(a: MoneyLike, b: MoneyLike): boolean {
  return a.currency === b.currency
}
