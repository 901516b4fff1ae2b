// Key-to-frame latency: from a keydown (the event's own time stamp, so time queued behind a busy main thread counts)
// to the end of the first frame drawn with the new focus (the probe watches Lightning's focus path after each
// frameEnd). On Home: 200 presses scrolling rails and moving between them. Baseline: the bare Lightning app moving
// focus between two boxes, measured the same way in the same run. Each press is split into its parts (queued, waiting
// for the frame, the frame's JS), and Home is measured once more rendered at 720p (in a 720p TV's 1280×720 window) at 4×.
import type { Home } from '../../../server/contract'
import { call } from '../../server/helpers'
import { percentile, probe, roundMs, withChromiumBench, waitForProbe, type ChromiumBench } from '../support/chromium'
import { BARE_LIGHTNING_PATH } from '../support/pages'
import type { PressParts } from '../support/probe'
import type { BenchSection, Figure } from '../types'

const THROTTLES = [4, 6]
const PRESSES = Number(process.env.BENCH_PRESSES ?? 200)
const BASELINE_PRESSES = Math.max(20, Math.round(PRESSES / 2))
/** A brisk remote rhythm: a press every ~120 ms. */
const GAP_MS = 120
const FRAME_MS = 1000 / 60
const TARGET_MS = 2 * FRAME_MS
/** The baseline every Home figure is set beside. */
const BARE_BASELINE = 'bare Lightning, two boxes'

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

export interface Run {
  samples: number[]
  parts: PressParts[]
  misses: number
  /** Frames Lightning drew from the first press until the last was drawn, per press. */
  framesPerPress: number
  /** Median ms from one drawn frame to the next when drawn back to back: what a frame in flight costs a press. */
  framePeriod: number
}

async function measure(bench: ChromiumBench, url: string, mark: string, throttle: number, keys: string[], viewport?: { width: number; height: number }): Promise<Run> {
  const { page, errors } = await bench.open(url, { throttle, storage: null, viewport })
  try {
    await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, mark, { timeout: 30_000, polling: 50 })
    // Let the first posters and the feed refresh land before measuring.
    await page.waitForTimeout(1500)
    const framesBefore = await probe(page, (b) => {
      b.measureKeys = true
      return b.drawnFrames
    })
    for (const key of keys) {
      await page.keyboard.press(key)
      await page.waitForTimeout(GAP_MS)
    }
    await waitForProbe(page, 'the last press to be drawn', (b) => b.latency.samples.length + b.latency.misses >= b.latency.presses, 5000)
    const result = await probe(page, (b) => ({ samples: b.latency.samples, parts: b.latency.parts, misses: b.latency.misses, frames: b.drawnFrames, periods: b.framePeriods }))
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`)
    const { frames, periods, ...presses } = result
    return { ...presses, framesPerPress: (frames - framesBefore) / keys.length, framePeriod: percentile(periods, 50) }
  } finally {
    await page.close()
  }
}

function figures(label: string, run: Run, baseline: Run, throttle: number, presses: number): Figure[] {
  const note = `${run.samples.length} of ${presses} presses drawn with a new focus, ${run.misses} without (a rail end or a key swallowed); baseline ${baseline.samples.length} presses`
  const target = throttle === 4 ? { target: { max: roundMs(TARGET_MS), label: 'p95 ≤ 2 frames (33 ms) at 4×' } } : {}
  return [
    { name: `${label} p50, ${throttle}×`, value: roundMs(percentile(run.samples, 50)), unit: 'ms', better: 'lower', baseline: { name: BARE_BASELINE, value: roundMs(percentile(baseline.samples, 50)) }, note },
    { name: `${label} p95, ${throttle}×`, value: roundMs(percentile(run.samples, 95)), unit: 'ms', better: 'lower', baseline: { name: BARE_BASELINE, value: roundMs(percentile(baseline.samples, 95)) }, ...target },
    { name: `${label} missed presses, ${throttle}×`, value: run.misses, unit: 'count', better: 'lower', target: { max: 0, label: 'every press moves the focus' } },
  ]
}

const PART_LABELS: Record<keyof PressParts, string> = {
  queued: 'queued behind other tasks',
  toFrame: 'waiting for the frame to start',
  frame: "the frame's JS",
}

/** Mean of one part over `parts`. */
export function meanPart(parts: readonly PressParts[], key: keyof PressParts): number {
  return parts.length ? parts.reduce((sum, part) => sum + part[key], 0) / parts.length : 0
}

/** The parts of the presses at or above the p95: what makes the slowest presses slow. */
export function slowestParts(run: Run): PressParts[] {
  const p95 = percentile(run.samples, 95)
  return run.parts.filter((_, index) => run.samples[index]! >= p95)
}

/** Mean parts of a press, each beside the bare app's; the note splits the slowest 5% the same way. */
function partFigures(run: Run, baseline: Run, throttle: number): Figure[] {
  const slowest = slowestParts(run)
  return (Object.keys(PART_LABELS) as (keyof PressParts)[]).map((key) => ({
    name: `Home press, ${PART_LABELS[key]} (mean), ${throttle}×`,
    value: roundMs(meanPart(run.parts, key)),
    unit: 'ms',
    better: 'lower' as const,
    baseline: { name: BARE_BASELINE, value: roundMs(meanPart(baseline.parts, key)) },
    note: `presses at or above the p95: ${roundMs(meanPart(slowest, key))} ms`,
  }))
}

/**
 * What a press's frame waits behind: how many frames Home draws a press, and how long one takes when frames
 * run back to back (on a saturated GPU, its time to draw one).
 */
function frameFigures(run: Run, baseline: Run, throttle: number): Figure[] {
  const perPress = (frames: number): number => Math.round(frames * 100) / 100
  return [
    {
      name: `Home frames drawn per press, ${throttle}×`,
      value: perPress(run.framesPerPress),
      unit: 'frames',
      better: 'lower',
      baseline: { name: BARE_BASELINE, value: perPress(baseline.framesPerPress) },
      note: "frames whose render ran, from the first press until the last was drawn: the press's own, then the tiles built after it, their captions and posters, and the transitions (the bare app's focus animates too)",
    },
    {
      name: `Home frame period while drawing (median), ${throttle}×`,
      value: roundMs(run.framePeriod),
      unit: 'ms',
      better: 'lower',
      baseline: { name: BARE_BASELINE, value: roundMs(baseline.framePeriod) },
      note: 'from a drawn frame to the next when drawn back to back: what a press waits for behind a frame in flight',
    },
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
        out.push(...figures('Home', run, baseline, throttle, keys.length), ...partFigures(run, baseline, throttle), ...frameFigures(run, baseline, throttle))
        if (throttle !== 4) continue
        // The same presses in a 720p TV's 1280×720 window, whose canvas fits it (the layout drawn at precision 2/3):
        // a third of the pixels per frame.
        ctx.log(`latency ${throttle}×: Home rendered at 720p (${keys.length} presses)`)
        const hd = await measure(bench, '/?lang=en', 'marquee:home-interactive', throttle, keys, { width: 1280, height: 720 })
        out.push({
          name: `Home p95 rendered at 720p, ${throttle}×`,
          value: roundMs(percentile(hd.samples, 95)),
          unit: 'ms',
          better: 'lower',
          baseline: { name: 'Home at 1080p, same presses', value: roundMs(percentile(run.samples, 95)) },
          note: `p50 ${roundMs(percentile(hd.samples, 50))} ms; frame period while drawing ${roundMs(hd.framePeriod)} ms (1080p ${roundMs(run.framePeriod)} ms); ${hd.misses} presses without a new focus`,
        })
      }
      return {
        figures: out,
        method: `Debian Chromium headless, CPU throttled (Emulation.setCPUThrottlingRate), real server on 127.0.0.1; key presses through the DevTools input pipeline every ${GAP_MS} ms; latency = keydown event time stamp → end of the first Lightning frame (stage frameEnd) whose focus path ends on a new component, split into the time the keydown queued, the wait from its listener to the start of that frame, and the frame's JS (frameStart → frameEnd); frames drawn per press count Lightning's renders from the first press until the last was drawn, and the frame period is the median time from one drawn frame to the next when drawn back to back. Home: ${PRESSES} presses, nine along a rail then one to the next rail, down through the rails and back; baseline: the bare Lightning app alternating focus between two boxes (${BASELINE_PRESSES} presses); at 4× Home once more in a 1280×720 window (a 720p TV's: the canvas fits it, 1280×720)`,
      }
    })
  },
}
