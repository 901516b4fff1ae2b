import Database from 'better-sqlite3'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { migrate } from '../../server/db'
import { MIGRATIONS } from '../../server/db/migrations'
import type { Account, EventsResponse, QoeEvent, Home, MeResponse, PlaybackResponse, ProgressResponse, RailPage, TitleDetails, TitleListResponse } from '../../server/contract'
import { call, giveStoredPayment, idemKey, registerDevice, signIn, signInAt, startServer, type TestServer } from './helpers'

let server: TestServer

beforeAll(async () => {
  server = await startServer()
})
afterAll(async () => {
  await server.close()
})

describe('progress and continue watching', () => {
  test('saved positions appear in continue watching and the home rail, most recent first, and resume playback', async () => {
    const s = await signIn(server, 'watcher')
    const free = (await call<RailPage>(server.base, 'GET', '/v1/rails/free?limit=3')).body.items
    const put = await call<ProgressResponse>(server.base, 'PUT', `/v1/me/progress/${free[0].id}`, { token: s.token, body: { positionSeconds: 120, durationSeconds: 3600 } })
    expect(put.status).toBe(200)
    expect(put.body).toMatchObject({ titleId: free[0].id, positionSeconds: 120, durationSeconds: 3600, episodeId: null })
    server.clock.now += 1000
    await call(server.base, 'PUT', `/v1/me/progress/${free[1].id}`, { token: s.token, body: { positionSeconds: 600, durationSeconds: 3600 } })
    server.clock.now += 1000
    // Finished (≥95%) titles drop out.
    await call(server.base, 'PUT', `/v1/me/progress/${free[2].id}`, { token: s.token, body: { positionSeconds: 3500, durationSeconds: 3600 } })
    const cw = await call<TitleListResponse>(server.base, 'GET', '/v1/me/continue-watching', { token: s.token })
    expect(cw.body.items.map((t) => t.id)).toEqual([free[1].id, free[0].id])
    expect(cw.body.items[0].progress).toMatchObject({ positionSeconds: 600, durationSeconds: 3600 })
    const home = await call<Home>(server.base, 'GET', '/v1/home', { token: s.token })
    expect(home.body.rails[0].id).toBe('continue-watching')
    expect(home.body.rails[0].items.map((t) => t.id)).toEqual([free[1].id, free[0].id])
    const play = await call<PlaybackResponse>(server.base, 'POST', `/v1/playback/${free[0].id}`, { token: s.token })
    expect(play.body.resumePositionSeconds).toBe(120)
    // Progress is per viewer.
    const other = await registerDevice(server.base)
    expect((await call<TitleListResponse>(server.base, 'GET', '/v1/me/continue-watching', { token: other.token })).body.items).toEqual([])
    const anonHome = await call<Home>(server.base, 'GET', '/v1/home', { token: other.token })
    expect(anonHome.body.rails[0].id).toBe('free')
  })

  test('series progress carries the episode, and each episode keeps its own', async () => {
    const device = await registerDevice(server.base)
    const res = await call<ProgressResponse>(server.base, 'PUT', '/v1/me/progress/t0001', {
      token: device.token,
      body: { positionSeconds: 30, durationSeconds: 2700, episodeId: 't0001-s1e02' },
    })
    expect(res.body.episodeId).toBe('t0001-s1e02')
    // Each episode keeps its own position: Details shows how far every one started was watched.
    await call(server.base, 'PUT', '/v1/me/progress/t0001', { token: device.token, body: { positionSeconds: 2690, durationSeconds: 2700, episodeId: 't0001-s1e01' } })
    await call(server.base, 'PUT', '/v1/me/progress/t0001', { token: device.token, body: { positionSeconds: 600, durationSeconds: 2700, episodeId: 't0001-s1e02' } })
    const details = (await call<TitleDetails>(server.base, 'GET', '/v1/titles/t0001', { token: device.token })).body
    expect(details.progress).toMatchObject({ episodeId: 't0001-s1e02', positionSeconds: 600 })
    expect([...(details.episodeProgress ?? [])].sort((a, b) => a.episodeId.localeCompare(b.episodeId))).toEqual([
      { episodeId: 't0001-s1e01', positionSeconds: 2690, durationSeconds: 2700 },
      { episodeId: 't0001-s1e02', positionSeconds: 600, durationSeconds: 2700 },
    ])
    // Nobody else's, and none on a film.
    const other = await registerDevice(server.base)
    expect((await call<TitleDetails>(server.base, 'GET', '/v1/titles/t0001', { token: other.token })).body.episodeProgress).toBeUndefined()
  })

  test("the title's details carry the viewer's saved position, however far, and no one else's; continue watching goes on to the next episode", async () => {
    const device = await registerDevice(server.base)
    const details = (token?: string) => call<TitleDetails>(server.base, 'GET', '/v1/titles/t0001', token ? { token } : {})
    expect((await details(device.token)).body.progress).toBeUndefined()
    // An episode watched into its credits: Details learns of it (to offer the next), continue watching has the next one at its start.
    await call(server.base, 'PUT', '/v1/me/progress/t0001', { token: device.token, body: { positionSeconds: 2690, durationSeconds: 2700, episodeId: 't0001-s1e02' } })
    expect((await details(device.token)).body.progress).toMatchObject({ positionSeconds: 2690, durationSeconds: 2700, episodeId: 't0001-s1e02', episode: { season: 1, number: 2 } })
    const next = (await details(device.token)).body.seasons[0]!.episodes[2]!
    const going = (await call<TitleListResponse>(server.base, 'GET', '/v1/me/continue-watching', { token: device.token })).body.items
    expect(going.map((item) => [item.id, item.progress])).toEqual([['t0001', expect.objectContaining({ positionSeconds: 0, durationSeconds: next.durationSeconds, episodeId: next.id, episode: { season: 1, number: 3 } })]])
    const rail = (await call<Home>(server.base, 'GET', '/v1/home', { token: device.token })).body.rails[0]!
    expect([rail.id, rail.items.map((item) => item.progress?.episodeId)]).toEqual(['continue-watching', [next.id]])
    // The series' last episode watched: nothing to go on with.
    const seasons = (await details(device.token)).body.seasons
    const lastSeason = seasons[seasons.length - 1]!.episodes
    await call(server.base, 'PUT', '/v1/me/progress/t0001', { token: device.token, body: { positionSeconds: 2690, durationSeconds: 2700, episodeId: lastSeason[lastSeason.length - 1]!.id } })
    expect((await call<TitleListResponse>(server.base, 'GET', '/v1/me/continue-watching', { token: device.token })).body.items).toEqual([])
    const other = await registerDevice(server.base)
    expect((await details(other.token)).body.progress).toBeUndefined()
    expect((await details()).body.progress).toBeUndefined()
  })
})

describe('taking a title out of continue watching', () => {
  test('it leaves the list and the home rail, keeps its position, and comes back with the next position saved; unknown titles are 404', async () => {
    const device = await registerDevice(server.base)
    const [a, b] = (await call<RailPage>(server.base, 'GET', '/v1/rails/free?limit=2')).body.items
    const save = (id: string, positionSeconds: number) => call(server.base, 'PUT', `/v1/me/progress/${id}`, { token: device.token, body: { positionSeconds, durationSeconds: 3600 } })
    const listed = async () => (await call<TitleListResponse>(server.base, 'GET', '/v1/me/continue-watching', { token: device.token })).body.items.map((item) => item.id)
    await save(a!.id, 300)
    server.clock.now += 1000
    await save(b!.id, 600)
    expect(await listed()).toEqual([b!.id, a!.id])
    const removed = await call(server.base, 'DELETE', `/v1/me/continue-watching/${b!.id}`, { token: device.token })
    expect([removed.status, removed.body]).toEqual([200, { ok: true }])
    expect((await call(server.base, 'DELETE', `/v1/me/continue-watching/${b!.id}`, { token: device.token })).status).toBe(200)
    expect(await listed()).toEqual([a!.id])
    const home = (await call<Home>(server.base, 'GET', '/v1/home', { token: device.token })).body.rails[0]!
    expect([home.id, home.items.map((item) => item.id)]).toEqual(['continue-watching', [a!.id]])
    // Its position is kept: Details and playback still resume it.
    expect((await call<TitleDetails>(server.base, 'GET', `/v1/titles/${b!.id}`, { token: device.token })).body.progress).toMatchObject({ positionSeconds: 600 })
    expect((await call<PlaybackResponse>(server.base, 'POST', `/v1/playback/${b!.id}`, { token: device.token })).body.resumePositionSeconds).toBe(600)
    // Watched again, it is back, first.
    server.clock.now += 1000
    await save(b!.id, 700)
    expect(await listed()).toEqual([b!.id, a!.id])
    // Only the viewer's own list; bad input says so.
    const other = await registerDevice(server.base)
    await call(server.base, 'DELETE', `/v1/me/continue-watching/${a!.id}`, { token: other.token })
    expect(await listed()).toEqual([b!.id, a!.id])
    const unknown = await call<{ error: { code: string; message: string } }>(server.base, 'DELETE', '/v1/me/continue-watching/t9999', { token: device.token })
    expect([unknown.status, unknown.body.error]).toEqual([404, { code: 'not_found', message: 'No title t9999' }])
    expect((await call(server.base, 'DELETE', `/v1/me/continue-watching/${a!.id}`)).status).toBe(401)
  })

  test('a title taken out on the TV stays out after signing in there', async () => {
    const [a] = (await call<RailPage>(server.base, 'GET', '/v1/rails/free?limit=1')).body.items
    const tv = await registerDevice(server.base)
    await call(server.base, 'PUT', `/v1/me/progress/${a!.id}`, { token: tv.token, body: { positionSeconds: 300, durationSeconds: 3600 } })
    await call(server.base, 'DELETE', `/v1/me/continue-watching/${a!.id}`, { token: tv.token })
    const signedIn = await signInAt(server.base, 'remover', tv)
    expect((await call<TitleListResponse>(server.base, 'GET', '/v1/me/continue-watching', { token: signedIn.token })).body.items).toEqual([])
    expect((await call<TitleDetails>(server.base, 'GET', `/v1/titles/${a!.id}`, { token: signedIn.token })).body.progress).toMatchObject({ positionSeconds: 300 })
  })
})

describe('signing in on a TV', () => {
  test('brings what was watched and listed on it before to the account, the newer position winning, and leaves none of it on the device', async () => {
    const [a, b, c] = (await call<RailPage>(server.base, 'GET', '/v1/rails/free?limit=3')).body.items
    // The account watched a and b on another TV.
    const elsewhere = await signIn(server, 'mover')
    const save = (token: string, id: string, positionSeconds: number, episodeId?: string) =>
      call(server.base, 'PUT', `/v1/me/progress/${id}`, { token, body: { positionSeconds, durationSeconds: 3600, ...(episodeId ? { episodeId } : {}) } })
    await save(elsewhere.token, a!.id, 100)
    server.clock.now += 1000
    await save(elsewhere.token, b!.id, 200)
    server.clock.now += 1000
    // This TV, before anyone signed in: a further on, b a little, c listed, and a series' episode.
    const tv = await registerDevice(server.base)
    await save(tv.token, a!.id, 900)
    await save(tv.token, b!.id, 50)
    await call(server.base, 'PUT', `/v1/me/watchlist/${c!.id}`, { token: tv.token })
    await save(tv.token, 't0001', 300, 't0001-s1e02')
    const before = (await call<TitleListResponse>(server.base, 'GET', '/v1/me/continue-watching', { token: tv.token })).body.items
    expect(before.map((item) => item.id).sort()).toEqual([a!.id, b!.id, 't0001'].sort())
    // Then the account watched more of b on the other TV.
    server.clock.now += 1000
    await save(elsewhere.token, b!.id, 250)

    const signedIn = await signInAt(server.base, 'mover', tv)
    const going = (await call<TitleListResponse>(server.base, 'GET', '/v1/me/continue-watching', { token: signedIn.token })).body.items
    expect(Object.fromEntries(going.map((item) => [item.id, item.progress?.positionSeconds]))).toEqual({ [a!.id]: 900, [b!.id]: 250, t0001: 300 })
    const listed = (await call<TitleListResponse>(server.base, 'GET', '/v1/me/watchlist', { token: signedIn.token })).body.items
    expect(listed.map((item) => item.id)).toEqual([c!.id])
    const series = (await call<TitleDetails>(server.base, 'GET', '/v1/titles/t0001', { token: signedIn.token })).body
    expect(series.episodeProgress).toEqual([{ episodeId: 't0001-s1e02', positionSeconds: 300, durationSeconds: 3600 }])
    // The TV as an anonymous device again (signed out) shows nothing of it.
    expect((await call<TitleListResponse>(server.base, 'GET', '/v1/me/continue-watching', { token: tv.token })).body.items).toEqual([])
    expect((await call<TitleListResponse>(server.base, 'GET', '/v1/me/watchlist', { token: tv.token })).body.items).toEqual([])
  })
})

describe('a series played with no episode named', () => {
  test('plays the episode in progress, the next after one watched to its end, the first after the last, else the first; a named episode resumes where it was left', async () => {
    const s = await signIn(server, 'bingewatcher')
    await giveStoredPayment(server, 'bingewatcher')
    const bought = await call(server.base, 'POST', '/v1/purchases', {
      token: s.token,
      headers: { 'idempotency-key': idemKey() },
      body: { kind: 'subscription', planId: 'vip-monthly', payment: { method: 'stored', pin: '1234' } },
    })
    expect(bought.status).toBe(201)
    const series = (await call<TitleDetails>(server.base, 'GET', '/v1/titles/t0001')).body
    const episodes = series.seasons.flatMap((season) => season.episodes.map((episode) => episode.id))
    const play = async () => (await call<PlaybackResponse>(server.base, 'POST', '/v1/playback/t0001', { token: s.token, body: {} })).body
    const save = (episodeId: string, positionSeconds: number) =>
      call(server.base, 'PUT', '/v1/me/progress/t0001', { token: s.token, body: { positionSeconds, durationSeconds: 2700, episodeId } })

    expect(await play()).toMatchObject({ episodeId: episodes[0], resumePositionSeconds: 0 })
    await save(episodes[2]!, 600)
    expect(await play()).toMatchObject({ episodeId: episodes[2], resumePositionSeconds: 600 })
    await save(episodes[2]!, 2690)
    expect(await play()).toMatchObject({ episodeId: episodes[3], resumePositionSeconds: 0 })
    // Into the next season, and round to the first after the last.
    const firstSeason = series.seasons[0]!.episodes
    const lastOfFirstSeason = firstSeason[firstSeason.length - 1]!.id
    await save(lastOfFirstSeason, 2690)
    expect((await play()).episodeId).toBe(series.seasons[1]!.episodes[0]!.id)
    await save(episodes[episodes.length - 1]!, 2690)
    expect((await play()).episodeId).toBe(episodes[0])
    // A trailer is the series' own, and a named episode is played as asked.
    expect((await call<PlaybackResponse>(server.base, 'POST', '/v1/playback/t0001', { token: s.token, body: { trailer: true } })).body.episodeId).toBeNull()
    expect((await call<PlaybackResponse>(server.base, 'POST', '/v1/playback/t0001', { token: s.token, body: { episodeId: episodes[1] } })).body).toMatchObject({ episodeId: episodes[1], resumePositionSeconds: 0 })
    // A named episode resumes where it was left, though another was watched since; one watched to its end starts over.
    const playEpisode = async (episodeId: string) =>
      (await call<PlaybackResponse>(server.base, 'POST', '/v1/playback/t0001', { token: s.token, body: { episodeId } })).body.resumePositionSeconds
    await save(episodes[1]!, 900)
    await save(episodes[4]!, 60)
    expect(await playEpisode(episodes[1]!)).toBe(900)
    expect(await playEpisode(episodes[4]!)).toBe(60)
    expect(await playEpisode(episodes[2]!)).toBe(0)
    expect((await call<PlaybackResponse>(server.base, 'POST', '/v1/playback/t0001', { token: s.token, body: { episodeId: episodes[1], trailer: true } })).body.resumePositionSeconds).toBe(0)
    // A film names none.
    const film = (await call<RailPage>(server.base, 'GET', '/v1/rails/free?limit=1')).body.items[0]!
    expect((await call<PlaybackResponse>(server.base, 'POST', `/v1/playback/${film.id}`, { token: s.token, body: {} })).body.episodeId).toBeNull()
  })
})

describe('watchlist', () => {
  test('add, list, details flag, remove; idempotent both ways', async () => {
    const s = await signIn(server, 'lister')
    for (const id of ['t0002', 't0003', 't0002']) {
      expect((await call(server.base, 'PUT', `/v1/me/watchlist/${id}`, { token: s.token })).status).toBe(200)
      server.clock.now += 1000
    }
    let list = await call<TitleListResponse>(server.base, 'GET', '/v1/me/watchlist', { token: s.token })
    expect(list.body.items.map((t) => t.id)).toEqual(['t0003', 't0002'])
    expect((await call<TitleDetails>(server.base, 'GET', '/v1/titles/t0002', { token: s.token })).body.inWatchlist).toBe(true)
    const home = await call<Home>(server.base, 'GET', '/v1/home', { token: s.token })
    expect(home.body.rails.find((r) => r.id === 'watchlist')?.items.map((t) => t.id)).toEqual(['t0003', 't0002'])
    await call(server.base, 'DELETE', '/v1/me/watchlist/t0002', { token: s.token })
    expect((await call(server.base, 'DELETE', '/v1/me/watchlist/t0002', { token: s.token })).status).toBe(200)
    list = await call<TitleListResponse>(server.base, 'GET', '/v1/me/watchlist', { token: s.token })
    expect(list.body.items.map((t) => t.id)).toEqual(['t0003'])
  })
})

describe('me, settings, events', () => {
  test('GET /v1/me for the demo account', async () => {
    const s = await signIn(server, 'demo')
    const me = await call<MeResponse>(server.base, 'GET', '/v1/me', { token: s.token, headers: { 'Accept-Language': 'en' } })
    expect(me.body).toEqual({
      viewer: 'account',
      deviceId: s.deviceId,
      account: { id: 'acc_demo', name: 'demo', hasPin: true, storedPaymentMethod: 'Alipay ••8888', ratingLimit: null, language: null },
      subscription: null,
    })
    // The stored method is named in the viewer's language, as the launch market's apps name it.
    const named = async (language: string) =>
      (await call<MeResponse>(server.base, 'GET', '/v1/me', { token: s.token, headers: { 'Accept-Language': language } })).body.account?.storedPaymentMethod
    expect([await named('zh-CN'), await named('id')]).toEqual(['支付宝（尾号8888）', 'Alipay ••8888'])
    const set = await call<Account>(server.base, 'PUT', '/v1/me/settings', { token: s.token, body: { ratingLimit: '12+', language: 'en' } })
    expect(set.body).toMatchObject({ ratingLimit: '12+', language: 'en' })
    const cleared = await call<Account>(server.base, 'PUT', '/v1/me/settings', { token: s.token, body: { ratingLimit: null } })
    expect(cleared.body).toMatchObject({ ratingLimit: null, language: 'en' })
  })

  test('QoE events are stored in batches', async () => {
    const device = await registerDevice(server.base)
    const events: QoeEvent[] = Array.from({ length: 100 }, (_, i) => ({ type: 'rebuffer', titleId: 't0001', at: 1_790_000_000_000 + i, data: { ms: i } }))
    events[0] = { type: 'play-start', titleId: 't0001', at: '2026-11-25T12:00:00Z', data: { ms: 0 } }
    const res = await call<EventsResponse>(server.base, 'POST', '/v1/events', { token: device.token, body: { events } })
    expect(res.status).toBe(202)
    expect(res.body).toEqual({ accepted: 100 })
    const anon = await call<EventsResponse>(server.base, 'POST', '/v1/events', { body: { events: [{ type: 'app-start', at: 1 }] } })
    expect(anon.status).toBe(202)
    const db = new Database(path.join(server.dataDir, 'marquee.db'), { readonly: true })
    try {
      const n = (db.prepare('SELECT COUNT(*) AS n FROM events WHERE viewer_id = ?').get(`dev:${device.deviceId}`) as { n: number }).n
      expect(n).toBe(100)
    } finally {
      db.close()
    }
  })
})

describe('database', () => {
  test('a database from before episode progress keeps each series position as its episode’s', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marquee-migrate-'))
    const db = new Database(path.join(dir, 'old.db'))
    try {
      db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)')
      for (const m of MIGRATIONS.filter((m) => m.version <= 3)) {
        db.exec(m.sql)
        db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString())
      }
      // No catalogue in this database: the rows' titles and episodes are not there to point at.
      db.pragma('foreign_keys = OFF')
      const insert = db.prepare('INSERT INTO progress (viewer_id, title_id, episode_id, position_seconds, duration_seconds, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      insert.run('acc:a', 't0001', 't0001-s1e02', 300, 2700, 1)
      insert.run('acc:a', 't0005', null, 60, 5400, 2)
      // An account's stored method kept as English display text, as before it was kept as brand and digits.
      db.prepare("INSERT INTO accounts (id, name, created_at, stored_payment) VALUES ('acc_a', 'a', 1, 'Alipay ••8888'), ('acc_b', 'b', 1, 'Test card ••4242'), ('acc_c', 'c', 1, 'Company account')").run()
      expect(migrate(db)).toEqual([4, 5, 6])
      expect(db.prepare('SELECT stored_payment FROM accounts ORDER BY id').all()).toEqual([
        { stored_payment: 'alipay:8888' }, { stored_payment: 'card:4242' }, { stored_payment: 'Company account' },
      ])
      expect(db.prepare('SELECT viewer_id, title_id, episode_id, position_seconds FROM episode_progress').all()).toEqual([
        { viewer_id: 'acc:a', title_id: 't0001', episode_id: 't0001-s1e02', position_seconds: 300 },
      ])
    } finally {
      db.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  test('WAL, foreign keys, all migrations recorded; seeding is deterministic and only once', async () => {
    const db = new Database(path.join(server.dataDir, 'marquee.db'), { readonly: true })
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
      const versions = (db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as Array<{ version: number }>).map((r) => r.version)
      expect(versions).toEqual([1, 2, 3, 4, 5, 6])
      const count = (db.prepare('SELECT COUNT(*) AS n FROM titles').get() as { n: number }).n
      expect(count).toBe(320)
    } finally {
      db.close()
    }
    const a = (await call<RailPage>(server.base, 'GET', '/v1/rails/catalog-all?limit=500')).body.items.map((t) => `${t.id}:${t.title}`)
    const fresh = await startServer()
    try {
      const b = (await call<RailPage>(fresh.base, 'GET', '/v1/rails/catalog-all?limit=500')).body.items.map((t) => `${t.id}:${t.title}`)
      expect(b).toEqual(a)
      await fresh.restart()
      const c = (await call<RailPage>(fresh.base, 'GET', '/v1/rails/catalog-all?limit=500')).body.items.map((t) => `${t.id}:${t.title}`)
      expect(c).toEqual(a)
    } finally {
      await fresh.close()
    }
  })
})
