// npm run bench [-- section…]: runs the registered sections (all by default), prints each figure beside its
// same-run baseline, and writes bench/report.md and bench/report.json. A benchmark never fails the build: a
// section that throws is reported as such and the run still exits 0.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { SECTIONS } from './registry'
import { toMarkdown, toText, type Report, type SectionReport } from './report'
import type { BenchContext } from './types'

const root = path.resolve(__dirname, '../..')
const reportDir = path.join(root, 'bench')

function versionOf(pkg: string): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(root, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version
  } catch {
    return 'not installed'
  }
}

function chromiumVersion(): string {
  const bin = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  try {
    return execFileSync(bin, ['--version'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim()
  } catch {
    return 'not installed'
  }
}

function machine(): Record<string, string> {
  const cpus = os.cpus()
  return {
    CPU: `${cpus[0]?.model ?? 'unknown'} × ${cpus.length}`,
    Memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GB`,
    OS: `${os.type()} ${os.release()} ${os.arch()}`,
    'Load average at start': os.loadavg().map((l) => l.toFixed(2)).join(' '),
    Node: process.version,
    Chromium: chromiumVersion(),
    Versions: ['@lightningjs/core', '@lightningjs/sdk', 'shaka-player', 'fastify', 'better-sqlite3', 'autocannon'].map((p) => `${p} ${versionOf(p)}`).join(', '),
  }
}

function readPrevious(): Report | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(reportDir, 'report.json'), 'utf8')) as Report
  } catch {
    return null
  }
}

function context(): BenchContext {
  const workDir = path.join(root, 'test-output/bench')
  fs.mkdirSync(workDir, { recursive: true })
  let built: string | null = null
  return {
    root,
    workDir,
    seconds: Number(process.env.BENCH_SECONDS ?? 5),
    async ensureBuild() {
      if (built) return built
      const dist = path.resolve(root, process.env.MARQUEE_DIST_DIR ?? 'test-output/dist-bench')
      if (!(process.env.BENCH_SKIP_BUILD === '1' && fs.existsSync(path.join(dist, 'app.modern.js')))) {
        process.stdout.write(`[bench] building the app into ${path.relative(root, dist)}\n`)
        execFileSync(process.execPath, [path.join(root, 'node_modules/rollup/dist/bin/rollup'), '-c', 'rollup.config.js', '--silent'], {
          cwd: root,
          stdio: 'inherit',
          env: { ...process.env, MARQUEE_DIST_DIR: dist },
        })
      }
      built = dist
      return dist
    },
    log: (message) => process.stdout.write(`[bench] ${message}\n`),
  }
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2)
  const unknown = wanted.filter((w) => !SECTIONS.some((s) => s.name === w))
  if (unknown.length) {
    process.stdout.write(`Unknown section(s) ${unknown.join(', ')}; known: ${SECTIONS.map((s) => s.name).join(', ')}\n`)
    return
  }
  const chosen = wanted.length ? SECTIONS.filter((s) => wanted.includes(s.name)) : SECTIONS
  const previous = readPrevious()
  const ctx = context()
  const report: Report = { generatedAt: new Date().toISOString(), machine: machine(), sections: [] }
  for (const section of chosen) {
    const started = performance.now()
    let entry: SectionReport
    try {
      const result = await section.run(ctx)
      entry = { name: section.name, title: section.title, method: result.method, figures: result.figures, seconds: (performance.now() - started) / 1000, measuredAt: report.generatedAt }
    } catch (err) {
      const seconds = (performance.now() - started) / 1000
      entry = { name: section.name, title: section.title, method: '', figures: [], seconds, measuredAt: report.generatedAt, error: err instanceof Error ? err.message : String(err) }
    }
    report.sections.push(entry)
    process.stdout.write(`\n${toText(entry, previous)}\n`)
  }
  // A partial run keeps the other sections' last figures, so "change since last" stays meaningful for them.
  const kept = (previous?.sections ?? []).filter((s) => !report.sections.some((r) => r.name === s.name))
  const merged: Report = { ...report, sections: [...report.sections, ...kept] }
  fs.mkdirSync(reportDir, { recursive: true })
  const command = `npm run bench${wanted.length ? ` -- ${wanted.join(' ')}` : ''}`
  fs.writeFileSync(path.join(reportDir, 'report.json'), `${JSON.stringify(merged, null, 2)}\n`)
  fs.writeFileSync(path.join(reportDir, 'report.md'), toMarkdown(merged, previous, command))
  process.stdout.write(`\nWrote bench/report.md and bench/report.json\n`)
}

main().catch((err: unknown) => {
  // Benchmarks report; they never fail a build.
  console.error(err)
})
