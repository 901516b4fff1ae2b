import { Type, type Static } from '@sinclair/typebox'
import { IdSchema, LanguageSchema, Nullable, RatingSchema } from './common'
import { AccountSchema, PlatformSchema } from './auth'
import { ProgressSummarySchema, TitleSummarySchema } from './catalog'
import { PinSchema } from './purchases'

export const SubscriptionStateSchema = Type.Object({ planId: Type.String(), until: Type.String({ format: 'date-time' }) })

export const MeResponseSchema = Type.Object({
  viewer: Type.Union([Type.Literal('anonymous'), Type.Literal('account')]),
  deviceId: Nullable(Type.String()),
  account: Nullable(AccountSchema),
  subscription: Nullable(SubscriptionStateSchema),
})
export type MeResponse = Static<typeof MeResponseSchema>

export const EntitlementItemSchema = Type.Object({
  kind: Type.Union([Type.Literal('subscription'), Type.Literal('rental'), Type.Literal('ownership')]),
  titleId: Nullable(Type.String()),
  planId: Nullable(Type.String()),
  purchaseId: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  /** subscription: period end. */
  until: Nullable(Type.String({ format: 'date-time' })),
  /** rental: start deadline while not started. */
  startBy: Nullable(Type.String({ format: 'date-time' })),
  /** rental: end of the 48 h window once started. */
  playUntil: Nullable(Type.String({ format: 'date-time' })),
})
export type EntitlementItem = Static<typeof EntitlementItemSchema>

export const EntitlementsResponseSchema = Type.Object({ items: Type.Array(EntitlementItemSchema) })
export type EntitlementsResponse = Static<typeof EntitlementsResponseSchema>

export const TitleIdParamsSchema = Type.Object({ titleId: IdSchema })
export type TitleIdParams = Static<typeof TitleIdParamsSchema>

export const ProgressRequestSchema = Type.Object(
  {
    positionSeconds: Type.Number({ minimum: 0, maximum: 86400 }),
    durationSeconds: Type.Number({ minimum: 0, maximum: 86400 }),
    episodeId: Type.Optional(IdSchema),
  },
  { additionalProperties: false },
)
export type ProgressRequest = Static<typeof ProgressRequestSchema>

export const ProgressResponseSchema = Type.Composite([Type.Object({ titleId: Type.String() }), ProgressSummarySchema])
export type ProgressResponse = Static<typeof ProgressResponseSchema>

export const TitleListResponseSchema = Type.Object({ items: Type.Array(TitleSummarySchema) })
export type TitleListResponse = Static<typeof TitleListResponseSchema>

export const SetPinRequestSchema = Type.Object(
  { currentPin: Type.Optional(PinSchema), newPin: PinSchema },
  { additionalProperties: false },
)
export type SetPinRequest = Static<typeof SetPinRequestSchema>

export const VerifyPinRequestSchema = Type.Object({ pin: PinSchema }, { additionalProperties: false })
export type VerifyPinRequest = Static<typeof VerifyPinRequestSchema>

export const OkResponseSchema = Type.Object({ ok: Type.Literal(true) })
export type OkResponse = Static<typeof OkResponseSchema>

export const SettingsRequestSchema = Type.Object(
  { ratingLimit: Type.Optional(Nullable(RatingSchema)), language: Type.Optional(Nullable(LanguageSchema)) },
  { additionalProperties: false },
)
export type SettingsRequest = Static<typeof SettingsRequestSchema>

export const DeviceSchema = Type.Object({
  id: Type.String(),
  platform: PlatformSchema,
  model: Nullable(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  lastSeenAt: Type.String({ format: 'date-time' }),
  revokedAt: Nullable(Type.String({ format: 'date-time' })),
  current: Type.Boolean(),
})
export type Device = Static<typeof DeviceSchema>

export const DevicesResponseSchema = Type.Object({ items: Type.Array(DeviceSchema) })
export type DevicesResponse = Static<typeof DevicesResponseSchema>

export const DeviceParamsSchema = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }) })
export type DeviceParams = Static<typeof DeviceParamsSchema>
