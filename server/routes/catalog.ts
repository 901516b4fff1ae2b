// Home, rails, title details, search and subscription plans.
import type { FastifyInstance } from 'fastify'
import {
  ErrorSchema, HomeSchema, OffersResponseSchema, RailPageSchema, RailParamsSchema, RailQuerySchema, SearchQuerySchema, SearchResultSchema,
  TitleDetailsSchema, TitleParamsSchema, AuthHeadersSchema,
  type Home, type Language, type OffersResponse, type Rail, type RailPage, type RailParams, type RailQuery, type SearchQuery,
  type SearchResult, type TitleDetails, type TitleParams, type TitleSummary,
} from '../contract'
import type { Ctx, Viewer } from '../lib/context'
import { baseUrl, holdingsOf, language, viewerOf } from '../lib/context'
import { ApiError } from '../lib/errors'
import { pick } from '../lib/i18n'
import { summary, details, type Presenter } from '../lib/present'
import type { CatalogTitle } from '../lib/catalog'

const RAIL_NAMES: Record<string, { zh: string; en: string; id: string }> = {
  'continue-watching': { zh: '继续观看', en: 'Continue watching', id: 'Lanjutkan menonton' },
  watchlist: { zh: '我的片单', en: 'My list', id: 'Daftar saya' },
  free: { zh: '免费看', en: 'Free to watch', id: 'Tonton gratis' },
  'new-box-office': { zh: '院线新片', en: 'New at the box office', id: 'Baru di bioskop' },
  originals: { zh: '独家原创', en: 'Marquee Originals', id: 'Original Marquee' },
  'catalog-all': { zh: '全部片库', en: 'All titles', id: 'Semua judul' },
}

export const HOME_PAGE_SIZE = 20
const DEFAULT_LIMIT = 20

interface RailSource {
  id: string
  title: string
  total: number
  /** Items [offset, offset+limit). */
  slice: (offset: number, limit: number) => TitleSummary[]
}

function presenter(ctx: Ctx, req: Parameters<typeof viewerOf>[1], viewer: Viewer): Presenter {
  return { lang: language(req), base: baseUrl(req), holdings: holdingsOf(ctx, viewer), catalog: ctx.catalog }
}

function listSource(id: string, title: string, titles: CatalogTitle[], p: Presenter): RailSource {
  return { id, title, total: titles.length, slice: (o, l) => titles.slice(o, o + l).map((t) => summary(p, t)) }
}

interface ProgressRow {
  title_id: string
  episode_id: string | null
  position_seconds: number
  duration_seconds: number
  updated_at: number
}

export function continueWatchingRows(ctx: Ctx, viewerKey: string): ProgressRow[] {
  return (
    ctx.db
      .prepare('SELECT title_id, episode_id, position_seconds, duration_seconds, updated_at FROM progress WHERE viewer_id = ? ORDER BY updated_at DESC LIMIT 200')
      .all(viewerKey) as ProgressRow[]
  ).filter((r) => r.duration_seconds > 0 && r.position_seconds >= 10 && r.position_seconds / r.duration_seconds < 0.95)
}

export function continueWatchingItems(ctx: Ctx, viewerKey: string, p: Presenter): TitleSummary[] {
  const items: TitleSummary[] = []
  for (const r of continueWatchingRows(ctx, viewerKey)) {
    const t = ctx.catalog.byId.get(r.title_id)
    if (!t) continue
    items.push({
      ...summary(p, t),
      progress: {
        positionSeconds: r.position_seconds,
        durationSeconds: r.duration_seconds,
        episodeId: r.episode_id,
        updatedAt: new Date(r.updated_at).toISOString(),
      },
    })
  }
  return items
}

export function watchlistTitles(ctx: Ctx, viewerKey: string): CatalogTitle[] {
  const rows = ctx.db.prepare('SELECT title_id FROM watchlist WHERE viewer_id = ? ORDER BY added_at DESC, title_id').all(viewerKey) as Array<{ title_id: string }>
  return rows.map((r) => ctx.catalog.byId.get(r.title_id)).filter((t): t is CatalogTitle => !!t)
}

const byPopularity = (a: CatalogTitle, b: CatalogTitle): number => b.popularity - a.popularity || a.idx - b.idx

function railSource(ctx: Ctx, id: string, viewer: Viewer, p: Presenter, repeat: number | undefined): RailSource | null {
  const lang: Language = p.lang
  const name = (n: { zh: string; en: string; id: string }): string => pick(lang, n)
  const titles = ctx.catalog.titles
  switch (id) {
    case 'continue-watching': {
      const items = viewer.key ? continueWatchingItems(ctx, viewer.key, p) : []
      return { id, title: name(RAIL_NAMES[id]), total: items.length, slice: (o, l) => items.slice(o, o + l) }
    }
    case 'watchlist':
      return listSource(id, name(RAIL_NAMES[id]), viewer.key ? watchlistTitles(ctx, viewer.key) : [], p)
    case 'free':
      return listSource(id, name(RAIL_NAMES[id]), titles.filter((t) => t.free).sort(byPopularity), p)
    case 'new-box-office':
      return listSource(
        id,
        name(RAIL_NAMES[id]),
        titles
          .filter((t) => t.rentPriceMinor !== null && !t.inSubscription)
          .sort((a, b) => (a.releaseDate < b.releaseDate ? 1 : a.releaseDate > b.releaseDate ? -1 : a.idx - b.idx)),
        p,
      )
    case 'originals':
      return listSource(id, name(RAIL_NAMES[id]), titles.filter((t) => t.original), p)
    case 'catalog-all': {
      const total = repeat ?? titles.length
      return {
        id,
        title: name(RAIL_NAMES[id]),
        total,
        slice: (o, l) => {
          const out: TitleSummary[] = []
          for (let i = o; i < Math.min(total, o + l); i++) out.push(summary(p, titles[i % titles.length]))
          return out
        },
      }
    }
    default: {
      if (!id.startsWith('genre-')) return null
      const genre = ctx.catalog.genres.find((g) => `genre-${g.id}` === id)
      if (!genre) return null
      return listSource(id, pick(lang, { zh: genre.zh, en: genre.en, id: genre.idn }), titles.filter((t) => t.genres.includes(genre.id)).sort(byPopularity), p)
    }
  }
}

function encodeCursor(railId: string, offset: number, repeat: number | undefined): string {
  return Buffer.from(JSON.stringify({ r: railId, o: offset, n: repeat ?? null })).toString('base64url')
}

function decodeCursor(railId: string, cursor: string): { offset: number; repeat: number | undefined } {
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { r?: unknown; o?: unknown; n?: unknown }
    if (c.r === railId && typeof c.o === 'number' && Number.isInteger(c.o) && c.o >= 0 && (c.n === null || typeof c.n === 'number')) {
      return { offset: c.o, repeat: typeof c.n === 'number' ? c.n : undefined }
    }
  } catch {
    // fall through
  }
  throw new ApiError(400, 'invalid_cursor', 'The cursor is not valid for this rail')
}

function page(src: RailSource, offset: number, limit: number, repeat: number | undefined): RailPage {
  const items = src.slice(offset, limit)
  const next = offset + limit < src.total ? encodeCursor(src.id, offset + limit, repeat) : null
  return { id: src.id, title: src.title, items, nextCursor: next, totalCount: src.total }
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

  app.get<{ Headers: Record<string, string | undefined> }>(
    '/v1/home',
    {
      schema: { headers: AuthHeadersSchema, response: { 200: HomeSchema, ...errors } },
      config: { doc: { summary: 'Hero and rails for the home screen', tags: ['catalogue'], auth: 'optional' } },
    },
    async (req): Promise<Home> => {
      const viewer = viewerOf(ctx, req)
      const p = presenter(ctx, req, viewer)
      const hero = ctx.catalog.titles.find((t) => t.original) ?? ctx.catalog.titles[0]
      const ids = ['continue-watching', 'watchlist', 'free', 'new-box-office', 'originals', ...ctx.catalog.genres.map((g) => `genre-${g.id}`)]
      const rails: Rail[] = []
      for (const id of ids) {
        const src = railSource(ctx, id, viewer, p, undefined)
        if (!src || src.total === 0) continue
        rails.push(page(src, 0, HOME_PAGE_SIZE, undefined))
      }
      return { hero: summary(p, hero), rails }
    },
  )

  app.get<{ Params: RailParams; Querystring: RailQuery }>(
    '/v1/rails/:id',
    {
      schema: { params: RailParamsSchema, querystring: RailQuerySchema, headers: AuthHeadersSchema, response: { 200: RailPageSchema, ...errors } },
      config: {
        doc: {
          summary: 'One page of a rail (continue-watching, watchlist, free, new-box-office, originals, genre-<id>; catalog-all?repeat=N for benchmarks)',
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
      const inWatchlist = viewer.key ? !!ctx.db.prepare('SELECT 1 FROM watchlist WHERE viewer_id = ? AND title_id = ?').get(viewer.key, t.id) : false
      return details(presenter(ctx, req, viewer), t, inWatchlist)
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
