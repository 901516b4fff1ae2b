// Deterministic catalogue + demo account. Seeds only an empty database.
import type { Db } from './index'
import { FIXED_TITLES, GENRES, GIVEN_NAMES, MODIFIERS, NOUNS, SURNAMES, type Word } from './words'
import { mulberry32 } from '../lib/random'
import { hashPinSync } from '../lib/pin'
import { storedPayment } from '../lib/payment'

export const SEED = 20261125
export const TITLE_COUNT = 320
export const DEMO_ACCOUNT = { id: 'acc_demo', name: 'demo', pin: '1234', storedPayment: storedPayment('alipay', '8888') }
export const VIP_PLAN = { id: 'vip-monthly', zh: 'VIP 月度会员', en: 'VIP Monthly', idn: 'VIP Bulanan', priceMinor: 2500 }

type Category = 'free' | 'subscription' | 'ppv' | 'both'

export function titleId(idx: number): string {
  return `t${String(idx).padStart(4, '0')}`
}

export function initialsOf(pinyin: string): string {
  return pinyin
    .split(/\s+/)
    .filter(Boolean)
    .map((s) => s[0])
    .join('')
}

/** Seeds the catalogue, plans and demo account when the database has no titles. Returns whether it seeded. */
export function seedDatabase(db: Db): boolean {
  const count = (db.prepare('SELECT COUNT(*) AS n FROM titles').get() as { n: number }).n
  if (count > 0) return false
  const rng = mulberry32(SEED)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)]
  const int = (min: number, max: number): number => min + Math.floor(rng() * (max - min + 1))

  // Categories: 10% free, the rest subscription-only, pay-per-view only (new box office) or both.
  const categories: Category[] = []
  for (let i = 0; i < TITLE_COUNT; i++) {
    const r = i % 20
    categories.push(r < 2 ? 'free' : r < 11 ? 'subscription' : r < 15 ? 'ppv' : 'both')
  }
  for (let i = categories.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1))
    ;[categories[i], categories[j]] = [categories[j], categories[i]]
  }

  // Generated names: unique modifier+noun pairs.
  const pairs: Array<[Word, Word]> = []
  const used = new Set<string>()
  while (pairs.length < TITLE_COUNT) {
    const a = pick(MODIFIERS)
    const b = pick(NOUNS)
    const key = a.zh + b.zh
    if (used.has(key)) continue
    used.add(key)
    pairs.push([a, b])
  }

  const insertGenre = db.prepare('INSERT INTO genres (id, position, name_zh, name_en, name_id) VALUES (?, ?, ?, ?, ?)')
  const insertTitle = db.prepare(`INSERT INTO titles (id, idx, kind, title_zh, title_en, pinyin, initials, synopsis_zh, synopsis_en,
    year, release_date, rating, duration_seconds, cast_json, has_poster, original, popularity, free, in_subscription,
    rent_price_minor, buy_price_minor) VALUES (@id, @idx, @kind, @title_zh, @title_en, @pinyin, @initials, @synopsis_zh, @synopsis_en,
    @year, @release_date, @rating, @duration_seconds, @cast_json, @has_poster, @original, @popularity, @free, @in_subscription,
    @rent_price_minor, @buy_price_minor)`)
  const insertTitleGenre = db.prepare('INSERT INTO title_genres (title_id, genre_id, position) VALUES (?, ?, ?)')
  const insertEpisode = db.prepare(
    'INSERT INTO episodes (id, title_id, season, number, title_zh, title_en, duration_seconds) VALUES (?, ?, ?, ?, ?, ?, ?)',
  )
  const ratings = ['all', 'all', 'all', 'all', '12+', '12+', '12+', '16+', '16+', '18+'] as const
  const noPoster = new Set([17, 123, 256])

  db.transaction(() => {
    GENRES.forEach((g, i) => insertGenre.run(g.id, i, g.zh, g.en, g.idn))
    db.prepare('INSERT INTO plans (id, name_zh, name_en, name_id, price_minor, period) VALUES (?, ?, ?, ?, ?, ?)').run(
      VIP_PLAN.id, VIP_PLAN.zh, VIP_PLAN.en, VIP_PLAN.idn, VIP_PLAN.priceMinor, 'month',
    )
    let seriesCount = 0
    for (let i = 0; i < TITLE_COUNT; i++) {
      const idx = i + 1
      const id = titleId(idx)
      const fixed = i < FIXED_TITLES.length ? FIXED_TITLES[i] : null
      let category: Category = categories[i]
      if (fixed?.original) category = 'subscription'
      if (fixed && !fixed.original && category === 'free') category = 'both'
      let kind: 'film' | 'series'
      if (fixed) kind = fixed.kind
      else kind = category !== 'ppv' && rng() < 0.16 ? 'series' : 'film'
      if (kind === 'series') seriesCount++
      const genreIds = fixed
        ? fixed.genres
        : Array.from(new Set([pick(GENRES).id, pick(GENRES).id, pick(GENRES).id].slice(0, int(1, 3))))
      const [a, b] = pairs[i]
      const zh = fixed ? fixed.zh : a.zh + b.zh
      const en = fixed ? fixed.en : `${a.en} ${b.en}`
      const py = fixed ? fixed.py : `${a.py} ${b.py}`
      const genreZh = genreIds.map((g) => GENRES.find((x) => x.id === g)?.zh ?? g).join('、')
      const genreEn = genreIds.map((g) => GENRES.find((x) => x.id === g)?.en.toLowerCase() ?? g).join(', ')
      const synopsisZh = fixed
        ? fixed.synopsisZh
        : `一部关于「${b.zh}」的${genreZh}作品：${a.zh}之下，每个人都在寻找属于自己的答案。`
      const synopsisEn = fixed
        ? fixed.synopsisEn
        : `A ${genreEn} story about ${b.en.toLowerCase()}: under a ${a.en.toLowerCase()} sky, everyone is looking for an answer of their own.`
      const year = category === 'ppv' ? int(2025, 2026) : fixed?.original ? 2026 : int(1992, 2026)
      const month = year === 2026 ? int(1, 10) : int(1, 12)
      const releaseDate = `${year}-${String(month).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`
      const cast = [
        { role: 'director', ...person(pick) },
        ...Array.from({ length: int(2, 5) }, () => ({ role: 'actor', ...person(pick) })),
      ]
      const duration = kind === 'series' ? int(40, 50) * 60 : int(85, 150) * 60
      const rent = category === 'ppv' ? int(5, 25) * 100 : category === 'both' ? int(5, 12) * 100 : null
      const buy = category === 'ppv' ? int(5, 12) * 500 : category === 'both' ? int(5, 8) * 500 : null
      insertTitle.run({
        id, idx, kind, title_zh: zh, title_en: en, pinyin: py, initials: initialsOf(py),
        synopsis_zh: synopsisZh, synopsis_en: synopsisEn, year, release_date: releaseDate,
        rating: fixed?.original ? '12+' : pick(ratings), duration_seconds: duration, cast_json: JSON.stringify(cast),
        has_poster: noPoster.has(idx) ? 0 : 1, original: fixed?.original ? 1 : 0,
        popularity: fixed?.original ? 1_000_000 - idx : int(0, 100_000),
        free: category === 'free' ? 1 : 0,
        in_subscription: category === 'subscription' || category === 'both' ? 1 : 0,
        rent_price_minor: rent, buy_price_minor: buy,
      })
      genreIds.forEach((g, pos) => insertTitleGenre.run(id, g, pos))
      if (kind === 'series') {
        const seasons = idx === 1 ? 2 : int(1, 3)
        for (let s = 1; s <= seasons; s++) {
          const episodes = int(6, 12)
          for (let e = 1; e <= episodes; e++) {
            const named = s === 1 ? fixed?.episodeNames?.[e - 1] : undefined
            insertEpisode.run(`${id}-s${s}e${String(e).padStart(2, '0')}`, id, s, e, named?.zh ?? `第${e}集`, named?.en ?? `Episode ${e}`, duration + int(-5, 5) * 60)
          }
        }
      }
    }
    if (seriesCount < 20) throw new Error(`seed produced only ${seriesCount} series`)
    const pin = hashPinSync(DEMO_ACCOUNT.pin)
    db.prepare('INSERT INTO accounts (id, name, created_at, stored_payment, pin_hash, pin_salt) VALUES (?, ?, ?, ?, ?, ?)').run(
      DEMO_ACCOUNT.id, DEMO_ACCOUNT.name, Date.UTC(2026, 0, 1), DEMO_ACCOUNT.storedPayment, pin.hash, pin.salt,
    )
  })()
  return true
}

function person(pick: <T>(list: readonly T[]) => T): { zh: string; en: string } {
  const s = pick(SURNAMES)
  const g = pick(GIVEN_NAMES)
  return { zh: s.zh + g.zh, en: `${s.en} ${g.en}` }
}
