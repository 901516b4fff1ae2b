// Server throughput: requests per second and p99 latency of the catalogue and license endpoints of the real server
// (its own process, SQLite in a temp dir), loaded by autocannon from another process on loopback. Baseline: a bare
// Fastify route in its own process, loaded the same way in the same run.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { PlaybackResponse, Purchase, RailPage } from '../../../server/contract'
import { call, idemKey, signInAt, writeFakeMedia } from '../../server/helpers'
import { spawnListening, spawnServer, type SpawnedServer } from '../../server/support/spawned-server'
import { load, type LoadRequest, type LoadResult } from '../support/load'
import type { BenchSection, Figure } from '../types'

const CONNECTIONS = 10

/** A license request as a browser's EME sends it, with the token of an owned title. */
async function licenseRequest(api: SpawnedServer): Promise<LoadRequest> {
  const { token } = await signInAt(api.base, 'demo')
  const titles = (await call<RailPage>(api.base, 'GET', '/v1/rails/catalog-all?limit=500')).body.items
  const title = titles.find((t) => t.access.offers.some((o) => o.kind === 'buy'))
  if (!title) throw new Error('no title to buy')
  const bought = await call<Purchase>(api.base, 'POST', '/v1/purchases', {
    token,
    headers: { 'idempotency-key': idemKey() },
    body: { kind: 'buy', titleId: title.id, payment: { method: 'stored', pin: '1234' } },
  })
  if (bought.status !== 201) throw new Error(`purchase failed: ${bought.status}`)
  const play = await call<PlaybackResponse>(api.base, 'POST', `/v1/playback/${title.id}`, { token, body: {} })
  const drm = play.body.drm
  if (!drm) throw new Error('an owned paid title must play with DRM')
  // The token's payload names the asset's KIDs (what a browser reads from the manifest's default_KID).
  const kidHex = (JSON.parse(Buffer.from(drm.licenseToken.split('.')[0], 'base64url').toString('utf8')) as { kids: string[] }).kids[0]
  return {
    url: drm.keySystems[0].licenseUrl,
    method: 'POST',
    headers: { authorization: `Bearer ${drm.licenseToken}` },
    body: JSON.stringify({ kids: [Buffer.from(kidHex, 'hex').toString('base64url')], type: 'temporary' }),
  }
}

function figuresFor(label: string, result: LoadResult, baseline: LoadResult): Figure[] {
  const note = `${result.requests} requests, ${result.errors} errors (timeouts and non-2xx included)`
  return [
    { name: `${label}: requests/s`, value: Math.round(result.requestsPerSecond), unit: 'req/s', better: 'higher', baseline: { name: 'bare Fastify route', value: Math.round(baseline.requestsPerSecond) }, note },
    { name: `${label}: p99 latency`, value: result.p99Ms, unit: 'ms', better: 'lower', baseline: { name: 'bare Fastify route', value: baseline.p99Ms } },
    { name: `${label}: errors`, value: result.errors, unit: 'count', better: 'lower', target: { max: 0, label: 'no errors under load' } },
  ]
}

export const serverSection: BenchSection = {
  name: 'server',
  title: 'Server throughput (loopback)',
  async run(ctx) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'marquee-bench-'))
    writeFakeMedia(path.join(dataDir, 'media'))
    const servers: SpawnedServer[] = []
    try {
      const api = await spawnServer(dataDir, 'bench-secret')
      servers.push(api)
      const hello = await spawnListening(path.join(ctx.root, 'tests/bench/support/hello-server.ts'), [])
      servers.push(hello)
      const opts = { seconds: ctx.seconds, connections: CONNECTIONS }
      const targets: Array<[string, LoadRequest]> = [
        ['GET /v1/home', { url: `${api.base}/v1/home` }],
        ['GET /v1/titles/:id', { url: `${api.base}/v1/titles/t0002` }],
        ['POST /v1/license/clearkey', await licenseRequest(api)],
      ]
      const figures: Figure[] = []
      for (const [label, req] of targets) {
        // The baseline is measured right before each endpoint so both see the same machine load.
        ctx.log(`server: bare Fastify route, then ${label} (${ctx.seconds} s each)`)
        const baseline = await load(ctx.root, { url: `${hello.base}/hello` }, opts)
        figures.push(...figuresFor(label, await load(ctx.root, req, opts), baseline))
      }
      return {
        figures,
        method: `autocannon (second process) → server process on 127.0.0.1, ${CONNECTIONS} connections, ${ctx.seconds} s per run; ratio = endpoint ÷ bare Fastify JSON route measured just before it`,
      }
    } finally {
      for (const s of servers) await s.kill('SIGTERM')
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  },
}
