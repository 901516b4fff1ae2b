// The real reference server (real SQLite, real packaged media, real ClearKey license server) played through
// bare Shaka in Debian's Chromium: a clear DASH title, an encrypted DASH title whose key comes from
// POST /v1/license/clearkey with the license token of an entitled viewer, clear and encrypted HLS titles;
// and viewers who are not entitled get no key, so the video never decrypts.
import path from 'node:path'
import type { Page, Response } from 'playwright-core'
import type { PlaybackResponse, Purchase, RailPage, TitleSummary } from '../../server/contract'
import { call, postForm, signInAt } from '../server/helpers'
import { startAppServer, type AppServer } from './support/app-server'
import { launchBrowser, type LaunchedBrowser } from './support/browser'
import { outputDir, root } from './support/paths'
import { frameStats, openShakaPage, playInPage, screenFrameStats, serveShakaTestPage, stopPlayback } from './support/shaka-page'
import { startStaticServer, type StaticServer } from './support/static-server'

jest.setTimeout(120_000)

let server: AppServer
let shakaHost: StaticServer
let browser: LaunchedBrowser
let page: Page
let titles: TitleSummary[]
/** Every response from the license endpoints the browser saw: status and error code. */
const licenseResponses: Array<Promise<{ url: string; status: number; code: string | null }>> = []

/** An account token of the named account, signed in through the device-code flow. */
async function accountToken(account: string): Promise<string> {
  return (await signInAt(server.origin, account)).token
}

async function authorisePlay(token: string, titleId: string): Promise<{ status: number; body: PlaybackResponse }> {
  return call<PlaybackResponse>(server.origin, 'POST', `/v1/playback/${titleId}`, { token, body: {} })
}

async function seenLicenses(): Promise<Array<{ url: string; status: number; code: string | null }>> {
  return Promise.all(licenseResponses.splice(0))
}

function recordLicense(response: Response): void {
  if (!response.url().includes('/v1/license/')) return
  licenseResponses.push(
    response
      .text()
      .catch(() => '')
      .then((text) => {
        let code: string | null = null
        try {
          code = (JSON.parse(text) as { error?: { code?: string } }).error?.code ?? null
        } catch {
          // a raw HLS key or an empty body
        }
        return { url: response.url(), status: response.status(), code }
      }),
  )
}

beforeAll(async () => {
  server = await startAppServer()
  // The bare Shaka page comes from another origin, as a packaged TV app would (the API answers with CORS).
  shakaHost = await startStaticServer({ routes: { '/shaka/': path.join(root, 'node_modules/shaka-player/dist') }, extra: serveShakaTestPage })
  titles = (await call<RailPage>(server.origin, 'GET', '/v1/rails/catalog-all?limit=500')).body.items
  browser = await launchBrowser({ viewport: { width: 1280, height: 720 } })
  page = await browser.context.newPage()
  page.on('response', recordLicense)
  await openShakaPage(page, shakaHost.origin)
})

afterEach(async () => {
  await stopPlayback(page).catch(() => undefined)
  licenseResponses.length = 0
})

afterAll(async () => {
  await browser?.close()
  await shakaHost?.close()
  await server?.close()
})

describe('titles played from the real server', () => {
  let viewer: string
  let free: TitleSummary
  let paid: TitleSummary

  beforeAll(async () => {
    viewer = await accountToken('demo')
    free = titles.find((t) => t.access.entitlement.kind === 'free') as TitleSummary
    paid = titles.find((t) => t.access.entitlement.kind === 'none' && t.access.offers.some((o) => o.kind === 'buy')) as TitleSummary
    // The demo account buys it from its stored payment method with the parental PIN.
    const bought = await call<Purchase>(server.origin, 'POST', '/v1/purchases', {
      token: viewer,
      headers: { 'idempotency-key': `e2e-buy-${paid.id}` },
      body: { kind: 'buy', titleId: paid.id, payment: { method: 'stored', pin: '1234' } },
    })
    expect(bought.status).toBe(201)
    expect(bought.body.status).toBe('completed')
  })

  test('a free title plays clear over DASH', async () => {
    const play = await authorisePlay(viewer, free.id)
    expect(play.status).toBe(200)
    expect(play.body.drm).toBeNull()
    const result = await playInPage(page, { manifestUri: play.body.manifests.dash, minTime: 2.5 })
    expect(result.errors).toEqual([])
    expect(result.currentTime).toBeGreaterThan(2)
    expect((await frameStats(page)).stddev).toBeGreaterThan(20)
  })

  test('a bought title plays encrypted over DASH with its key from the server’s ClearKey license endpoint', async () => {
    const play = await authorisePlay(viewer, paid.id)
    expect(play.status).toBe(200)
    const drm = play.body.drm
    if (!drm) throw new Error('a paid title must play with DRM')
    expect(play.body.manifests.dash).toMatch(/\/media\/enc-\d\/manifest\.mpd$/)
    const result = await playInPage(page, {
      manifestUri: play.body.manifests.dash,
      servers: { [drm.keySystems[0].keySystem]: drm.keySystems[0].licenseUrl },
      requestHeaders: { authorization: `Bearer ${drm.licenseToken}` },
      minTime: 3,
    })
    expect(result.errors).toEqual([])
    expect(result.keySystem).toBe('org.w3.clearkey')
    expect(result.licenseRequests).toBeGreaterThan(0)
    expect(result.currentTime).toBeGreaterThan(2)
    expect(await seenLicenses()).toContainEqual({ url: drm.keySystems[0].licenseUrl, status: 200, code: null })
    // A decrypted test pattern, not black: read from the compositor (EME frames read back through a canvas are black).
    const frame = await screenFrameStats(page, path.join(outputDir, 'server-playback-encrypted.png'))
    expect(frame.stddev).toBeGreaterThan(20)
    expect(frame.mean).toBeGreaterThan(20)
  })

  test('a free title plays clear over HLS', async () => {
    const play = await authorisePlay(viewer, free.id)
    const result = await playInPage(page, { manifestUri: play.body.manifests.hls, minTime: 2.5 })
    expect(result.errors).toEqual([])
    expect(result.currentTime).toBeGreaterThan(2)
    // (Renditions, languages and subtitles of the packaged media: media-playback.test.ts.)
    expect(result.videoHeights.length).toBeGreaterThan(0)
    expect((await frameStats(page)).stddev).toBeGreaterThan(20)
  })

  test('the bought title plays encrypted over HLS with the key from the server’s HLS key URI', async () => {
    const play = await authorisePlay(viewer, paid.id)
    const drm = play.body.drm
    if (!drm?.hlsKeyUrl) throw new Error('an encrypted title must have an HLS key URL')
    const result = await playInPage(page, {
      manifestUri: play.body.manifests.hls,
      requestHeaders: { authorization: `Bearer ${drm.licenseToken}` },
      minTime: 2.5,
    })
    expect(result.errors).toEqual([])
    expect(result.currentTime).toBeGreaterThan(2)
    expect(await seenLicenses()).toContainEqual({ url: drm.hlsKeyUrl, status: 200, code: null })
    expect((await screenFrameStats(page)).stddev).toBeGreaterThan(20)
  })
})

describe('viewers who are not entitled get no key', () => {
  let paid: TitleSummary
  let entitledLicense: PlaybackResponse
  let stranger: string

  beforeAll(async () => {
    const owner = await accountToken('e2e-owner')
    stranger = await accountToken('e2e-stranger')
    paid = titles.find((t) => t.access.offers.some((o) => o.kind === 'buy') && t.access.entitlement.kind === 'none') as TitleSummary
    // A new account has no stored payment: it pays by scan, confirmed on the phone page.
    const pending = await call<Purchase>(server.origin, 'POST', '/v1/purchases', {
      token: owner,
      headers: { 'idempotency-key': `e2e-owner-${paid.id}` },
      body: { kind: 'buy', titleId: paid.id, payment: { method: 'scan' } },
    })
    expect(pending.body.status).toBe('pending')
    await postForm(server.origin, `/pay/${pending.body.id}`, { action: 'confirm' })
    entitledLicense = (await authorisePlay(owner, paid.id)).body
  })

  test('the playback endpoint answers 402 with the offers, and no license token', async () => {
    const res = await call<{ error: { code: string }; offers: unknown[]; drm?: unknown }>(server.origin, 'POST', `/v1/playback/${paid.id}`, { token: stranger, body: {} })
    expect(res.status).toBe(402)
    expect(res.body.error.code).toBe('not_entitled')
    expect(res.body.offers.length).toBeGreaterThan(0)
    expect(res.body.drm).toBeUndefined()
  })

  test('asking the license server with the viewer’s own token is refused and the video never decrypts', async () => {
    const drm = entitledLicense.drm
    if (!drm) throw new Error('a paid title must play with DRM')
    const result = await playInPage(page, {
      manifestUri: entitledLicense.manifests.dash,
      servers: { 'org.w3.clearkey': drm.keySystems[0].licenseUrl },
      requestHeaders: { authorization: `Bearer ${stranger}` },
      minTime: 1,
      timeoutMs: 8000,
    })
    expect(result.currentTime).toBeLessThan(0.5)
    expect(result.errors.some((e) => e.severity === 2)).toBe(true)
    const seen = await seenLicenses()
    expect(seen.length).toBeGreaterThan(0)
    expect(seen.every((r) => r.status === 403 && r.code === 'token_invalid')).toBe(true)
  })

  test('replaying the entitled viewer’s license token on the stranger’s behalf is refused (wrong_viewer)', async () => {
    const drm = entitledLicense.drm
    if (!drm) throw new Error('a paid title must play with DRM')
    const result = await playInPage(page, {
      manifestUri: entitledLicense.manifests.dash,
      servers: { 'org.w3.clearkey': `${drm.keySystems[0].licenseUrl}?token=${drm.licenseToken}` },
      requestHeaders: { authorization: `Bearer ${stranger}` },
      minTime: 1,
      timeoutMs: 8000,
    })
    expect(result.currentTime).toBeLessThan(0.5)
    const seen = await seenLicenses()
    expect(seen.length).toBeGreaterThan(0)
    expect(seen.every((r) => r.status === 403 && r.code === 'wrong_viewer')).toBe(true)
  })

  test('the encrypted HLS key URI refuses the stranger too', async () => {
    const drm = entitledLicense.drm
    if (!drm?.hlsKeyUrl) throw new Error('an encrypted title must have an HLS key URL')
    const result = await playInPage(page, {
      manifestUri: entitledLicense.manifests.hls,
      requestHeaders: { authorization: `Bearer ${stranger}` },
      minTime: 1,
      timeoutMs: 8000,
    })
    expect(result.currentTime).toBeLessThan(0.5)
    const seen = await seenLicenses()
    expect(seen.length).toBeGreaterThan(0)
    expect(seen.every((r) => r.status === 403)).toBe(true)
  })
})
