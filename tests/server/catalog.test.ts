import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Home, OffersResponse, RailPage, SearchResult, TitleDetails, TitleSummary } from '../../server/contract'
import { call, startServer, type TestServer } from './helpers'

let server: TestServer
let appDir: string

beforeAll(async () => {
  appDir = fs.mkdtempSync(path.join(os.tmpdir(), 'marquee-app-'))
  fs.writeFileSync(path.join(appDir, 'index.html'), '<!doctype html><title>Marquee</title>')
  fs.writeFileSync(path.join(appDir, 'app.js'), 'console.log(1)')
  fs.writeFileSync(path.join(appDir, 'settings.json'), '{}')
  server = await startServer({ appDir })
})
afterAll(async () => {
  await server.close()
})

describe('home and rails', () => {
  test('hero is the in-house original; rails in order; localized per Accept-Language', async () => {
    const zh = await call<Home>(server.base, 'GET', '/v1/home')
    expect(zh.status).toBe(200)
    expect(zh.body.hero.id).toBe('t0001')
    expect(zh.body.hero.title).toBe('长安夜行')
    expect(zh.body.hero.kind).toBe('series')
    expect(zh.body.hero.access.offers).toEqual([{ kind: 'subscription', planId: 'vip-monthly', price: { amountMinor: 2500, currency: 'CNY' } }])
    const ids = zh.body.rails.map((r) => r.id)
    expect(ids.slice(0, 3)).toEqual(['free', 'new-box-office', 'originals'])
    expect(ids).toContain('genre-action')
    expect(zh.body.rails[0].title).toBe('免费看')
    const en = await call<Home>(server.base, 'GET', '/v1/home', { headers: { 'accept-language': 'en-US,en;q=0.9' } })
    expect(en.body.hero.title).toBe("Night Watch of Chang'an")
    expect(en.body.rails[0].title).toBe('Free to watch')
    const id = await call<Home>(server.base, 'GET', '/v1/home', { headers: { 'accept-language': 'id-ID' } })
    expect(id.body.rails[0].title).toBe('Tonton gratis')
    expect(id.body.hero.title).toBe("Night Watch of Chang'an") // titles fall back to en
    for (const rail of zh.body.rails) {
      expect(rail.items.length).toBeGreaterThan(0)
      expect(rail.items.length).toBeLessThanOrEqual(20)
    }
  })

  test('free rail holds only free titles; new box office only pay-per-view', async () => {
    const home = await call<Home>(server.base, 'GET', '/v1/home')
    const free = home.body.rails.find((r) => r.id === 'free') as RailPage
    expect(free.items.every((t) => t.access.offers.length === 1 && t.access.offers[0].kind === 'free' && t.access.entitlement.kind === 'free')).toBe(true)
    const nbo = home.body.rails.find((r) => r.id === 'new-box-office') as RailPage
    for (const t of nbo.items) {
      const kinds = t.access.offers.map((o) => o.kind)
      expect(kinds).toContain('rent')
      expect(kinds).not.toContain('subscription')
      const rent = t.access.offers.find((o) => o.kind === 'rent')
      expect(rent).toMatchObject({ playWindowHours: 48, startWindowDays: 30 })
      if (rent?.kind === 'rent') {
        expect(rent.price.amountMinor).toBeGreaterThanOrEqual(500)
        expect(rent.price.amountMinor).toBeLessThanOrEqual(2500)
      }
      const buy = t.access.offers.find((o) => o.kind === 'buy')
      if (buy?.kind === 'buy') {
        expect(buy.price.amountMinor).toBeGreaterThanOrEqual(2500)
        expect(buy.price.amountMinor).toBeLessThanOrEqual(6000)
      }
    }
  })

  test('paging a rail with the opaque cursor visits every item once', async () => {
    const seen: string[] = []
    let cursor: string | null = ''
    let total = 0
    while (cursor !== null) {
      const url: string = `/v1/rails/genre-drama?limit=7${cursor ? `&cursor=${cursor}` : ''}`
      const res: { status: number; body: RailPage } = await call<RailPage>(server.base, 'GET', url)
      expect(res.status).toBe(200)
      total = res.body.totalCount
      seen.push(...res.body.items.map((t) => t.id))
      cursor = res.body.nextCursor
    }
    expect(seen.length).toBe(total)
    expect(new Set(seen).size).toBe(total)
  })

  test('catalog-all pages every title, and ?repeat=N synthesizes N tiles for benchmarks', async () => {
    const all = await call<RailPage>(server.base, 'GET', '/v1/rails/catalog-all?limit=500')
    expect(all.body.totalCount).toBeGreaterThanOrEqual(300)
    expect(all.body.items.length).toBe(all.body.totalCount)
    expect(all.body.nextCursor).toBeNull()
    const big = await call<RailPage>(server.base, 'GET', '/v1/rails/catalog-all?repeat=10000&limit=500')
    expect(big.body.totalCount).toBe(10000)
    expect(big.body.items.length).toBe(500)
    let cursor = big.body.nextCursor
    let count = big.body.items.length
    while (cursor) {
      const next = await call<RailPage>(server.base, 'GET', `/v1/rails/catalog-all?limit=500&cursor=${cursor}`)
      count += next.body.items.length
      cursor = next.body.nextCursor
    }
    expect(count).toBe(10000)
  })

  test('like-<titleId> holds the titles sharing the most genres with it, then the most popular, never itself', async () => {
    const title = (await call<TitleDetails>(server.base, 'GET', '/v1/titles/t0010', { headers: { 'accept-language': 'en' } })).body
    const genres = title.genres.map((genre) => genre.id)
    const like = (await call<RailPage>(server.base, 'GET', '/v1/rails/like-t0010?limit=50', { headers: { 'accept-language': 'en' } })).body
    expect(like).toMatchObject({ id: 'like-t0010', title: 'More like this', totalCount: 20, nextCursor: null })
    expect(like.items).toHaveLength(20)
    expect(like.items.map((item) => item.id)).not.toContain('t0010')
    const genresOf = async (id: string) => (await call<TitleDetails>(server.base, 'GET', `/v1/titles/${id}`)).body.genres.map((genre) => genre.id)
    const shared = await Promise.all(like.items.map(async (item) => (await genresOf(item.id)).filter((genre) => genres.includes(genre)).length))
    expect(shared.every((count) => count > 0)).toBe(true)
    expect([...shared].sort((a, b) => b - a)).toEqual(shared)
    // The name in the viewer's language; paging as any rail; an unknown title is no rail.
    expect((await call<RailPage>(server.base, 'GET', '/v1/rails/like-t0010?limit=1', { headers: { 'accept-language': 'zh-CN' } })).body.title).toBe('相似推荐')
    const first = (await call<RailPage>(server.base, 'GET', '/v1/rails/like-t0010?limit=10')).body
    const rest = (await call<RailPage>(server.base, 'GET', `/v1/rails/like-t0010?limit=10&cursor=${first.nextCursor}`)).body
    expect([...first.items, ...rest.items].map((item) => item.id)).toEqual(like.items.map((item) => item.id))
    expect((await call(server.base, 'GET', '/v1/rails/like-t9999')).status).toBe(404)
  })

  test('popular holds the 20 most popular titles, the launch original first', async () => {
    const popular = (await call<RailPage>(server.base, 'GET', '/v1/rails/popular?limit=50', { headers: { 'accept-language': 'en' } })).body
    expect(popular).toMatchObject({ id: 'popular', title: 'Popular on Marquee', totalCount: 20, nextCursor: null })
    expect(popular.items[0].id).toBe('t0001')
    expect(new Set(popular.items.map((item) => item.id)).size).toBe(20)
    // Genre rails are sorted by popularity too: the popular titles of a genre are that rail's first ones, in its order.
    const home = (await call<Home>(server.base, 'GET', '/v1/home')).body
    const genreRails = home.rails.filter((rail) => rail.id.startsWith('genre-'))
    expect(genreRails.length).toBeGreaterThan(3)
    for (const rail of genreRails) {
      const genre = (await call<RailPage>(server.base, 'GET', `/v1/rails/${rail.id}?limit=500`)).body.items.map((item) => item.id)
      const popularOfGenre = popular.items.map((item) => item.id).filter((id) => genre.includes(id))
      expect(popularOfGenre).toEqual(genre.slice(0, popularOfGenre.length))
    }
    expect((await call<RailPage>(server.base, 'GET', '/v1/rails/popular?limit=1', { headers: { 'accept-language': 'zh-CN' } })).body.title).toBe('大家都在看')
  })

  test('unknown rail → 404; cursor from another rail → 400', async () => {
    expect((await call(server.base, 'GET', '/v1/rails/nope')).status).toBe(404)
    const free = await call<RailPage>(server.base, 'GET', '/v1/rails/genre-drama?limit=1')
    const bad = await call(server.base, 'GET', `/v1/rails/genre-action?cursor=${free.body.nextCursor}`)
    expect(bad.status).toBe(400)
    expect(bad.body).toMatchObject({ error: { code: 'invalid_cursor' } })
  })
})

describe('titles', () => {
  test('details of the original series: seasons, episodes, synopsis, cast, access', async () => {
    const res = await call<TitleDetails>(server.base, 'GET', '/v1/titles/t0001', { headers: { 'accept-language': 'en' } })
    expect(res.status).toBe(200)
    const t = res.body
    expect(t.title).toBe("Night Watch of Chang'an")
    expect(t.originalTitle).toBe('长安夜行')
    expect(t.synopsis).toMatch(/Chang'an/)
    expect(t.seasons.length).toBe(2)
    expect(t.seasons[0].episodes[0]).toMatchObject({ id: 't0001-s1e01', number: 1, title: 'Episode 1' })
    expect(t.genres.map((g) => g.id)).toEqual(['history', 'thriller', 'drama'])
    expect(t.cast.length).toBeGreaterThanOrEqual(3)
    expect(t.trailerAvailable).toBe(true)
    expect(t.original).toBe(true)
    expect(t.access.entitlement).toEqual({ kind: 'none' })
  })

  test('catalogue: ≥300 titles, ~10% free, ≥20 series, some without posters, long and emoji names', async () => {
    const all = await call<RailPage>(server.base, 'GET', '/v1/rails/catalog-all?limit=500')
    const items: TitleSummary[] = all.body.items
    const free = items.filter((t) => t.access.offers.some((o) => o.kind === 'free')).length
    expect(free / items.length).toBeGreaterThan(0.07)
    expect(free / items.length).toBeLessThan(0.13)
    expect(items.filter((t) => t.kind === 'series').length).toBeGreaterThanOrEqual(20)
    expect(items.filter((t) => t.posterUrl === null).length).toBeGreaterThanOrEqual(2)
    expect(items.some((t) => [...t.title].length > 30)).toBe(true)
    expect(items.some((t) => /\p{Extended_Pictographic}/u.test(t.title))).toBe(true)
    const both = items.filter((t) => {
      const kinds = new Set(t.access.offers.map((o) => o.kind))
      return kinds.has('subscription') && kinds.has('rent') && kinds.has('buy')
    })
    expect(both.length).toBeGreaterThan(10)
  })

  test('unknown title → 404 in the error shape', async () => {
    const res = await call(server.base, 'GET', '/v1/titles/t9999')
    expect(res.status).toBe(404)
    expect(res.body).toEqual({ error: { code: 'not_found', message: expect.any(String) } })
  })
})

describe('search', () => {
  const search = async (q: string, lang = 'zh-CN'): Promise<SearchResult> =>
    (await call<SearchResult>(server.base, 'GET', `/v1/search?q=${encodeURIComponent(q)}`, { headers: { 'accept-language': lang } })).body

  test('Chinese, English, full pinyin and initials all find 长安夜行, first', async () => {
    for (const q of ['长安', '长安夜行', 'changan', 'chang an ye', 'CAYX', 'cayx', 'Night Watch']) {
      const res = await search(q)
      expect(res.items[0]?.id).toBe('t0001')
    }
  })

  test('prefix matches rank before infix matches', async () => {
    const res = await search('wuye')
    expect(res.items.length).toBeGreaterThan(0)
    const first = res.items[0]
    expect(first.title.startsWith('午夜')).toBe(true)
  })

  test('no match → empty list', async () => {
    expect((await search('qqqqzzzz')).items).toEqual([])
  })
})

describe('offers, images, openapi, static files', () => {
  test('GET /v1/offers lists the VIP plan', async () => {
    const res = await call<OffersResponse>(server.base, 'GET', '/v1/offers', { headers: { 'accept-language': 'en' } })
    expect(res.body.plans).toEqual([{ planId: 'vip-monthly', name: 'VIP Monthly', price: { amountMinor: 2500, currency: 'CNY' }, period: 'month' }])
  })

  test('posters are SVG title cards with their size and CJK font stack; backdrops are textless art', async () => {
    const poster = await call(server.base, 'GET', '/images/poster/t0001.svg')
    expect(poster.status).toBe(200)
    expect(poster.headers.get('content-type')).toMatch(/image\/svg\+xml/)
    expect(poster.text).toMatch(/width="300" height="450"/)
    expect(poster.text).toContain('长安夜行')
    expect(poster.text).toContain('Noto Sans CJK SC')
    const backdrop = await call(server.base, 'GET', '/images/backdrop/t0001.svg')
    expect(backdrop.text).toMatch(/width="1280" height="720"/)
    // The app draws the name beside the backdrop (Home's hero, Details): the art must not draw it again under it.
    expect(backdrop.text).not.toContain('<text')
    expect((await call(server.base, 'GET', '/images/poster/t0017.svg')).status).toBe(404) // no poster by design
    expect((await call(server.base, 'GET', '/images/poster/..%2Fx.svg')).status).toBe(400)
  })

  test('title art is drawn in the language its URL names, else the Accept-Language one', async () => {
    const inEnglish = await call(server.base, 'GET', '/images/poster/t0001.svg?lang=en', { headers: { 'accept-language': 'zh-CN' } })
    expect(inEnglish.text).toContain('Night Watch of')
    expect(inEnglish.text).not.toContain('长安夜行')
    const unknown = await call<{ error: { message: string } }>(server.base, 'GET', '/images/poster/t0001.svg?lang=fr')
    expect(unknown.status).toBe(400)
    expect(unknown.body.error.message).toMatch(/lang/)
  })

  test("the catalogue's art URLs name the language it was asked in", async () => {
    const item = async (lang: string): Promise<TitleSummary> =>
      (await call<{ items: TitleSummary[] }>(server.base, 'GET', '/v1/rails/catalog-all?limit=1', { headers: { 'accept-language': lang } })).body.items[0]!
    const english = await item('en')
    expect(english.backdropUrl).toMatch(/\/images\/backdrop\/t\d+\.svg\?lang=en$/)
    const chinese = await item('zh-CN')
    expect(chinese.backdropUrl).toMatch(/\?lang=zh-CN$/)
    const art = new URL(chinese.backdropUrl!)
    expect((await call(server.base, 'GET', art.pathname + art.search)).status).toBe(200)
  })

  test('the OpenAPI document lists every API route with its schemas', async () => {
    const res = await call<{ openapi: string; paths: Record<string, Record<string, { requestBody?: unknown; responses: Record<string, unknown> }>> }>(
      server.base,
      'GET',
      '/v1/openapi.json',
    )
    expect(res.status).toBe(200)
    expect(res.body.openapi).toMatch(/^3\./)
    const listed = new Set(Object.entries(res.body.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)))
    const expected = [
      'POST /v1/devices', 'POST /v1/auth/device-code', 'POST /v1/auth/token', 'GET /v1/home', 'GET /v1/rails/{id}', 'GET /v1/titles/{id}',
      'GET /v1/search', 'GET /v1/offers', 'POST /v1/purchases', 'GET /v1/purchases/{id}', 'GET /v1/me', 'GET /v1/me/entitlements',
      'PUT /v1/me/progress/{titleId}', 'GET /v1/me/continue-watching', 'DELETE /v1/me/continue-watching/{titleId}', 'GET /v1/me/watchlist', 'PUT /v1/me/watchlist/{titleId}',
      'DELETE /v1/me/watchlist/{titleId}', 'PUT /v1/me/pin', 'POST /v1/me/pin/verify', 'PUT /v1/me/settings', 'GET /v1/me/devices',
      'POST /v1/me/devices/{id}/revoke', 'POST /v1/playback/{titleId}', 'POST /v1/license/clearkey', 'GET /v1/license/clearkey/hls/{assetId}',
      'POST /v1/events', 'GET /v1/openapi.json', 'GET /v1/qr.png',
    ]
    for (const route of expected) expect(listed).toContain(route)
    expect(listed.size).toBe(expected.length)
    // ...and each documented route really exists on the server.
    for (const route of listed) {
      const [method, p] = route.split(' ')
      expect(server.app.hasRoute({ method: method as 'GET', url: p.replace(/\{(\w+)\}/g, ':$1') })).toBe(true)
    }
    expect(res.body.paths['/v1/purchases'].post.requestBody).toBeDefined()
    expect(res.body.paths['/v1/titles/{id}'].get.responses['200']).toBeDefined()
  })

  test('media: served with ranges, the seek preview sheet too; the catalog with the keys never is', async () => {
    const full = await call(server.base, 'GET', '/media/clear-1/manifest.mpd')
    expect(full.status).toBe(200)
    expect(full.headers.get('content-type')).toBe('application/dash+xml')
    const part = await fetch(`${server.base}/media/clear-1/manifest.mpd`, { headers: { range: 'bytes=0-4' } })
    expect(part.status).toBe(206)
    expect(await part.text()).toBe('<?xml')
    expect(part.headers.get('content-range')).toMatch(/^bytes 0-4\/\d+$/)
    const thumbnails = await fetch(`${server.base}/media/clear-1/thumbnails.jpg`)
    expect(thumbnails.status).toBe(200)
    expect(thumbnails.headers.get('content-type')).toBe('image/jpeg')
    expect((await call(server.base, 'GET', '/media/catalog.json')).status).toBe(404)
    expect((await call(server.base, 'GET', '/media/../marquee.db')).status).toBe(404)
    expect((await call(server.base, 'GET', '/media/%2e%2e/marquee.db')).status).toBe(404)
  })

  test('the built app: index.html and settings no-cache, other files cacheable, /v1 404s stay JSON', async () => {
    const index = await call(server.base, 'GET', '/')
    expect(index.status).toBe(200)
    expect(index.headers.get('content-type')).toMatch(/text\/html/)
    expect(index.headers.get('cache-control')).toBe('no-cache')
    expect((await call(server.base, 'GET', '/settings.json')).headers.get('cache-control')).toBe('no-cache')
    const js = await call(server.base, 'GET', '/app.js')
    expect(js.headers.get('content-type')).toMatch(/javascript/)
    expect(js.headers.get('cache-control')).toMatch(/max-age/)
    const missing = await call(server.base, 'GET', '/v1/nothing-here')
    expect(missing.status).toBe(404)
    expect(missing.body).toMatchObject({ error: { code: 'not_found' } })
  })

  test('CORS preflight is answered for the TV origins', async () => {
    const res = await fetch(`${server.base}/v1/purchases`, { method: 'OPTIONS', headers: { origin: 'file://', 'access-control-request-method': 'POST' } })
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('access-control-allow-headers')).toMatch(/Idempotency-Key/)
  })
})
