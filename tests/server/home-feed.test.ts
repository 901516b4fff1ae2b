// GET /v1/home is served from kept JSON fragments with the viewer's own part laid over them. These tests hold it to
// what the rails and titles routes (built per request from the same rules) say for the same viewer, byte for byte,
// and prove that a feed a client holds (its ETag) stops matching after each thing the feed shows has changed.
import Database from 'better-sqlite3'
import http from 'node:http'
import path from 'node:path'
import type { Home, Purchase, RailPage, TitleDetails, TitleSummary } from '../../server/contract'
import { call, giveStoredPayment, idemKey, registerDevice, signIn, startServer, type Res, type TestServer } from './helpers'

const start = Date.parse('2026-11-25T12:00:00Z')
const DAY = 24 * 3600 * 1000
let server: TestServer

beforeAll(async () => {
  server = await startServer({ now: start })
})
afterAll(async () => {
  await server.close()
})

interface Viewing {
  token?: string
  lang?: string
}

function headersOf(v: Viewing, extra: Record<string, string> = {}): Record<string, string> {
  return { ...(v.lang ? { 'accept-language': v.lang } : {}), ...extra }
}

async function home(v: Viewing, ifNoneMatch?: string): Promise<Res<Home>> {
  return call<Home>(server.base, 'GET', '/v1/home', { token: v.token, headers: headersOf(v, ifNoneMatch ? { 'if-none-match': ifNoneMatch } : {}) })
}

/** Every rail equals the rails route's first page and the hero the title's own summary, for the same viewer. */
async function expectSameAsRoutes(res: Res<Home>, v: Viewing): Promise<void> {
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
  expect(res.text).toBe(JSON.stringify(res.body))
  for (const rail of res.body.rails) {
    const page = await call<RailPage>(server.base, 'GET', `/v1/rails/${rail.id}?limit=20`, { token: v.token, headers: headersOf(v) })
    expect(JSON.stringify(rail)).toBe(page.text)
  }
  const hero = await call<TitleDetails>(server.base, 'GET', `/v1/titles/${res.body.hero.id}`, { token: v.token, headers: headersOf(v) })
  // A hero the viewer has a position in carries it, as its details do.
  const { id, kind, title, year, rating, posterUrl, backdropUrl, access, progress } = hero.body
  expect(JSON.stringify(res.body.hero)).toBe(JSON.stringify({ id, kind, title, year, rating, posterUrl, backdropUrl, access, ...(progress ? { progress } : {}) }))
}

function tiles(h: Home): TitleSummary[] {
  return [h.hero, ...h.rails.flatMap((r) => r.items)]
}

/** Titles to buy or rent outside the subscription (a subscription would hide a rental's entitlement). */
function payPerView(h: Home): TitleSummary[] {
  const kinds = (t: TitleSummary): string[] => t.access.offers.map((o) => o.kind)
  return tiles(h).filter((t) => kinds(t).includes('buy') && kinds(t).includes('rent') && !kinds(t).includes('subscription'))
}

function etagOf(res: Res): string {
  const etag = res.headers.get('etag')
  if (!etag) throw new Error('GET /v1/home must carry an ETag')
  return etag
}

describe('the kept feed', () => {
  test.each([undefined, 'en-US,en;q=0.9', 'id-ID'])('anonymous, Accept-Language %s: the same bytes as the rails and titles routes', async (lang) => {
    const v = { lang }
    const first = await home(v)
    await expectSameAsRoutes(first, v)
    expect((await home(v)).text).toBe(first.text)
  })

  test('an anonymous device with progress and a list, and an account with every kind of entitlement: the same as the routes', async () => {
    const device = await registerDeviceWithState()
    const own = await home({ token: device })
    expect(own.body.rails.slice(0, 2).map((r) => r.id)).toEqual(['continue-watching', 'watchlist'])
    await expectSameAsRoutes(own, { token: device })

    const { token } = await signIn(server, 'feed-holder')
    await giveStoredPayment(server, 'feed-holder')
    const anonymous = (await home({})).body
    const [bought, rented] = payPerView(anonymous)
    await buy(token, { kind: 'buy', titleId: bought.id })
    await buy(token, { kind: 'rent', titleId: rented.id })
    await buy(token, { kind: 'subscription', planId: 'vip-monthly' })
    await call(server.base, 'PUT', `/v1/me/progress/${rented.id}`, { token, body: { positionSeconds: 300, durationSeconds: 3600 } })
    await call(server.base, 'PUT', `/v1/me/watchlist/${bought.id}`, { token })
    for (const lang of [undefined, 'en']) {
      const res = await home({ token, lang })
      await expectSameAsRoutes(res, { token, lang })
      expect(res.body.rails.slice(0, 2).map((r) => r.id)).toEqual(['continue-watching', 'watchlist'])
      const kinds = new Set(tiles(res.body).map((t) => t.access.entitlement.kind))
      expect([...kinds].sort()).toEqual(['free', 'none', 'owned', 'rented', 'subscribed'])
    }
  })

  async function registerDeviceWithState(): Promise<string> {
    const device = (await registerDevice(server.base)).token
    await call(server.base, 'PUT', '/v1/me/progress/t0004', { token: device, body: { positionSeconds: 60, durationSeconds: 3600 } })
    await call(server.base, 'PUT', '/v1/me/watchlist/t0005', { token: device })
    return device
  }
})

async function buy(token: string, body: Record<string, string>): Promise<Purchase> {
  const res = await call<Purchase>(server.base, 'POST', '/v1/purchases', {
    token,
    headers: { 'idempotency-key': idemKey() },
    body: { ...body, payment: { method: 'stored', pin: '1234' } },
  })
  expect(res.status).toBe(201)
  return res.body
}

describe('ETag and 304', () => {
  test('an unchanged feed answers 304 to its own ETag (also weak or listed), 200 to any other, per language', async () => {
    const first = await home({})
    const etag = etagOf(first)
    expect(first.headers.get('vary')).toBe('Accept-Language, Authorization')
    expect(first.headers.get('cache-control')).toBe('private, no-cache')
    for (const tag of [etag, `W/${etag}`, `"elsewhere", ${etag}`, '*']) {
      const again = await home({}, tag)
      expect(again.status).toBe(304)
      expect(again.text).toBe('')
      expect(again.headers.get('etag')).toBe(etag)
    }
    expect((await home({}, '"elsewhere"')).status).toBe(200)
    const english = await home({ lang: 'en' }, etag)
    expect(english.status).toBe(200)
    expect(etagOf(english)).not.toBe(etag)
    expect(english.body.rails[0].title).toBe('Free to watch')
  })

  test('a feed held by a client stops matching after each thing it shows changes, and only then', async () => {
    const { token } = await signIn(server, 'feed-changes')
    await giveStoredPayment(server, 'feed-changes')
    const v = { token }
    let held = await home(v)
    // Nothing of its own yet: the same feed as a viewer without a token.
    expect(held.text).toBe((await home({})).text)

    /** The held ETag no longer matches, the new feed is the routes' own, and it holds steady until the next change. */
    const changed = async (): Promise<Home> => {
      const next = await home(v, etagOf(held))
      expect(next.status).toBe(200)
      expect(etagOf(next)).not.toBe(etagOf(held))
      await expectSameAsRoutes(next, v)
      expect((await home(v, etagOf(next))).status).toBe(304)
      held = next
      return next.body
    }
    const tile = (h: Home, id: string): TitleSummary | undefined => tiles(h).find((t) => t.id === id)
    const anonymous = (await home({})).body
    const [bought, rented] = payPerView(anonymous)
    const subscription = tiles(anonymous).find((t) => t.access.offers.every((o) => o.kind === 'subscription')) as TitleSummary

    expect((await home(v, etagOf(held))).status).toBe(304)

    await call(server.base, 'PUT', '/v1/me/watchlist/t0003', { token })
    expect((await changed()).rails.find((r) => r.id === 'watchlist')?.items.map((t) => t.id)).toEqual(['t0003'])

    await call(server.base, 'PUT', '/v1/me/progress/t0004', { token, body: { positionSeconds: 120, durationSeconds: 3600 } })
    expect((await changed()).rails[0].items[0]).toMatchObject({ id: 't0004', progress: { positionSeconds: 120 } })
    server.clock.now += 1000
    await call(server.base, 'PUT', '/v1/me/progress/t0004', { token, body: { positionSeconds: 180, durationSeconds: 3600 } })
    expect((await changed()).rails[0].items[0].progress?.positionSeconds).toBe(180)

    // Watching the hero's third episode: the hero carries that progress, as its continue-watching tile does.
    const heroSeries = (await call<TitleDetails>(server.base, 'GET', `/v1/titles/${anonymous.hero.id}`)).body
    const third = heroSeries.seasons[0]!.episodes[2]!
    server.clock.now += 1000
    await call(server.base, 'PUT', `/v1/me/progress/${heroSeries.id}`, { token, body: { positionSeconds: 725, durationSeconds: 2700, episodeId: third.id } })
    const watchingHero = await changed()
    expect(watchingHero.hero.progress).toMatchObject({ episodeId: third.id, episode: { season: 1, number: 3 }, positionSeconds: 725 })
    expect(watchingHero.hero.progress).toEqual(watchingHero.rails[0].items[0].progress)
    // Taken out of continue watching, the position stays, on the hero as in its details.
    await call(server.base, 'DELETE', `/v1/me/continue-watching/${heroSeries.id}`, { token })
    const removed = await changed()
    expect(removed.rails[0].items.map((t) => t.id)).not.toContain(heroSeries.id)
    expect(removed.hero.progress).toEqual(watchingHero.hero.progress)
    // Each position names the episode the series goes on with once it is watched: the next, the first after the last.
    expect(removed.hero.progress?.nextEpisode).toEqual({ id: heroSeries.seasons[0]!.episodes[3]!.id, season: 1, number: 4 })
    const lastSeason = heroSeries.seasons[heroSeries.seasons.length - 1]!
    const last = lastSeason.episodes[lastSeason.episodes.length - 1]!
    server.clock.now += 1000
    await call(server.base, 'PUT', `/v1/me/progress/${heroSeries.id}`, { token, body: { positionSeconds: 2690, durationSeconds: 2700, episodeId: last.id } })
    expect((await changed()).hero.progress?.nextEpisode).toEqual({ id: heroSeries.seasons[0]!.episodes[0]!.id, season: 1, number: 1 })

    await buy(token, { kind: 'buy', titleId: bought.id })
    expect(tile(await changed(), bought.id)?.access.entitlement).toEqual({ kind: 'owned' })

    await buy(token, { kind: 'rent', titleId: rented.id })
    expect(tile(await changed(), rented.id)?.access.entitlement.kind).toBe('rented')

    server.clock.now = start + DAY
    await buy(token, { kind: 'subscription', planId: 'vip-monthly' })
    expect(tile(await changed(), subscription.id)?.access.entitlement).toEqual({ kind: 'subscribed', until: '2026-12-26T12:00:00.000Z' })

    await call(server.base, 'DELETE', '/v1/me/watchlist/t0003', { token })
    expect((await changed()).rails.some((r) => r.id === 'watchlist')).toBe(false)

    // The rental's 30 days to start watching run out (the subscription still runs).
    server.clock.now = start + 30 * DAY + 60_000
    expect(tile(await changed(), rented.id)?.access.entitlement).toEqual({ kind: 'none' })

    // The subscription renews from the stored method at its period's end.
    server.clock.now = start + 31 * DAY + 1000
    expect(tile(await changed(), subscription.id)?.access.entitlement).toEqual({ kind: 'subscribed', until: '2027-01-26T12:00:00.000Z' })

    // Another language is another feed.
    const english = await home({ token, lang: 'en' }, etagOf(held))
    expect(english.status).toBe(200)
    await expectSameAsRoutes(english, { token, lang: 'en' })
  })

  test('a catalogue change (loaded at start) gives the feed a new ETag; an unchanged one keeps it across restarts', async () => {
    // A fixed Host, so the origin in the tiles' image URLs is the same before and after a restart (a new port).
    const feed = (): Promise<{ etag: string; home: Home }> =>
      new Promise((resolve, reject) => {
        const req = http.get(`${server.base}/v1/home`, { headers: { host: 'tv.example', 'accept-language': 'en' } }, (res) => {
          const chunks: Buffer[] = []
          res.on('data', (chunk: Buffer) => chunks.push(chunk))
          res.on('end', () => {
            if (res.statusCode !== 200) reject(new Error(`GET /v1/home: ${String(res.statusCode)}`))
            else resolve({ etag: String(res.headers.etag), home: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Home })
          })
        })
        req.on('error', reject)
      })
    const before = await feed()
    await server.restart()
    expect((await feed()).etag).toBe(before.etag)

    const db = new Database(path.join(server.dataDir, 'marquee.db'))
    try {
      db.prepare('UPDATE titles SET title_en = ? WHERE id = ?').run('A Renamed Original', before.home.hero.id)
    } finally {
      db.close()
    }
    await server.restart()
    const after = await feed()
    expect(after.home.hero.posterUrl ?? after.home.hero.backdropUrl).toMatch(/^http:\/\/tv\.example\//)
    expect(after.etag).not.toBe(before.etag)
    expect(after.home.hero.title).toBe('A Renamed Original')
  })
})
