import fs from 'node:fs'
import type { Page } from 'playwright-core'
import type { Home, TitleSummary } from '../../server/contract'
import { launchBrowser, type LaunchedBrowser } from './support/browser'
import { startAppServer, type AppServer } from './support/app-server'
import { outputDir } from './support/paths'
import { collectPageErrors, focusedRefs, press, visibleTexts, waitForText } from './support/lightning'

jest.setTimeout(180_000)

// The app asks for settings.local.json on every start (operators add it; the build has none).
const expectedNoise = [/Failed to load resource: the server responded with a status of 404/]

let server: AppServer
let browser: LaunchedBrowser
let home: Home

beforeAll(async () => {
  fs.mkdirSync(outputDir, { recursive: true })
  server = await startAppServer()
  browser = await launchBrowser()
  const response = await fetch(`${server.origin}/v1/home`, { headers: { 'accept-language': 'en' } })
  home = (await response.json()) as Home
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

async function open(url: string, initScript?: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage()
  const errors = collectPageErrors(page, expectedNoise)
  if (initScript) await page.addInitScript({ content: initScript })
  await page.goto(`${server.origin}/${url}`)
  return { page, errors }
}

async function waitForHash(page: Page, hash: string): Promise<void> {
  await page.waitForFunction((expected) => window.location.hash === expected, hash, { timeout: 15_000 })
}

/** A title deep in the catalogue (not the hero), so its details are not already on Home. */
function someTitle(): { id: string; title: string } {
  const rail = home.rails[1] ?? home.rails[0]
  const item = rail?.items[2]
  if (!item) throw new Error('the seeded Home has no rails')
  return item
}

async function freeFilm(): Promise<TitleSummary> {
  const response = await fetch(`${server.origin}/v1/rails/catalog-all?limit=500`, { headers: { 'accept-language': 'en' } })
  const titles = ((await response.json()) as { items: TitleSummary[] }).items
  const free = titles.find((t) => t.access.entitlement.kind === 'free' && t.kind === 'film')
  if (!free) throw new Error('the seeded catalogue has no free film')
  return free
}

describe('deep links', () => {
  test.each([
    ['?deeplink=details/ID', (id: string) => `?inspector=1&lang=en&deeplink=details/${id}`],
    ['#details/ID', (id: string) => `?inspector=1&lang=en#details/${id}`],
  ])('%s opens the details; Back leads Home, and Back on Home asks to exit', async (_form, url) => {
    const title = someTitle()
    const { page, errors } = await open(url(title.id))
    await waitForHash(page, `#details/${title.id}`)
    await waitForText(page, title.title)

    await press(page, 'Escape', 600)
    await waitForHash(page, '#home')
    await waitForText(page, home.hero.title)

    // Home is the bottom of the history: one more Back is the exit question, not another page.
    await press(page, 'Escape', 600)
    await waitForText(page, 'Exit Marquee?')
    expect(await focusedRefs(page)).toContain('Cancel')
    expect(errors).toEqual([])
    await page.close()
  })

  test('?deeplink=player/ID/play starts playback; Back leads Home', async () => {
    const free = await freeFilm()
    const { page, errors } = await open(`?inspector=1&lang=en&deeplink=player/${free.id}/play`)
    await waitForHash(page, `#player/${free.id}/play`)
    await page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 1, undefined, { timeout: 30_000, polling: 100 })

    await press(page, 'Escape', 600)
    await waitForHash(page, '#home')
    await waitForText(page, home.hero.title)
    expect(errors).toEqual([])
    await page.close()
  })

  test('?deeplink=search/<query> (a voice assistant’s search) opens Search with its results, the first focused; Back leads Home', async () => {
    const found = (await (await fetch(`${server.origin}/v1/search?q=${encodeURIComponent('长安')}&limit=40`, { headers: { 'accept-language': 'en' } })).json()) as { items: TitleSummary[] }
    const first = found.items[0]
    if (!first) throw new Error('the seeded catalogue finds nothing for 长安')
    const { page, errors } = await open(`?inspector=1&lang=en&deeplink=search/长安`)
    await waitForHash(page, '#search/%E9%95%BF%E5%AE%89')
    const firstFocused = () =>
      page.waitForFunction(
        (title) => [...document.querySelectorAll('[focused="true"][type="Tile"] [texture-text]')].some((el) => el.getAttribute('texture-text') === title),
        first.title,
        { timeout: 10_000 },
      )
    await waitForText(page, 'Results for “长安”')
    await firstFocused()
    // The query stands in the field, as if typed.
    expect(await visibleTexts(page)).toContain('长安')
    await press(page, 'Enter')
    await waitForHash(page, `#details/${first.id}`)
    // Back: the results again, the one opened focused; Back once more leads Home.
    await press(page, 'Escape', 600)
    await waitForHash(page, '#search/%E9%95%BF%E5%AE%89')
    await waitForText(page, 'Results for “长安”')
    await firstFocused()
    await press(page, 'Escape', 600)
    await waitForHash(page, '#home')
    await waitForText(page, home.hero.title)
    expect(errors).toEqual([])
    await page.close()
  })

  test('a link the app cannot open starts on Home as usual', async () => {
    const { page, errors } = await open('?inspector=1&lang=en&deeplink=account/../../etc')
    await waitForHash(page, '#home')
    await waitForText(page, home.hero.title)
    expect(errors).toEqual([])
    await page.close()
  })
})

test('on a Samsung TV the screen saver is held off while a film plays, and let back when it pauses and when it stops', async () => {
  const free = await freeFilm()
  // Samsung's webapis.appcommon (webapis.js on the TV), recording what the app tells it.
  const appCommon = `window.__screenSaver = [];
    window.webapis = { appcommon: { AppCommonScreenSaverState: { SCREEN_SAVER_OFF: 0, SCREEN_SAVER_ON: 1 },
      setScreenSaver: function (state, onSuccess) { window.__screenSaver.push(state === 1 ? 'on' : 'off'); if (onSuccess) onSuccess(); } } };`
  const { page, errors } = await open(`?inspector=1&lang=en&platform=tizen#player/${free.id}/play`, appCommon)
  const told = (): Promise<string[]> => page.evaluate(() => (window as unknown as { __screenSaver: string[] }).__screenSaver)
  const lastTold = (state: string): Promise<unknown> =>
    page.waitForFunction((expected) => (window as unknown as { __screenSaver: string[] }).__screenSaver.slice(-1)[0] === expected, state, { timeout: 10_000 })
  await page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 1, undefined, { timeout: 30_000, polling: 100 })
  await lastTold('off')
  await press(page, 'Enter')
  await waitForText(page, 'Paused')
  await lastTold('on')
  await press(page, 'Enter')
  await lastTold('off')
  await page.evaluate(() => {
    window.location.hash = '#home'
  })
  await waitForText(page, home.hero.title)
  await lastTold('on')
  // Told on changes only: never "on" while the film played, never a call per buffering blip.
  expect((await told()).join(' ')).toMatch(/^(off )+on (off )+on$/)
  expect(errors).toEqual([])
  await page.close()
})

describe('voice guidance', () => {
  /** Records what the app asks the browser's speech engine to say (and says nothing aloud). */
  const recordSpeech = `(function () {
    window.__spoken = [];
    window.speechSynthesis.speak = function (utterance) { window.__spoken.push(utterance.lang + '|' + utterance.text); };
    window.speechSynthesis.cancel = function () {};
  })();`

  const spoken = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken)

  async function focusFirstRailTile(page: Page): Promise<void> {
    await waitForText(page, home.hero.title)
    for (let i = 0; i < 4 && !(await focusedRefs(page)).includes('Rails'); i++) await press(page, 'ArrowDown', 500)
  }

  test('?announce=1 reads the focused tile: its title and its access badge, in the UI language', async () => {
    const { page, errors } = await open('?inspector=1&lang=en&announce=1', recordSpeech)
    await focusFirstRailTile(page)
    const first = home.rails[0]?.items[0]
    expect(first).toBeDefined()
    await page.waitForFunction(
      (title) => (window as unknown as { __spoken: string[] }).__spoken.some((line) => line.includes(title)),
      first?.title ?? '',
      { timeout: 10_000 },
    )
    const said = await spoken(page)
    expect(said).toContain(`en-US|${first?.title}`)
    expect(said.some((line) => /^en-US\|(Free|VIP|Rent ¥\d+|Buy ¥\d+)/.test(line))).toBe(true)
    expect(errors).toEqual([])
    await page.close()
  })

  test("a series' episode list reads the card in focus, and each card a move brings, not every card on screen", async () => {
    const { page, errors } = await open('?inspector=1&lang=en&announce=1#details/t0002', recordSpeech)
    await waitForText(page, '1. First Landing in Lhasa')
    await press(page, 'ArrowDown', 800)
    await page.waitForFunction(() => (window as unknown as { __spoken: string[] }).__spoken.includes('en-US|1. First Landing in Lhasa'), undefined, { timeout: 10_000 })
    expect(await spoken(page)).not.toContain('en-US|2. Wind Shear')
    await press(page, 'ArrowRight', 800)
    await page.waitForFunction(() => (window as unknown as { __spoken: string[] }).__spoken.includes('en-US|2. Wind Shear'), undefined, { timeout: 10_000 })
    expect(await spoken(page)).not.toContain('en-US|3. Night Flight')
    expect(errors).toEqual([])
    await page.close()
  })

  test('Info in the player reads what it shows: the title and the synopsis', async () => {
    const free = await freeFilm()
    const details = (await (await fetch(`${server.origin}/v1/titles/${free.id}`, { headers: { 'accept-language': 'en' } })).json()) as { synopsis: string }
    // From the start: the tests before played this film on this browser's device, which keeps its place.
    const { page, errors } = await open(`?inspector=1&lang=en&announce=1#player/${free.id}/startover`, recordSpeech)
    await page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 0.5, undefined, { timeout: 20_000 })
    await press(page, 'i', 500)
    await page.waitForFunction(
      (synopsis) => (window as unknown as { __spoken: string[] }).__spoken.includes(`en-US|${synopsis}`),
      details.synopsis,
      { timeout: 10_000 },
    )
    const said = await spoken(page)
    expect(said).toContain('en-US|You are watching')
    expect(said).toContain(`en-US|${free.title}`)
    expect(errors).toEqual([])
    await page.close()
  })

  test('without the setting (and no TV voice guide) nothing is said', async () => {
    const { page, errors } = await open('?inspector=1&lang=en', recordSpeech)
    await focusFirstRailTile(page)
    await press(page, 'ArrowRight', 800)
    expect(await spoken(page)).toEqual([])
    expect(errors).toEqual([])
    await page.close()
  })
})
