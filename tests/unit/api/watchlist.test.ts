import type { ApiClient } from '../../../src/api/http'
import { addToWatchlist, fetchWatchlist, removeFromWatchlist } from '../../../src/api/watchlist'
import { fetchHome, fetchTitle } from '../../../src/api/catalog'
import { appApiClient, startServer, registerDevice, type TestServer } from '../../server/helpers'

let server: TestServer

beforeAll(async () => {
  server = await startServer()
})

afterAll(() => server.close())

function client(token: string | null): ApiClient {
  return appApiClient(server.base, { token })
}

test('adding and removing is idempotent, newest first, and shows on details and as a home rail', async () => {
  const api = client((await registerDevice(server.base)).token)
  expect((await fetchWatchlist(api)).items).toEqual([])

  await addToWatchlist(api, 't0010')
  server.clock.now += 1000
  await addToWatchlist(api, 't0020')
  server.clock.now += 1000
  await addToWatchlist(api, 't0020')
  expect((await fetchWatchlist(api)).items.map((item) => item.id)).toEqual(['t0020', 't0010'])
  expect((await fetchTitle(api, 't0010')).inWatchlist).toBe(true)
  expect((await fetchHome(api)).rails.find((rail) => rail.id === 'watchlist')?.items).toHaveLength(2)

  await removeFromWatchlist(api, 't0010')
  await removeFromWatchlist(api, 't0010')
  expect((await fetchWatchlist(api)).items.map((item) => item.id)).toEqual(['t0020'])
  expect((await fetchTitle(api, 't0010')).inWatchlist).toBe(false)
})

test('each device has its own list, and an anonymous call is refused', async () => {
  const one = client((await registerDevice(server.base)).token)
  const other = client((await registerDevice(server.base)).token)
  await addToWatchlist(one, 't0030')
  expect((await fetchWatchlist(other)).items).toEqual([])
  await expect(fetchWatchlist(client(null))).rejects.toMatchObject({ kind: 'unauthorized' })
  await expect(addToWatchlist(one, 'nope')).rejects.toMatchObject({ kind: 'not-found' })
})
