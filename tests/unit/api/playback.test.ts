import type { ApiClient } from '../../../src/api/http'
import { authorisePlayback, playbackTitle } from '../../../src/api/playback'
import { removeFromContinueWatching, saveProgress } from '../../../src/api/progress'
import { MAX_EVENTS_PER_REQUEST, sendEvents } from '../../../src/api/events'
import { appApiClient, registerDevice, startServer, type TestServer } from '../../server/helpers'

let server: TestServer

beforeAll(async () => {
  server = await startServer()
})

afterAll(() => server.close())

function client(token: string | null): ApiClient {
  return appApiClient(server.base, { token })
}

async function titleWith(api: ApiClient, kind: 'free' | 'none'): Promise<string> {
  const rail = await api.get<{ items: Array<{ id: string; access: { entitlement: { kind: string } } }> }>('/rails/catalog-all', { params: { limit: 500 } })
  const found = rail.items.find((item) => item.access.entitlement.kind === kind)
  if (!found) throw new Error(`no ${kind} title`)
  return found.id
}

test('a free title is authorised without DRM; progress saved through the API comes back as the resume position', async () => {
  const api = client((await registerDevice(server.base)).token)
  const free = await titleWith(api, 'free')
  const first = await authorisePlayback(api, free, {})
  expect(first).toMatchObject({ titleId: free, trailer: false, drm: null, resumePositionSeconds: 0 })
  expect(first.manifests.dash).toMatch(/\.mpd$/)
  expect(await playbackTitle(api, free)).toEqual({ id: free, title: expect.any(String), seasons: [], synopsis: expect.stringMatching(/\S/) })
  expect(first.rentalStarted).toBe(false)

  await saveProgress(api, free, { positionSeconds: 12.5, durationSeconds: 24 })
  expect((await authorisePlayback(api, free, {})).resumePositionSeconds).toBe(12.5)
  // A trailer never resumes.
  expect((await authorisePlayback(api, free, { trailer: true })).resumePositionSeconds).toBe(0)
})

test('a title taken out of Continue watching keeps its resume position; an unknown one is a not-found error', async () => {
  const api = client((await registerDevice(server.base)).token)
  const free = await titleWith(api, 'free')
  await saveProgress(api, free, { positionSeconds: 600, durationSeconds: 3600 })
  const listed = async () => (await api.get<{ items: Array<{ id: string }> }>('/me/continue-watching')).items.map((item) => item.id)
  expect(await listed()).toEqual([free])
  await expect(removeFromContinueWatching(api, free)).resolves.toEqual({ ok: true })
  expect(await listed()).toEqual([])
  expect((await authorisePlayback(api, free, {})).resumePositionSeconds).toBe(600)
  await expect(removeFromContinueWatching(api, 't9999')).rejects.toMatchObject({ status: 404, code: 'not_found' })
})

test('a paid title without entitlement is a not-entitled error carrying the offers; its trailer plays', async () => {
  const api = client((await registerDevice(server.base)).token)
  const paid = await titleWith(api, 'none')
  await expect(authorisePlayback(api, paid, {})).rejects.toMatchObject({ kind: 'not-entitled', status: 402, code: 'not_entitled' })
  expect((await authorisePlayback(api, paid, { trailer: true })).trailer).toBe(true)
})

test('QoE events are accepted in batches of at most the server limit', async () => {
  const api = client((await registerDevice(server.base)).token)
  const events = Array.from({ length: MAX_EVENTS_PER_REQUEST + 5 }, (_, i) => ({ type: 'play.rebuffer', titleId: 't0001', at: 1_000 + i, data: { durationMs: i } }))
  await expect(sendEvents(api, events)).resolves.toEqual({ accepted: MAX_EVENTS_PER_REQUEST })
})
