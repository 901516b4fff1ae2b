import { Type, type Static, type TSchema } from '@sinclair/typebox'

/** Every error the API returns: `{ error: { code, message } }` (some add fields beside `error`). */
export const ErrorSchema = Type.Object(
  {
    error: Type.Object({ code: Type.String(), message: Type.String() }),
  },
  { $id: 'Error', additionalProperties: true },
)
export type ErrorBody = Static<typeof ErrorSchema>

/** An amount in minor units (fen for CNY). */
export const MoneySchema = Type.Object({
  amountMinor: Type.Integer({ minimum: 0 }),
  currency: Type.Literal('CNY'),
})
export type Money = Static<typeof MoneySchema>

export const FreeOfferSchema = Type.Object({ kind: Type.Literal('free') })
export const SubscriptionOfferSchema = Type.Object({
  kind: Type.Literal('subscription'),
  planId: Type.String(),
  price: MoneySchema,
})
export const RentOfferSchema = Type.Object({
  kind: Type.Literal('rent'),
  price: MoneySchema,
  playWindowHours: Type.Literal(48),
  startWindowDays: Type.Literal(30),
})
export const BuyOfferSchema = Type.Object({ kind: Type.Literal('buy'), price: MoneySchema })
export const OfferSchema = Type.Union([FreeOfferSchema, SubscriptionOfferSchema, RentOfferSchema, BuyOfferSchema])
export type Offer = Static<typeof OfferSchema>

export const EntitlementSchema = Type.Union([
  Type.Object({ kind: Type.Literal('none') }),
  Type.Object({ kind: Type.Literal('free') }),
  Type.Object({ kind: Type.Literal('subscribed'), until: Type.String({ format: 'date-time' }) }),
  Type.Object({
    kind: Type.Literal('rented'),
    /** ISO: 30 days from purchase, while not started; null once started. */
    startBy: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    /** ISO: 48 h after the first play; null until then. */
    playUntil: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  }),
  Type.Object({ kind: Type.Literal('owned') }),
])
export type Entitlement = Static<typeof EntitlementSchema>

export const AccessSchema = Type.Object({ offers: Type.Array(OfferSchema), entitlement: EntitlementSchema })
export type Access = Static<typeof AccessSchema>

/** 402 from playback: the offers that would open the title. */
export const NotEntitledErrorSchema = Type.Object({
  error: Type.Object({ code: Type.Literal('not_entitled'), message: Type.String() }),
  offers: Type.Array(OfferSchema),
})
export type NotEntitledError = Static<typeof NotEntitledErrorSchema>

/** 403 pin_incorrect carries triesLeft; 423 pin_locked carries unlocksAt (ISO). */
export const PinErrorSchema = Type.Object({
  error: Type.Object({ code: Type.Union([Type.Literal('pin_incorrect'), Type.Literal('pin_locked')]), message: Type.String() }),
  triesLeft: Type.Optional(Type.Integer({ minimum: 0 })),
  unlocksAt: Type.Optional(Type.String({ format: 'date-time' })),
})
export type PinError = Static<typeof PinErrorSchema>

export const RatingSchema = Type.Union([Type.Literal('all'), Type.Literal('12+'), Type.Literal('16+'), Type.Literal('18+')])
export type Rating = Static<typeof RatingSchema>

export const LanguageSchema = Type.Union([Type.Literal('zh-CN'), Type.Literal('en'), Type.Literal('id')])
export type Language = Static<typeof LanguageSchema>

/** Title, episode and rail ids: short slugs. */
export const IdSchema = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' })

export const IsoDateSchema = Type.String({ format: 'date-time' })

/** `Authorization: Bearer <token>` when the route needs (or accepts) a viewer. */
export const AuthHeadersSchema = Type.Object(
  { authorization: Type.Optional(Type.String({ maxLength: 4096, pattern: '^[Bb][Ee][Aa][Rr][Ee][Rr] +[A-Za-z0-9_.-]+$' })) },
  { additionalProperties: true },
)

export function Nullable<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Null()])
}
