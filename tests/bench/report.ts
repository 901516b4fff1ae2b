// The bench report: bench/report.json (for machines and the next run's "change since last") and bench/report.md.
import type { Figure } from './types'

export interface SectionReport {
  name: string
  title: string
  method: string
  seconds: number
  /** When this section was measured (a partial run keeps the other sections of the previous report). */
  measuredAt: string
  figures: Figure[]
  /** Set when the section could not run; the others still report. */
  error?: string
}

export interface Report {
  generatedAt: string
  machine: Record<string, string>
  sections: SectionReport[]
}

export function ratio(f: Figure): number | null {
  return f.baseline && f.baseline.value !== 0 ? f.value / f.baseline.value : null
}

export function meetsTarget(f: Figure): boolean | null {
  if (!f.target) return null
  return (f.target.max === undefined || f.value <= f.target.max) && (f.target.min === undefined || f.value >= f.target.min)
}

function previousValue(previous: Report | null, section: string, figure: string): number | null {
  const f = previous?.sections.find((s) => s.name === section)?.figures.find((x) => x.name === figure)
  return f ? f.value : null
}

function formatValue(value: number, unit: string): string {
  if (unit === 'B') return value >= 1024 ? `${(value / 1024).toFixed(1)} KB` : `${value} B`
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`
}

function formatChange(value: number, before: number | null, unit: string): string {
  if (before === null) return '—'
  const delta = value - before
  if (delta === 0) return '='
  const pct = before !== 0 ? ` (${delta > 0 ? '+' : ''}${((delta / before) * 100).toFixed(1)}%)` : ''
  return `${delta > 0 ? '+' : '−'}${formatValue(Math.abs(delta), unit)}${pct}`
}

/** One row per figure: value, baseline, ratio, target, change since the previous report. */
export function figureRows(section: SectionReport, previous: Report | null): string[][] {
  return section.figures.map((f) => {
    const r = ratio(f)
    const ok = meetsTarget(f)
    return [
      f.name,
      formatValue(f.value, f.unit),
      f.baseline ? `${formatValue(f.baseline.value, f.unit)} (${f.baseline.name})` : '—',
      r === null ? '—' : `${r.toFixed(2)}×`,
      f.target ? `${ok ? 'met' : 'MISSED'}: ${f.target.label}` : '—',
      formatChange(f.value, previousValue(previous, section.name, f.name), f.unit),
    ]
  })
}

const HEADER = ['Figure', 'Value', 'Baseline (same run)', 'Ratio', 'Target', 'Change since last report']

export function toMarkdown(report: Report, previous: Report | null, command: string): string {
  const lines = [
    '# Marquee benchmark report',
    '',
    `Generated ${report.generatedAt} by \`${command}\`. Each figure is shown beside a baseline measured in the same run; the ratio is value ÷ baseline.`,
    '',
    '| Machine | |',
    '| --- | --- |',
    ...Object.entries(report.machine).map(([k, v]) => `| ${k} | ${v} |`),
    '',
  ]
  for (const s of report.sections) {
    const when = s.measuredAt === report.generatedAt ? '' : `, measured ${s.measuredAt}`
    lines.push(`## ${s.title} (\`${s.name}\`, ${s.seconds.toFixed(1)} s${when})`, '')
    if (s.error) {
      lines.push(`Could not run: ${s.error}`, '')
      continue
    }
    lines.push(s.method, '', `| ${HEADER.join(' | ')} |`, `| ${HEADER.map(() => '---').join(' | ')} |`)
    for (const row of figureRows(s, previous)) lines.push(`| ${row.join(' | ')} |`)
    const notes = s.figures.filter((f) => f.note).map((f) => `- ${f.name}: ${f.note}`)
    if (notes.length) lines.push('', ...notes)
    lines.push('')
  }
  return lines.join('\n')
}

/** The same table for a terminal, aligned. */
export function toText(section: SectionReport, previous: Report | null): string {
  if (section.error) return `${section.title}: could not run: ${section.error}`
  const rows = [HEADER, ...figureRows(section, previous)]
  const widths = HEADER.map((_, i) => Math.max(...rows.map((r) => r[i].length)))
  return [`${section.title} (${section.seconds.toFixed(1)} s)`, ...rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i])).join('  '))].join('\n')
}
