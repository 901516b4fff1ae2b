// Playback faults through the fault proxy, beside what tests/e2e/player.test.ts
// already proves (media aborted mid-play and at start, 402 to the purchase
// choices, a DRM failure's notice): media answered 404 / 503 / cut off mid-play,
// the license endpoint failing each way, a license denied, and an
// expired license token renewed without the viewer noticing, and a rental's play that outlives its window.
import Database from 'better-sqlite3'
import path from 'node:path'
import type { Page } from 'playwright-core'
import type { DeviceCodeResponse, RegisterDeviceResponse, TitleSummary, TokenResponse } from '../../server/contract'
import { call, postForm, registerDevice } from '../server/helpers'
import { launchBrowser, type LaunchedBrowser } from './support/browser'
import { startAppServer, type AppServer } from './support/app-server'
import { API_FAULTS, startFaultProxy, type Fault, type FaultProxy } from './support/fault-proxy'
import { collectPageErrors, focusedRefs, press, visibleTexts, waitForNoText } from './support/lightning'

jest.setTimeout(300_000)

const expectedNoise = [/Failed to load resource/, /net::ERR_/, /^AppError: /]
const LICENSE = /^\/v1\/license\/clearkey$/
const PLAYBACK = /^\/v1\/playback\/[^/]+$/
const MEDIA = /^\/media\//

interface StoredSession {
  device: RegisterDeviceResponse
  account: { token: string; expiresAt: string; account: TokenResponse['account'] }
}

let server: AppServer
let proxy: FaultProxy
let browser: LaunchedBrowser
let freeTitleId: string
let paidTitleId: string
let subscriber: StoredSession
const pageErrors: string[] = []

/** The demo account signed in on a new device through the device-code flow, subscribed. */
async function subscribedSession(): Promise<StoredSession> {
  const device = await registerDevice(server.origin)
  const code = await call<DeviceCodeResponse>(server.origin, 'POST', '/v1/auth/device-code', { token: device.token })
  await postForm(server.origin, '/activate', { code: code.body.userCode, account: 'demo', action: 'approve' })
  const token = await call<TokenResponse>(server.origin, 'POST', '/v1/auth/token', { body: { deviceCode: code.body.deviceCode } })
  const purchase = await call(server.origin, 'POST', '/v1/purchases', {
    token: token.body.accessToken,
    headers: { 'Idempotency-Key': `e2e-faults-${Date.now()}` },
    body: { kind: 'subscription', planId: 'vip-monthly', payment: { method: 'stored', pin: '1234' } },
  })
  expect([201, 409]).toContain(purchase.status)
  return { device, account: { token: token.body.accessToken, expiresAt: token.body.expiresAt, account: token.body.account } }
}

beforeAll(async () => {
  server = await startAppServer()
  proxy = await startFaultProxy(server.origin)
  browser = await launchBrowser()
  const catalogue = await call<{ items: TitleSummary[] }>(server.origin, 'GET', '/v1/rails/catalog-all?limit=500')
  const free = catalogue.body.items.find((t) => t.access.entitlement.kind === 'free' && t.kind === 'film')
  const paid = catalogue.body.items.find((t) => t.access.offers.some((o) => o.kind === 'subscription') && t.kind === 'film')
  if (!free || !paid) throw new Error('the seeded catalogue has no free or no subscription film')
  freeTitleId = free.id
  paidTitleId = paid.id
  subscriber = await subscribedSession()
})

afterEach(() => {
  proxy.clear()
  expect(pageErrors).toEqual([])
})

afterAll(async () => {
  await browser?.close()
  await proxy?.close()
  await server?.close()
})

/** The app at `hash` on a fresh Storage, signed in as `session` when given. */
async function open(hash: string, session: StoredSession | null = null): Promise<Page> {
  const page = await browser.context.newPage()
  const errors = collectPageErrors(page, expectedNoise)
  page.on('close', () => pageErrors.push(...errors))
  await page.addInitScript((stored: StoredSession | null) => {
    window.addEventListener('unhandledrejection', (event) => console.error(`unhandledrejection: ${String(event.reason)}`))
    localStorage.clear()
    if (!stored) return
    localStorage.setItem('auth.device', JSON.stringify(stored.device))
    localStorage.setItem('auth.account', JSON.stringify(stored.account))
  }, session)
  await page.goto(`${proxy.origin}/?inspector=1&lang=en&debug=1#${hash}`)
  return page
}

function videoTime(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelector('video')?.currentTime ?? -1)
}

async function waitForTime(page: Page, seconds: number, timeoutMs = 40_000): Promise<number> {
  await page.waitForFunction((s) => (document.querySelector('video')?.currentTime ?? 0) > s, seconds, { timeout: timeoutMs, polling: 100 })
  return videoTime(page)
}

/** Drops what is buffered ahead (a seek forward), so the next media requests happen now, under the fault. */
async function seekAhead(page: Page, seconds: number): Promise<void> {
  await page.evaluate((to) => {
    const video = document.querySelector('video')
    if (video) video.currentTime = to
  }, seconds)
}

async function onScreen(page: Page, text: string): Promise<boolean> {
  return (await visibleTexts(page)).some((shown) => shown.includes(text))
}

describe.each<Fault>(['server-error', 'unavailable', 'drop'])('media answered with %s mid-play', (fault) => {
  test('playback stalls, then resumes by itself once the media is back', async () => {
    const page = await open(`player/${freeTitleId}/startover`)
    await waitForTime(page, 0.2)
    proxy.setFaults([{ method: 'GET', path: MEDIA, fault }])
    await seekAhead(page, 16)
    const stalledAt = await videoTime(page)
    await page.waitForTimeout(4000)
    expect(proxy.requests.some((request) => request.fault === fault && MEDIA.test(request.path))).toBe(true)
    // It did stall: the fault reached the video, not only the proxy's log.
    expect(await videoTime(page)).toBeLessThan(stalledAt + 1.5)
    proxy.clear()
    await waitForTime(page, stalledAt + 2)
    await waitForNoText(page, 'Reconnecting', 10_000)
    await page.close()
  })
})

test('media segments answered 404 for a few seconds mid-play (a CDN purge): playback resumes once they are back', async () => {
  const page = await open(`player/${freeTitleId}/startover`)
  await waitForTime(page, 0.2)
  let failing = true
  let notFound = 0
  await page.route('**/media/**', (route) => (failing ? (notFound++, route.fulfill({ status: 404, body: 'Not Found' })) : route.continue()))
  await seekAhead(page, 16)
  const stalledAt = await videoTime(page)
  await page.waitForTimeout(4000)
  expect(notFound).toBeGreaterThan(0)
  expect(await videoTime(page)).toBeLessThan(stalledAt + 1.5)
  failing = false
  await waitForTime(page, stalledAt + 2)
  await page.close()
})

test('each license fault at the start of a paid play: a notice or reconnecting, and it plays once the fault clears', async () => {
  for (const fault of API_FAULTS) {
    // A hang is tried once: Shaka's own license timeout (8 s × 3 attempts) would make it slow, not different.
    proxy.setFaults([{ method: 'POST', path: LICENSE, fault, ...(fault === 'hang' ? { times: 1 } : {}) }])
    const page = await open(`player/${paidTitleId}/startover`, subscriber)
    const deadline = Date.now() + 40_000
    while (!(await onScreen(page, 'Try again')) && !(await onScreen(page, 'Reconnecting')) && (await videoTime(page)) <= 0.5) {
      if (Date.now() > deadline) throw new Error(`no state shown for a license ${fault}: ${JSON.stringify(await visibleTexts(page))}`)
      await page.waitForTimeout(200)
    }
    expect(proxy.requests.some((request) => request.fault === fault && LICENSE.test(request.path))).toBe(true)
    proxy.clear()
    if (await onScreen(page, 'Try again')) {
      // The notice focuses Back; Right moves to Try again.
      await press(page, 'ArrowRight')
      expect(await focusedRefs(page)).toContain('Retry')
      await press(page, 'Enter')
    }
    await waitForTime(page, 1).catch(async (error: unknown) => {
      throw new Error(`after a license ${fault} cleared, no playback: ${String(error)}; on screen: ${JSON.stringify(await visibleTexts(page))}`)
    })
    await page.close()
  }
})

test('a license denied (403 not_entitled) leads to the purchase choices for that title', async () => {
  proxy.setFaults([{ method: 'POST', path: LICENSE, fault: 'not-entitled' }])
  const page = await open(`player/${paidTitleId}/startover`, subscriber)
  await page.waitForFunction((id) => location.hash === `#details/${id}/buy`, paidTitleId, { timeout: 30_000 })
  expect(await videoTime(page)).toBeLessThan(0.5)
  await page.close()
})

test('an expired license token (403 token_expired) is renewed through POST /v1/playback and the title plays', async () => {
  const start = proxy.requests.length
  // Like a token that really ran out: every request carrying the first token is refused, Shaka's own retries too.
  let firstToken: string | undefined
  const expired = (request: { authorization: string | undefined }): boolean => (firstToken ??= request.authorization) === request.authorization
  proxy.setFaults([{ method: 'POST', path: LICENSE, fault: 'token-expired', when: expired }])
  const page = await open(`player/${paidTitleId}/startover`, subscriber)
  await waitForTime(page, 1)
  const seen = proxy.requests.slice(start)
  const licenses = seen.filter((request) => LICENSE.test(request.path))
  expect(licenses[0]?.fault).toBe('token-expired')
  const granted = licenses.find((request) => request.status === 200)
  expect(granted).toBeDefined()
  // A new token: the refused one was not simply sent again.
  expect(granted?.authorization).not.toBe(licenses[0]?.authorization)
  expect(seen.filter((request) => PLAYBACK.test(request.path)).length).toBeGreaterThanOrEqual(2)
  await page.close()
})

test('a rental whose 48 h window closes mid-play: the play started in it is renewed and goes on', async () => {
  const catalogue = await call<{ items: TitleSummary[] }>(server.origin, 'GET', '/v1/rails/catalog-all?limit=500')
  const rentable = catalogue.body.items.find((t) => t.kind === 'film' && t.access.offers.some((o) => o.kind === 'rent') && !t.access.offers.some((o) => o.kind === 'subscription'))
  if (!rentable) throw new Error('the seeded catalogue has no film to rent only')
  const token = subscriber.account.token
  const rented = await call(server.origin, 'POST', '/v1/purchases', {
    token,
    headers: { 'Idempotency-Key': `e2e-faults-rent-${rentable.id}` },
    body: { kind: 'rent', titleId: rentable.id, payment: { method: 'stored', pin: '1234' } },
  })
  expect(rented.status).toBe(201)
  // The window closes the moment the play's first licence is asked for: that licence is refused as expired, so the
  // play renews its token at once (rather than four minutes on) under a rental that has just ended.
  const endRental = (): void => {
    const db = new Database(path.join(server.dataDir, 'marquee.db'))
    try {
      db.prepare("UPDATE entitlements SET play_until = ? WHERE kind = 'rental' AND title_id = ?").run(Date.now() - 1000, rentable.id)
    } finally {
      db.close()
    }
  }
  let firstToken: string | undefined
  const firstLicence = (request: { authorization: string | undefined }): boolean => {
    if ((firstToken ??= request.authorization) !== request.authorization) return false
    endRental()
    return true
  }
  const start = proxy.requests.length
  proxy.setFaults([{ method: 'POST', path: LICENSE, fault: 'token-expired', when: firstLicence }])
  const page = await open(`player/${rentable.id}/startover`, subscriber)
  await waitForTime(page, 1).catch(async (error: unknown) => {
    throw new Error(`the play stopped as its rental ended: at ${await page.evaluate(() => location.hash)}, ${String(error)}`)
  })
  const seen = proxy.requests.slice(start)
  const renewals = seen.filter((request) => PLAYBACK.test(request.path)).slice(1)
  expect(renewals.map((request) => request.status)).toContain(200)
  expect(seen.filter((request) => LICENSE.test(request.path)).map((request) => request.status)).toContain(200)
  // A new play of it is refused: the rental has ended for anything but the play going on.
  expect((await call(server.origin, 'POST', `/v1/playback/${rentable.id}`, { token, body: {} })).status).toBe(402)
  expect(await page.evaluate(() => location.hash)).toBe(`#player/${rentable.id}/startover`)
  await page.close()
})
