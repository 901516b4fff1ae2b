import { Type, type Static } from '@sinclair/typebox'
import { LanguageSchema, Nullable, RatingSchema } from './common'

export const PlatformSchema = Type.Union([
  Type.Literal('browser'),
  Type.Literal('tizen'),
  Type.Literal('webos'),
  Type.Literal('rdk'),
  Type.Literal('android'),
  Type.Literal('other'),
])
export type Platform = Static<typeof PlatformSchema>

export const RegisterDeviceRequestSchema = Type.Object(
  {
    platform: PlatformSchema,
    model: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  },
  { additionalProperties: false },
)
export type RegisterDeviceRequest = Static<typeof RegisterDeviceRequestSchema>

export const RegisterDeviceResponseSchema = Type.Object({
  deviceId: Type.String(),
  /** Anonymous device token: browse, watch free titles. */
  token: Type.String(),
  expiresAt: Type.String({ format: 'date-time' }),
})
export type RegisterDeviceResponse = Static<typeof RegisterDeviceResponseSchema>

export const DeviceCodeResponseSchema = Type.Object({
  deviceCode: Type.String(),
  /** 8 characters from an unambiguous alphabet, shown as XXXX-XXXX. */
  userCode: Type.String(),
  verificationUri: Type.String(),
  verificationUriComplete: Type.String(),
  /** A PNG QR code of verificationUriComplete, ready for an image element. */
  qrUrl: Type.String(),
  expiresIn: Type.Integer(),
  interval: Type.Integer(),
})
export type DeviceCodeResponse = Static<typeof DeviceCodeResponseSchema>

export const TokenRequestSchema = Type.Object(
  { deviceCode: Type.String({ minLength: 10, maxLength: 200 }) },
  { additionalProperties: false },
)
export type TokenRequest = Static<typeof TokenRequestSchema>

export const AccountSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  hasPin: Type.Boolean(),
  /** A label for the stored payment method (e.g. "Alipay ••8888"), or null: scan to pay only. */
  storedPaymentMethod: Nullable(Type.String()),
  ratingLimit: Nullable(RatingSchema),
  language: Nullable(LanguageSchema),
})
export type Account = Static<typeof AccountSchema>

export const TokenResponseSchema = Type.Object({
  accessToken: Type.String(),
  expiresAt: Type.String({ format: 'date-time' }),
  account: AccountSchema,
})
export type TokenResponse = Static<typeof TokenResponseSchema>

/** RFC 8628 poll errors, all 400: authorization_pending, slow_down, expired_token, access_denied, invalid_grant. */
export type DeviceTokenErrorCode = 'authorization_pending' | 'slow_down' | 'expired_token' | 'access_denied' | 'invalid_grant'
