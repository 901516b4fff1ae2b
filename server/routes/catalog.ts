// Home, rails, title details, search and subscription plans.
import type { FastifyInstance } from 'fastify'
import {
  ErrorSchema, HomeSchema, OffersResponseSchema, RailPageSchema, RailParamsSchema, RailQuerySchema, SearchQuerySchema, SearchResultSchema,
  TitleDetailsSchema, TitleParamsSchema, AuthHeadersSchema,
  type OffersResponse, type RailPage, type RailParams, type RailQuery, type SearchQuery,
  type SearchResult, type TitleDetails, type TitleParams,
} from '../contract'
import { statement } from '../db'
import type { Ctx, Viewer } from '../lib/context'
import { baseUrl, holdingsOf, language, viewerOf } from '../lib/context'
import { ApiError } from '../lib/errors'
import { HomeFeed, matchesIfNoneMatch } from '../lib/home-feed'
import { pick } from '../lib/i18n'
import { summary, details, type Presenter } from '../lib/present'
import type { CatalogTitle } from '../lib/catalog'
import { byPopularity, decodeCursor, episodeProgress, page, progressOf, railSource, savedProgress } from '../lib/rails'

const DEFAULT_LIMIT = 20

function presenter(ctx: Ctx, req: Parameters<typeof viewerOf>[1], viewer: Viewer): Presenter {
  return { lang: language(req), base: baseUrl(req), holdings: holdingsOf(ctx, viewer), catalog: ctx.catalog }
}

interface SearchEntry {
  title: CatalogTitle
  zh: string
  en: string
  enWords: string[]
  pinyin: string
  pinyinSuffixes: string[]
  initials: string
}

function normalize(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[\s'’·:：,，.。!！?？\-—_()（）「」《》]/g, '')
}

export function registerCatalogRoutes(app: FastifyInstance, ctx: Ctx): void {
  const errors = { 400: ErrorSchema, 401: ErrorSchema, 404: ErrorSchema }

  const homeFeed = new HomeFeed(ctx)
  app.get<{ Headers: Record<string, string | undefined> }>(
    '/v1/home',
    {
      schema: { headers: AuthHeadersSchema, response: { 200: HomeSchema, ...errors } },
      config: { doc: { summary: 'Hero and rails for the home screen (ETag; 304 on If-None-Match)', tags: ['catalogue'], auth: 'optional' } },
    },
    async (req, reply) => {
      const feed = homeFeed.render(viewerOf(ctx, req), language(req), baseUrl(req))
      // Per viewer and language, and only ever revalidated: the app's HTTP cache then gets a 304 for an unchanged feed.
      void reply.header('etag', feed.etag).header('vary', 'Accept-Language, Authorization').header('cache-control', 'private, no-cache')
      if (matchesIfNoneMatch(req.headers['if-none-match'], feed.etag)) return reply.code(304).send()
      return reply.type('application/json; charset=utf-8').send(feed.body)
    },
  )

  app.get<{ Params: RailParams; Querystring: RailQuery }>(
    '/v1/rails/:id',
    {
      schema: { params: RailParamsSchema, querystring: RailQuerySchema, headers: AuthHeadersSchema, response: { 200: RailPageSchema, ...errors } },
      config: {
        doc: {
          summary: 'One page of a rail (continue-watching, watchlist, free, new-box-office, originals, genre-<id>, like-<titleId>, popular; catalog-all?repeat=N for benchmarks)',
          tags: ['catalogue'],
          auth: 'optional',
        },
      },
    },
    async (req): Promise<RailPage> => {
      const viewer = viewerOf(ctx, req)
      const p = presenter(ctx, req, viewer)
      let offset = 0
      let repeat = req.query.repeat
      if (req.query.cursor) {
        const c = decodeCursor(req.params.id, req.query.cursor)
        offset = c.offset
        repeat = repeat ?? c.repeat
      }
      if (repeat !== undefined && req.params.id !== 'catalog-all') throw new ApiError(400, 'invalid_request', 'repeat is only for the catalog-all rail')
      const src = railSource(ctx, req.params.id, viewer, p, repeat)
      if (!src) throw new ApiError(404, 'not_found', `No rail ${req.params.id}`)
      return page(src, offset, req.query.limit ?? DEFAULT_LIMIT, repeat)
    },
  )

  app.get<{ Params: TitleParams }>(
    '/v1/titles/:id',
    {
      schema: { params: TitleParamsSchema, headers: AuthHeadersSchema, response: { 200: TitleDetailsSchema, ...errors } },
      config: { doc: { summary: 'Title details with its access block (offers and this viewer’s entitlement)', tags: ['catalogue'], auth: 'optional' } },
    },
    async (req): Promise<TitleDetails> => {
      const viewer = viewerOf(ctx, req)
      const t = ctx.catalog.byId.get(req.params.id)
      if (!t) throw new ApiError(404, 'not_found', `No title ${req.params.id}`)
      const inWatchlist = viewer.key ? !!statement(ctx.db, 'SELECT 1 FROM watchlist WHERE viewer_id = ? AND title_id = ?').get(viewer.key, t.id) : false
      const saved = viewer.key ? savedProgress(ctx, viewer.key, t.id) : undefined
      const episodes = viewer.key && saved?.episode_id ? episodeProgress(ctx, viewer.key, t.id) : []
      return {
        ...details(presenter(ctx, req, viewer), t, inWatchlist),
        ...(saved ? { progress: progressOf(saved, ctx.catalog) } : {}),
        ...(episodes.length > 0 ? { episodeProgress: episodes } : {}),
      }
    },
  )

  const index: SearchEntry[] = ctx.catalog.titles.map((t) => {
    const syllables = t.pinyin.split(/\s+/).filter(Boolean)
    return {
      title: t,
      zh: normalize(t.titleZh),
      en: normalize(t.titleEn),
      enWords: t.titleEn.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean),
      pinyin: t.pinyinJoined,
      pinyinSuffixes: syllables.map((_, i) => syllables.slice(i).join('')),
      initials: t.initials,
    }
  })

  app.get<{ Querystring: SearchQuery }>(
    '/v1/search',
    {
      schema: { querystring: SearchQuerySchema, headers: AuthHeadersSchema, response: { 200: SearchResultSchema, ...errors } },
      config: { doc: { summary: 'Search titles by Chinese or English name, full pinyin or pinyin initials; prefix matches first', tags: ['catalogue'], auth: 'optional' } },
    },
    async (req): Promise<SearchResult> => {
      const viewer = viewerOf(ctx, req)
      const p = presenter(ctx, req, viewer)
      const q = normalize(req.query.q)
      const limit = req.query.limit ?? 20
      if (!q) return { query: req.query.q, items: [] }
      const scored: Array<{ e: SearchEntry; score: number }> = []
      for (const e of index) {
        let score = -1
        if (e.zh.startsWith(q) || e.en.startsWith(q) || e.pinyin.startsWith(q) || e.initials.startsWith(q)) score = 0
        else if (e.enWords.some((w) => w.startsWith(q)) || e.pinyinSuffixes.some((s) => s.startsWith(q))) score = 1
        else if (e.zh.includes(q) || e.en.includes(q) || e.pinyin.includes(q) || (q.length >= 2 && e.initials.includes(q))) score = 2
        if (score >= 0) scored.push({ e, score })
      }
      scored.sort((a, b) => a.score - b.score || byPopularity(a.e.title, b.e.title))
      return { query: req.query.q, items: scored.slice(0, limit).map((s) => summary(p, s.e.title)) }
    },
  )

  app.get(
    '/v1/offers',
    {
      schema: { headers: AuthHeadersSchema, response: { 200: OffersResponseSchema } },
      config: { doc: { summary: 'Subscription plans and their prices', tags: ['commerce'], auth: 'none' } },
    },
    async (req): Promise<OffersResponse> => {
      const lang = language(req)
      return {
        plans: ctx.catalog.plans.map((pl) => ({
          planId: pl.id,
          name: pick(lang, { zh: pl.zh, en: pl.en, id: pl.idn }),
          price: { amountMinor: pl.priceMinor, currency: 'CNY' as const },
          period: pl.period,
        })),
      }
    },
  )

}
