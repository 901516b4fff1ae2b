// Bundle sizes: gzip and brotli of the app's own code, Lightning, Shaka and the rest, in the modern and the legacy
// bundle, split by origin through the source maps. The baseline is the whole bundle of the same build; the budget
// is app code ≤ 100 KB gzip.
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import type { BenchSection, Figure } from '../types'
import { splitByOrigin, type SourceMapV3 } from '../support/sourcemap'

export const APP_CODE_BUDGET_GZIP = 100 * 1024

/** Which part of the product a source file belongs to. */
export function originOf(source: string): string {
  const s = source.replace(/\\/g, '/')
  if (/node_modules\/@lightningjs\//.test(s)) return 'lightning'
  if (/node_modules\/shaka-player\//.test(s)) return 'shaka'
  if (/node_modules\//.test(s)) return 'other'
  if (/(^|\/)src\//.test(s)) return 'app'
  return 'other'
}

const gzip = (text: string): number => zlib.gzipSync(text, { level: 9 }).length
const brotli = (text: string): number =>
  zlib.brotliCompressSync(text, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: text.length } }).length

export const bundleSection: BenchSection = {
  name: 'bundle',
  title: 'Bundle sizes',
  async run(ctx) {
    const dist = await ctx.ensureBuild()
    const figures: Figure[] = []
    for (const flavour of ['modern', 'legacy']) {
      const code = fs.readFileSync(path.join(dist, `app.${flavour}.js`), 'utf8')
      const map = JSON.parse(fs.readFileSync(path.join(dist, `app.${flavour}.js.map`), 'utf8')) as SourceMapV3
      const parts = splitByOrigin(code, map, originOf)
      // Shaka is its own file (loaded when the player needs it): counted from that file, and in the whole.
      const shaka = fs.readFileSync(path.join(dist, `shaka.${flavour}.js`), 'utf8')
      parts.set('shaka', (parts.get('shaka') ?? '') + shaka)
      const whole = { gzip: gzip(code) + gzip(shaka), brotli: brotli(code) + brotli(shaka) }
      figures.push({
        name: `${flavour}: whole bundle (gzip)`,
        value: whole.gzip,
        unit: 'B',
        better: 'lower',
        note: `${code.length + shaka.length} B minified: app.${flavour}.js ${code.length} B + shaka.${flavour}.js ${shaka.length} B, each compressed alone`,
      })
      for (const origin of ['app', 'lightning', 'shaka', 'other']) {
        const text = parts.get(origin) ?? ''
        for (const method of ['gzip', 'brotli'] as const) {
          figures.push({
            name: `${flavour}: ${origin} (${method})`,
            value: method === 'gzip' ? gzip(text) : brotli(text),
            unit: 'B',
            better: 'lower',
            baseline: { name: `whole bundle (${method})`, value: whole[method] },
            target: origin === 'app' && method === 'gzip' ? { max: APP_CODE_BUDGET_GZIP, label: 'app code ≤ 100 KB gzip' } : undefined,
            note: `${text.length} B minified`,
          })
        }
      }
    }
    return {
      figures,
      method:
        'rollup production build (terser); each bundle split by origin via its source map (src/ = app, @lightningjs/* = Lightning, shaka-player = Shaka, ' +
        'plus Shaka’s own file shaka.<flavour>.js, loaded when the player needs it; ' +
        'everything else incl. polyfills and bundler glue = other); each part compressed alone: gzip -9, brotli q11. Parts compressed alone sum to a little more than the whole.',
    }
  },
}
