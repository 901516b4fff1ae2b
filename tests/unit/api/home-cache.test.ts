import { HomeCache, isHome, requestHomeEarly, type CachedHome, type HomeStore } from '../../../src/api/home-cache'
import { appApiClient, startServer, type TestServer } from '../../server/helpers'

let server: TestServer

beforeAll(async () => {
  server = await startServer()
})

afterAll(() => server.close())

/** The device's storage as the SDK plugin keeps it: one JSON value under the key. */
class JsonStore implements HomeStore {
  raw: string | null = null
  read(): CachedHome | null {
    return this.raw === null ? null : (JSON.parse(this.raw) as CachedHome)
  }
  write(entry: CachedHome): void {
    this.raw = JSON.stringify(entry)
  }
}

function cacheFor(store: HomeStore, baseUrl: () => string, language = { value: 'en' }, now = 1_000): HomeCache {
  const client = appApiClient(baseUrl(), { language: () => language.value })
  return new HomeCache(client, store, () => language.value, () => now)
}

/** The base URL of a port nothing listens on: the API is unreachable there. */
async function deadBaseUrl(): Promise<string> {
  const closed = await startServer()
  await closed.close()
  return closed.base
}

test('nothing cached at first; a load from the network is stored for the next start', async () => {
  const store = new JsonStore()
  const cache = cacheFor(store, () => server.base)
  expect(cache.cached()).toBeNull()
  const loaded = await cache.load()
  expect(loaded.source).toBe('network')
  expect(loaded.home.hero.id).toBe('t0001')
  const cached = cache.cached()
  expect(cached?.savedAt).toBe(1_000)
  expect(cached?.home).toEqual(loaded.home)
})

test('the cached feed is offered for the first frame only in the language it was fetched in', async () => {
  const store = new JsonStore()
  const language = { value: 'en' }
  const cache = cacheFor(store, () => server.base, language)
  await cache.load()
  language.value = 'zh-CN'
  expect(cache.cached()).toBeNull()
  const reloaded = await cache.load()
  expect(reloaded.home.hero.title).toBe('长安夜行')
  expect(cache.cached()?.home.hero.title).toBe('长安夜行')
})

test('with the API down, load falls back to the stored feed and reports why; with nothing stored it throws', async () => {
  const store = new JsonStore()
  const online = cacheFor(store, () => server.base)
  const fresh = await online.load()

  // A port that nothing listens on: the API is unreachable.
  const closed = await startServer()
  const deadBase = closed.base
  await closed.close()
  const offline = cacheFor(store, () => deadBase, { value: 'id' })
  const fallback = await offline.load()
  expect(fallback.source).toBe('cache')
  if (fallback.source !== 'cache') throw new Error('unreachable')
  expect(fallback.error.kind).toBe('offline')
  expect(fallback.home).toEqual(fresh.home)
  expect(fallback.savedAt).toBe(1_000)

  await expect(cacheFor(new JsonStore(), () => deadBase).load()).rejects.toMatchObject({ kind: 'offline' })
})

test('a broken stored value is never taken for a feed', () => {
  expect(isHome(null)).toBe(false)
  expect(isHome({ hero: { id: 't1' } })).toBe(false)
  expect(isHome({ hero: { id: 't1' }, rails: [{ items: 'x' }] })).toBe(false)
  expect(isHome({ hero: { id: 't1' }, rails: [{ items: [] }] })).toBe(true)
  const store = new JsonStore()
  store.write({ savedAt: 1, language: 'en', body: { rails: [] } })
  expect(cacheFor(store, () => server.base).cached()).toBeNull()
})

describe('the feed asked for at launch', () => {
  test('is taken by the first load in its language instead of asking again, and only once', async () => {
    const dead = await deadBaseUrl()
    requestHomeEarly(appApiClient(server.base, { language: 'en' }), 'en')
    // Home's own client cannot reach the API: a load that succeeds took the early answer.
    const cache = cacheFor(new JsonStore(), () => dead)
    const loaded = await cache.load()
    expect(loaded.source).toBe('network')
    expect(loaded.home.hero.id).toBe('t0001')
    expect(cache.cached()?.home).toEqual(loaded.home)
    // Taken once: the next load asks the unreachable API and falls back to what the first one stored.
    expect((await cache.load()).source).toBe('cache')
  })

  test('says when it has arrived, so Home draws it instead of the stored feed first', async () => {
    const cache = cacheFor(new JsonStore(), () => server.base)
    requestHomeEarly(appApiClient(server.base, { language: 'en' }), 'en')
    expect(cache.earlyFeedArrived).toBe(false)
    await new Promise<void>((resolve) => {
      const poll = (): void => void (cache.earlyFeedArrived ? resolve() : setTimeout(poll, 5))
      poll()
    })
    expect((await cache.load()).source).toBe('network')
    expect(cache.earlyFeedArrived).toBe(false)
  })

  test('in another language is not taken', async () => {
    const dead = await deadBaseUrl()
    requestHomeEarly(appApiClient(server.base, { language: 'zh-CN' }), 'zh-CN')
    await expect(cacheFor(new JsonStore(), () => dead, { value: 'en' }).load()).rejects.toMatchObject({ kind: 'offline' })
  })

  test('that failed reports its failure through load()', async () => {
    const dead = await deadBaseUrl()
    requestHomeEarly(appApiClient(dead, { language: 'en' }), 'en')
    await expect(cacheFor(new JsonStore(), () => server.base).load()).rejects.toMatchObject({ kind: 'offline' })
  })
})
