// Splits a minified bundle by where its code came from, using the bundle's source map: every generated range is
// attributed to the source its mapping segment names, and the ranges of one origin are concatenated so each origin
// can be compressed on its own (as source-map-explorer does).

export interface SourceMapV3 {
  version: number
  sources: string[]
  mappings: string
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const DIGIT = new Map([...BASE64].map((c, i) => [c, i]))

/** Decodes one Base64 VLQ segment ("AAgBC") into its numbers. */
export function decodeVlq(segment: string): number[] {
  const out: number[] = []
  let value = 0
  let shift = 0
  for (const ch of segment) {
    const digit = DIGIT.get(ch)
    if (digit === undefined) throw new Error(`bad VLQ digit ${ch}`)
    value += (digit & 31) << shift
    if (digit & 32) {
      shift += 5
    } else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1)
      value = 0
      shift = 0
    }
  }
  return out
}

export interface MappedRange {
  line: number
  start: number
  /** Exclusive; -1 for "to the end of the line". */
  end: number
  /** Index into sources, or -1 where the bundler wrote code with no source. */
  source: number
}

/** The generated ranges of each line, each with the source of the segment that starts it. */
export function mappedRanges(map: SourceMapV3): MappedRange[] {
  const ranges: MappedRange[] = []
  let source = 0
  map.mappings.split(';').forEach((lineMappings, line) => {
    let column = 0
    const starts: Array<{ column: number; source: number }> = []
    for (const segment of lineMappings.split(',')) {
      if (!segment) continue
      const fields = decodeVlq(segment)
      column += fields[0]
      if (fields.length >= 4) {
        source += fields[1]
        starts.push({ column, source })
      } else {
        starts.push({ column, source: -1 })
      }
    }
    if (starts.length === 0 || starts[0].column > 0) ranges.push({ line, start: 0, end: starts.length ? starts[0].column : -1, source: -1 })
    starts.forEach((s, i) => ranges.push({ line, start: s.column, end: i + 1 < starts.length ? starts[i + 1].column : -1, source: s.source }))
  })
  return ranges
}

/**
 * The bundle's text grouped by origin: `originOf(sourcePath)` names the group of each source ("app", "lightning"…);
 * code with no source goes to `unmapped`. The groups' lengths add up to the bundle's.
 */
export function splitByOrigin(code: string, map: SourceMapV3, originOf: (source: string) => string, unmapped = 'other'): Map<string, string> {
  const lines = code.split('\n')
  const parts = new Map<string, string[]>()
  for (const r of mappedRanges(map)) {
    const text = lines[r.line] ?? ''
    const piece = text.slice(r.start, r.end === -1 ? undefined : r.end)
    if (!piece) continue
    const origin = r.source === -1 ? unmapped : originOf(map.sources[r.source] ?? '')
    const list = parts.get(origin) ?? []
    list.push(piece)
    parts.set(origin, list)
  }
  // Line breaks belong to no source; keep the total exact.
  const breaks = lines.length - 1
  if (breaks > 0) parts.set(unmapped, [...(parts.get(unmapped) ?? []), '\n'.repeat(breaks)])
  return new Map([...parts].map(([origin, list]) => [origin, list.join('')]))
}
