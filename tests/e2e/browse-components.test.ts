import type { Page } from 'playwright-core'
import { launchBrowser, type LaunchedBrowser } from './support/browser'
import { startAppServer, type AppServer } from './support/app-server'
import { boxesOf, collectPageErrors, drawnFonts, drawnTexts, press, recordDrawnTexts, waitForHomeInteractive, waitForPlaced, waitForText, waitForTextMatching, waitForWholeText } from './support/lightning'
import { waitFor } from './support/wait'

/**
 * The browse components in the real renderer: the built app in Chromium, read
 * through the inspector DOM. (Lightning needs WebGL or a canvas and the SDK
 * does not load under Jest's Node environment, so this is where a Rail, a
 * Tile or the search Grid can really be rendered.)
 */

jest.setTimeout(120_000)

const expectedNoise = [/Failed to load resource: the server responded with a status of 404/]

let server: AppServer
let browser: LaunchedBrowser | null = null

beforeAll(async () => {
  server = await startAppServer()
})

afterEach(async () => {
  await browser?.close()
  browser = null
})

afterAll(async () => {
  await server?.close()
})

/** A fresh browser on the app in `lang` at `hash`; `prepare` runs on the page before it loads. */
async function open(hash = '', lang = 'en', prepare?: (page: Page) => Promise<void>): Promise<{ page: Page; errors: string[] }> {
  await browser?.close()
  browser = await launchBrowser()
  const page = await browser.context.newPage()
  const errors = collectPageErrors(page, expectedNoise)
  await prepare?.(page)
  await page.goto(`${server.origin}/?inspector=1&lang=${lang}${hash}`)
  return { page, errors }
}

interface RailPageBody {
  items: { id: string; title: string }[]
  totalCount: number
}

async function railItems(railId: string, limit: number): Promise<RailPageBody> {
  const response = await fetch(`${server.origin}/v1/rails/${railId}?limit=${limit}`, { headers: { 'accept-language': 'en' } })
  return (await response.json()) as RailPageBody
}

/** Tiles built inside each Rail on Home, in rail order. */
function tilesPerRail(page: Page): Promise<number[]> {
  return page.$$eval('[type="Rail"]', (rails) => rails.map((rail) => rail.querySelectorAll('[type="Tile"]').length))
}

function focusedTileTexts(page: Page): Promise<string[]> {
  return page.$$eval('[focused="true"][type="Tile"] [texture-text]', (elements) => elements.map((el) => el.getAttribute('texture-text') ?? ''))
}

/** Until `count` posters of Home's first rail have faded in (alpha 1: no attribute in the inspector). */
function waitForFirstRailPosters(page: Page, count: number): Promise<unknown> {
  return page.waitForFunction((count) => {
    const rail = document.querySelector('[type="Rail"]')
    return [...(rail?.querySelectorAll('[type="Tile"] [ref="Image"]') ?? [])].filter((image) => image.getAttribute('src') && image.getAttribute('alpha') === null).length >= count
  }, count)
}

test('Rail: only the tiles around focus exist, and the next page loads as focus nears the end', async () => {
  const { page, errors } = await open()
  await waitForText(page, 'Free to watch')
  const free = await railItems('free', 40)
  expect(free.totalCount).toBeGreaterThan(20)
  // Each page of the rail answered after 300 ms, as over a real network: presses go on while it is in flight.
  const pageRequests: string[] = []
  await page.route(
    (url) => url.pathname === '/v1/rails/free',
    async (route) => {
      pageRequests.push(new URL(route.request().url()).search)
      await new Promise((resolve) => setTimeout(resolve, 300))
      await route.continue()
    },
  )
  await press(page, 'ArrowDown', 400)
  // Past the first page of 20: the rail must have asked for the next one, once (the presses while it is in
  // flight, each asking after its own frame, must not ask again).
  for (let i = 0; i < 24; i++) await press(page, 'ArrowRight', 120)
  await page.waitForTimeout(600)
  expect(await focusedTileTexts(page)).toContain(free.items[24]!.title)
  expect(pageRequests.length).toBeGreaterThan(0)
  expect(pageRequests.filter((search, index) => pageRequests.indexOf(search) !== index)).toEqual([])
  // 7 on screen + 2 either side, however far the viewer has scrolled.
  expect((await tilesPerRail(page))[0]).toBeLessThanOrEqual(11)
  expect(errors).toEqual([])
})

test('Grid: the Channel keys page Browse’s grid a screenful of rows at a time in the same column, paging in more at the loaded end', async () => {
  const home = (await (await fetch(`${server.origin}/v1/home`, { headers: { 'accept-language': 'en' } })).json()) as { rails: Array<{ id: string; nextCursor: string | null }> }
  const genreRail = home.rails.find((rail) => rail.id.startsWith('genre-') && rail.nextCursor !== null)
  if (!genreRail) throw new Error('no genre rail with a second page')
  const titles = (await railItems(genreRail.id, 60)).items.map((item) => item.title)
  expect(titles.length).toBeGreaterThan(35)
  const { page, errors } = await open(`#browse/${genreRail.id.slice('genre-'.length)}`)
  await waitFor('the grid focused on its first title', async () => ((await focusedTileTexts(page)).includes(titles[0]!) ? true : null))
  // Page Down / Page Up are the browser's Channel keys; the grid has 5 columns and 2 rows on screen.
  const nextPage = page.waitForResponse((response) => response.url().includes(`/v1/rails/${genreRail.id}?`) && response.url().includes('cursor='))
  await press(page, 'PageDown')
  await waitFor('Page Down to focus title 10', async () => ((await focusedTileTexts(page)).includes(titles[10]!) ? true : null), 5_000)
  await nextPage
  await press(page, 'ArrowRight')
  const steps: Array<[string, number]> = [['PageDown', 21], ['PageDown', 31], ['PageUp', 21], ['PageUp', 11], ['PageUp', 1], ['PageUp', 1]]
  for (const [key, index] of steps) {
    await press(page, key)
    await waitFor(`${key} to focus title ${index}`, async () => ((await focusedTileTexts(page)).includes(titles[index]!) ? true : null), 5_000)
  }
  expect(errors).toEqual([])
})

test('Info (I on a keyboard) opens the focused title’s details from Home’s hero, a rail’s tile and Browse’s grid', async () => {
  const home = (await (await fetch(`${server.origin}/v1/home`, { headers: { 'accept-language': 'en' } })).json()) as {
    hero: { id: string }
    rails: Array<{ id: string; items: Array<{ id: string; title: string }>; nextCursor: string | null }>
  }
  const { page, errors } = await open('#home')
  await waitForHomeInteractive(page)
  let at = ''
  const hashIs = (hash: string): Promise<true> =>
    waitFor(() => `the page at ${hash}, at ${at}`, async () => ((at = await page.evaluate(() => location.hash)) === hash ? true : null), 10_000)
  await press(page, 'i')
  await hashIs(`#details/${home.hero.id}`)
  await waitForText(page, 'Add to My list')
  await press(page, 'Escape')
  await hashIs('#home')
  await waitForHomeInteractive(page)
  // The first rail's second tile (a rail's OK may wait to be held; Info does not).
  const [first, second] = home.rails[0]!.items
  await press(page, 'ArrowDown', 400)
  await waitFor('the first rail focused', async () => ((await focusedTileTexts(page)).includes(first!.title) ? true : null))
  await press(page, 'ArrowRight', 400)
  expect(await focusedTileTexts(page)).toContain(second!.title)
  await press(page, 'i')
  await hashIs(`#details/${second!.id}`)
  await waitForWholeText(page, second!.title)

  const genreRail = home.rails.find((rail) => rail.id.startsWith('genre-'))!
  const titles = (await railItems(genreRail.id, 2)).items
  await page.goto(`${server.origin}/?inspector=1&lang=en#browse/${genreRail.id.slice('genre-'.length)}`)
  await waitFor('the grid focused on its first title', async () => ((await focusedTileTexts(page)).includes(titles[0]!.title) ? true : null))
  await press(page, 'ArrowRight', 400)
  await press(page, 'i')
  await hashIs(`#details/${titles[1]!.id}`)
  expect(errors).toEqual([])
})

test('the remote’s Play (Space on a keyboard) on a tile plays the title without its page; one the viewer cannot play opens at its purchase choices', async () => {
  const home = (await (await fetch(`${server.origin}/v1/home`, { headers: { 'accept-language': 'en' } })).json()) as { rails: Array<{ id: string }> }
  // A genre whose grid's first row (5 titles) holds a free title to play and a paid one this new TV holds nothing of.
  type Item = { id: string; title: string; access: { entitlement: { kind: string } } }
  let found: { railId: string; row: Item[]; free: number; paid: number } | null = null
  for (const rail of home.rails.filter((candidate) => candidate.id.startsWith('genre-'))) {
    const row = ((await (await fetch(`${server.origin}/v1/rails/${rail.id}?limit=5`, { headers: { 'accept-language': 'en' } })).json()) as { items: Item[] }).items
    const free = row.findIndex((item) => item.access.entitlement.kind === 'free')
    const paid = row.findIndex((item) => item.access.entitlement.kind === 'none')
    if (free >= 0 && paid >= 0) {
      found = { railId: rail.id, row, free, paid }
      break
    }
  }
  if (!found) throw new Error('no genre with a free and a paid title in its first five')
  const { row, free, paid } = found
  const genreRail = { id: found.railId }
  const { page, errors } = await open(`#browse/${genreRail.id.slice('genre-'.length)}`)
  const hashIs = (hash: string): Promise<unknown> => page.waitForFunction((expected) => location.hash === expected, hash, { timeout: 15_000 })
  const focused = (index: number): Promise<true> =>
    waitFor(`the grid focused on title ${index}`, async () => ((await focusedTileTexts(page)).includes(row[index]!.title) ? true : null))
  await focused(0)
  for (let i = 0; i < free; i++) await press(page, 'ArrowRight', 300)
  await focused(free)
  await press(page, ' ')
  await hashIs(`#player/${row[free]!.id}/play`)
  await page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 0.5, undefined, { timeout: 20_000 })
  // Back from the play: the grid it was started from, at that title.
  await press(page, 'Escape')
  await hashIs(`#browse/${genreRail.id.slice('genre-'.length)}`)
  await focused(free)
  for (let i = 0; i < Math.abs(paid - free); i++) await press(page, paid > free ? 'ArrowRight' : 'ArrowLeft', 300)
  await focused(paid)
  await press(page, ' ')
  await hashIs(`#details/${row[paid]!.id}/buy`)
  await waitForWholeText(page, row[paid]!.title)
  expect(errors).toEqual([])
})

test('Home: rails far from focus release their tiles, rails near it rebuild them', async () => {
  const { page, errors } = await open()
  await waitForText(page, 'Free to watch')
  for (let i = 0; i < 8; i++) await press(page, 'ArrowDown', 300)
  const counts = await tilesPerRail(page)
  // Focus on rail 7 (index 7): rails 0..4 are more than two rows away.
  expect(counts.slice(0, 5)).toEqual([0, 0, 0, 0, 0])
  expect(counts[7]).toBeGreaterThan(0)
  expect(counts.reduce((sum, count) => sum + count, 0)).toBeLessThanOrEqual(5 * 11)
  for (let i = 0; i < 8; i++) await press(page, 'ArrowUp', 300)
  expect((await tilesPerRail(page))[0]).toBeGreaterThan(0)
  expect(errors).toEqual([])
})

test('Tile: skeletons while the feed loads, then posters with badges', async () => {
  browser = await launchBrowser()
  const page = await browser.context.newPage()
  const errors = collectPageErrors(page, expectedNoise)
  // Hold the home feed back a moment (the real answer, later) to see the loading state.
  let release: () => void = () => undefined
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route('**/v1/home', async (route) => {
    await held
    await route.continue()
  })
  await page.goto(`${server.origin}/?inspector=1&lang=en`)
  await page.waitForSelector('[type="Tile"]', { timeout: 15_000 })
  const skeletonTexts = await page.$$eval('[type="Tile"] [texture-text]', (els) => els.map((el) => el.getAttribute('texture-text') ?? '').filter(Boolean))
  expect(skeletonTexts).toEqual([])
  release()
  await waitForText(page, 'Free to watch')
  await waitForText(page, 'Free')
  // Once a poster has faded in (alpha 1: no attribute in the inspector), the card under it is no longer drawn.
  const firstRailPosters = (): Promise<{ shown: number; cardsDrawn: number }> =>
    page.$eval('[type="Rail"]', (rail) => {
      const shown = [...rail.querySelectorAll('[type="Tile"]')].filter((tile) => {
        const image = tile.querySelector('[ref="Image"]')
        return image?.getAttribute('src') && image.getAttribute('alpha') === null
      })
      return { shown: shown.length, cardsDrawn: shown.filter((tile) => tile.querySelector('[ref="Placeholder"]')?.getAttribute('visible') !== 'false').length }
    })
  await waitForFirstRailPosters(page, 7)
  await page.waitForTimeout(300)
  expect(await firstRailPosters()).toEqual({ shown: expect.any(Number), cardsDrawn: 0 })
  expect((await firstRailPosters()).shown).toBeGreaterThanOrEqual(7)

  // Every poster is shaped in one shared canvas, copied out as it is drawn: each keeps its own picture (every
  // title's card has its own colours), with its corners cut.
  const boxes = await page.$eval('[type="Rail"]', (rail) =>
    [...rail.querySelectorAll('[type="Tile"] [ref="Image"]')]
      .map((image) => image.getBoundingClientRect())
      .filter((box) => box.left >= 0 && box.right <= 1920)
      .map((box) => ({ left: Math.round(box.left), top: Math.round(box.top), w: Math.round(box.width), h: Math.round(box.height) })),
  )
  expect(boxes.length).toBeGreaterThanOrEqual(5)
  const points = boxes.flatMap((box) => [
    { x: box.left + 1, y: box.top + 1 },
    { x: box.left - 8, y: box.top + 1 },
    { x: box.left + Math.round(box.w / 2), y: box.top + Math.round(box.h / 4) },
  ])
  const pixels = await pixelsAt(page, points)
  const perTile = boxes.map((_, index) => pixels.slice(index * 3, index * 3 + 3))
  // The backdrop's fade behind the rail shades the background by a few levels across a tile's width.
  for (const [corner, beside] of perTile) expect(Math.max(...corner!.map((value, channel) => Math.abs(value - beside![channel]!)))).toBeLessThanOrEqual(4)
  const pictures = perTile.map(([, , inside]) => inside!.join(','))
  expect(new Set(pictures).size).toBe(pictures.length)
  expect(errors).toEqual([])
})

/** RGB of the page's pixels at `points`, read from a screenshot decoded in the page. */
async function pixelsAt(page: Page, points: { x: number; y: number }[]): Promise<number[][]> {
  const png = (await page.screenshot()).toString('base64')
  return page.evaluate(
    async ({ png, points }) => {
      const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0))
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }))
      const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!
      context.drawImage(bitmap, 0, 0)
      return points.map(({ x, y }) => [...context.getImageData(x, y, 1, 1).data.slice(0, 3)])
    },
    { png, points },
  )
}

/** A draw call of the last frame: its texture's size as uploaded, and whether it was sampled nearest. */
interface FrameDraw {
  size: string
  nearest: boolean
}

/**
 * Watches the page's real WebGL calls: each texture's size (from its upload) and filter, and the draw calls of the
 * last frame drawn. With `forceLinear` every filter stays bilinear, as Lightning's own default shader draws.
 */
function watchSampling(forceLinear: boolean): void {
  interface Watched { size: string; filter: number }
  const proto = WebGLRenderingContext.prototype
  const textures = new WeakMap<WebGLTexture, Watched>()
  let bound: WebGLTexture | null = null
  let frame = 0
  let drawn: { frame: number; draws: FrameDraw[] } = { frame: -1, draws: [] }
  const sampling = window as unknown as { __lastFrameDraws: () => FrameDraw[] }
  sampling.__lastFrameDraws = () => drawn.draws
  const raf = window.requestAnimationFrame.bind(window)
  window.requestAnimationFrame = (callback) => raf((time) => (frame++, callback(time)))
  const bindTexture = proto.bindTexture
  proto.bindTexture = function (target, texture) {
    bound = texture
    if (texture && !textures.has(texture)) textures.set(texture, { size: '', filter: this.LINEAR })
    return bindTexture.call(this, target, texture)
  }
  const texImage2D = proto.texImage2D as (...args: unknown[]) => void
  proto.texImage2D = function (this: WebGLRenderingContext, ...args: unknown[]) {
    const source = args[args.length - 1] as { width?: number; height?: number } | null
    const size = args.length === 6 ? `${source?.width}x${source?.height}` : `${args[3]}x${args[4]}`
    if (bound) textures.get(bound)!.size = size
    return texImage2D.apply(this, args)
  } as typeof proto.texImage2D
  const texParameteri = proto.texParameteri
  proto.texParameteri = function (target, name, value) {
    const filter = name === this.TEXTURE_MAG_FILTER || name === this.TEXTURE_MIN_FILTER
    if (filter && forceLinear) value = this.LINEAR
    if (name === this.TEXTURE_MAG_FILTER && bound) textures.get(bound)!.filter = value
    return texParameteri.call(this, target, name, value)
  }
  const drawElements = proto.drawElements
  proto.drawElements = function (mode, count, type, offset) {
    if (drawn.frame !== frame) drawn = { frame, draws: [] }
    const texture = bound ? textures.get(bound) : undefined
    drawn.draws.push({ size: texture?.size ?? '', nearest: texture?.filter === this.NEAREST })
    return drawElements.call(this, mode, count, type, offset)
  }
}

test('Sampling: unzoomed posters are drawn nearest, the zoomed focused one bilinear, and the picture is the same', async () => {
  const screenshots: string[] = []
  for (const forceLinear of [false, true]) {
    browser = await launchBrowser()
    const page = await browser.context.newPage()
    const errors = collectPageErrors(page, expectedNoise)
    await page.addInitScript(watchSampling, forceLinear)
    await page.goto(`${server.origin}/?inspector=1&lang=en`)
    await waitForText(page, 'Free to watch')
    await press(page, 'ArrowDown')
    await waitForFirstRailPosters(page, 7)
    await page.waitForTimeout(800)
    // The last frame drawn (the end of the posters' fade-in): every poster texture is 240×360 (Tile.styles).
    const posters = (await page.evaluate(() => (window as unknown as { __lastFrameDraws: () => FrameDraw[] }).__lastFrameDraws())).filter(
      (draw) => draw.size === '240x360',
    )
    expect(posters.length).toBeGreaterThanOrEqual(7)
    if (forceLinear) expect(posters.filter((draw) => draw.nearest)).toEqual([])
    else expect(posters.filter((draw) => !draw.nearest)).toHaveLength(1)
    screenshots.push((await page.screenshot()).toString('base64'))
    expect(errors).toEqual([])
    await browser.close()
    browser = null
  }
  // Drawn one texel to one pixel, nearest and bilinear sampling give the same pixels.
  browser = await launchBrowser()
  const page = await browser.context.newPage()
  const differing = await page.evaluate(async (pngs) => {
    const pixels = await Promise.all(
      pngs.map(async (png) => {
        const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(png), (c) => c.charCodeAt(0))], { type: 'image/png' }))
        const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!
        context.drawImage(bitmap, 0, 0)
        return context.getImageData(0, 0, bitmap.width, bitmap.height).data
      }),
    )
    const [a, b] = pixels as [Uint8ClampedArray, Uint8ClampedArray]
    let count = 0
    for (let i = 0; i < a.length; i += 4) if (Math.max(Math.abs(a[i]! - b[i]!), Math.abs(a[i + 1]! - b[i + 1]!), Math.abs(a[i + 2]! - b[i + 2]!)) > 2) count++
    return count / (a.length / 4)
  }, screenshots)
  expect(differing).toBeLessThan(0.0005)
})

test('Tile: a title without a poster shows its title card instead of a hole', async () => {
  const { page, errors } = await open('#search')
  await waitForText(page, 'Type a title, pinyin or initials')
  // "flamed" → Flame Dancer (t0123 has no poster), typed on the on-screen keyboard.
  const keys: [number, number][] = [[0, 5], [1, 5], [0, 0], [2, 0], [0, 4], [0, 3]]
  let row = 0
  let column = 0
  for (const [targetRow, targetColumn] of keys) {
    while (row < targetRow) (await press(page, 'ArrowDown', 100), row++)
    while (row > targetRow) (await press(page, 'ArrowUp', 100), row--)
    while (column < targetColumn) (await press(page, 'ArrowRight', 100), column++)
    while (column > targetColumn) (await press(page, 'ArrowLeft', 100), column--)
    await press(page, 'Enter', 100)
  }
  await waitForText(page, 'flamed')
  await waitForText(page, 'Flame Dancer')
  const card = await page.$$eval('[type="Tile"]', (tiles) =>
    tiles
      .map((tile) => ({
        caption: tile.querySelector('[ref="Title"]')?.getAttribute('texture-text') ?? '',
        card: tile.querySelector('[ref="PlaceholderTitle"]')?.getAttribute('texture-text') ?? '',
        poster: tile.querySelector('[ref="Image"]')?.getAttribute('src') ?? null,
        cardDrawn: tile.querySelector('[ref="Placeholder"]')?.getAttribute('visible') !== 'false',
      }))
      .find((tile) => tile.caption === 'Flame Dancer'),
  )
  expect(card).toEqual({ caption: 'Flame Dancer', card: 'Flame Dancer', poster: null, cardDrawn: true })
  expect(errors).toEqual([])
})

test('long, Chinese and emoji titles stay inside the details text column, two lines at most', async () => {
  for (const [hash, lang] of [
    ['#details/t0005', 'zh-CN'],
    ['#details/t0005', 'en'],
    ['#details/t0008', 'en'],
    ['#details/t0006', 'zh-CN'],
  ] as const) {
    const { page, errors } = await open(hash, lang)
    await page.waitForSelector('[ref="Title"][texture-text]:not([texture-text=""])', { timeout: 15_000 })
    await page.waitForTimeout(500)
    const box = await page.$eval('[ref="Title"][texture-text]:not([texture-text=""])', (el) => {
      const rect = el.getBoundingClientRect()
      return { left: rect.left, right: rect.right, height: rect.height, wrap: Number(el.getAttribute('texture-word_wrap_width')) }
    })
    expect(box.right - box.left).toBeLessThanOrEqual(box.wrap)
    // Two lines of the 88 px display line height, never a third.
    expect(box.height).toBeLessThan(3 * 88)
    await page.screenshot({ path: `${process.cwd()}/test-output/e2e/browse-long-title-${hash.slice(9)}-${lang}.png` })
    expect(errors).toEqual([])
  }
})

test('Hero: a long name keeps one line above the badge, and its focused first button stays clear of the first rail’s title', async () => {
  // An operator may feature any title: the real feed, its hero swapped for the seed's longest name.
  const long = (await railItems('catalog-all', 500)).items.find((item) => item.id === 't0008')!
  const { page, errors } = await open('', 'en', async (opened) => {
    await opened.route('**/v1/home', async (route) => {
      const feed = (await (await route.fetch()).json()) as { hero: unknown }
      await route.fulfill({ json: { ...feed, hero: long } })
    })
  })
  await waitForHomeInteractive(page)
  await waitForText(page, long.title)
  await waitFor("the hero's name drawn", async () => (await boxesOf(page, ['[type="Hero"] > [ref="Title"]'])).find((box) => box.bottom > box.top) ?? null)
  const [name] = await waitForPlaced(page, ['[type="Hero"] > [ref="Title"]', '[type="Hero"] > [ref="Badge"]'])
  // One line of the display style (88 px), not two.
  expect(name!.bottom - name!.top).toBeLessThan(1.5 * 88)
  await waitForPlaced(page, ['[type="Hero"] > [ref="Actions"] > [type="Button"]', '[type="Rail"] > [ref="Title"]'])
  expect(await page.$('[type="Hero"] [ref="Actions"] > [focused="true"]')).not.toBeNull()
  await page.screenshot({ path: `${process.cwd()}/test-output/e2e/home-hero-long-name.png` })
  expect(errors).toEqual([])
})

test('Details in every language: five buttons inside the TV-safe area, the cast listed with the language’s separator', async () => {
  // t0008 is sold to rent, to buy and with VIP, and has a trailer: with My list, five buttons.
  for (const [lang, cast] of [
    ['zh-CN', /^主演：[^,]+(、[^,]+)+$/],
    ['en', /^Cast: [^、]+(, [^、]+)+$/],
    ['id', /^Pemeran: [^、]+(, [^、]+)+$/],
  ] as const) {
    const { page, errors } = await open('#details/t0008', lang)
    await waitForTextMatching(page, cast)
    await waitFor(`five buttons on Details in ${lang}`, async () => ((await page.$$('[ref="Actions"] > [type="Button"]')).length === 5 ? true : null))
    await page.waitForTimeout(500)
    const { right, safeRight } = await page.evaluate(() => {
      const canvas = document.querySelector('canvas')!.getBoundingClientRect()
      const scale = canvas.width / 1920
      const buttons = [...document.querySelectorAll('[ref="Actions"] > [type="Button"]')].map((el) => el.getBoundingClientRect())
      // The safe area's right edge: 96 px of 1920 in from the screen's.
      return { right: Math.max(...buttons.map((box) => box.right)) - canvas.left, safeRight: (1920 - 96) * scale }
    })
    // Named per language, so a failure says which one and by how much.
    expect({ lang, pastSafeArea: Math.max(0, Math.ceil(right - safeRight)) }).toEqual({ lang, pastSafeArea: 0 })
    await page.screenshot({ path: `${process.cwd()}/test-output/e2e/details-buttons-${lang}.png` })
    expect(errors).toEqual([])
  }
})

test('Details lists episodes: a number said once, a named episode beside its number, the running time under a two-line name', async () => {
  // t0001's episodes are titled by their number ("Episode 3", "第3集"); t0002's first season has names of its own.
  for (const [lang, numberOnly, named] of [
    ['en', 'Episode 1', '2. Wind Shear'],
    ['zh-CN', '第 1 集', '第 2 集 · 风切变'],
  ] as const) {
    const generic = await open('#details/t0001', lang)
    await waitForWholeText(generic.page, numberOnly)
    expect(generic.errors).toEqual([])
    const { page, errors } = await open('#details/t0002', lang)
    await waitForWholeText(page, named)
    // The first four cards, the fourth's name on two lines: each name stands above its running time.
    for (let card = 1; card <= 4; card++) {
      const inCard = `[ref="Episodes"] [ref="Episodes"] > :nth-child(${card})`
      await waitForPlaced(page, [`${inCard} > [ref="Title"]`, `${inCard} > [ref="Duration"]`])
    }
    await page.screenshot({ path: `${process.cwd()}/test-output/e2e/details-episodes-${lang}.png` })
    expect(errors).toEqual([])
  }
})

test('a title cut to two lines is drawn a line at a time, its last line ending in one "…"', async () => {
  for (const [id, lang] of [
    ['t0008', 'en'],
    ['t0005', 'zh-CN'],
  ] as const) {
    const { page, errors } = await open(`#details/${id}`, lang, recordDrawnTexts)
    const titleElement = await page.waitForSelector('[ref="Title"][texture-text]:not([texture-text=""])', { timeout: 15_000 })
    const title = (await titleElement.getAttribute('texture-text')) ?? ''
    const cutLine = await waitFor(`the cut last line of "${title}"`, async () => (await drawnTexts(page)).find((text) => text.length > 1 && text.endsWith('…') && title.includes(text.slice(0, -1))) ?? null)
    // The line before it is drawn as one string: the title up to where the cut line starts.
    expect(await drawnTexts(page)).toContain(title.slice(0, title.indexOf(cutLine.slice(0, -1))))
    expect((await drawnTexts(page)).filter((text) => text.endsWith('..'))).toEqual([])
    expect(errors).toEqual([])
  }
})

test('Home is drawn in the fonts of the language it starts in, or those an operator sets', async () => {
  const operatorFonts = { appSettings: { stage: { defaultFontFace: ['DejaVu Sans', 'sans-serif'] } } }
  for (const [lang, family, settingsLocal] of [
    ['zh-CN', '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif', null],
    ['en', 'sans-serif', null],
    ['zh-CN', '"DejaVu Sans", sans-serif', operatorFonts],
  ] as const) {
    const { page, errors } = await open('', lang, async (opened) => {
      await recordDrawnTexts(opened)
      if (settingsLocal) await opened.route('**/settings.local.json', (route) => route.fulfill({ json: settingsLocal }))
    })
    await waitForHomeInteractive(page)
    const fonts = await drawnFonts(page)
    // Each as the canvas reads it back: style, size, then the families (the Menu's logo, rails, captions, badges).
    expect(fonts.length).toBeGreaterThan(2)
    expect(fonts.filter((font) => !font.endsWith(`px ${family}`))).toEqual([])
    expect(errors).toEqual([])
  }
})
