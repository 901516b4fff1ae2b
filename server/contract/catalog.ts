import { Type, type Static } from '@sinclair/typebox'
import { AccessSchema, IdSchema, MoneySchema, Nullable, RatingSchema } from './common'

export const TitleKindSchema = Type.Union([Type.Literal('film'), Type.Literal('series')])
export type TitleKind = Static<typeof TitleKindSchema>

export const ProgressSummarySchema = Type.Object({
  positionSeconds: Type.Number({ minimum: 0 }),
  durationSeconds: Type.Number({ minimum: 0 }),
  episodeId: Nullable(Type.String()),
  /** With an episodeId: where the episode stands in its series, for a label such as "S1:E4". */
  episode: Type.Optional(Type.Object({ season: Type.Integer({ minimum: 0 }), number: Type.Integer({ minimum: 0 }) })),
  /**
   * With an episodeId: the episode the series goes on with once that one is watched (the next, into the next season;
   * the first after the last), so a first button names it ("Play S1:E4") before the episode list comes.
   */
  nextEpisode: Type.Optional(Type.Object({ id: Type.String(), season: Type.Integer({ minimum: 0 }), number: Type.Integer({ minimum: 0 }) })),
  updatedAt: Type.String({ format: 'date-time' }),
})
export type ProgressSummary = Static<typeof ProgressSummarySchema>

export const TitleSummarySchema = Type.Object({
  id: Type.String(),
  kind: TitleKindSchema,
  /** Localized per Accept-Language (zh-CN, otherwise en). */
  title: Type.String(),
  year: Type.Integer(),
  rating: RatingSchema,
  /** Absolute URL of a 300x450 poster, or null: the app shows its placeholder. */
  posterUrl: Nullable(Type.String()),
  /** Absolute URL of a 1280x720 backdrop. */
  backdropUrl: Nullable(Type.String()),
  access: AccessSchema,
  /**
   * Present in the continue-watching rail (where to go on: a series whose
   * episode was watched to its end is there at the start of the next one), and
   * on GET /v1/home's hero and in GET /v1/titles/:id when the viewer has a saved position, however far (a
   * series' last episode watched to its end: the app offers the next).
   */
  progress: Type.Optional(ProgressSummarySchema),
})
export type TitleSummary = Static<typeof TitleSummarySchema>

export const GenreSchema = Type.Object({ id: Type.String(), name: Type.String() })
export type Genre = Static<typeof GenreSchema>

export const EpisodeSchema = Type.Object({
  id: Type.String(),
  number: Type.Integer({ minimum: 1 }),
  title: Type.String(),
  durationSeconds: Type.Integer({ minimum: 0 }),
})
export type Episode = Static<typeof EpisodeSchema>

export const SeasonSchema = Type.Object({ number: Type.Integer({ minimum: 1 }), episodes: Type.Array(EpisodeSchema) })
export type Season = Static<typeof SeasonSchema>

export const CastMemberSchema = Type.Object({ name: Type.String(), role: Type.String() })
export type CastMember = Static<typeof CastMemberSchema>

export const TitleDetailsSchema = Type.Composite([
  TitleSummarySchema,
  Type.Object({
    originalTitle: Type.String(),
    synopsis: Type.String(),
    genres: Type.Array(GenreSchema),
    cast: Type.Array(CastMemberSchema),
    /** Film: its running time; series: a typical episode. */
    durationSeconds: Type.Integer({ minimum: 0 }),
    /** Series only; empty for films. */
    seasons: Type.Array(SeasonSchema),
    trailerAvailable: Type.Boolean(),
    original: Type.Boolean(),
    inWatchlist: Type.Boolean(),
    /** A series the viewer started: how far they got in each episode started (its bar on Details), in no set order. */
    episodeProgress: Type.Optional(
      Type.Array(Type.Object({ episodeId: Type.String(), positionSeconds: Type.Number({ minimum: 0 }), durationSeconds: Type.Number({ minimum: 0 }) })),
    ),
  }),
])
export type TitleDetails = Static<typeof TitleDetailsSchema>

export const RailSchema = Type.Object({
  id: Type.String(),
  /** Localized per Accept-Language (zh-CN, en, id). */
  title: Type.String(),
  items: Type.Array(TitleSummarySchema),
  /** Opaque; pass to GET /v1/rails/:id?cursor= for the next page; null at the end. */
  nextCursor: Nullable(Type.String()),
  totalCount: Type.Integer({ minimum: 0 }),
})
export type Rail = Static<typeof RailSchema>

export const HomeSchema = Type.Object({ hero: TitleSummarySchema, rails: Type.Array(RailSchema) })
export type Home = Static<typeof HomeSchema>

export const RailParamsSchema = Type.Object({ id: IdSchema })
export type RailParams = Static<typeof RailParamsSchema>

export const RailQuerySchema = Type.Object(
  {
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9_-]+$' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
    /** catalog-all only: synthesize this many items (cycling the catalogue), for 10k-tile benchmarks. */
    repeat: Type.Optional(Type.Integer({ minimum: 1, maximum: 20000 })),
  },
  { additionalProperties: false },
)
export type RailQuery = Static<typeof RailQuerySchema>

export const RailPageSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  items: Type.Array(TitleSummarySchema),
  nextCursor: Nullable(Type.String()),
  totalCount: Type.Integer({ minimum: 0 }),
})
export type RailPage = Static<typeof RailPageSchema>

export const TitleParamsSchema = Type.Object({ id: IdSchema })
export type TitleParams = Static<typeof TitleParamsSchema>

export const SearchQuerySchema = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 64 }),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  },
  { additionalProperties: false },
)
export type SearchQuery = Static<typeof SearchQuerySchema>

export const SearchResultSchema = Type.Object({
  query: Type.String(),
  items: Type.Array(TitleSummarySchema),
})
export type SearchResult = Static<typeof SearchResultSchema>

export const PlanSchema = Type.Object({
  planId: Type.String(),
  name: Type.String(),
  price: MoneySchema,
  period: Type.Literal('month'),
})
export type Plan = Static<typeof PlanSchema>

export const OffersResponseSchema = Type.Object({ plans: Type.Array(PlanSchema) })
export type OffersResponse = Static<typeof OffersResponseSchema>
