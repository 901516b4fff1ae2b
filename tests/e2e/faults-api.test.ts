// API faults from the app's side: a proxy in front of the real server answers
// one endpoint at a time with 500, 503 + Retry-After, a hang past the client's
// timeout, malformed JSON, JSON of the wrong shape and a dropped connection.
// For each, the app shows a state with a way on and recovers once the fault is
// cleared; no page error or unhandled rejection happens in the whole run. A
// toast tells a request that got no answer (hang, drop: "offline") from one
// the service answered with a failure (5xx, bad JSON: "the service had a problem").
import type { Page } from 'playwright-core'
import type { DeviceCodeResponse, RegisterDeviceResponse, SearchResult, TitleSummary, TokenResponse } from '../../server/contract'
import { call, postForm, registerDevice } from '../server/helpers'
import { launchBrowser, type LaunchedBrowser } from './support/browser'
import { startAppServer, type AppServer } from './support/app-server'
import { DEFAULT_RETRY } from '../../src/api/retry'
import { API_FAULTS, startFaultProxy, type Fault, type FaultProxy, type FaultRule } from './support/fault-proxy'
import { collectPageErrors, press, visibleTexts, waitForAnyText, waitForNoText, waitForText, waitForTextMatching } from './support/lightning'
import { waitFor } from './support/wait'
import { waitForStoredFeed } from './support/app-storage'

jest.setTimeout(300_000)

/** Failed loads and aborted requests are logged by the browser; the Router logs a route's failed load itself. */
const expectedNoise = [/Failed to load resource/, /net::ERR_/, /^AppError: /]
/** The client's timeout for this run (operator overlay), so a hang costs seconds, not the default 8 s per attempt. */
const CLIENT_TIMEOUT_MS = 1000

let server: AppServer
let proxy: FaultProxy
let browser: LaunchedBrowser
let freeTitle: TitleSummary
let subscriptionTitle: TitleSummary
/** Pay-per-view films, one per fault: each is rented once (scan to pay) and cannot be rented again. */
let rentalTitles: TitleSummary[]
/** The demo account signed in on a device (not subscribed), as the TV stores it after the device-code sign-in. */
let signedIn: StoredSession

interface StoredSession {
  device: RegisterDeviceResponse
  account: { token: string; expiresAt: string; account: TokenResponse['account'] }
}

async function signInDemo(): Promise<StoredSession> {
  const device = await registerDevice(server.origin)
  const code = await call<DeviceCodeResponse>(server.origin, 'POST', '/v1/auth/device-code', { token: device.token })
  await approveSignIn(code.body.userCode)
  const token = await call<TokenResponse>(server.origin, 'POST', '/v1/auth/token', { body: { deviceCode: code.body.deviceCode } })
  return { device, account: { token: token.body.accessToken, expiresAt: token.body.expiresAt, account: token.body.account } }
}
/** The phone's side of the device-code sign-in: the demo account approves the TV's code on /activate. */
async function approveSignIn(userCode: string): Promise<void> {
  const approved = await postForm(server.origin, '/activate', { code: userCode, account: 'demo', action: 'approve' })
  if (approved.status !== 200) throw new Error(`activate answered ${approved.status}`)
}

/** Every page error of the run: checked once at the end, and after each test. */
const pageErrors: string[] = []
let navigation = 0

beforeAll(async () => {
  server = await startAppServer()
  proxy = await startFaultProxy(server.origin)
  proxy.localSettings = { operator: { api: { timeoutMs: CLIENT_TIMEOUT_MS } } }
  browser = await launchBrowser()
  const catalogue = await call<{ items: TitleSummary[] }>(server.origin, 'GET', '/v1/rails/catalog-all?limit=500', { headers: { 'Accept-Language': 'en' } })
  const free = catalogue.body.items.find((title) => title.access.entitlement.kind === 'free' && title.kind === 'film')
  const subscription = catalogue.body.items.find((title) => title.kind === 'film' && title.access.offers.map((offer) => offer.kind).join() === 'subscription')
  rentalTitles = catalogue.body.items.filter((title) => title.kind === 'film' && title.access.offers.map((offer) => offer.kind).sort().join() === 'buy,rent')
  if (!free || !subscription || rentalTitles.length < API_FAULTS.length) throw new Error('the seeded catalogue has too few free, subscription-only or pay-per-view films')
  freeTitle = free
  subscriptionTitle = subscription
  signedIn = await signInDemo()
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

/** A page whose errors go to the run's list; unhandled rejections are reported as console errors too. */
async function newPage(): Promise<Page> {
  const page = await browser.context.newPage()
  const errors = collectPageErrors(page, expectedNoise)
  page.on('close', () => pageErrors.push(...errors))
  await page.addInitScript(() => {
    window.addEventListener('unhandledrejection', (event) => console.error(`unhandledrejection: ${String(event.reason)}`))
  })
  return page
}

/** A full load of the app at `hash` (a new query each time, so the document is reloaded, not just the hash). */
async function openApp(page: Page, hash: string, options: { clearStorage?: boolean; session?: StoredSession } = {}): Promise<void> {
  navigation++
  if (options.clearStorage ?? true) {
    await page.goto(`${proxy.origin}/settings.local.json`)
    await page.evaluate((stored: StoredSession | null) => {
      localStorage.clear()
      if (!stored) return
      localStorage.setItem('auth.device', JSON.stringify(stored.device))
      localStorage.setItem('auth.account', JSON.stringify(stored.account))
    }, options.session ?? null)
  }
  await page.goto(`${proxy.origin}/?inspector=1&lang=en&n=${navigation}#${hash}`)
}

function faultOn(method: string, path: RegExp, fault: Fault): FaultRule[] {
  return [{ method, path, fault }]
}

function faultsSeen(path: RegExp, fault: Fault): number {
  return proxy.requests.filter((request) => request.fault === fault && path.test(request.path)).length
}

const OFFLINE = 'You are offline. Check the network and try again.'
const SERVICE_FAILED = 'The service had a problem. Please try again in a moment.'

/** Whether the fault leaves the request without any answer (the only case the app may call offline). */
function unanswered(fault: Fault): boolean {
  return fault === 'hang' || fault === 'drop'
}

/** The toast for a failed request: no answer at all reads as offline, a failing answer as the service's problem. */
function failureToast(fault: Fault): string {
  return unanswered(fault) ? OFFLINE : SERVICE_FAILED
}

/** Moves right along the Details buttons until the one labelled `label` has the focus. */
async function focusButton(page: Page, label: string): Promise<void> {
  for (let i = 0; i < 6; i++) {
    const focused = await page.$$eval('[focused="true"][type="Button"] [texture-text]', (elements) => elements.map((el) => el.getAttribute('texture-text') ?? ''))
    if (focused.some((text) => text.includes(label))) return
    await press(page, 'ArrowRight')
  }
  throw new Error(`no button "${label}" took the focus`)
}

const HOME = /^\/v1\/home$/
const SEARCH = /^\/v1\/search$/
const DEVICES = /^\/v1\/devices$/
const ME = /^\/v1\/me$/
const PLAYBACK = /^\/v1\/playback\/[^/]+$/
const PROGRESS = /^\/v1\/me\/progress\/[^/]+$/
const EVENTS = /^\/v1\/events$/
const ENTITLEMENTS = /^\/v1\/me\/entitlements$/
const DEVICE_CODE = /^\/v1\/auth\/device-code$/
const OFFERS = /^\/v1\/offers$/
const PURCHASES = /^\/v1\/purchases$/
const PURCHASE_STATUS = /^\/v1\/purchases\/[^/]+$/
const SIGN_IN_TOKEN = /^\/v1\/auth\/token$/
const WATCHLIST_ENTRY = /^\/v1\/me\/watchlist\/[^/]+$/

test('home feed (GET /v1/home): error page with Retry for every fault, Retry brings Home once it clears', async () => {
  const page = await newPage()
  for (const fault of API_FAULTS) {
    proxy.setFaults(faultOn('GET', HOME, fault))
    await openApp(page, 'home')
    await waitForText(page, 'Something went wrong', 30_000)
    await waitForText(page, failureToast(fault))
    await waitForText(page, 'Retry')
    expect(faultsSeen(HOME, fault)).toBeGreaterThan(0)
    proxy.clear()
    await press(page, 'Enter')
    await waitForText(page, 'More info', 20_000)
  }
  await page.close()
})

test('home feed with a catalogue saved on the device: the saved one is shown, and the notice says offline only when no answer came', async () => {
  const page = await newPage()
  for (const fault of API_FAULTS) {
    const opened = Date.now()
    await openApp(page, 'home')
    await waitForText(page, 'More info', 30_000)
    await waitForStoredFeed(page, opened)
    proxy.setFaults(faultOn('GET', HOME, fault))
    await openApp(page, 'home', { clearStorage: false })
    const notice = unanswered(fault) ? 'You are offline: showing the catalogue saved earlier' : 'The service had a problem: showing the catalogue saved earlier'
    await waitForText(page, notice, 30_000)
    expect(faultsSeen(HOME, fault)).toBeGreaterThan(0)
    if (!unanswered(fault)) expect((await visibleTexts(page)).filter((text) => /offline/i.test(text))).toEqual([])
    await waitForText(page, 'More info')
    proxy.clear()
  }
  await page.close()
})

test('title details (GET /v1/titles/:id): error page with Retry, Retry opens the title once it clears', async () => {
  const page = await newPage()
  for (const fault of API_FAULTS) {
    // Only the details fetch fails: Home under the deep link loads normally.
    proxy.setFaults([{ method: 'GET', path: new RegExp(`^/v1/titles/${freeTitle.id}$`), fault }])
    await openApp(page, `details/${freeTitle.id}`)
    await waitForText(page, 'Something went wrong', 30_000)
    proxy.clear()
    await press(page, 'Enter')
    await waitForText(page, freeTitle.title, 20_000)
    await waitForText(page, 'Play')
  }
  await page.close()
})

test('search (GET /v1/search): a toast that says offline or the service failed, and the next letter typed finds results once it clears', async () => {
  const page = await newPage()
  const expected = await call<SearchResult>(server.origin, 'GET', '/v1/search?q=aa&limit=40', { headers: { 'Accept-Language': 'en' } })
  // Known by the caption: the popular titles stand in the grid meanwhile, and after a search that finds nothing.
  const recovered = expected.body.items.length > 0 ? 'Results for “aa”' : 'Nothing found for “aa”: here is what is popular'
  for (const fault of API_FAULTS) {
    proxy.setFaults(faultOn('GET', SEARCH, fault))
    await openApp(page, 'search')
    await waitForText(page, 'Type a title, pinyin or initials')
    await press(page, 'Enter') // "a" on the on-screen keyboard
    await waitForText(page, failureToast(fault), 30_000)
    expect(await visibleTexts(page)).not.toContain(failureToast(fault) === OFFLINE ? SERVICE_FAILED : OFFLINE)
    expect(faultsSeen(SEARCH, fault)).toBeGreaterThan(0)
    // A failed search is not one that found nothing: the popular titles stay under their own caption.
    await waitForText(page, 'Popular on Marquee')
    expect((await visibleTexts(page)).filter((text) => text.startsWith('Nothing found'))).toEqual([])
    proxy.clear()
    await press(page, 'Enter') // "aa"
    await waitForText(page, recovered, 20_000)
  }
  await page.close()
})

test('device registration (POST /v1/devices): Home starts anyway, and the next start registers once it clears', async () => {
  const page = await newPage()
  const storedDevice = (): Promise<string | null> => page.evaluate(() => localStorage.getItem('auth.device'))
  for (const fault of API_FAULTS) {
    proxy.setFaults(faultOn('POST', DEVICES, fault))
    await openApp(page, 'home')
    await waitForText(page, 'More info', 30_000)
    expect(faultsSeen(DEVICES, fault)).toBeGreaterThan(0)
    expect(await storedDevice()).toBeNull()
  }
  proxy.clear()
  await openApp(page, 'home', { clearStorage: false })
  await waitForText(page, 'More info', 20_000)
  await page.waitForFunction(() => localStorage.getItem('auth.device') !== null, undefined, { timeout: 10_000 })
  await page.close()
})

test('account (GET /v1/me): "could not be loaded" with Retry, Retry shows the account once it clears', async () => {
  const page = await newPage()
  for (const fault of API_FAULTS) {
    proxy.setFaults(faultOn('GET', ME, fault))
    await openApp(page, 'account')
    await waitForText(page, 'The account could not be loaded.', 30_000)
    proxy.clear()
    await press(page, 'Enter')
    await waitForText(page, 'Sign in', 20_000)
  }
  await page.close()
})

test('a signed-in account’s entitlements (GET /v1/me/entitlements): "could not be loaded" with Retry, then the account', async () => {
  const page = await newPage()
  for (const fault of API_FAULTS) {
    proxy.setFaults(faultOn('GET', ENTITLEMENTS, fault))
    await openApp(page, 'account', { session: signedIn })
    await waitForText(page, 'The account could not be loaded.', 30_000)
    expect(faultsSeen(ENTITLEMENTS, fault)).toBeGreaterThan(0)
    proxy.clear()
    await press(page, 'Enter')
    await waitForText(page, 'Signed in as demo', 20_000)
  }
  await page.close()
})

test('playback authorisation (POST /v1/playback/:id): reconnecting, then it plays by itself once the fault clears', async () => {
  const page = await newPage()
  for (const fault of API_FAULTS) {
    proxy.setFaults(faultOn('POST', PLAYBACK, fault))
    await openApp(page, `player/${freeTitle.id}/startover`)
    await waitForText(page, 'Reconnecting…', 30_000)
    expect(faultsSeen(PLAYBACK, fault)).toBeGreaterThan(0)
    proxy.clear()
    await page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 1, undefined, { timeout: 40_000, polling: 100 })
  }
  await page.close()
})

test('progress and QoE at stop (PUT /v1/me/progress, POST /v1/events): Back still leaves the player at once', async () => {
  const page = await newPage()
  for (const fault of API_FAULTS) {
    proxy.clear()
    await openApp(page, `player/${freeTitle.id}/startover`)
    await page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 1, undefined, { timeout: 40_000, polling: 100 })
    proxy.setFaults([
      { method: 'PUT', path: PROGRESS, fault },
      { method: 'POST', path: EVENTS, fault },
    ])
    await press(page, 'Backspace')
    await waitForAnyText(page, ['More info', 'Play'], 20_000)
    await page.waitForFunction(() => !location.hash.startsWith('#player'), undefined, { timeout: 5_000 })
  }
  // The saves were attempted under the fault (so the test saw them fail, not skip).
  expect(proxy.requests.some((request) => request.fault !== null && PROGRESS.test(request.path))).toBe(true)
  await page.close()
})

test('sign-in code (POST /v1/auth/device-code): the dialog says so with Retry, Retry shows the code once it clears', async () => {
  const page = await newPage()
  for (const fault of API_FAULTS) {
    proxy.setFaults(faultOn('POST', DEVICE_CODE, fault))
    await openApp(page, 'account')
    await waitForText(page, 'Sign in', 30_000)
    await press(page, 'Enter')
    const noCode = unanswered(fault)
      ? 'No sign-in code could be fetched. Check your connection and retry.'
      : 'No sign-in code could be fetched: the service had a problem. Please retry in a moment.'
    await waitForText(page, noCode, 30_000)
    expect(faultsSeen(DEVICE_CODE, fault)).toBeGreaterThan(0)
    proxy.clear()
    await press(page, 'Enter')
    await waitForText(page, 'Scan with your phone, or open this address and enter the code above', 20_000)
  }
  await page.close()
})

test('subscription plans (GET /v1/offers): the purchase dialog says it could not load, Retry shows the plan once it clears', async () => {
  const page = await newPage()
  for (const fault of API_FAULTS) {
    proxy.setFaults(faultOn('GET', OFFERS, fault))
    await openApp(page, `details/${subscriptionTitle.id}/buy`, { session: signedIn })
    await waitForText(page, 'Subscribe', 30_000)
    await press(page, 'Enter')
    const notLoaded = unanswered(fault)
      ? 'The purchase could not be loaded. Check your connection and retry.'
      : 'The purchase could not be loaded: the service had a problem. Please retry in a moment.'
    await waitForText(page, notLoaded, 30_000)
    proxy.clear()
    await press(page, 'Enter')
    await waitForText(page, 'VIP monthly', 20_000)
  }
  await page.close()
})

test('a purchase (POST /v1/purchases, scan to pay): "will not charge you twice" with Retry, Retry shows the QR once it clears', async () => {
  const page = await newPage()
  for (const fault of API_FAULTS) {
    await openApp(page, `details/${subscriptionTitle.id}/buy`, { session: signedIn })
    await waitForText(page, 'Subscribe', 30_000)
    await press(page, 'Enter')
    await waitForText(page, 'Scan to pay', 20_000)
    await press(page, 'ArrowRight')
    proxy.setFaults(faultOn('POST', PURCHASES, fault))
    await press(page, 'Enter')
    // Only a request that got no answer may blame the connection; both say a retry will not charge twice.
    const failed = unanswered(fault)
      ? 'The connection dropped before the payment was confirmed. Retrying will not charge you twice.'
      : 'The service had a problem before the payment was confirmed. Retrying will not charge you twice.'
    await waitForText(page, failed, 30_000)
    expect(faultsSeen(PURCHASES, fault)).toBeGreaterThan(0)
    proxy.clear()
    await press(page, 'Enter')
    await waitForText(page, 'Scan the code with your phone', 20_000)
  }
  await page.close()
})

test('watchlist add and remove (PUT/DELETE /v1/me/watchlist/:id): a toast, the button keeps its label, and it works once the fault clears', async () => {
  const page = await newPage()
  for (const fault of API_FAULTS) {
    await openApp(page, `details/${freeTitle.id}`)
    await waitForText(page, freeTitle.title, 30_000)
    await focusButton(page, 'Add to My list')

    proxy.setFaults(faultOn('PUT', WATCHLIST_ENTRY, fault))
    await press(page, 'Enter')
    await waitForText(page, failureToast(fault), 30_000)
    expect(faultsSeen(WATCHLIST_ENTRY, fault)).toBeGreaterThan(0)
    await waitForText(page, 'Add to My list')
    proxy.clear()
    await press(page, 'Enter')
    await waitForText(page, 'In My list ✓', 20_000)
    // The add's toast leaves first, so the next one is known to be the remove's.
    await waitForNoText(page, failureToast(fault), 10_000)

    const removesBefore = faultsSeen(WATCHLIST_ENTRY, fault)
    proxy.setFaults(faultOn('DELETE', WATCHLIST_ENTRY, fault))
    await press(page, 'Enter')
    await waitForText(page, failureToast(fault), 30_000)
    expect(faultsSeen(WATCHLIST_ENTRY, fault)).toBeGreaterThan(removesBefore)
    await waitForText(page, 'In My list ✓')
    proxy.clear()
    await press(page, 'Enter')
    await waitForText(page, 'Add to My list', 20_000)
  }
  await page.close()
})

test('browse paging (GET /v1/rails/genre-*?cursor): a toast, and scrolling on loads the next page once the fault clears', async () => {
  const page = await newPage()
  const home = await call<{ rails: Array<{ id: string; nextCursor: string | null }> }>(server.origin, 'GET', '/v1/home', { headers: { 'Accept-Language': 'en' } })
  const genreRail = home.body.rails.find((rail) => rail.id.startsWith('genre-') && rail.nextCursor !== null)
  if (!genreRail) throw new Error('no genre rail with a second page')
  const railPage = new RegExp(`^/v1/rails/${genreRail.id}$`)
  const pagesLoaded = (): number => proxy.requests.filter((request) => request.fault === null && request.status === 200 && railPage.test(request.path)).length
  for (const fault of API_FAULTS) {
    await openApp(page, `browse/${genreRail.id.slice('genre-'.length)}`)
    await waitForText(page, 'Browse by genre', 30_000)
    proxy.setFaults(faultOn('GET', railPage, fault))
    for (let row = 0; row < 4 && faultsSeen(railPage, fault) === 0; row++) await press(page, 'ArrowDown', 400)
    await waitForText(page, failureToast(fault), 30_000)
    expect(faultsSeen(railPage, fault)).toBeGreaterThan(0)
    proxy.clear()
    // Any move near the end asks for the next page again (up and down, as the last row may be reached).
    const loaded = pagesLoaded()
    for (let i = 0; i < 4 && pagesLoaded() === loaded; i++) await press(page, i % 2 === 0 ? 'ArrowDown' : 'ArrowUp', 1000)
    await waitFor('the next page to load', () => pagesLoaded() > loaded || null, 30_000, 100)
  }
  await page.close()
})

test('sign-in poll (POST /v1/auth/token): the code stays up while the polls fail, and the TV signs in once they clear', async () => {
  const page = await newPage()
  for (const fault of API_FAULTS) {
    proxy.setFaults(faultOn('POST', SIGN_IN_TOKEN, fault))
    await openApp(page, 'account')
    await waitForText(page, 'Sign in', 30_000)
    await press(page, 'Enter')
    const code = await waitForTextMatching(page, /^[A-Z0-9]{4}-[A-Z0-9]{4}$/, 30_000)
    await approveSignIn(code)
    // Approved on the phone, but the TV's polls fail: once a second poll (5 s on) has begun, the first one's
    // failure was handled, and the code is still up.
    const before = faultsSeen(SIGN_IN_TOKEN, fault)
    await waitFor('two failed polls', () => faultsSeen(SIGN_IN_TOKEN, fault) >= before + 2 || null, 30_000, 100)
    await waitForText(page, code)
    expect(await visibleTexts(page)).not.toContain('Sign-in was declined on the phone.')
    proxy.clear()
    await waitForText(page, 'Signed in as demo', 30_000)
  }
  await page.close()
})

test('scan-to-pay status poll (GET /v1/purchases/:id): the QR stays up while the polls fail, and the payment is seen once they clear', async () => {
  const page = await newPage()
  for (const [index, fault] of API_FAULTS.entries()) {
    const rental = rentalTitles[index]!
    await openApp(page, `details/${rental.id}/buy`, { session: signedIn })
    await waitForText(page, 'Rent ¥', 30_000)
    await press(page, 'Enter')
    await waitForText(page, 'Scan to pay', 20_000)
    await press(page, 'ArrowRight')
    proxy.setFaults(faultOn('GET', PURCHASE_STATUS, fault))
    await press(page, 'Enter')
    await waitForText(page, 'Scan the code with your phone', 20_000)
    const payUrl = await waitForTextMatching(page, /\/pay\/[^/]+$/, 20_000)
    const purchaseId = payUrl.slice(payUrl.lastIndexOf('/') + 1)
    const before = faultsSeen(PURCHASE_STATUS, fault)
    const paid = await postForm(server.origin, `/pay/${purchaseId}`, { action: 'confirm' })
    expect(paid.status).toBe(200)
    // Paid on the phone, but the TV's polls fail (each a GET with its retries): once a second poll has begun,
    // the first one's failure was handled, and the QR is still up with nothing said to have failed.
    const firstPollAttempts = 1 + DEFAULT_RETRY.retries
    await waitFor('a second failing poll', () => faultsSeen(PURCHASE_STATUS, fault) > before + firstPollAttempts || null, 45_000, 100)
    await waitForText(page, 'Scan the code with your phone')
    expect((await visibleTexts(page)).filter((text) => /did not go through|expired|cancelled/.test(text))).toEqual([])
    proxy.clear()
    await waitForNoText(page, 'Scan the code with your phone', 20_000)
    // It left because a poll saw the payment, not because the code ran out.
    expect(proxy.requests.some((request) => request.fault === null && request.status === 200 && request.path === `/v1/purchases/${purchaseId}`)).toBe(true)
    expect((await visibleTexts(page)).filter((text) => /did not go through|expired|cancelled/.test(text))).toEqual([])
  }
  await page.close()
})
