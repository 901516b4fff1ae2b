// The shapes every benchmark section shares: a section measures figures, each beside a baseline measured in the
// same run (so a noisy, shared machine moves both), and the runner reports them with their ratio.

export interface Target {
  /** The figure passes when `value <= max` (or `>= min`). */
  max?: number
  min?: number
  /** What the target stands for, e.g. "app code ≤ 100 KB gzip". */
  label: string
}

export interface Figure {
  /** Stable within its section: the report's "change since last" matches on it. */
  name: string
  value: number
  unit: string
  /** Lower is better (latency, bytes) or higher is better (throughput). */
  better: 'lower' | 'higher'
  baseline?: { name: string; value: number }
  target?: Target
  /** Anything the reader needs beside the number (errors seen, samples). */
  note?: string
}

export interface SectionResult {
  figures: Figure[]
  /** How it was measured (tool, duration, connections, throttling). */
  method: string
}

export interface BenchContext {
  root: string
  /** Where sections may write scratch files (test-output/bench). */
  workDir: string
  /** Seconds each load or sampling run lasts (BENCH_SECONDS, default 5). */
  seconds: number
  /** The built app (MARQUEE_DIST_DIR or test-output/dist-bench), built once per run on first use. */
  ensureBuild(): Promise<string>
  log(message: string): void
}

/**
 * One named part of `npm run bench`. Add one by writing `tests/bench/sections/<name>.ts` exporting a
 * BenchSection and listing it in tests/bench/registry.ts; `npm run bench -- <name>` runs only that one.
 */
export interface BenchSection {
  name: string
  title: string
  run(ctx: BenchContext): Promise<SectionResult>
}
