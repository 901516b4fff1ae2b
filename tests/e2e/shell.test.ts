import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { launchBrowser, type LaunchedBrowser } from './support/browser'
import { startStaticServer, type StaticServer } from './support/static-server'
import { startAppServer, type AppServer } from './support/app-server'
import { distDir } from './support/paths'
import { collectPageErrors, focusedRefs, press, visibleTexts, waitForHomeInteractive, waitForNoText, waitForText } from './support/lightning'

jest.setTimeout(120_000)

const root = path.resolve(__dirname, '../..')
const outputDir = path.join(root, 'test-output/e2e')
// The app asks for settings.local.json on every start; operators add it, the build has none.
const expectedNoise = [/Failed to load resource: the server responded with a status of 404/]

let server: StaticServer
/** The real API behind the static server's /v1 and /images (Home shows the catalogue). */
let api: AppServer
let browser: LaunchedBrowser
let localSettings: string | null = null
/** Every path the pages asked the server for, in the order it arrived. */
let asked: string[] = []

function proxyToApi(req: http.IncomingMessage, res: http.ServerResponse): void {
  const upstream = http.request(new URL(req.url ?? '/', api.origin), { method: req.method, headers: req.headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers)
    answer.pipe(res)
  })
  upstream.on('error', () => res.writeHead(502).end())
  req.pipe(upstream)
}

beforeAll(async () => {
  fs.mkdirSync(outputDir, { recursive: true })
  api = await startAppServer()
  server = await startStaticServer({
    routes: { '/': distDir },
    extra: (req, res) => {
      asked.push(req.url ?? '')
      if (req.url?.startsWith('/v1/') || req.url?.startsWith('/images/')) {
        proxyToApi(req, res)
        return true
      }
      if (!req.url?.startsWith('/settings.local.json') || localSettings === null) return false
      res.writeHead(200, { 'content-type': 'application/json' }).end(localSettings)
      return true
    },
  })
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
  await api?.close()
})

afterEach(() => {
  localSettings = null
})

async function open(query = '', hash = ''): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage()
  const errors = collectPageErrors(page, expectedNoise)
  await page.goto(`${server.origin}/?inspector=1${query}${hash}`)
  return { page, errors }
}

test('the shell renders Home in WebGL, in Chinese by default, and reads back through the inspector', async () => {
  const { page, errors } = await open()
  await waitForText(page, '长安夜行')
  await waitForText(page, '免费看')
  const texts = await visibleTexts(page)
  expect(texts).toEqual(expect.arrayContaining(['查看详情', '首页']))
  const renderer = await page.evaluate(() => {
    const canvas = document.querySelector('canvas')
    return canvas?.getContext('webgl') || canvas?.getContext('webgl2') ? 'webgl' : 'other'
  })
  expect(renderer).toBe('webgl')
  await page.screenshot({ path: path.join(outputDir, 'shell-home.png') })
  expect(errors).toEqual([])
  await page.close()
})

test('remote keys: Up focuses the menu, Down returns, Back on Home asks to exit and Cancel stays', async () => {
  const { page, errors } = await open()
  await waitForText(page, '长安夜行')
  await press(page, 'ArrowUp')
  expect(await focusedRefs(page)).toContain('Menu')
  await press(page, 'ArrowDown')
  expect(await focusedRefs(page)).not.toContain('Menu')

  await press(page, 'Escape')
  await waitForText(page, '要退出 Marquee 吗？')
  expect(await focusedRefs(page)).toContain('Cancel')
  await page.screenshot({ path: path.join(outputDir, 'shell-exit-dialog.png') })
  await press(page, 'Enter')
  await waitForNoText(page, '要退出 Marquee 吗？')
  await waitForText(page, '长安夜行')

  // Back on the dialog itself also cancels.
  await press(page, 'Backspace')
  await waitForText(page, '要退出 Marquee 吗？')
  await press(page, 'Backspace')
  await waitForNoText(page, '要退出 Marquee 吗？')
  expect(errors).toEqual([])
  await page.close()
})

test('confirming exit closes the app and leaves a way back, never a blank page', async () => {
  const { page, errors } = await open()
  await waitForText(page, '长安夜行')
  await press(page, 'Escape')
  await waitForText(page, '要退出 Marquee 吗？')
  await press(page, 'ArrowRight')
  expect(await focusedRefs(page)).toContain('Confirm')
  await press(page, 'Enter', 500)
  const notice = page.locator('#boot-error')
  await expect(notice.isVisible()).resolves.toBe(true)
  expect(await notice.textContent()).toMatch(/press any key/i)
  await Promise.all([page.waitForEvent('load'), press(page, 'Enter', 0)])
  await waitForText(page, '长安夜行')
  expect(errors).toEqual([])
  await page.close()
})

test('the URL query switches language for QA and settings.local.json overrides for operators', async () => {
  const byQuery = await open('&lang=en')
  await waitForText(byQuery.page, 'Free to watch')
  await byQuery.page.close()

  localSettings = JSON.stringify({ operator: { locale: { language: 'id' } } })
  const byFile = await open()
  await waitForText(byFile.page, 'Tonton gratis')
  await byFile.page.close()

  // A broken settings.local.json is reported and ignored: the app still starts.
  localSettings = '{ not json'
  const broken = await open()
  await waitForText(broken.page, '长安夜行')
  await broken.page.close()
})

test("the start language's index and dictionary are asked once, before Launch, whatever chose the language", async () => {
  // Before, the SDK asked for them one after the other once Launch had built the stage, after the home feed.
  const askedAt = (file: string): number[] => asked.flatMap((url, at) => (url.split('?')[0] === file ? [at] : []))
  const starts: Array<{ query: string; local: string | null; dictionary: string }> = [
    { query: '', local: null, dictionary: '/static/i18n/zh-CN.json' },
    { query: '&lang=en', local: null, dictionary: '/static/i18n/en.json' },
    { query: '', local: JSON.stringify({ operator: { locale: { language: 'id' } } }), dictionary: '/static/i18n/id.json' },
  ]
  for (const start of starts) {
    asked = []
    localSettings = start.local
    const { page, errors } = await open(start.query)
    await waitForHomeInteractive(page)
    expect(askedAt('/static/translations.json')).toHaveLength(1)
    expect(asked.filter((url) => url.startsWith('/static/i18n/'))).toEqual([start.dictionary])
    const home = askedAt('/v1/home')
    expect(home.length).toBeGreaterThan(0)
    expect(askedAt(start.dictionary)[0]).toBeLessThan(home[0]!)
    expect(errors).toEqual([])
    await page.close()
  }
})

test("Shaka's file is fetched once: after Home is interactive on a launch into Home, at once on a launch into Details", async () => {
  type Fetch = { initiatorType: string; startTime: number }
  const shakaFetches = (page: Page): Promise<Fetch[]> =>
    page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => /\/shaka\.modern\.js\?/.test(e.name))
        .map((e) => ({ initiatorType: (e as PerformanceResourceTiming).initiatorType, startTime: e.startTime })),
    )
  const shakaRan = (page: Page): Promise<unknown> =>
    page.waitForFunction(() => typeof (window as unknown as { shaka?: unknown }).shaka === 'object', null, { timeout: 30_000 })

  // Home never plays: its start must not pay for Shaka's 700 KB, so the file waits for Home's first interactive frame.
  const home = await open()
  await shakaRan(home.page)
  const interactiveAt = await home.page.evaluate(() => performance.getEntriesByName('marquee:home-interactive')[0]!.startTime)
  const fromHome = await shakaFetches(home.page)
  expect(fromHome).toEqual([{ initiatorType: 'script', startTime: expect.any(Number) }])
  expect(fromHome[0]!.startTime).toBeGreaterThanOrEqual(interactiveAt)
  expect(home.errors).toEqual([])
  await home.page.close()

  // A launch into Details may play within a second: the file is preloaded from the start and run from that answer.
  for (const [query, hash] of [['', '#details/t0005'], ['&deeplink=details/t0005', '']] as const) {
    const details = await open(query, hash)
    await shakaRan(details.page)
    const titleAskedAt = await details.page.evaluate(
      () => performance.getEntriesByType('resource').find((e) => e.name.includes('/v1/titles/t0005'))?.startTime ?? NaN,
    )
    const fromDetails = await shakaFetches(details.page)
    expect(fromDetails).toEqual([{ initiatorType: 'link', startTime: expect.any(Number) }])
    expect(fromDetails[0]!.startTime).toBeLessThan(titleAskedAt)
    expect(details.errors).toEqual([])
    await details.page.close()
  }
})

test('an unknown deep link shows the not-found page with a way Home', async () => {
  const { page, errors } = await open('', '#no/such/page')
  await waitForText(page, '找不到这个页面。')
  expect(await focusedRefs(page)).toContain('Home')
  await press(page, 'Enter')
  await waitForText(page, '长安夜行')
  expect(errors).toEqual([])
  await page.close()
})

test('the legacy ES5 bundle renders the same shell', async () => {
  const { page, errors } = await open('&bundle=legacy')
  await waitForText(page, '长安夜行')
  const loaded = await page.evaluate(() => Array.from(document.scripts).map((s) => s.src))
  expect(loaded.some((src) => src.includes('app.legacy.js'))).toBe(true)
  expect(errors).toEqual([])
  await page.close()
})
