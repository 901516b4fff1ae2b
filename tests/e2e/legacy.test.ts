import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import type { TitleSummary } from '../../server/contract'
import { launchBrowser, type LaunchedBrowser } from './support/browser'
import { startAppServer, type AppServer } from './support/app-server'
import { outputDir } from './support/paths'
import { collectPageErrors, press, visibleTexts, waitForText } from './support/lightning'

jest.setTimeout(180_000)

// The app asks for settings.local.json on every start (operators add it; the build has none).
const expectedNoise = [/Failed to load resource: the server responded with a status of 404/]

/**
 * Built-ins removed before any page script runs. Chrome 38 (webOS 3, the
 * legacy target) lacks the methods, Reflect, Proxy, fetch, URLSearchParams,
 * queueMicrotask and globalThis; it has Promise, Map, Set, WeakMap and WeakSet, but the
 * legacy bundle brings core-js's own, so removing them proves it uses those.
 * Symbol stays: Chrome 38 has it, and Babel's helpers break on core-js's
 * stand-in (see README, Build). The page records what it removed.
 */
const REMOVED_GLOBALS = ['Promise', 'Map', 'Set', 'WeakMap', 'WeakSet', 'Reflect', 'Proxy', 'fetch', 'URLSearchParams', 'queueMicrotask', 'globalThis'] as const
const REMOVED_METHODS: ReadonlyArray<readonly [string, string]> = [
  ['Object', 'assign'],
  ['Object', 'entries'],
  ['Object', 'values'],
  ['Object', 'fromEntries'],
  ['Object', 'getOwnPropertyDescriptors'],
  ['Array', 'from'],
  ['Array', 'of'],
  ['Array.prototype', 'includes'],
  ['Array.prototype', 'find'],
  ['Array.prototype', 'findIndex'],
  ['Array.prototype', 'fill'],
  ['Array.prototype', 'flat'],
  ['Array.prototype', 'flatMap'],
  ['String.prototype', 'includes'],
  ['String.prototype', 'startsWith'],
  ['String.prototype', 'endsWith'],
  ['String.prototype', 'repeat'],
  ['String.prototype', 'padStart'],
  ['String.prototype', 'padEnd'],
  ['String.prototype', 'trimStart'],
  ['String.prototype', 'trimEnd'],
]

/**
 * The init script that runs in the page before its own scripts: removes the
 * features and records what it removed. Plain ES5 text, so what the page runs
 * is exactly what is written here (a transpiled function would drag helpers along).
 */
function removalScript(): string {
  return `(function () {
  var globals = ${JSON.stringify(REMOVED_GLOBALS)};
  var methods = ${JSON.stringify(REMOVED_METHODS)};
  var removed = [];
  for (var i = 0; i < methods.length; i++) {
    var path = methods[i][0].split('.'), target = window;
    for (var j = 0; j < path.length && target; j++) target = target[path[j]];
    var name = methods[i][1];
    if (target && name in target && delete target[name]) removed.push(methods[i][0] + '.' + name);
  }
  for (var k = 0; k < globals.length; k++) {
    if (globals[k] in window && delete window[globals[k]]) removed.push(globals[k]);
  }
  window.__removedFeatures = removed.join(' ');
})();`
}

let server: AppServer
let browser: LaunchedBrowser

beforeAll(async () => {
  fs.mkdirSync(outputDir, { recursive: true })
  server = await startAppServer()
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

/**
 * Playwright's own page helpers run in the page's main world and need its
 * Map, Symbol and Promise; here those are core-js polyfills, which they cannot
 * use. So the screen is read over the DevTools protocol: the inspector DOM
 * from an isolated world (same DOM, pristine built-ins), and single
 * expressions in the main world without any helper script.
 */
interface Reader {
  main(expression: string): Promise<unknown>
  isolated(expression: string): Promise<unknown>
}

interface EvaluateResult {
  result: { value?: unknown }
  exceptionDetails?: { text: string; exception?: { description?: string } }
}

async function readerFor(page: Page): Promise<Reader> {
  const cdp = await page.context().newCDPSession(page)
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } }
  const { executionContextId } = (await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'marquee-legacy-test' })) as {
    executionContextId: number
  }
  const run = async (expression: string, contextId?: number): Promise<unknown> => {
    const answer = (await cdp.send('Runtime.evaluate', { expression, returnByValue: true, ...(contextId ? { contextId } : {}) })) as EvaluateResult
    if (answer.exceptionDetails) throw new Error(answer.exceptionDetails.exception?.description ?? answer.exceptionDetails.text)
    return answer.result.value
  }
  return { main: (expression) => run(expression), isolated: (expression) => run(expression, executionContextId) }
}

/** The same reading as support/lightning.ts visibleTexts, as an expression for the isolated world. */
const VISIBLE_TEXTS = `Array.prototype.filter.call(document.querySelectorAll('[texture-text]'), function (el) {
  for (var node = el; node && node !== document.body; node = node.parentElement) {
    if (node.getAttribute('visible') === 'false' || node.getAttribute('alpha') === '0') return false;
  }
  return true;
}).map(function (el) { return el.getAttribute('texture-text') || ''; })`

const FOCUSED_REFS = `Array.prototype.map.call(document.querySelectorAll('[focused="true"]'), function (el) {
  return el.getAttribute('ref') || el.getAttribute('type') || '';
})`

async function open(query: string, legacyEngine: boolean): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage()
  const errors = collectPageErrors(page, expectedNoise)
  if (legacyEngine) await page.addInitScript({ content: removalScript() })
  await page.goto(`${server.origin}/?inspector=1&lang=en${query}`)
  return { page, errors }
}

/** Waits until the screen shows every text in `expected` (the modern bundle's Home). */
async function waitForAll(reader: Reader, page: Page, expected: string[], timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const texts = (await reader.isolated(VISIBLE_TEXTS)) as string[]
    const missing = expected.filter((text) => !texts.includes(text))
    if (missing.length === 0) return
    if (Date.now() > deadline) throw new Error(`missing on the legacy Home: ${JSON.stringify(missing)}; on screen: ${JSON.stringify(texts)}`)
    await page.waitForTimeout(200)
  }
}

/** Home after its data arrived: the texts stop changing for a second. */
async function settledTexts(page: Page): Promise<string[]> {
  let previous = ''
  for (let stableFor = 0, rounds = 0; stableFor < 4 && rounds < 100; rounds++) {
    await page.waitForTimeout(250)
    const now = JSON.stringify(await visibleTexts(page))
    stableFor = now === previous ? stableFor + 1 : 0
    previous = now
  }
  return JSON.parse(previous) as string[]
}

/** Remote presses that move focus around Home; the focus path after each one. */
const KEY_WALK = ['ArrowDown', 'ArrowRight', 'ArrowRight', 'ArrowUp', 'ArrowUp']

async function walkFocus(reader: Reader, page: Page): Promise<string[][]> {
  const paths = [(await reader.isolated(FOCUSED_REFS)) as string[]]
  for (const key of KEY_WALK) {
    await press(page, key, 500)
    paths.push((await reader.isolated(FOCUSED_REFS)) as string[])
  }
  return paths
}

test('the ES5 bundle runs Home on an engine without ES2015+ built-ins: the same screen and focus moves as the modern bundle', async () => {
  const modern = await open('', false)
  await waitForText(modern.page, 'Home')
  const modernHome = await settledTexts(modern.page)
  expect(modernHome.length).toBeGreaterThan(3)
  const modernWalk = await walkFocus(await readerFor(modern.page), modern.page)
  expect(new Set(modernWalk.map((refs) => refs.join('/'))).size).toBeGreaterThan(1) // the keys moved focus
  expect(modern.errors).toEqual([])
  await modern.page.close()

  const { page, errors } = await open('&bundle=legacy', true)
  const reader = await readerFor(page)
  const removed = String(await reader.main('window.__removedFeatures')).split(' ')
  expect(removed).toEqual([...REMOVED_METHODS.map(([owner, name]) => `${owner}.${name}`), ...REMOVED_GLOBALS])
  await waitForAll(reader, page, modernHome)
  await page.screenshot({ path: path.join(outputDir, 'legacy-home.png') })

  const scripts = (await reader.isolated('Array.prototype.map.call(document.scripts, function (s) { return s.src })')) as string[]
  expect(scripts.some((src) => src.includes('app.legacy.js'))).toBe(true)
  expect(scripts.some((src) => src.includes('app.modern.js'))).toBe(false)
  // What the app ran on: the bundle's own polyfills in place of the removed built-ins.
  expect(await reader.main('[typeof Promise, typeof Map, typeof fetch, typeof Object.assign, typeof [].includes].join(" ")')).toBe(
    'function function function function function',
  )
  expect(await reader.main('location.hash')).toBe('#home')

  expect(await walkFocus(reader, page)).toEqual(modernWalk)
  expect(errors).toEqual([])
  await page.close()
})

test('the ES5 bundle plays a free film there too, with Shaka’s ES5 build on the bundle’s polyfills', async () => {
  const response = await fetch(`${server.origin}/v1/rails/catalog-all?limit=500`, { headers: { 'accept-language': 'en' } })
  const titles = ((await response.json()) as { items: TitleSummary[] }).items
  const free = titles.find((t) => t.access.entitlement.kind === 'free' && t.kind === 'film')
  if (!free) throw new Error('the seeded catalogue has no free film')
  const { page, errors } = await open(`&bundle=legacy&deeplink=player/${free.id}/play`, true)
  const reader = await readerFor(page)
  const deadline = Date.now() + 30_000
  let position = 0
  while (position <= 1 && Date.now() < deadline) {
    await page.waitForTimeout(250)
    position = Number(await reader.main('(function () { var v = document.querySelector("video"); return v ? v.currentTime : 0 })()'))
  }
  expect(position).toBeGreaterThan(1)
  expect(await reader.main('location.hash')).toBe(`#player/${free.id}/play`)
  await page.screenshot({ path: path.join(outputDir, 'legacy-player.png') })
  expect(errors).toEqual([])
  await page.close()
})

test('the removal is effective: without the bundle, the page has none of those built-ins', async () => {
  const page = await browser.context.newPage()
  await page.addInitScript({ content: removalScript() })
  await page.goto(`${server.origin}/static/translations.json`)
  const reader = await readerFor(page)
  expect(await reader.main('[typeof Promise, typeof Map, typeof fetch, typeof Object.assign, typeof [].includes].join(" ")')).toBe(
    'undefined undefined undefined undefined undefined',
  )
  // The isolated world the test reads from keeps its own, untouched.
  expect(await reader.isolated('typeof Promise')).toBe('function')
  await page.close()
})
