// Key-to-frame latency: from a keydown (the event's own time stamp, so time queued behind a busy main thread counts)
// to the end of the first frame drawn with the new focus (the probe watches Lightning's focus path after each
// frameEnd). On Home: 200 presses scrolling rails and moving between them. Baseline: the bare Lightning app moving
// focus between two boxes, measured the same way in the same run.
import type { Home } from '../../../server/contract'
import { call } from '../../server/helpers'
import { percentile, probe, withChromiumBench, waitForProbe, type ChromiumBench } from '../support/chromium'
import { BARE_LIGHTNING_PATH } from '../support/pages'
import type { BenchSection, Figure } from '../types'

const THROTTLES = [4, 6]
const PRESSES = Number(process.env.BENCH_PRESSES ?? 200)
const BASELINE_PRESSES = Math.max(20, Math.round(PRESSES / 2))
/** A brisk remote rhythm: a press every ~120 ms. */
const GAP_MS = 120
const FRAME_MS = 1000 / 60
const TARGET_MS = 2 * FRAME_MS

/**
 * Down into the rails one by one, nine steps along each (back Left where a rail ends), then back up the same way.
 * `railLengths` are the rails' item counts, Home's rows 1..n.
 */
export function homePresses(count: number, railLengths: readonly number[]): string[] {
  const keys: string[] = []
  const columns = railLengths.map(() => 0)
  let row = 0
  let goingDown = true
  while (keys.length < count) {
    if (goingDown && row >= railLengths.length) goingDown = false
    if (!goingDown && row <= 1) goingDown = true
    keys.push(goingDown ? 'ArrowDown' : 'ArrowUp')
    row += goingDown ? 1 : -1
    const length = railLengths[row - 1] ?? 0
    for (let i = 0; i < 9 && keys.length < count; i++) {
      const right = columns[row - 1]! + 1 < length
      if (!right && columns[row - 1] === 0) break
      columns[row - 1]! += right ? 1 : -1
      keys.push(right ? 'ArrowRight' : 'ArrowLeft')
    }
  }
  return keys
}

interface Run {
  samples: number[]
  misses: number
}

async function measure(bench: ChromiumBench, url: string, mark: string, throttle: number, keys: string[]): Promise<Run> {
  const { page, errors } = await bench.open(url, { throttle, storage: null })
  try {
    await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, mark, { timeout: 30_000, polling: 50 })
    // Let the first posters and the feed refresh land before measuring.
    await page.waitForTimeout(1500)
    await probe(page, (b) => {
      b.measureKeys = true
    })
    for (const key of keys) {
      await page.keyboard.press(key)
      await page.waitForTimeout(GAP_MS)
    }
    await waitForProbe(page, 'the last press to be drawn', (b) => b.latency.samples.length + b.latency.misses >= b.latency.presses, 5000)
    const result = await probe(page, (b) => ({ samples: b.latency.samples, misses: b.latency.misses }))
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`)
    return result
  } finally {
    await page.close()
  }
}

function figures(label: string, run: Run, baseline: Run, throttle: number, presses: number): Figure[] {
  const note = `${run.samples.length} of ${presses} presses drawn with a new focus, ${run.misses} without (a rail end or a key swallowed); baseline ${baseline.samples.length} presses`
  const target = throttle === 4 ? { target: { max: Math.round(TARGET_MS * 10) / 10, label: 'p95 ≤ 2 frames (33 ms) at 4×' } } : {}
  const round = (ms: number): number => Math.round(ms * 10) / 10
  return [
    { name: `${label} p50, ${throttle}×`, value: round(percentile(run.samples, 50)), unit: 'ms', better: 'lower', baseline: { name: 'bare Lightning, two boxes', value: round(percentile(baseline.samples, 50)) }, note },
    { name: `${label} p95, ${throttle}×`, value: round(percentile(run.samples, 95)), unit: 'ms', better: 'lower', baseline: { name: 'bare Lightning, two boxes', value: round(percentile(baseline.samples, 95)) }, ...target },
    { name: `${label} missed presses, ${throttle}×`, value: run.misses, unit: 'count', better: 'lower', target: { max: 0, label: 'every press moves the focus' } },
  ]
}

export const latencySection: BenchSection = {
  name: 'latency',
  title: 'Key-to-frame latency (Chromium, CPU throttled)',
  async run(ctx) {
    return withChromiumBench(ctx, async (bench) => {
      const home = (await call<Home>(bench.origin, 'GET', '/v1/home')).body
      const keys = homePresses(PRESSES, home.rails.map((r) => r.totalCount))
      const bareKeys = Array.from({ length: BASELINE_PRESSES }, (_, i) => (i % 2 === 0 ? 'ArrowRight' : 'ArrowLeft'))
      const out: Figure[] = []
      for (const throttle of THROTTLES) {
        ctx.log(`latency ${throttle}×: bare Lightning (${bareKeys.length} presses), then Home (${keys.length} presses)`)
        const baseline = await measure(bench, BARE_LIGHTNING_PATH, 'bare:interactive', throttle, bareKeys)
        const run = await measure(bench, '/?lang=en', 'marquee:home-interactive', throttle, keys)
        out.push(...figures('Home', run, baseline, throttle, keys.length))
      }
      return {
        figures: out,
        method: `Debian Chromium headless, CPU throttled (Emulation.setCPUThrottlingRate), real server on 127.0.0.1; key presses through the DevTools input pipeline every ${GAP_MS} ms; latency = keydown event time stamp → end of the first Lightning frame (stage frameEnd) whose focus path ends on a new component. Home: ${PRESSES} presses, nine along a rail then one to the next rail, down through the rails and back; baseline: the bare Lightning app alternating focus between two boxes (${BASELINE_PRESSES} presses)`,
      }
    })
  },
}
