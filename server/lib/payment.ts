// A stored payment method is kept as its brand and the last four digits of its account ("alipay:8888") and named
// for the viewer in their language, as the launch market's apps name it: "支付宝（尾号8888）".
import type { Language } from '../contract'
import { pick, type Localized } from './i18n'

const BRANDS = {
  alipay: { zh: '支付宝', en: 'Alipay' },
  wechat: { zh: '微信支付', en: 'WeChat Pay' },
  card: { zh: '银行卡', en: 'Card', id: 'Kartu' },
} satisfies Record<string, Localized>

export type PaymentBrand = keyof typeof BRANDS

/** How an account's stored method is kept (accounts.stored_payment). */
export function storedPayment(brand: PaymentBrand, last4: string): string {
  return `${brand}:${last4}`
}

/**
 * The stored method as the viewer reads it: "支付宝（尾号8888）" (the launch market's wording: the masking dots are
 * drawn full-width in a Chinese font), else "Alipay ••8888". A value not kept as brand and digits (an operator's own
 * wording) is shown as it is.
 */
export function paymentMethodName(stored: string, lang: Language): string {
  const match = /^([a-z]+):(\d{4})$/.exec(stored)
  const brand = match ? (BRANDS as Record<string, Localized>)[match[1]!] : undefined
  if (!match || !brand) return stored
  const [name, digits] = [pick(lang, brand), match[2]!]
  return lang === 'zh-CN' ? `${name}（尾号${digits}）` : `${name} ••${digits}`
}
