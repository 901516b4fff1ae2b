import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { buildServer } from '../../../server/app'
import { distDir, mediaDir } from './paths'

export interface AppServer {
  app: FastifyInstance
  /** http://127.0.0.1:PORT: the app at /, the API at /v1, media at /media. */
  origin: string
  dataDir: string
  close(): Promise<void>
  /** Stops listening (the API goes "offline"), keeping the data. */
  stop(): Promise<void>
  /** Listens again on the same port with the same data. */
  resume(): Promise<void>
}

/**
 * The real reference server over a fresh SQLite file, serving the built app
 * and the packaged media from one origin, as `npm start` does.
 */
export async function startAppServer(opts: { dataDir?: string } = {}): Promise<AppServer> {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'marquee-e2e-'))
  const boot = (): Promise<FastifyInstance> => buildServer({ dataDir, mediaDir, appDir: distDir, secret: 'e2e-secret-not-for-production' })
  let app = await boot()
  const origin = await app.listen({ port: 0, host: '127.0.0.1' })
  const port = Number(new URL(origin).port)
  const server: AppServer = {
    get app() {
      return app
    },
    origin,
    dataDir,
    async stop() {
      await app.close()
    },
    async resume() {
      app = await boot()
      await app.listen({ port, host: '127.0.0.1' })
    },
    async close() {
      await app.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
  return server
}
