import { Type, type Static } from '@sinclair/typebox'
import { IdSchema, MoneySchema } from './common'

export const PinSchema = Type.String({ pattern: '^[0-9]{4}$' })

export const PaymentSchema = Type.Union([
  Type.Object({ method: Type.Literal('stored'), pin: PinSchema }, { additionalProperties: false }),
  Type.Object({ method: Type.Literal('scan') }, { additionalProperties: false }),
])
export type Payment = Static<typeof PaymentSchema>

export const PurchaseRequestSchema = Type.Union([
  Type.Object(
    { kind: Type.Literal('subscription'), planId: IdSchema, payment: PaymentSchema },
    { additionalProperties: false },
  ),
  Type.Object(
    { kind: Type.Union([Type.Literal('rent'), Type.Literal('buy')]), titleId: IdSchema, payment: PaymentSchema },
    { additionalProperties: false },
  ),
])
export type PurchaseRequest = Static<typeof PurchaseRequestSchema>

export const PurchaseHeadersSchema = Type.Object(
  {
    'idempotency-key': Type.String({ minLength: 8, maxLength: 128, pattern: '^[\\x21-\\x7e]+$' }),
  },
  { additionalProperties: true },
)
export type PurchaseHeaders = Static<typeof PurchaseHeadersSchema>

export const PurchaseStatusSchema = Type.Union([
  Type.Literal('pending'),
  Type.Literal('completed'),
  Type.Literal('cancelled'),
  Type.Literal('expired'),
])
export type PurchaseStatus = Static<typeof PurchaseStatusSchema>

export const PurchaseKindSchema = Type.Union([Type.Literal('subscription'), Type.Literal('rent'), Type.Literal('buy')])
export type PurchaseKind = Static<typeof PurchaseKindSchema>

export const PurchaseSchema = Type.Object({
  id: Type.String(),
  status: PurchaseStatusSchema,
  kind: PurchaseKindSchema,
  titleId: Type.Optional(Type.String()),
  planId: Type.Optional(Type.String()),
  price: MoneySchema,
  method: Type.Union([Type.Literal('stored'), Type.Literal('scan')]),
  /** Scan to pay: the phone page to open (absolute). */
  payUrl: Type.Optional(Type.String()),
  /** Scan to pay: a PNG QR code of payUrl. */
  qrUrl: Type.Optional(Type.String()),
  /** Scan to pay: when a pending purchase expires. */
  expiresAt: Type.Optional(Type.String({ format: 'date-time' })),
  createdAt: Type.String({ format: 'date-time' }),
  completedAt: Type.Optional(Type.String({ format: 'date-time' })),
})
export type Purchase = Static<typeof PurchaseSchema>

export const PurchaseParamsSchema = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }) })
export type PurchaseParams = Static<typeof PurchaseParamsSchema>
