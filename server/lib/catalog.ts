// The catalogue is static once seeded: load it once into memory and serve reads from there.
import type { Db } from '../db'
import type { Rating, TitleKind } from '../contract'

export interface CatalogEpisode {
  id: string
  titleId: string
  season: number
  number: number
  titleZh: string
  titleEn: string
  durationSeconds: number
}

export interface CatalogTitle {
  id: string
  idx: number
  kind: TitleKind
  titleZh: string
  titleEn: string
  /** Space-separated toneless syllables. */
  pinyin: string
  pinyinJoined: string
  initials: string
  synopsisZh: string
  synopsisEn: string
  year: number
  releaseDate: string
  rating: Rating
  durationSeconds: number
  cast: Array<{ zh: string; en: string; role: string }>
  hasPoster: boolean
  original: boolean
  popularity: number
  free: boolean
  inSubscription: boolean
  rentPriceMinor: number | null
  buyPriceMinor: number | null
  genres: string[]
  seasons: Array<{ number: number; episodes: CatalogEpisode[] }>
}

export interface CatalogGenre {
  id: string
  zh: string
  en: string
  idn: string
}

export interface CatalogPlan {
  id: string
  zh: string
  en: string
  idn: string
  priceMinor: number
  period: 'month'
}

export interface Catalog {
  titles: CatalogTitle[]
  byId: Map<string, CatalogTitle>
  episodes: Map<string, CatalogEpisode>
  genres: CatalogGenre[]
  plans: CatalogPlan[]
}

interface TitleRow {
  id: string
  idx: number
  kind: TitleKind
  title_zh: string
  title_en: string
  pinyin: string
  initials: string
  synopsis_zh: string
  synopsis_en: string
  year: number
  release_date: string
  rating: Rating
  duration_seconds: number
  cast_json: string
  has_poster: number
  original: number
  popularity: number
  free: number
  in_subscription: number
  rent_price_minor: number | null
  buy_price_minor: number | null
}

export function loadCatalog(db: Db): Catalog {
  const rows = db.prepare('SELECT * FROM titles ORDER BY idx').all() as TitleRow[]
  const genreRows = db.prepare('SELECT title_id, genre_id FROM title_genres ORDER BY title_id, position').all() as Array<{
    title_id: string
    genre_id: string
  }>
  const episodeRows = db
    .prepare('SELECT id, title_id, season, number, title_zh, title_en, duration_seconds FROM episodes ORDER BY title_id, season, number')
    .all() as Array<{ id: string; title_id: string; season: number; number: number; title_zh: string; title_en: string; duration_seconds: number }>
  const genres = (db.prepare('SELECT id, name_zh, name_en, name_id FROM genres ORDER BY position').all() as Array<{
    id: string
    name_zh: string
    name_en: string
    name_id: string
  }>).map((g) => ({ id: g.id, zh: g.name_zh, en: g.name_en, idn: g.name_id }))
  const plans = (db.prepare('SELECT id, name_zh, name_en, name_id, price_minor, period FROM plans ORDER BY price_minor').all() as Array<{
    id: string
    name_zh: string
    name_en: string
    name_id: string
    price_minor: number
    period: 'month'
  }>).map((p) => ({ id: p.id, zh: p.name_zh, en: p.name_en, idn: p.name_id, priceMinor: p.price_minor, period: p.period }))

  const genresByTitle = new Map<string, string[]>()
  for (const g of genreRows) {
    const list = genresByTitle.get(g.title_id) ?? []
    list.push(g.genre_id)
    genresByTitle.set(g.title_id, list)
  }
  const episodes = new Map<string, CatalogEpisode>()
  const seasonsByTitle = new Map<string, Map<number, CatalogEpisode[]>>()
  for (const e of episodeRows) {
    const ep: CatalogEpisode = {
      id: e.id, titleId: e.title_id, season: e.season, number: e.number, titleZh: e.title_zh, titleEn: e.title_en, durationSeconds: e.duration_seconds,
    }
    episodes.set(ep.id, ep)
    const seasons = seasonsByTitle.get(e.title_id) ?? new Map<number, CatalogEpisode[]>()
    const list = seasons.get(e.season) ?? []
    list.push(ep)
    seasons.set(e.season, list)
    seasonsByTitle.set(e.title_id, seasons)
  }
  const titles = rows.map(
    (r): CatalogTitle => ({
      id: r.id,
      idx: r.idx,
      kind: r.kind,
      titleZh: r.title_zh,
      titleEn: r.title_en,
      pinyin: r.pinyin,
      pinyinJoined: r.pinyin.replace(/\s+/g, ''),
      initials: r.initials,
      synopsisZh: r.synopsis_zh,
      synopsisEn: r.synopsis_en,
      year: r.year,
      releaseDate: r.release_date,
      rating: r.rating,
      durationSeconds: r.duration_seconds,
      cast: JSON.parse(r.cast_json) as Array<{ zh: string; en: string; role: string }>,
      hasPoster: r.has_poster === 1,
      original: r.original === 1,
      popularity: r.popularity,
      free: r.free === 1,
      inSubscription: r.in_subscription === 1,
      rentPriceMinor: r.rent_price_minor,
      buyPriceMinor: r.buy_price_minor,
      genres: genresByTitle.get(r.id) ?? [],
      seasons: [...(seasonsByTitle.get(r.id) ?? new Map<number, CatalogEpisode[]>()).entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([number, eps]) => ({ number, episodes: eps })),
    }),
  )
  return { titles, byId: new Map(titles.map((t) => [t.id, t])), episodes, genres, plans }
}
