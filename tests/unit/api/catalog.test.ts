import type { ApiClient } from '../../../src/api/http'
import { fetchHome, fetchRailPage, fetchTitle, genreRailId, genresOf, searchTitles, withLongRail } from '../../../src/api/catalog'
import { AppError } from '../../../src/api/errors'
import { appApiClient, startServer, registerDevice, type TestServer } from '../../server/helpers'

let server: TestServer
let token: string | null = null

function client(language = 'en'): ApiClient {
  return appApiClient(server.base, { token, language })
}

beforeAll(async () => {
  server = await startServer()
  token = (await registerDevice(server.base)).token
})

afterAll(() => server.close())

test('the home feed leads with the launch original and carries localized rails with access blocks', async () => {
  const home = await fetchHome(client('en'))
  expect(home.hero.id).toBe('t0001')
  expect(home.hero.title).toBe("Night Watch of Chang'an")
  const ids = home.rails.map((rail) => rail.id)
  expect(ids).toEqual(expect.arrayContaining(['free', 'new-box-office', 'originals']))
  expect(home.rails.find((rail) => rail.id === 'free')?.title).toBe('Free to watch')
  for (const item of home.rails[0]!.items) expect(Array.isArray(item.access.offers)).toBe(true)

  const zh = await fetchHome(client('zh-CN'))
  expect(zh.hero.title).toBe('长安夜行')
})

test('rails page with the opaque cursor until the end', async () => {
  const api = client()
  const first = await fetchRailPage(api, 'free', null, 10)
  expect(first.items).toHaveLength(10)
  expect(first.nextCursor).not.toBeNull()
  const seen = new Set(first.items.map((item) => item.id))
  let cursor = first.nextCursor
  let pages = 1
  while (cursor) {
    const next = await fetchRailPage(api, 'free', cursor, 10)
    for (const item of next.items) {
      expect(seen.has(item.id)).toBe(false)
      seen.add(item.id)
    }
    cursor = next.nextCursor
    pages++
  }
  expect(seen.size).toBe(first.totalCount)
  expect(pages).toBe(Math.ceil(first.totalCount / 10))
})

test('an unknown rail is a typed not-found error', async () => {
  await expect(fetchRailPage(client(), 'no-such-rail')).rejects.toMatchObject({ kind: 'not-found', status: 404 })
})

test('title details carry the synopsis, cast, seasons for a series and the access block', async () => {
  const series = await fetchTitle(client(), 't0001')
  expect(series.kind).toBe('series')
  expect(series.seasons.length).toBeGreaterThan(0)
  expect(series.seasons[0]!.episodes.length).toBeGreaterThan(0)
  expect(series.cast.length).toBeGreaterThan(0)
  expect(series.synopsis.length).toBeGreaterThan(0)
  expect(series.access.entitlement.kind).toBe('none')

  const missing = await fetchTitle(client(), 'zzzz').catch((error: unknown) => error)
  expect(missing).toBeInstanceOf(AppError)
  expect((missing as AppError).kind).toBe('not-found')
})

test('search finds a title by English prefix, full pinyin and pinyin initials', async () => {
  const api = client('en')
  for (const query of ['night watch', 'changan', 'cayx']) {
    const result = await searchTitles(api, query)
    expect(result.items.map((item) => item.id)).toContain('t0001')
  }
  expect((await searchTitles(api, 'qqqqzzzz')).items).toEqual([])
})

test('genres are the genre rails of the home feed and map back to their rail ids', async () => {
  const home = await fetchHome(client('en'))
  const genres = genresOf(home.rails)
  expect(genres.length).toBeGreaterThan(3)
  for (const genre of genres) {
    expect(genreRailId(genre.genreId)).toBe(genre.railId)
    expect(genre.name).not.toBe('')
  }
  const page = await fetchRailPage(client('en'), genres[0]!.railId)
  expect(page.title).toBe(genres[0]!.name)
  expect(genresOf([{ id: 'free', title: 'Free' }])).toEqual([])
})

test('withLongRail puts the synthetic catalogue rail of N tiles first, and pages it to the end by cursor', async () => {
  const api = client()
  const home = await fetchHome(api)
  expect(await withLongRail(api, home, 0)).toBe(home)
  const long = await withLongRail(api, home, 45)
  expect(long.rails[0]).toMatchObject({ id: 'catalog-all', totalCount: 45 })
  expect(long.rails.slice(1)).toEqual(home.rails)
  let count = long.rails[0]!.items.length
  let cursor = long.rails[0]!.nextCursor
  while (cursor) {
    const page = await fetchRailPage(api, 'catalog-all', cursor)
    count += page.items.length
    cursor = page.nextCursor
  }
  expect(count).toBe(45)
})
