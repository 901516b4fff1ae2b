import { Type, type Static } from '@sinclair/typebox'

export const QoeEventSchema = Type.Object(
  {
    type: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.:-]+$' }),
    titleId: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()])),
    /** ISO time or epoch milliseconds on the device. */
    at: Type.Union([Type.String({ format: 'date-time' }), Type.Integer({ minimum: 0 })]),
    data: Type.Optional(Type.Record(Type.String({ maxLength: 64 }), Type.Unknown())),
  },
  { additionalProperties: false },
)
export type QoeEvent = Static<typeof QoeEventSchema>

export const EventsRequestSchema = Type.Object(
  { events: Type.Array(QoeEventSchema, { minItems: 1, maxItems: 100 }) },
  { additionalProperties: false },
)
export type EventsRequest = Static<typeof EventsRequestSchema>

export const EventsResponseSchema = Type.Object({ accepted: Type.Integer({ minimum: 0 }) })
export type EventsResponse = Static<typeof EventsResponseSchema>
