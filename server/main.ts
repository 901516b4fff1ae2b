// npm start / npm run server: the reference operator API, the media and the built app on one origin.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { buildServer } from './app'
import { ensureMedia } from '../scripts/media'

function secretFor(dataDir: string): string {
  if (process.env.MARQUEE_SECRET) return process.env.MARQUEE_SECRET
  const file = path.join(dataDir, 'secret')
  try {
    const existing = fs.readFileSync(file, 'utf8').trim()
    if (existing) return existing
  } catch {
    // first run
  }
  const secret = crypto.randomBytes(32).toString('hex')
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 })
  return secret
}

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 8080)
  const host = process.env.HOST ?? '0.0.0.0'
  const dataDir = path.resolve(process.env.MARQUEE_DATA_DIR ?? './data')
  const mediaDir = path.resolve(process.env.MARQUEE_MEDIA_DIR ?? path.join(dataDir, 'media'))
  // npm start builds into MARQUEE_DIST_DIR when set: serve what it built.
  const appDir = path.resolve(process.env.MARQUEE_APP_DIR ?? process.env.MARQUEE_DIST_DIR ?? './dist')
  fs.mkdirSync(dataDir, { recursive: true })
  const secret = secretFor(dataDir)
  await ensureMedia({ outDir: mediaDir, log: (msg) => console.log(`[media] ${msg}`) })
  const app = await buildServer({ dataDir, mediaDir, appDir, secret, logger: process.env.MARQUEE_LOG === '1' })
  await app.listen({ port, host })
  const shown = host === '0.0.0.0' ? 'localhost' : host
  console.log(`Marquee: http://${shown}:${port}/  (API /v1, OpenAPI /v1/openapi.json, sign-in /activate; data ${dataDir})`)
  const stop = (): void => {
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
