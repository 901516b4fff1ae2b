import { Type, type Static } from '@sinclair/typebox'
import { IdSchema, Nullable } from './common'

export const PlaybackRequestSchema = Type.Object(
  {
    trailer: Type.Optional(Type.Boolean()),
    episodeId: Type.Optional(IdSchema),
    /**
     * The license token of the play this request renews (expired or not): a rental's play started inside its 48 h
     * window goes on after the window closes, as long as its running time plus an hour.
     */
    continuing: Type.Optional(Type.String({ minLength: 1, maxLength: 2048 })),
  },
  { additionalProperties: false },
)
export type PlaybackRequest = Static<typeof PlaybackRequestSchema>

export const KeySystemSchema = Type.Object({
  keySystem: Type.String(),
  /** Absolute; send the license token as `Authorization: Bearer <licenseToken>` or `?token=`. */
  licenseUrl: Type.String(),
})
export type KeySystem = Static<typeof KeySystemSchema>

export const DrmSchema = Type.Object({
  keySystems: Type.Array(KeySystemSchema),
  licenseToken: Type.String(),
  licenseTokenExpiresAt: Type.String({ format: 'date-time' }),
  /** HLS identity keys (EXT-X-KEY URI) need the same token; absolute base for those requests. */
  hlsKeyUrl: Nullable(Type.String()),
})
export type Drm = Static<typeof DrmSchema>

export const TextTrackSchema = Type.Object({ language: Type.String() })

/** A span of the play, in seconds from its start. */
export const PlaySpanSchema = Type.Object({ startSeconds: Type.Number({ minimum: 0 }), endSeconds: Type.Number({ minimum: 0 }) })
export type PlaySpan = Static<typeof PlaySpanSchema>

export const PlaybackResponseSchema = Type.Object({
  titleId: Type.String(),
  episodeId: Nullable(Type.String()),
  trailer: Type.Boolean(),
  /** This authorisation started a rental's 48 h window (its first play): what the app shows of the rental changed. */
  rentalStarted: Type.Boolean(),
  manifests: Type.Object({ dash: Type.String(), hls: Type.String() }),
  drm: Nullable(DrmSchema),
  resumePositionSeconds: Type.Number({ minimum: 0 }),
  durationSeconds: Type.Number({ minimum: 0 }),
  audioLanguages: Type.Array(Type.String()),
  textTracks: Type.Array(TextTrackSchema),
  /** An episode's opening titles, which the app offers to skip; null for films, trailers and unmarked media. */
  intro: Nullable(PlaySpanSchema),
})
export type PlaybackResponse = Static<typeof PlaybackResponseSchema>

export const PlaybackParamsSchema = Type.Object({ titleId: IdSchema })
export type PlaybackParams = Static<typeof PlaybackParamsSchema>

/** The EME ClearKey license request (W3C EME §9.1.3). */
export const ClearKeyRequestSchema = Type.Object(
  {
    kids: Type.Array(Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }), { minItems: 1, maxItems: 16 }),
    type: Type.Optional(Type.Union([Type.Literal('temporary'), Type.Literal('persistent-license')])),
  },
  { additionalProperties: false },
)
export type ClearKeyRequest = Static<typeof ClearKeyRequestSchema>

export const ClearKeyResponseSchema = Type.Object({
  keys: Type.Array(Type.Object({ kty: Type.Literal('oct'), kid: Type.String(), k: Type.String() })),
  type: Type.String(),
})
export type ClearKeyResponse = Static<typeof ClearKeyResponseSchema>

export const LicenseQuerySchema = Type.Object(
  { token: Type.Optional(Type.String({ minLength: 1, maxLength: 4096, pattern: '^[A-Za-z0-9_.-]+$' })) },
  { additionalProperties: false },
)
export type LicenseQuery = Static<typeof LicenseQuerySchema>

export const HlsKeyParamsSchema = Type.Object({ assetId: IdSchema })
export type HlsKeyParams = Static<typeof HlsKeyParamsSchema>
