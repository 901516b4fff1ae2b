// npm run media [-- --force]: (re)generates the packaged test media into
// $MARQUEE_MEDIA_DIR, or $MARQUEE_DATA_DIR/media (default ./data/media).
import path from 'node:path'
import { ensureMedia } from './index'

async function main(): Promise<void> {
  const outDir = process.env.MARQUEE_MEDIA_DIR ?? path.join(process.env.MARQUEE_DATA_DIR ?? './data', 'media')
  const force = process.argv.includes('--force')
  const started = Date.now()
  const catalog = await ensureMedia({ outDir, force, log: (msg) => console.log(`[media] ${msg}`) })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  console.log(`[media] ${catalog.assets.length} assets in ${path.resolve(outDir)} (catalog v${catalog.version}, ${seconds} s)`)
  for (const a of catalog.assets) {
    console.log(`[media]   ${a.id.padEnd(8)} ${a.encrypted ? `cenc kid=${a.kid}` : 'clear'}  ${a.dash}  ${a.hls}`)
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack ?? err.message : err)
  process.exit(1)
})
