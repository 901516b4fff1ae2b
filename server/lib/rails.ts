// The rails: which titles each one holds, in which order, under which name, and their pages.
import type { Language, RailPage, TitleDetails, TitleSummary } from '../contract'
import { statement } from '../db'
import type { Catalog, CatalogEpisode, CatalogTitle } from './catalog'
import type { Ctx, Viewer } from './context'
import { ApiError } from './errors'
import { pick } from './i18n'
import { summary, type Presenter } from './present'

const RAIL_NAMES: Record<string, { zh: string; en: string; id: string }> = {
  'continue-watching': { zh: '继续观看', en: 'Continue watching', id: 'Lanjutkan menonton' },
  watchlist: { zh: '我的片单', en: 'My list', id: 'Daftar saya' },
  free: { zh: '免费看', en: 'Free to watch', id: 'Tonton gratis' },
  'new-box-office': { zh: '院线新片', en: 'New at the box office', id: 'Baru di bioskop' },
  originals: { zh: '独家原创', en: 'Marquee Originals', id: 'Original Marquee' },
  'catalog-all': { zh: '全部片库', en: 'All titles', id: 'Semua judul' },
  like: { zh: '相似推荐', en: 'More like this', id: 'Serupa dengan ini' },
  popular: { zh: '大家都在看', en: 'Popular on Marquee', id: 'Populer di Marquee' },
}

/** `like-<titleId>`: the titles most like one (Details' "More like this"). */
const LIKE_PREFIX = 'like-'
/** How many titles "More like this" offers. */
const LIKE_LIMIT = 20
/** How many titles `popular` (Search's suggestions) holds. */
const POPULAR_LIMIT = 20

export const HOME_PAGE_SIZE = 20

/** The viewer's own rails, first on Home (left out when empty). */
export const VIEWER_RAIL_IDS = ['continue-watching', 'watchlist'] as const

export interface RailSource {
  id: string
  title: string
  total: number
  /** Items [offset, offset+limit). */
  slice: (offset: number, limit: number) => TitleSummary[]
}

export interface CatalogRail {
  id: string
  name: { zh: string; en: string; id: string }
  titles: CatalogTitle[]
}

export const byPopularity = (a: CatalogTitle, b: CatalogTitle): number => b.popularity - a.popularity || a.idx - b.idx

function buildCatalogRails(catalog: Catalog): CatalogRail[] {
  const titles = catalog.titles
  const rails: CatalogRail[] = [
    { id: 'free', name: RAIL_NAMES.free, titles: titles.filter((t) => t.free).sort(byPopularity) },
    {
      id: 'new-box-office',
      name: RAIL_NAMES['new-box-office'],
      titles: titles
        .filter((t) => t.rentPriceMinor !== null && !t.inSubscription)
        .sort((a, b) => (a.releaseDate < b.releaseDate ? 1 : a.releaseDate > b.releaseDate ? -1 : a.idx - b.idx)),
    },
    { id: 'originals', name: RAIL_NAMES.originals, titles: titles.filter((t) => t.original) },
  ]
  for (const g of catalog.genres) {
    rails.push({ id: `genre-${g.id}`, name: { zh: g.zh, en: g.en, id: g.idn }, titles: titles.filter((t) => t.genres.includes(g.id)).sort(byPopularity) })
  }
  return rails
}

// The catalogue is immutable once loaded: its rails are sorted once per catalogue, not per request.
const catalogRailsOf = new WeakMap<Catalog, CatalogRail[]>()

/** The rails every viewer sees the same (free, new-box-office, originals, genre-<id>), in Home's order. */
export function catalogRails(catalog: Catalog): CatalogRail[] {
  let rails = catalogRailsOf.get(catalog)
  if (!rails) {
    rails = buildCatalogRails(catalog)
    catalogRailsOf.set(catalog, rails)
  }
  return rails
}

const popularTitlesOf = new WeakMap<Catalog, CatalogTitle[]>()

/** The most popular titles, films and series alike: what Search offers before and instead of results. */
function popularTitles(catalog: Catalog): CatalogTitle[] {
  let popular = popularTitlesOf.get(catalog)
  if (!popular) {
    popular = [...catalog.titles].sort(byPopularity).slice(0, POPULAR_LIMIT)
    popularTitlesOf.set(catalog, popular)
  }
  return popular
}

const likeTitlesOf = new WeakMap<Catalog, Map<string, CatalogTitle[]>>()

/**
 * The titles most like `title`: those sharing the most genres with it, then the most popular, films and series
 * alike; never the title itself. Sorted once per title and catalogue.
 */
export function titlesLike(catalog: Catalog, title: CatalogTitle): CatalogTitle[] {
  let byTitle = likeTitlesOf.get(catalog)
  if (!byTitle) {
    byTitle = new Map()
    likeTitlesOf.set(catalog, byTitle)
  }
  let like = byTitle.get(title.id)
  if (!like) {
    const shared = (other: CatalogTitle): number => other.genres.filter((genre) => title.genres.includes(genre)).length
    like = catalog.titles
      .filter((other) => other.id !== title.id && shared(other) > 0)
      .sort((a, b) => shared(b) - shared(a) || byPopularity(a, b))
      .slice(0, LIKE_LIMIT)
    byTitle.set(title.id, like)
  }
  return like
}

export function heroTitle(catalog: Catalog): CatalogTitle {
  return catalog.titles.find((t) => t.original) ?? catalog.titles[0]
}

export function railName(id: string, lang: Language): string {
  return pick(lang, RAIL_NAMES[id])
}

export interface ProgressRow {
  title_id: string
  episode_id: string | null
  position_seconds: number
  duration_seconds: number
  updated_at: number
}

/** Whether a saved position is short of the end (the last 5% are credits: watched). */
export function isUnfinished(r: ProgressRow): boolean {
  return r.duration_seconds > 0 && r.position_seconds / r.duration_seconds < 0.95
}

/**
 * What the viewer can go on with, most recent first: titles stopped part-way, and a series whose
 * episode was watched to its end at the start of the next one (none after the last).
 */
export function continueWatchingRows(ctx: Ctx, viewerKey: string): ProgressRow[] {
  const rows = statement(ctx.db, 'SELECT title_id, episode_id, position_seconds, duration_seconds, updated_at FROM progress WHERE viewer_id = ? AND removed = 0 ORDER BY updated_at DESC LIMIT 200').all(
    viewerKey,
  ) as ProgressRow[]
  return rows.flatMap((r): ProgressRow[] => {
    if (isUnfinished(r)) return r.position_seconds >= 10 ? [r] : []
    const title = ctx.catalog.byId.get(r.title_id)
    const next = title && r.episode_id && r.duration_seconds > 0 ? episodeAfter(title, r.episode_id) : null
    return next ? [{ ...r, episode_id: next.id, position_seconds: 0, duration_seconds: next.durationSeconds }] : []
  })
}

/** A series' episodes in viewing order, season by season. */
function episodesOf(title: CatalogTitle): CatalogEpisode[] {
  return title.seasons.flatMap((season) => season.episodes)
}

/** The episode after `episodeId`, into the next season; null after the last or for one not listed. */
function episodeAfter(title: CatalogTitle, episodeId: string): CatalogEpisode | null {
  const episodes = episodesOf(title)
  const at = episodes.findIndex((episode) => episode.id === episodeId)
  return at >= 0 ? (episodes[at + 1] ?? null) : null
}

/** The episode a series goes on with once `episodeId` is watched: the next, the first after the last. */
function episodeGoingOnFrom(title: CatalogTitle, episodeId: string): CatalogEpisode | null {
  return episodeAfter(title, episodeId) ?? episodesOf(title)[0] ?? null
}

/** The viewer's saved position in one title (its episode for a series), however far; undefined when none. */
export function savedProgress(ctx: Ctx, viewerKey: string, titleId: string): ProgressRow | undefined {
  return statement(ctx.db, 'SELECT title_id, episode_id, position_seconds, duration_seconds, updated_at FROM progress WHERE viewer_id = ? AND title_id = ?').get(viewerKey, titleId) as
    | ProgressRow
    | undefined
}

/** The viewer's saved position in one episode of a series, however far; undefined when none. */
export function savedEpisodeProgress(ctx: Ctx, viewerKey: string, episodeId: string): ProgressRow | undefined {
  return statement(ctx.db, 'SELECT title_id, episode_id, position_seconds, duration_seconds, updated_at FROM episode_progress WHERE viewer_id = ? AND episode_id = ?').get(
    viewerKey,
    episodeId,
  ) as ProgressRow | undefined
}

/** How far the viewer got in each episode of a series they started, in no set order. */
export function episodeProgress(ctx: Ctx, viewerKey: string, titleId: string): NonNullable<TitleDetails['episodeProgress']> {
  const rows = statement(ctx.db, 'SELECT episode_id, position_seconds, duration_seconds FROM episode_progress WHERE viewer_id = ? AND title_id = ?').all(viewerKey, titleId) as Array<{
    episode_id: string
    position_seconds: number
    duration_seconds: number
  }>
  return rows.map((r) => ({ episodeId: r.episode_id, positionSeconds: r.position_seconds, durationSeconds: r.duration_seconds }))
}

/**
 * The episode a series plays when the request names none (a launcher's or an operator's link to the
 * series): the one its saved position is in, the next after one watched to its end (the first again
 * after the last), else the first. Null for a film.
 */
export function seriesEpisode(title: CatalogTitle, saved: ProgressRow | undefined): CatalogEpisode | null {
  const episodes = episodesOf(title)
  const first = episodes[0] ?? null
  const current = saved?.episode_id ? episodes.find((episode) => episode.id === saved.episode_id) : undefined
  if (!current || !saved) return first
  return isUnfinished(saved) ? current : episodeGoingOnFrom(title, current.id)
}

export function progressOf(r: ProgressRow, catalog: Catalog): NonNullable<TitleSummary['progress']> {
  const episode = r.episode_id ? catalog.episodes.get(r.episode_id) : undefined
  const title = catalog.byId.get(r.title_id)
  const next = episode && title ? episodeGoingOnFrom(title, episode.id) : null
  return {
    positionSeconds: r.position_seconds,
    durationSeconds: r.duration_seconds,
    episodeId: r.episode_id,
    ...(episode ? { episode: { season: episode.season, number: episode.number } } : {}),
    ...(next && next.id !== episode?.id ? { nextEpisode: { id: next.id, season: next.season, number: next.number } } : {}),
    updatedAt: new Date(r.updated_at).toISOString(),
  }
}

export function continueWatchingItems(ctx: Ctx, viewerKey: string, p: Presenter): TitleSummary[] {
  const items: TitleSummary[] = []
  for (const r of continueWatchingRows(ctx, viewerKey)) {
    const t = ctx.catalog.byId.get(r.title_id)
    if (!t) continue
    items.push({ ...summary(p, t), progress: progressOf(r, ctx.catalog) })
  }
  return items
}

export function watchlistTitles(ctx: Ctx, viewerKey: string): CatalogTitle[] {
  const rows = statement(ctx.db, 'SELECT title_id FROM watchlist WHERE viewer_id = ? ORDER BY added_at DESC, title_id').all(viewerKey) as Array<{ title_id: string }>
  return rows.map((r) => ctx.catalog.byId.get(r.title_id)).filter((t): t is CatalogTitle => !!t)
}

function listSource(id: string, title: string, titles: CatalogTitle[], p: Presenter): RailSource {
  return { id, title, total: titles.length, slice: (o, l) => titles.slice(o, o + l).map((t) => summary(p, t)) }
}

export function railSource(ctx: Ctx, id: string, viewer: Viewer, p: Presenter, repeat: number | undefined): RailSource | null {
  const lang: Language = p.lang
  const titles = ctx.catalog.titles
  switch (id) {
    case 'continue-watching': {
      const items = viewer.key ? continueWatchingItems(ctx, viewer.key, p) : []
      return { id, title: railName(id, lang), total: items.length, slice: (o, l) => items.slice(o, o + l) }
    }
    case 'watchlist':
      return listSource(id, railName(id, lang), viewer.key ? watchlistTitles(ctx, viewer.key) : [], p)
    case 'popular':
      return listSource(id, railName(id, lang), popularTitles(ctx.catalog), p)
    case 'catalog-all': {
      const total = repeat ?? titles.length
      return {
        id,
        title: railName(id, lang),
        total,
        slice: (o, l) => {
          const out: TitleSummary[] = []
          for (let i = o; i < Math.min(total, o + l); i++) out.push(summary(p, titles[i % titles.length]))
          return out
        },
      }
    }
    default: {
      if (id.startsWith(LIKE_PREFIX)) {
        const title = ctx.catalog.byId.get(id.slice(LIKE_PREFIX.length))
        return title ? listSource(id, railName('like', lang), titlesLike(ctx.catalog, title), p) : null
      }
      const rail = catalogRails(ctx.catalog).find((r) => r.id === id)
      return rail ? listSource(id, pick(lang, rail.name), rail.titles, p) : null
    }
  }
}

export function encodeCursor(railId: string, offset: number, repeat: number | undefined): string {
  return Buffer.from(JSON.stringify({ r: railId, o: offset, n: repeat ?? null })).toString('base64url')
}

export function decodeCursor(railId: string, cursor: string): { offset: number; repeat: number | undefined } {
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

export function page(src: RailSource, offset: number, limit: number, repeat: number | undefined): RailPage {
  const items = src.slice(offset, limit)
  const next = offset + limit < src.total ? encodeCursor(src.id, offset + limit, repeat) : null
  return { id: src.id, title: src.title, items, nextCursor: next, totalCount: src.total }
}
