import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(__dirname, '../..')

/**
 * Once per e2e run: the built app in $MARQUEE_DIST_DIR [dist] (unless SKIP_BUILD=1 and it exists) and
 * the packaged test media, shared by every e2e test through MARQUEE_MEDIA_DIR.
 */
export default async function globalSetup(): Promise<void> {
  const distDir = path.resolve(root, process.env.MARQUEE_DIST_DIR ?? 'dist')
  process.env.MARQUEE_DIST_DIR = distDir
  const haveDist = fs.existsSync(path.join(distDir, 'index.html'))
  if (!(process.env.SKIP_BUILD === '1' && haveDist)) {
    execFileSync('npx', ['rollup', '-c', 'rollup.config.js', '--silent'], { cwd: root, stdio: 'inherit', env: process.env })
  }
  const mediaDir = process.env.MARQUEE_MEDIA_DIR ?? path.join(root, 'test-output/media')
  process.env.MARQUEE_MEDIA_DIR = mediaDir
  const mediaModule = path.join(root, 'scripts/media/index.ts')
  if (fs.existsSync(mediaModule)) {
    const { ensureMedia } = (await import(mediaModule)) as {
      ensureMedia(opts: { outDir: string; log?: (msg: string) => void }): Promise<unknown>
    }
    await ensureMedia({ outDir: mediaDir, log: (msg) => process.stdout.write(`[media] ${msg}\n`) })
  }
}
