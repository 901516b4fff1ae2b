// The baselines' pages, put beside the built app so the real server serves them from the app's own origin:
// <dist>/bench/bare-lightning.html (+ .js), a bare Lightning app built by the app's rollup configuration (the
// modern bundle's plugins, input swapped), and <dist>/bench/shaka.html, the e2e tests' bare Shaka page running the
// same Shaka build as the modern bundle.
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { rollup, type OutputOptions, type Plugin, type RollupOptions } from 'rollup'
import { SHAKA_TEST_PAGE_HTML } from '../../e2e/support/shaka-page'

export const BARE_LIGHTNING_PATH = '/bench/bare-lightning.html'
export const BARE_SHAKA_PATH = '/bench/shaka.html'

const BARE_LIGHTNING_HTML = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Bare Lightning</title>
<style>html, body { margin: 0; padding: 0; width: 100%; height: 100%; background: #000; overflow: hidden; } canvas { position: absolute; }</style>
</head><body><script src="bare-lightning.js"></script></body></html>
`

function isPlugin(value: unknown): value is Plugin {
  return typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string'
}

/** The modern bundle's options from rollup.config.js (whatever BUILD_TARGETS says, it is built the same way). */
function modernConfig(root: string): RollupOptions {
  const load = createRequire(path.join(root, 'package.json'))
  const configs = load(path.join(root, 'rollup.config.js')) as RollupOptions[]
  const modern = configs.find((c) => !Array.isArray(c.output) && /app\.modern\.js$/.test(c.output?.file ?? ''))
  if (!modern) throw new Error('rollup.config.js has no app.modern.js bundle (BUILD_TARGETS without modern?)')
  return modern
}

export async function buildBenchPages(root: string, distDir: string): Promise<void> {
  const outDir = path.join(distDir, 'bench')
  fs.mkdirSync(outDir, { recursive: true })
  const config = modernConfig(root)
  // Everything but writing the app's index.html and static files.
  const plugins = (Array.isArray(config.plugins) ? config.plugins : []).filter((p) => isPlugin(p) && p.name !== 'marquee-dist-assets')
  const build = await rollup({ ...config, input: path.join(root, 'tests/bench/apps/bare-lightning.ts'), plugins })
  try {
    const output = config.output as OutputOptions
    await build.write({ ...output, file: path.join(outDir, 'bare-lightning.js'), name: 'BareLightning' })
  } finally {
    await build.close()
  }
  fs.writeFileSync(path.join(outDir, 'bare-lightning.html'), BARE_LIGHTNING_HTML)

  const shakaSrc = '/shaka/shaka-player.compiled.js'
  if (!SHAKA_TEST_PAGE_HTML.includes(shakaSrc)) throw new Error(`the bare Shaka page no longer loads ${shakaSrc}`)
  fs.copyFileSync(path.join(root, 'node_modules/shaka-player/dist/shaka-player.compiled-es2021.js'), path.join(outDir, 'shaka-player.js'))
  fs.writeFileSync(path.join(outDir, 'shaka.html'), SHAKA_TEST_PAGE_HTML.replace(shakaSrc, '/bench/shaka-player.js'))
}
