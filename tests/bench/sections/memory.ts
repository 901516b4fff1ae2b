// Memory at scale: the JS heap (after garbage collection through the DevTools protocol) and Lightning's texture
// memory (its texture manager's own count) after scrolling 1,000 and then 10,000 tiles of one rail (Home with
// `?longRail=10000`, the API's synthetic catalogue rail), and after 100 Home → Details → Player → Back → Back cycles.
// Each later reading is shown beside the earlier one as its baseline: 10k within 10% of 1k; no growth across cycles.
import type { Page } from 'playwright-core'
import type { Home } from '../../../server/contract'
import { call } from '../../server/helpers'
import { probe, withChromiumBench, waitForProbe, type BenchPage, type ChromiumBench } from '../support/chromium'
import { heapKinds, type HeapKinds } from '../support/heap'
import type { BenchSection, Figure } from '../types'

const LONG_RAIL = 10_000
const FIRST_STOP = 1_000
const CYCLES = Number(process.env.BENCH_CYCLES ?? 100)
/** The cycles stop here even if fewer than CYCLES ran (a loaded machine), so the run stays bounded. */
const CYCLE_SECONDS = Number(process.env.BENCH_CYCLE_SECONDS ?? 150)
/** Cycles run before the baseline reading, so caches and lazily built pages exist in both readings. */
const WARM_CYCLES = Math.min(10, Math.max(1, Math.round(CYCLES / 10)))
const MB = 1024 * 1024

interface Reading {
  heap: number
  textures: number
  nodes: number
  listeners: number
}

async function read(bench: BenchPage): Promise<Reading> {
  // Posters in flight land, then two collections (the second frees what the first's finalizers released).
  await bench.page.waitForTimeout(1000)
  await bench.cdp.send('Performance.enable')
  await bench.cdp.send('HeapProfiler.collectGarbage')
  await bench.cdp.send('HeapProfiler.collectGarbage')
  const { metrics } = await bench.cdp.send('Performance.getMetrics')
  const metric = (name: string): number => metrics.find((m) => m.name === name)?.value ?? NaN
  return {
    heap: metric('JSHeapUsedSize'),
    textures: await probe(bench.page, (b) => b.textureBytes()),
    nodes: metric('Nodes'),
    listeners: metric('JSEventListeners'),
  }
}

async function scrollTo(page: Page, index: number, timeoutMs: number): Promise<void> {
  const reached = await probe(page, (b, a) => b.scrollRail(a.index, a.timeoutMs), { index, timeoutMs })
  if (reached < index) throw new Error(`the rail's focus reached tile ${reached} of ${index} in ${timeoutMs / 1000} s`)
}

async function longRail(bench: ChromiumBench, log: (m: string) => void): Promise<Figure[]> {
  const page = await bench.open(`/?lang=en&longRail=${LONG_RAIL}`, { throttle: 1 })
  try {
    await page.page.waitForFunction(() => performance.getEntriesByName('marquee:home-interactive').length > 0, undefined, { timeout: 30_000 })
    await page.page.keyboard.press('ArrowDown')
    await waitForProbe(page.page, 'the long rail to take focus', (b) => (b.focusedRail()?.itemCount ?? 0) > 0 && b.focusNames().includes('HomePage'))
    const total = (await call<{ totalCount: number }>(bench.origin, 'GET', `/v1/rails/catalog-all?repeat=${LONG_RAIL}&limit=1`)).body.totalCount
    if (total !== LONG_RAIL) throw new Error(`the long rail has ${total} tiles`)
    log(`memory: scrolling to tile ${FIRST_STOP}`)
    await scrollTo(page.page, FIRST_STOP, 120_000)
    const first = await read(page)
    log(`memory: scrolling on to tile ${LONG_RAIL}`)
    await scrollTo(page.page, LONG_RAIL - 1, 240_000)
    const last = await read(page)
    const rail = await probe(page.page, (b) => b.focusedRail())
    if (page.errors.length) throw new Error(`page errors: ${page.errors.join('; ')}`)
    const mb = (bytes: number): number => Math.round((bytes / MB) * 10) / 10
    return [
      {
        name: 'JS heap after 10,000 tiles',
        value: mb(last.heap),
        unit: 'MB',
        better: 'lower',
        baseline: { name: 'after 1,000 tiles', value: mb(first.heap) },
        target: { max: mb(first.heap * 1.1), label: 'within 10% of 1,000 tiles' },
        note: `at the end the rail holds ${rail?.heldItems ?? '?'} of its ${LONG_RAIL} items' models (far pages dropped) and ${rail?.builtTiles ?? '?'} built tiles; DOM nodes ${first.nodes} → ${last.nodes}`,
      },
      {
        name: 'Texture memory after 10,000 tiles',
        value: mb(last.textures),
        unit: 'MB',
        better: 'lower',
        baseline: { name: 'after 1,000 tiles', value: mb(first.textures) },
        target: { max: mb(first.textures * 1.1), label: 'within 10% of 1,000 tiles' },
      },
    ]
  } finally {
    await page.page.close()
  }
}

async function waitForRoute(page: Page, pattern: RegExp, component: string): Promise<void> {
  await page.waitForFunction((source) => new RegExp(source).test(location.hash), pattern.source, { timeout: 15_000, polling: 50 })
  await waitForProbe(page, `${component} to take focus`, (b, name) => b.focusNames().includes(name), 15_000, component)
}

async function cycles(bench: ChromiumBench, log: (m: string) => void): Promise<Figure[]> {
  const home = (await call<Home>(bench.origin, 'GET', '/v1/home', { headers: { 'Accept-Language': 'en' } })).body
  const freeRow = home.rails.findIndex((r) => r.id === 'free')
  const free = home.rails[freeRow]
  if (!free) throw new Error('Home has no free rail')
  const page = await bench.open('/?lang=en', { throttle: 1 })
  try {
    await page.page.waitForFunction(() => performance.getEntriesByName('marquee:home-interactive').length > 0, undefined, { timeout: 30_000 })
    for (let row = 0; row <= freeRow; row++) await page.page.keyboard.press('ArrowDown')
    let column = 0
    let step = 1
    let baseline: Reading | null = null
    let baselineKinds: HeapKinds | null = null
    const deadline = Date.now() + CYCLE_SECONDS * 1000
    let cycle = 0
    while (cycle < CYCLES && (cycle < WARM_CYCLES * 2 || Date.now() < deadline)) {
      cycle++
      // A different free title each time, back and forth along the rail (a title's resume point stays short of its end).
      if (column + step < 0 || column + step >= free.items.length) step = -step
      column += step
      await page.page.keyboard.press(step > 0 ? 'ArrowRight' : 'ArrowLeft')
      await page.page.keyboard.press('Enter')
      await waitForRoute(page.page, /^#details\//, 'DetailsPage')
      await page.page.keyboard.press('Enter')
      await waitForRoute(page.page, /^#player\//, 'PlayerPage')
      await page.page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 0.2, undefined, { timeout: 15_000, polling: 50 })
      await page.page.keyboard.press('Backspace')
      await waitForRoute(page.page, /^#details\//, 'DetailsPage')
      await page.page.keyboard.press('Backspace')
      await waitForRoute(page.page, /^#home/, 'HomePage')
      if (cycle === WARM_CYCLES) {
        baseline = await read(page)
        baselineKinds = await heapKinds(page.cdp)
      }
      if (cycle % 10 === 0) log(`memory: ${cycle}/${CYCLES} Home → Details → Player → Back → Back cycles`)
    }
    const last = await read(page)
    const lastKinds = await heapKinds(page.cdp)
    if (!baseline || !baselineKinds) throw new Error('no baseline reading')
    if (page.errors.length) throw new Error(`page errors: ${page.errors.join('; ')}`)
    const mb = (bytes: number): number => Math.round((bytes / MB) * 10) / 10
    const signedMb = (bytes: number): string => `${bytes < 0 ? '−' : '+'}${(Math.abs(bytes) / MB).toFixed(2)} MB`
    const after = `after ${WARM_CYCLES} cycles`
    const ran = `${cycle} cycles${cycle < CYCLES ? ` (of ${CYCLES}: the ${CYCLE_SECONDS} s budget ran out)` : ''}`
    return [
      {
        name: 'JS objects after the page cycles',
        value: mb(lastKinds.objects),
        unit: 'MB',
        better: 'lower',
        baseline: { name: after, value: mb(baselineKinds.objects) },
        // A leak of 4 KB a cycle shows as ~0.35 MB over 90 cycles, above this bound on ~3 MB of objects.
        target: { max: mb(baselineKinds.objects * 1.1), label: `no growth (≤ 10% over ${after})` },
        note: `${ran}; heap snapshot, compiled code and Blink's objects left out`,
      },
      {
        name: 'JS heap after the page cycles',
        value: mb(last.heap),
        unit: 'MB',
        better: 'lower',
        baseline: { name: after, value: mb(baseline.heap) },
        note: `V8's compiled code grew ${signedMb(lastKinds.code - baselineKinds.code)} of it (more functions optimised), the objects ${signedMb(lastKinds.objects - baselineKinds.objects)}`,
      },
      {
        name: 'Texture memory after the page cycles',
        value: mb(last.textures),
        unit: 'MB',
        better: 'lower',
        baseline: { name: after, value: mb(baseline.textures) },
        target: { max: mb(baseline.textures * 1.1), label: `no growth (≤ 10% over ${after})` },
      },
      {
        name: 'DOM nodes after the page cycles',
        value: last.nodes,
        unit: 'count',
        better: 'lower',
        baseline: { name: after, value: baseline.nodes },
        // The slack covers what comes and goes (the video element, menus, an XHR in flight); one node a cycle would add 90.
        target: { max: baseline.nodes + 10, label: `no growth (≤ 10 over ${after})` },
      },
      {
        name: 'JS event listeners after the page cycles',
        value: last.listeners,
        unit: 'count',
        better: 'lower',
        baseline: { name: after, value: baseline.listeners },
        target: { max: baseline.listeners + 10, label: `no growth (≤ 10 over ${after})` },
      },
    ]
  } finally {
    await page.page.close()
  }
}

export const memorySection: BenchSection = {
  name: 'memory',
  title: 'Memory at scale (Chromium)',
  async run(ctx) {
    return withChromiumBench(ctx, async (bench) => {
      const figures: Figure[] = []
      const errors: string[] = []
      // Each part reports on its own: a failure in one keeps the other's figures.
      for (const part of [longRail, cycles]) {
        try {
          figures.push(...(await part(bench, ctx.log)))
        } catch (error) {
          errors.push(`${part.name}: ${error instanceof Error ? error.message : String(error)}`)
        }
      }
      if (!figures.length) throw new Error(errors.join('; '))
      const failed = errors.length ? ` Could not measure: ${errors.join('; ')}.` : ''
      return {
        figures,
        method: `Debian Chromium headless, no throttling, real server on 127.0.0.1; readings after HeapProfiler.collectGarbage (twice): JS heap (Performance.getMetrics JSHeapUsedSize), Lightning's texture memory (stage.textureManager.usedMemory × 4 bytes), DOM nodes and listeners; for the cycles also a heap snapshot (HeapProfiler.takeHeapSnapshot) split into JS objects, V8's compiled code and Blink's objects. Long rail: Home with ?longRail=${LONG_RAIL}, Right pressed in the page up to 8 times a frame within the loaded items; cycles: Enter on the next free title, Enter on Play, wait for the video to advance, Back, Back, by keys through DevTools, ${CYCLES} cycles or ${CYCLE_SECONDS} s; baseline reading after ${WARM_CYCLES} cycles.${failed}`,
      }
    })
  },
}
