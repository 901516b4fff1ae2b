// Playback authorisation and the ClearKey license server.
import crypto from 'node:crypto'
import type { ClearKeyResponse, PlaybackResponse, Purchase, RailPage, TitleDetails, TitleSummary } from '../../server/contract'
import { INTRO } from '../../scripts/media'
import { TokenSigner } from '../../server/lib/tokens'
import { call, giveStoredPayment, idemKey, registerDevice, signIn, startServer, SECRET, type FakeAsset, type TestServer } from './helpers'

let server: TestServer
let titles: TitleSummary[]
let demo: { deviceId: string; deviceToken: string; token: string }

const idx = (id: string): number => Number(id.slice(1))
const encAssets = (): FakeAsset[] => server.assets.filter((a) => a.encrypted).sort((a, b) => (a.id < b.id ? -1 : 1))
const assetOf = (titleId: string): FakeAsset => encAssets()[idx(titleId) % encAssets().length]
const b64 = (hex: string): string => Buffer.from(hex, 'hex').toString('base64url')

beforeAll(async () => {
  server = await startServer()
  titles = (await call<RailPage>(server.base, 'GET', '/v1/rails/catalog-all?limit=500')).body.items
  demo = await signIn(server, 'demo')
})
afterAll(async () => {
  await server.close()
})

function buyable(n: number): TitleSummary[] {
  return titles.filter((t) => t.access.offers.some((o) => o.kind === 'buy')).slice(0, n)
}

async function buy(token: string, titleId: string): Promise<Purchase> {
  const res = await call<Purchase>(server.base, 'POST', '/v1/purchases', {
    token,
    headers: { 'idempotency-key': idemKey() },
    body: { kind: 'buy', titleId, payment: { method: 'stored', pin: '1234' } },
  })
  expect(res.status).toBe(201)
  return res.body
}

async function play(token: string, titleId: string, body?: unknown) {
  return call<PlaybackResponse & { error?: { code: string }; offers?: unknown[] }>(server.base, 'POST', `/v1/playback/${titleId}`, { token, body })
}

async function license(token: string | null, kids: string[], via: 'header' | 'query' = 'header', extraAuth?: string) {
  const url = via === 'query' && token ? `/v1/license/clearkey?token=${token}` : '/v1/license/clearkey'
  const headers: Record<string, string> = {}
  if (via === 'header' && token) headers.authorization = `Bearer ${token}`
  if (extraAuth) headers.authorization = `Bearer ${extraAuth}`
  return call<ClearKeyResponse & { error?: { code: string } }>(server.base, 'POST', url, { headers, body: { kids, type: 'temporary' } })
}

describe('playback', () => {
  test('free titles play clear for an anonymous device, with absolute manifests and no DRM', async () => {
    const device = await registerDevice(server.base)
    const free = titles.find((t) => t.access.entitlement.kind === 'free') as TitleSummary
    const res = await play(device.token, free.id)
    expect(res.status).toBe(200)
    expect(res.body.drm).toBeNull()
    expect(res.body.manifests.dash).toMatch(new RegExp(`^${server.base}/media/clear-\\d/manifest\\.mpd$`))
    expect(res.body.manifests.hls).toMatch(new RegExp(`^${server.base}/media/clear-\\d/master\\.m3u8$`))
    expect(res.body.textTracks).toEqual([{ language: 'zh' }, { language: 'en' }])
  })

  test('not entitled → 402 with the offers; trailers always play clear', async () => {
    const device = await registerDevice(server.base)
    const paid = buyable(1)[0]
    const res = await play(device.token, paid.id)
    expect(res.status).toBe(402)
    expect(res.body.error?.code).toBe('not_entitled')
    expect(res.body.offers).toEqual(paid.access.offers)
    const trailer = await play(device.token, paid.id, { trailer: true })
    expect(trailer.status).toBe(200)
    expect(trailer.body.trailer).toBe(true)
    expect(trailer.body.drm).toBeNull()
  })

  test('entitled → encrypted asset, ClearKey license URL and a 5-minute license token', async () => {
    const t = buyable(1)[0]
    await buy(demo.token, t.id)
    const res = await play(demo.token, t.id)
    expect(res.status).toBe(200)
    expect(res.body.manifests.dash).toBe(`${server.base}/media/${assetOf(t.id).id}/manifest.mpd`)
    expect(res.body.drm?.keySystems).toEqual([{ keySystem: 'org.w3.clearkey', licenseUrl: `${server.base}/v1/license/clearkey` }])
    expect(Date.parse(res.body.drm?.licenseTokenExpiresAt as string) - server.clock.now).toBe(5 * 60 * 1000)
  })
})

test('an episode’s play carries its opening titles to skip; a film’s and a trailer’s carry none', async () => {
  const viewer = await signIn(server, 'intro-viewer')
  await giveStoredPayment(server, 'intro-viewer')
  const subscribed = await call<Purchase>(server.base, 'POST', '/v1/purchases', {
    token: viewer.token,
    headers: { 'idempotency-key': idemKey() },
    body: { kind: 'subscription', planId: 'vip-monthly', payment: { method: 'stored', pin: '1234' } },
  })
  expect(subscribed.status).toBe(201)
  const inSubscription = (kind: TitleSummary['kind']) => titles.find((t) => t.kind === kind && t.access.offers.some((o) => o.kind === 'subscription')) as TitleSummary
  const series = inSubscription('series')
  const details = (await call<TitleDetails>(server.base, 'GET', `/v1/titles/${series.id}`, { token: viewer.token })).body
  const episode = details.seasons[0]!.episodes[1]!
  const ofEpisode = await play(viewer.token, series.id, { episodeId: episode.id })
  expect(ofEpisode.body.episodeId).toBe(episode.id)
  expect(ofEpisode.body.intro).toEqual(INTRO)
  // The series' own play is its first episode's.
  expect((await play(viewer.token, series.id)).body.intro).toEqual(INTRO)
  expect((await play(viewer.token, series.id, { trailer: true })).body.intro).toBeNull()
  const film = await play(viewer.token, inSubscription('film').id)
  expect(film.status).toBe(200)
  expect(film.body.intro).toBeNull()
})

describe('ClearKey license server', () => {
  let owned: TitleSummary
  let otherOwned: TitleSummary
  let token: string

  beforeAll(async () => {
    // Two owned titles bound to different encrypted assets.
    const candidates = buyable(40).filter((t) => t.access.entitlement.kind === 'none')
    owned = candidates.find((t) => t.id !== buyable(1)[0].id) as TitleSummary
    otherOwned = candidates.find((t) => assetOf(t.id).id !== assetOf(owned.id).id && t.id !== buyable(1)[0].id) as TitleSummary
    await buy(demo.token, owned.id)
    await buy(demo.token, otherOwned.id)
    token = (await play(demo.token, owned.id)).body.drm?.licenseToken as string
  })

  test('returns exactly the key of the title’s asset (header or query token)', async () => {
    const asset = assetOf(owned.id)
    for (const via of ['header', 'query'] as const) {
      const res = await license(token, [b64(asset.kid as string)], via)
      expect(res.status).toBe(200)
      expect(res.body).toEqual({ keys: [{ kty: 'oct', kid: b64(asset.kid as string), k: b64(asset.key as string) }], type: 'temporary' })
    }
    // Asking for the owned title's kid plus another asset's kid releases only the right one.
    const mixed = await license(token, [b64(asset.kid as string), b64(assetOf(otherOwned.id).kid as string)])
    expect(mixed.body.keys).toHaveLength(1)
    expect(mixed.body.keys[0].kid).toBe(b64(asset.kid as string))
  })

  test('the HLS identity key endpoint returns the raw key for the same token', async () => {
    const asset = assetOf(owned.id)
    const res = await fetch(`${server.base}/v1/license/clearkey/hls/${asset.id}?token=${token}`)
    expect(res.status).toBe(200)
    expect(Buffer.from(await res.arrayBuffer()).toString('hex')).toBe(asset.key)
    const wrong = await fetch(`${server.base}/v1/license/clearkey/hls/${assetOf(otherOwned.id).id}?token=${token}`)
    expect(wrong.status).toBe(403)
  })

  test('refuses a token for another title (kid of another asset) → unknown_kid', async () => {
    const res = await license(token, [b64(assetOf(otherOwned.id).kid as string)])
    expect(res.status).toBe(403)
    expect(res.body.error?.code).toBe('unknown_kid')
  })

  test('refuses expired tokens', async () => {
    server.clock.now += 5 * 60 * 1000 + 1000
    try {
      const res = await license(token, [b64(assetOf(owned.id).kid as string)])
      expect(res.status).toBe(403)
      expect(res.body.error?.code).toBe('token_expired')
    } finally {
      server.clock.now -= 5 * 60 * 1000 + 1000
    }
  })

  test('refuses tampered tokens (payload changed to another title, or signature altered)', async () => {
    const [payload, sig] = token.split('.')
    const p = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>
    const forged = Buffer.from(JSON.stringify({ ...p, tid: otherOwned.id, kids: [assetOf(otherOwned.id).kid] })).toString('base64url')
    let res = await license(`${forged}.${sig}`, [b64(assetOf(otherOwned.id).kid as string)])
    expect(res.status).toBe(403)
    expect(res.body.error?.code).toBe('token_invalid')
    const badSig = sig.slice(0, -2) + (sig.endsWith('AA') ? 'BB' : 'AA')
    res = await license(`${payload}.${badSig}`, [b64(assetOf(owned.id).kid as string)])
    expect(res.body.error?.code).toBe('token_invalid')
    // A device or account token is not a license token.
    res = await license(demo.token, [b64(assetOf(owned.id).kid as string)])
    expect(res.body.error?.code).toBe('token_invalid')
  })

  test('refuses a token presented on behalf of another viewer', async () => {
    const other = await signIn(server, 'other-viewer')
    const res = await license(token, [b64(assetOf(owned.id).kid as string)], 'query', other.token)
    expect(res.status).toBe(403)
    expect(res.body.error?.code).toBe('wrong_viewer')
    // The rightful viewer presenting both is fine.
    const ok = await license(token, [b64(assetOf(owned.id).kid as string)], 'query', demo.token)
    expect(ok.status).toBe(200)
  })

  test('refuses a validly signed token for a viewer who is not entitled', async () => {
    const device = await registerDevice(server.base)
    const signer = new TokenSigner(SECRET)
    const now = Math.floor(server.clock.now / 1000)
    const forged = signer.sign({
      typ: 'license', vw: `dev:${device.deviceId}`, dev: device.deviceId, acc: null, tid: owned.id, kids: [assetOf(owned.id).kid as string], iat: now, exp: now + 300,
    })
    const res = await license(forged, [b64(assetOf(owned.id).kid as string)])
    expect(res.status).toBe(403)
    expect(res.body.error?.code).toBe('not_entitled')
    // And a token signed with another secret is simply invalid.
    const stranger = new TokenSigner(crypto.randomBytes(16).toString('hex')).sign({
      typ: 'license', vw: `acc:acc_demo`, dev: demo.deviceId, acc: 'acc_demo', tid: owned.id, kids: [assetOf(owned.id).kid as string], iat: now, exp: now + 300,
    })
    expect((await license(stranger, [b64(assetOf(owned.id).kid as string)])).body.error?.code).toBe('token_invalid')
  })

  test('refuses once the device is revoked, even with an unexpired token', async () => {
    const viewer = await signIn(server, 'demo')
    const t = (await play(viewer.token, owned.id)).body.drm?.licenseToken as string
    expect((await license(t, [b64(assetOf(owned.id).kid as string)])).status).toBe(200)
    await call(server.base, 'POST', `/v1/me/devices/${viewer.deviceId}/revoke`, { token: demo.token })
    const res = await license(t, [b64(assetOf(owned.id).kid as string)])
    expect(res.status).toBe(403)
    expect(res.body.error?.code).toBe('device_revoked')
  })

  test('refuses malformed kids with 400', async () => {
    const res = await license(token, ['not-16-bytes'])
    expect(res.status).toBe(400)
  })
})

describe('a rental’s play outliving its 48 h window', () => {
  const HOUR = 3600_000
  const payloadOf = (licenseToken: string): { fin?: number; exp: number } => JSON.parse(Buffer.from(licenseToken.split('.')[0]!, 'base64url').toString()) as { fin?: number; exp: number }

  test('a play started inside the window is renewed after it closes, for its running time plus an hour, and only for it', async () => {
    const start = server.clock.now
    const renter = await signIn(server, 'late-finisher')
    await giveStoredPayment(server, 'late-finisher')
    const film = titles.find((t) => t.kind === 'film' && t.access.offers.some((o) => o.kind === 'rent') && !t.access.offers.some((o) => o.kind === 'subscription')) as TitleSummary
    const rented = await call(server.base, 'POST', '/v1/purchases', {
      token: renter.token,
      headers: { 'idempotency-key': idemKey() },
      body: { kind: 'rent', titleId: film.id, payment: { method: 'stored', pin: '1234' } },
    })
    expect(rented.status).toBe(201)
    const kid = [b64(assetOf(film.id).kid as string)]
    const runningTime = (await call<TitleDetails>(server.base, 'GET', `/v1/titles/${film.id}`, { token: renter.token })).body.durationSeconds
    try {
      const first = await play(renter.token, film.id)
      expect(first.body.rentalStarted).toBe(true)
      const playUntil = start + 48 * HOUR
      const fin = Math.floor((playUntil + runningTime * 1000 + HOUR) / 1000)
      expect(payloadOf(first.body.drm!.licenseToken).fin).toBe(fin)

      // A minute before the close the play's renewal keeps its end.
      server.clock.now = playUntil - 60_000
      const beforeClose = await play(renter.token, film.id, { continuing: first.body.drm!.licenseToken })
      expect(beforeClose.status).toBe(200)
      expect(payloadOf(beforeClose.body.drm!.licenseToken).fin).toBe(fin)

      // Ten minutes after it: a new play is refused, the one going on is renewed (its token expired meanwhile).
      server.clock.now = playUntil + 10 * 60_000
      expect((await play(renter.token, film.id)).status).toBe(402)
      expect((await license(beforeClose.body.drm!.licenseToken, kid)).body.error?.code).toBe('token_expired')
      const afterClose = await play(renter.token, film.id, { continuing: beforeClose.body.drm!.licenseToken })
      expect(afterClose.status).toBe(200)
      expect(payloadOf(afterClose.body.drm!.licenseToken).fin).toBe(fin)
      expect((await license(afterClose.body.drm!.licenseToken, kid)).status).toBe(200)
      // Details says the rental is over all the same.
      const details = await call<TitleDetails>(server.base, 'GET', `/v1/titles/${film.id}`, { token: renter.token })
      expect(details.body.access.entitlement).toEqual({ kind: 'none' })

      // Past its running time and the hour: refused, the renewal and the license alike.
      server.clock.now = fin * 1000 - 60_000
      const last = await play(renter.token, film.id, { continuing: afterClose.body.drm!.licenseToken })
      expect(last.status).toBe(200)
      server.clock.now = fin * 1000
      expect((await play(renter.token, film.id, { continuing: last.body.drm!.licenseToken })).status).toBe(402)
      const lateLicense = await license(last.body.drm!.licenseToken, kid)
      expect(lateLicense.status).toBe(403)
      expect(lateLicense.body.error?.code).toBe('not_entitled')
    } finally {
      server.clock.now = start
    }
  })

  test('a continuing token that is not the viewer’s play of this title is a 400, and a subscription play carries no end', async () => {
    const ownedPlay = await play(demo.token, buyable(1)[0]!.id)
    expect(ownedPlay.status).toBe(200)
    expect(payloadOf(ownedPlay.body.drm!.licenseToken).fin).toBeUndefined()
    const other = buyable(2)[1]!
    const cases: Array<[string, string]> = [
      ['another title’s token', ownedPlay.body.drm!.licenseToken],
      ['a tampered token', `${ownedPlay.body.drm!.licenseToken.split('.')[0]}.AAAA`],
      ['an account token', demo.token],
    ]
    for (const [what, continuing] of cases) {
      const res = await play(demo.token, other.id, { continuing })
      expect([what, res.status, res.body.error?.code]).toEqual([what, 400, 'invalid_request'])
    }
    // Another viewer's play of the same title.
    const stranger = await signIn(server, 'continuing-stranger')
    const res = await play(stranger.token, buyable(1)[0]!.id, { continuing: ownedPlay.body.drm!.licenseToken })
    expect(res.status).toBe(400)
  })
})
