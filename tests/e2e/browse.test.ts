import fs from 'node:fs'
import path from 'node:path'
import type { Page, Request } from 'playwright-core'
import { launchBrowser, type LaunchedBrowser } from './support/browser'
import { startAppServer, type AppServer } from './support/app-server'
import { outputDir } from './support/paths'
import { waitFor } from './support/wait'
import { waitForStoredFeed } from './support/app-storage'
import { boxesOf, collectPageErrors, drawnTexts, focusedRefs, press, recordDrawnTexts, recordSpeech, visibleTexts, waitForHomeInteractive, waitForNoText, waitForPlaced, waitForText, waitForWholeText } from './support/lightning'

jest.setTimeout(180_000)

// The app asks for settings.local.json on every start (operators add it; the build has none).
const expectedNoise = [/Failed to load resource: the server responded with a status of 404/]
// The SDK Router logs a route's failed data load itself before it shows the error page.
const routerLoadFailure = /^AppError: (No title|The server could not be reached)/
// With the server stopped, Chromium logs the refused requests, and Lightning the posters not fetched before
// it went (their tiles show title cards instead); nothing else may fail.
const offlineNoise = /ERR_CONNECTION_REFUSED|Failed to load resource|texture load error Error: Image load error \S+\/images\/poster\//

let server: AppServer
/**
 * A browser per test: a fresh profile (no cached feed from an earlier test) and
 * no kept-alive connections, which would hold `server.stop()` until they time out.
 */
let browser: LaunchedBrowser | null = null

beforeAll(async () => {
  fs.mkdirSync(outputDir, { recursive: true })
  server = await startAppServer()
})

afterEach(async () => {
  await browser?.close()
  browser = null
})

afterAll(async () => {
  await server?.close()
})

async function open(hash = '', lang = 'en', noise: RegExp[] = [], query = ''): Promise<{ page: Page; errors: string[] }> {
  browser = await launchBrowser()
  const page = await browser.context.newPage()
  const errors = collectPageErrors(page, [...expectedNoise, ...noise])
  await page.goto(`${server.origin}/?inspector=1&lang=${lang}${query}${hash}`)
  return { page, errors }
}

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400)
  await page.screenshot({ path: path.join(outputDir, `browse-${name}.png`) })
}

/** The texts on screen inside one ref (e.g. the focused tile). */
async function textsIn(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(`${selector} [texture-text]`, (elements) => elements.map((el) => el.getAttribute('texture-text') ?? ''))
}

/** A rail's page asked for by the app (`GET /v1/rails/:id?cursor=`). */
function isRailPageRequest(request: Request): boolean {
  return new URL(request.url()).pathname.startsWith('/v1/rails/')
}

/** Whether the focused element is inside the element of `ref` (the inspector marks only the innermost). */
function focusInside(page: Page, ref: string): Promise<boolean> {
  return page.$$eval('[focused="true"]', (elements, ref) => elements.some((el) => el.closest(`[ref="${ref}"]`) !== null), ref)
}

async function focusedTileTexts(page: Page): Promise<string[]> {
  return textsIn(page, '[focused="true"][type="Tile"]')
}

test('Home → a free title’s details → Back keeps focus → a pay-per-view title → search by keyboard', async () => {
  const { page, errors } = await open()
  await waitForText(page, "Night Watch of Chang'an")
  await waitForText(page, 'Free to watch')
  await shot(page, 'home')

  // Down to the first rail that holds free titles; the hero action first.
  const railTitles = await visibleTexts(page)
  expect(railTitles).toContain('More info')
  let found = false
  for (let i = 0; i < 6 && !found; i++) {
    await press(page, 'ArrowDown', 400)
    found = (await focusedTileTexts(page)).includes('Free')
  }
  expect(found).toBe(true)
  await press(page, 'ArrowRight')
  const freeTile = await focusedTileTexts(page)
  expect(freeTile).toContain('Free')
  const freeTitle = freeTile.find((text) => text !== 'Free')!
  await press(page, 'Enter', 600)
  await waitForText(page, 'Play')
  await waitForText(page, 'Trailer')
  await waitForWholeText(page, 'Free')
  await shot(page, 'details-free')

  const railRequests: string[] = []
  page.on('request', (request) => {
    if (isRailPageRequest(request)) railRequests.push(request.url())
  })
  await press(page, 'Escape', 800)
  await waitForText(page, 'Free to watch')
  expect(await focusedTileTexts(page)).toEqual(freeTile)
  // Only the rails near the focus ask for their next page, not all 15, and each page once: the stored feed
  // drawn first holds its rails' fetches for the fresh feed's rails.
  await page.waitForTimeout(500)
  expect(railRequests.length).toBeGreaterThan(0)
  expect(railRequests.length).toBeLessThanOrEqual(5)
  expect(railRequests.filter((url, index) => railRequests.indexOf(url) !== index)).toEqual([])

  // The new box office rail: rentals with their price on the badge.
  let paid: string[] = []
  for (let i = 0; i < 6 && paid.length === 0; i++) {
    await press(page, 'ArrowDown', 400)
    const texts = await focusedTileTexts(page)
    if (texts.some((text) => /^Rent ¥\d+/.test(text))) paid = texts
  }
  const badge = paid.find((text) => /^Rent ¥\d+/.test(text))
  expect(badge).toBeDefined()
  await press(page, 'Enter', 600)
  await waitForText(page, badge!)
  const details = await visibleTexts(page)
  expect(details.some((text) => /^Rent ¥\d+ · 48 h$/.test(text))).toBe(true)
  expect(details).not.toContain(freeTitle)
  await shot(page, 'details-paid')

  // Search: menu → Search, type "night" on the on-screen keyboard.
  await press(page, 'ArrowUp')
  expect(await focusedRefs(page)).toContain('Menu')
  await press(page, 'ArrowRight')
  await press(page, 'Enter', 600)
  await waitForText(page, 'Type a title, pinyin or initials')
  await caretBeside(page, 'before')
  await shot(page, 'search-empty')
  await typeOnKeyboard(page, 'night')
  await waitForText(page, "Night Watch of Chang'an")
  await waitForText(page, 'Results for “night”')
  await caretBeside(page, 'after')
  await shot(page, 'search-results')
  // From the keyboard's right edge into the results.
  for (let i = 0; i < 7 && (await focusedTileTexts(page)).length === 0; i++) await press(page, 'ArrowRight')
  expect(await focusedTileTexts(page)).toContain("Night Watch of Chang'an")
  await press(page, 'Enter', 800)
  await waitForText(page, 'Marquee Original')
  await waitForText(page, 'Season 1')
  await shot(page, 'details-series')
  expect(errors).toEqual([])
  await page.close()
})

/** Moves over the LUI keyboard (6 keys a row, a–z then digits) and presses each letter. */
async function typeOnKeyboard(page: Page, word: string): Promise<void> {
  let row = 0
  let column = 0
  for (const letter of word) {
    const index = letter.charCodeAt(0) - 97
    const targetRow = Math.floor(index / 6)
    const targetColumn = index % 6
    while (row < targetRow) (await press(page, 'ArrowDown', 120), row++)
    while (row > targetRow) (await press(page, 'ArrowUp', 120), row--)
    while (column < targetColumn) (await press(page, 'ArrowRight', 120), column++)
    while (column > targetColumn) (await press(page, 'ArrowLeft', 120), column--)
    await press(page, 'Enter', 120)
  }
}

test('with the API down the app starts from the cached home feed with an offline toast, and recovers when it is back', async () => {
  const opened = Date.now()
  const { page, errors } = await open('', 'en')
  await waitForText(page, 'Free to watch')
  // Let this start's feed be stored (in an idle moment after Home is drawn), then take the API away mid-session.
  await waitForStoredFeed(page, opened)
  await server.stop()
  try {
    // Menu → Search → Home: Home is built anew (the router destroys pages left behind) and asks the API again.
    await press(page, 'ArrowUp')
    await press(page, 'ArrowRight')
    await press(page, 'Enter', 800)
    await waitForText(page, 'Results appear as you type')
    await press(page, 'ArrowUp')
    await press(page, 'ArrowLeft')
    await press(page, 'Enter', 800)
    await waitForText(page, 'You are offline: showing the catalogue saved earlier', 30_000)
    await waitForText(page, "Night Watch of Chang'an")
    await waitForText(page, 'Free to watch')
    await shot(page, 'offline-home')
  } finally {
    await server.resume()
  }
  // Back online: Home again loads the fresh feed; reloading with the API up shows no offline notice.
  await page.reload()
  await waitForText(page, 'Free to watch')
  await waitForNoText(page, 'You are offline')
  expect(errors.filter((error) => !offlineNoise.test(error))).toEqual([])
  await page.close()
})

test('a stored feed kept because the fresh one was refused still fetches its rails’ next pages', async () => {
  const opened = Date.now()
  const { page, errors } = await open('', 'en', [/status of 403/])
  await waitForText(page, 'Free to watch')
  await waitForStoredFeed(page, opened)
  // A refusal is no reason to retry: Home keeps the stored feed, whose rails held their fetches for a fresh one.
  await page.route('**/v1/home', (route) =>
    route.fulfill({ status: 403, contentType: 'application/json', body: JSON.stringify({ error: { code: 'forbidden', message: 'Not here' } }) }),
  )
  await page.reload()
  await waitForText(page, 'The service had a problem: showing the catalogue saved earlier', 30_000)
  await waitForText(page, 'Free to watch')
  // Into the first rail and along it: near its loaded end, it asks for the next page.
  const railRequest = page.waitForRequest(isRailPageRequest, { timeout: 5000 })
  await press(page, 'ArrowDown', 400)
  await press(page, 'ArrowRight', 400)
  await railRequest
  expect(errors).toEqual([])
  await page.close()
})

test('a page that fails to load shows the error page, and Retry loads it once the API is back', async () => {
  const { page, errors } = await open('', 'en', [routerLoadFailure])
  await waitForText(page, 'Free to watch')
  await press(page, 'ArrowDown', 400)
  const tile = await focusedTileTexts(page)
  expect(tile.length).toBeGreaterThan(0)
  await server.stop()
  try {
    await press(page, 'Enter')
    await waitForText(page, 'Something went wrong', 30_000)
    await waitForText(page, 'You are offline. Check the network and try again.')
    expect(await focusedRefs(page)).toContain('Retry')
    await shot(page, 'error-retry')
  } finally {
    await server.resume()
  }
  await press(page, 'Enter', 800)
  await waitForText(page, 'Trailer')
  await waitForWholeText(page, tile[tile.length - 1]!)
  expect(errors.filter((error) => !offlineNoise.test(error))).toEqual([])
  await page.close()
})

test('an unknown title is a not-found error with a way Home, in Chinese by default', async () => {
  const { page, errors } = await open('#details/t9999', 'zh-CN', [routerLoadFailure])
  await waitForText(page, '找不到这个页面。')
  expect(await focusedRefs(page)).toContain('Home')
  // The way Home sits right under the message: no room is kept for a detail line that is not there.
  const gap = await page.evaluate(() => {
    const box = (ref: string) => document.querySelector(`[ref="${ref}"]`)!.getBoundingClientRect()
    return box('Home').top - box('Message').bottom
  })
  expect(gap).toBeGreaterThan(40)
  expect(gap).toBeLessThan(80)
  await press(page, 'Enter', 800)
  await waitForText(page, '免费看')
  expect(errors).toEqual([])
  await page.close()
})

test('My list: added on a title’s page, it shows as a rail on Home; OK held on its tile takes it out', async () => {
  const { page, errors } = await open('#details/t0010', 'en')
  await waitForText(page, 'Add to My list')
  for (let i = 0; i < 6 && !(await focusedButtonText(page)).includes('Add to My list'); i++) await press(page, 'ArrowRight')
  await press(page, 'Enter', 600)
  await waitForText(page, 'In My list ✓')
  const title = (await (await fetch(`${server.origin}/v1/titles/t0010`, { headers: { 'accept-language': 'en' } })).json()) as { title: string }
  const name = title.title
  expect(name.length).toBeGreaterThan(0)
  await waitForWholeText(page, name)
  await press(page, 'Escape', 800)
  await waitForText(page, 'My list')
  await waitForText(page, name)
  // Its tile focused (My list is the first rail of a viewer with nothing to continue), the rail says what a hold
  // does (not before: the hero has the focus), and OK held asks first.
  expect(await visibleTexts(page)).not.toContain('Hold OK to remove')
  for (let i = 0; i < 3 && !(await focusedTileTexts(page)).includes(name); i++) await press(page, 'ArrowDown', 400)
  expect(await focusedTileTexts(page)).toContain(name)
  await waitForText(page, 'Hold OK to remove')
  await shot(page, 'my-list-hold-hint')
  const question = `Remove “${name}” from My list?`
  await page.keyboard.down('Enter')
  await page.waitForTimeout(1_200)
  await page.keyboard.up('Enter')
  await waitForWholeText(page, question)
  expect(await page.evaluate(() => location.hash)).toBe('#home')
  await press(page, 'ArrowRight')
  await press(page, 'Enter')
  await waitForText(page, `“${name}” is no longer in My list`)
  // Out on the server, and the rail gone with its only title.
  await waitForNoText(page, 'My list')
  const list = (await (await fetch(`${server.origin}/v1/me/watchlist`, { headers: { authorization: `Bearer ${await deviceToken(page)}` } })).json()) as { items: unknown[] }
  expect(list.items).toEqual([])
  expect(errors).toEqual([])
  await page.close()
})

test('Back pressed while the next page is on its way goes back from it once it shows: not a page too far, nor to the exit question', async () => {
  const { page, errors } = await open('#home', 'en')
  await waitForHomeInteractive(page)
  const hashIs = (hash: string): Promise<unknown> => page.waitForFunction((expected) => location.hash === expected, hash, { timeout: 10_000 })
  // Every title's details held a second on their way, so Back comes while they load.
  await page.route('**/v1/titles/**', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    await route.continue()
  })
  // OK on the hero's More info, Back at once: Home again, not "Exit Marquee?" over the title's page.
  await press(page, 'ArrowRight', 100)
  await press(page, 'Enter', 100)
  await press(page, 'Escape', 100)
  expect(await page.evaluate(() => location.hash)).toMatch(/^#details\//)
  await hashIs('#home')
  await waitForText(page, 'More info')
  await page.waitForTimeout(1_000)
  expect(await visibleTexts(page)).not.toContain('Exit Marquee?')

  // A title's page, then one of More like this, Back at once: the first title's page, not Home.
  await page.evaluate(() => {
    location.hash = '#details/t0010'
  })
  await waitForText(page, 'More like this')
  await press(page, 'ArrowDown', 600)
  await press(page, 'Enter', 100)
  await press(page, 'Escape', 100)
  expect(await page.evaluate(() => location.hash)).not.toBe('#details/t0010')
  await hashIs('#details/t0010')
  await page.waitForTimeout(1_500)
  expect(await page.evaluate(() => location.hash)).toBe('#details/t0010')
  await waitForText(page, 'More like this')
  expect(await visibleTexts(page)).not.toContain('Exit Marquee?')
  expect(errors).toEqual([])
  await page.close()
})

/** The device token the app registered and keeps in its Storage. */
async function deviceToken(page: Page): Promise<string> {
  const stored = await page.evaluate(() => localStorage.getItem('auth.device'))
  return (JSON.parse(stored ?? '{}') as { token?: string }).token ?? ''
}

test('a film’s Details offers More like this under its buttons: Down scrolls it into view, a tile opens that title, Back returns', async () => {
  const { page, errors } = await open('#details/t0010', 'en')
  const asked: string[] = []
  page.on('request', (request) => {
    const { pathname } = new URL(request.url())
    if (pathname.startsWith('/v1/rails/like-')) asked.push(pathname)
  })
  const like = (await (await fetch(`${server.origin}/v1/rails/like-t0010?limit=20`, { headers: { 'accept-language': 'en' } })).json()) as { items: Array<{ id: string; title: string }> }
  await waitForText(page, 'More like this')
  await waitForText(page, like.items[0]!.title)
  // Before Down the rail peeks above the screen's bottom edge; focused, the page scrolls until its captions are in.
  const railBox = () => page.$eval('[ref="Like"]', (rail) => rail.getBoundingClientRect().bottom / (document.documentElement.clientHeight / 1080))
  expect(await railBox()).toBeGreaterThan(1080)
  const focusIn = (ref: string) => page.$eval(`[ref="${ref}"]`, (element) => element.querySelector('[focused="true"]') !== null)
  await press(page, 'ArrowDown', 600)
  expect(await focusIn('Like')).toBe(true)
  await waitFor('the rail inside the screen', async () => ((await railBox()) <= 1080 - 54 + 1 ? true : null))
  expect(await focusedTileTexts(page)).toContain(like.items[0]!.title)
  await shot(page, 'details-more-like-this')
  // Asked once as the page showed (not again by its own build).
  expect(asked).toEqual(['/v1/rails/like-t0010'])
  await press(page, 'ArrowRight')
  expect(await focusedTileTexts(page)).toContain(like.items[1]!.title)
  await press(page, 'Enter')
  await page.waitForFunction((id) => location.hash === `#details/${id}`, like.items[1]!.id, { timeout: 10_000 })
  await waitForWholeText(page, like.items[1]!.title)
  // Back: the film before, its buttons focused and the page at its top.
  await press(page, 'Escape', 800)
  await page.waitForFunction(() => location.hash === '#details/t0010', undefined, { timeout: 10_000 })
  // The page shown again asks for its rail again, a moment later.
  await waitFor('Details at its top with a button focused and its rail asked again', async () =>
    asked.filter((path) => path === '/v1/rails/like-t0010').length === 2 && (await railBox()) > 1080 && (await focusIn('Actions')) ? true : null,
  )
  // Up from the rail comes back to the buttons, the page scrolled back.
  await press(page, 'ArrowDown', 600)
  await press(page, 'ArrowUp', 600)
  expect(await focusIn('Actions')).toBe(true)
  expect(await railBox()).toBeGreaterThan(1080)
  // Scrolling the page is no new showing of it: nothing is asked again (nor the play prepared on it dropped).
  await page.waitForTimeout(1_500)
  expect(asked.filter((path) => path === '/v1/rails/like-t0010')).toHaveLength(2)
  expect(errors).toEqual([])
  await page.close()
})

test('a series’ Details offers More like this under its episodes: Down from the episode cards scrolls to it, Up returns to them', async () => {
  const { page, errors } = await open('#details/t0002', 'en')
  const like = (await (await fetch(`${server.origin}/v1/rails/like-t0002?limit=20`, { headers: { 'accept-language': 'en' } })).json()) as { items: Array<{ id: string; title: string }> }
  await waitForText(page, 'Season 1')
  await waitForText(page, 'More like this')
  const scale = () => page.evaluate(() => document.documentElement.clientHeight / 1080)
  const box = async (selector: string) => {
    const rect = await page.$eval(selector, (element) => {
      const { top, bottom } = element.getBoundingClientRect()
      return { top, bottom }
    })
    const s = await scale()
    return { top: rect.top / s, bottom: rect.bottom / s }
  }
  // Its name shows above the screen's bottom edge, under the episode cards.
  await waitFor('the rail’s name on screen', async () => ((await box('[ref="Like"] > [ref="Title"]')).bottom <= 1080 ? true : null))
  expect((await box('[ref="Like"]')).top).toBeGreaterThanOrEqual((await box('[ref="Episodes"]')).bottom)
  await shot(page, 'details-series-like-name')
  await press(page, 'ArrowDown', 600)
  expect(await focusedRefs(page)).toContain('Episodes')
  await press(page, 'ArrowDown', 600)
  expect(await page.$eval('[ref="Like"]', (rail) => rail.querySelector('[focused="true"]') !== null)).toBe(true)
  await waitFor('the rail inside the screen', async () => ((await box('[ref="Like"]')).bottom <= 1080 - 54 + 1 ? true : null))
  expect(await focusedTileTexts(page)).toContain(like.items[0]!.title)
  await shot(page, 'details-series-more-like-this')
  // Up: back to the episodes, the page scrolled back to its top.
  await press(page, 'ArrowUp', 600)
  expect(await focusedRefs(page)).toContain('Episodes')
  await waitFor('the page back at its top', async () => ((await box('[ref="Like"]')).top > 1000 ? true : null))
  expect(errors).toEqual([])
  await page.close()
})

test('Search offers the popular titles before a query and when it finds nothing; Back returns to the one opened', async () => {
  // With voice guidance on (?announce=1), what is said is recorded, not spoken.
  const { page, errors } = await open('#search', 'en', [], '&announce=1')
  await recordSpeech(page)
  const popular = (await (await fetch(`${server.origin}/v1/rails/popular`, { headers: { 'accept-language': 'en' } })).json()) as { items: Array<{ id: string; title: string }> }
  const [first, second] = popular.items as [{ id: string; title: string }, { id: string; title: string }]
  await waitForText(page, 'Popular on Marquee')
  await waitForText(page, first.title)
  expect(await visibleTexts(page)).not.toContain('Results appear as you type')
  await shot(page, 'search-popular')
  // From the keyboard's right edge into them; a tile opens its title, and Back comes back to it.
  for (let i = 0; i < 7 && (await focusedTileTexts(page)).length === 0; i++) await press(page, 'ArrowRight')
  expect(await focusedTileTexts(page)).toContain(first.title)
  // Voice guidance says what the grid holds before the tile.
  const said = await page.waitForFunction(() => {
    const spoken = (window as unknown as { spoken: string[] }).spoken
    const at = spoken.indexOf('Popular on Marquee')
    return at >= 0 ? spoken.slice(at + 1) : null
  }, undefined, { timeout: 5_000 })
  expect(await said.jsonValue()).toContain(first.title)
  await press(page, 'ArrowRight')
  expect(await focusedTileTexts(page)).toContain(second.title)
  await press(page, 'Enter')
  await page.waitForFunction((id) => location.hash === `#details/${id}`, second.id, { timeout: 10_000 })
  await waitForWholeText(page, second.title)
  await press(page, 'Escape', 800)
  await page.waitForFunction(() => location.hash === '#search', undefined, { timeout: 10_000 })
  await waitFor('the title opened focused again', async () => ((await focusedTileTexts(page)).includes(second.title) ? true : null))
  // Back to the keyboard (its first key), a query that finds nothing: said so, the popular titles stay to choose from.
  await press(page, 'ArrowLeft')
  await press(page, 'ArrowLeft')
  expect(await focusedTileTexts(page)).toEqual([])
  await typeOnKeyboard(page, 'qqqq')
  await waitForText(page, 'Nothing found for “qqqq”: here is what is popular')
  expect(await visibleTexts(page)).toContain(first.title)
  await shot(page, 'search-nothing-found')
  for (let i = 0; i < 7 && (await focusedTileTexts(page)).length === 0; i++) await press(page, 'ArrowRight')
  expect(await focusedTileTexts(page)).toContain(first.title)
  expect(errors).toEqual([])
  await page.close()
})

test('Search keeps a search a title was opened from: offered before the next query, above the grid, and OK on it searches again', async () => {
  const { page, errors } = await open('#search', 'en')
  await waitForText(page, 'Popular on Marquee')
  expect(await visibleTexts(page)).not.toContain('Recent')
  await typeOnKeyboard(page, 'night')
  await waitForText(page, 'Results for “night”')
  for (let i = 0; i < 7 && (await focusedTileTexts(page)).length === 0; i++) await press(page, 'ArrowRight')
  await press(page, 'Enter')
  await page.waitForFunction(() => location.hash.startsWith('#details/'), undefined, { timeout: 10_000 })
  // The next time Search opens with nothing typed (here: the app started again), the search is offered.
  await page.goto(`${server.origin}/?inspector=1&lang=en#search`)
  await waitForText(page, 'Recent')
  await waitForText(page, 'night')
  expect(await visibleTexts(page)).not.toContain('Popular on Marquee')
  await shot(page, 'search-recent')
  // Up from the grid's top row reaches it; OK searches it again, its first result focused.
  for (let i = 0; i < 7 && (await focusedTileTexts(page)).length === 0; i++) await press(page, 'ArrowRight')
  await press(page, 'ArrowUp')
  expect(await focusedRefs(page)).toContain('Recent')
  await press(page, 'Enter')
  await waitForText(page, 'Results for “night”')
  await waitFor('the first result focused', async () => ((await focusedTileTexts(page)).includes("Night Watch of Chang'an") ? true : null))
  expect(errors).toEqual([])
  await page.close()
})

test('Search’s recent searches: as many as fit beside their hint, a long one cut with …; OK held on one takes it out', async () => {
  const { page, errors } = await open('#search', 'en')
  await waitForText(page, 'Popular on Marquee')
  const long = 'the long search a voice assistant once typed in full for the viewer'
  const seed = async (recent: string[]): Promise<void> => {
    await page.evaluate((device) => localStorage.setItem('search.recent', JSON.stringify({ device })), recent)
    // The app started again on Search (a goto to the same address would only move to its hash).
    await page.reload()
    await waitForText(page, 'Recent')
  }
  const stored = async () => page.evaluate(() => (JSON.parse(localStorage.getItem('search.recent') ?? '{}') as { device?: string[] }).device)
  const hold = async () => {
    await page.keyboard.down('Enter')
    await page.waitForTimeout(1_200)
    await page.keyboard.up('Enter')
  }
  const toRecent = async () => {
    for (let i = 0; i < 7 && (await focusedTileTexts(page)).length === 0; i++) await press(page, 'ArrowRight')
    await press(page, 'ArrowUp')
    expect(await focusedRefs(page)).toContain('Recent')
  }
  await recordDrawnTexts(page)
  await seed(['night', long, '长安', 'cayx', 'mountain', 'river'])
  // The long one is drawn cut, the row stops before the last chip that would cross the TV-safe edge (room
  // kept for the hint), and the hint shows only while the row has focus.
  await waitFor('the long search drawn cut with …', async () => ((await drawnTexts(page)).some((text) => text.startsWith('the long search') && text.endsWith('…')) ? true : null))
  const shown = await visibleTexts(page)
  expect(shown).toEqual(expect.arrayContaining(['night', long, '长安']))
  expect(shown).not.toContain('mountain')
  expect(shown).not.toContain('Hold OK to remove')
  await toRecent()
  await press(page, 'ArrowRight')
  await waitForText(page, 'Hold OK to remove')
  const [chips, hint] = await waitForPlaced(page, ['[ref="Recent"] > [ref="Chips"]', '[ref="Recent"] > [ref="Hint"]'], 'right of')
  expect(hint!.right).toBeLessThanOrEqual(1920 - 96)
  expect(chips!.left).toBeGreaterThan((await boxesOf(page, ['[ref="Recent"] > [ref="Label"]']))[0]!.right)
  await shot(page, 'search-recent-hold')
  // Held on the long one: asked first, nothing searched; removed, the chip after it is focused and a chip
  // that had no room before now shows.
  await hold()
  await waitForWholeText(page, `Remove “${long}” from recent searches?`)
  expect(await visibleTexts(page)).not.toContain(`Results for “${long}”`)
  await press(page, 'ArrowRight')
  await press(page, 'Enter')
  await waitForText(page, `“${long}” is no longer in recent searches`)
  expect(await stored()).toEqual(['night', '长安', 'cayx', 'mountain', 'river'])
  await waitForText(page, 'mountain')
  await press(page, 'Enter')
  await waitForText(page, 'Results for “长安”')
  // The last one taken out: the caption is back and the focus goes down to the popular titles.
  await seed(['night'])
  await toRecent()
  await hold()
  await waitForWholeText(page, 'Remove “night” from recent searches?')
  await press(page, 'ArrowRight')
  await press(page, 'Enter')
  await waitForText(page, 'Popular on Marquee')
  expect(await stored()).toEqual([])
  await waitFor('a popular title focused', async () => ((await focusedTileTexts(page)).length > 0 ? true : null))
  expect(errors).toEqual([])
  await page.close()
})

/** Waits for the search field's caret to stand before the placeholder (never over its first letter) or after the typed text. */
async function caretBeside(page: Page, where: 'before' | 'after'): Promise<void> {
  const [caret, text] = ['Caret', 'Text'].map((ref) => `[ref="Input"] > [ref="${ref}"]`) as [string, string]
  await waitForPlaced(page, where === 'before' ? [caret, text] : [text, caret], 'right of')
}

async function focusedButtonText(page: Page): Promise<string[]> {
  return textsIn(page, '[focused="true"][type="Button"]')
}

test('the remote’s Search key opens Search from Home and from the menu, takes Search back to its keyboard, and waits while a question is open; its Menu key goes to the menu and back', async () => {
  const { page, errors } = await open()
  await waitForHomeInteractive(page)
  await press(page, 'ArrowDown')
  await press(page, 'ArrowRight')
  const tile = await focusedTileTexts(page)
  expect(tile.length).toBeGreaterThan(0)
  // "/" is the browser's Search key (Tizen's 10225, the RDK remote's F3).
  await press(page, '/')
  await page.waitForFunction(() => location.hash === '#search', undefined, { timeout: 10_000 })
  await waitForText(page, 'Popular on Marquee')
  expect(await focusInside(page, 'Keyboard')).toBe(true)
  // On Search it goes back to the keyboard from the grid, the query kept.
  await typeOnKeyboard(page, 'night')
  await waitForText(page, 'Results for “night”')
  for (let i = 0; i < 7 && (await focusedTileTexts(page)).length === 0; i++) await press(page, 'ArrowRight')
  expect((await focusedTileTexts(page)).length).toBeGreaterThan(0)
  await press(page, '/')
  expect(await focusInside(page, 'Keyboard')).toBe(true)
  expect(await visibleTexts(page)).toContain('Results for “night”')
  expect(await page.evaluate(() => location.hash)).toBe('#search')
  // Back returns to Home, to the tile it left.
  await press(page, 'Escape', 800)
  await page.waitForFunction(() => location.hash === '#home', undefined, { timeout: 10_000 })
  await waitFor('the tile left focused again', async () => ((await focusedTileTexts(page)).join() === tile.join() ? true : null))
  // From the menu too: the page takes the focus back first.
  await press(page, 'ArrowUp')
  await press(page, 'ArrowUp')
  expect(await focusInside(page, 'Menu')).toBe(true)
  await press(page, '/')
  await page.waitForFunction(() => location.hash === '#search', undefined, { timeout: 10_000 })
  await waitFor('the keyboard focused', async () => ((await focusInside(page, 'Keyboard')) ? true : null))
  await press(page, 'Escape', 800)
  await page.waitForFunction(() => location.hash === '#home', undefined, { timeout: 10_000 })
  // The Menu key (Home on a keyboard) moves to the menu, and pressed again back to the page.
  await waitFor('the page focused again', async () => ((await focusInside(page, 'Menu')) ? null : true))
  const onPage = await focusedRefs(page)
  await press(page, 'Home')
  expect(await focusInside(page, 'Menu')).toBe(true)
  await press(page, 'Home')
  await waitFor('the page focused as before the menu', async () => ((await focusedRefs(page)).join() === onPage.join() ? true : null))
  // A question on screen keeps the focus: Search waits until it is answered.
  await press(page, 'Escape')
  await waitForText(page, 'Exit Marquee?')
  await press(page, '/')
  expect(await page.evaluate(() => location.hash)).toBe('#home')
  expect(await visibleTexts(page)).toContain('Exit Marquee?')
  await press(page, 'Enter') // Keep watching
  await waitForNoText(page, 'Exit Marquee?')
  expect(errors).toEqual([])
  await page.close()
})

test('details/<id>/buy (where the player sends a viewer who must pay) focuses a purchase choice and says why', async () => {
  const { page, errors } = await open('#details/t0008/buy', 'en')
  await waitForText(page, 'This title needs a VIP subscription or a purchase.')
  // The focused button's label reaches the inspector once its texture is made, which can be frames after the notice's.
  await waitFor('a purchase choice (Rent, Buy or Subscribe) to take the focus', async () =>
    (await focusedButtonText(page)).find((text) => /^(Rent|Buy|Subscribe) ¥/.test(text)) ?? null,
  )
  await shot(page, 'details-buy')
  expect(errors).toEqual([])
  await page.close()
})
