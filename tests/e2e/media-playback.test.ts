// The packaged test media play in Debian's headless Chromium through bare
// Shaka Player (no app): clear and CENC-encrypted DASH and HLS, ClearKey keys
// given inline, from a ClearKey license endpoint, and from an HLS key URI; and
// an encrypted asset without a key does not play.
import fs from 'node:fs'
import type http from 'node:http'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { ensureMedia, readMediaCatalog, type MediaAsset, type MediaCatalog } from '../../scripts/media'
import { launchBrowser, type LaunchedBrowser } from './support/browser'
import { frameStats, openShakaPage, playInPage, screenFrameStats, serveShakaTestPage, stopPlayback } from './support/shaka-page'
import { startStaticServer, type StaticServer } from './support/static-server'

jest.setTimeout(120_000)

const root = path.resolve(__dirname, '../..')
const mediaDir = process.env.MARQUEE_MEDIA_DIR ?? path.join(root, 'test-output/media')
const outputDir = path.join(root, 'test-output/e2e')
const TOKEN_HEADER = 'x-marquee-test-token'
const TOKEN = 'let-me-in'

let catalog: MediaCatalog
let server: StaticServer
let browser: LaunchedBrowser
let page: Page
const licenseLog: string[] = []

function asset(id: string): MediaAsset {
  const a = catalog.assets.find((x) => x.id === id)
  if (!a) throw new Error(`no asset ${id} in the catalog`)
  return a
}

function hexToBase64Url(hex: string): string {
  return Buffer.from(hex, 'hex').toString('base64url')
}

/**
 * Test stand-ins for the operator server's key delivery (the real endpoints are
 * covered with the server): a W3C ClearKey license endpoint, and the HLS
 * identity key URI returning the raw 16-byte key. Both require a token header.
 */
function keyHandlers(req: http.IncomingMessage, res: http.ServerResponse): boolean {
  const url = new URL(req.url ?? '/', 'http://localhost')
  if (url.pathname === '/test-license/clearkey' && req.method === 'POST') {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      licenseLog.push(`license ${req.headers[TOKEN_HEADER] ?? '-'}`)
      if (req.headers[TOKEN_HEADER] !== TOKEN) return void res.writeHead(403).end()
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { kids: string[] }
      const keys = body.kids.flatMap((kid) => {
        const hit = catalog.assets.find((a) => a.kid && hexToBase64Url(a.kid) === kid)
        return hit?.key ? [{ kty: 'oct', kid, k: hexToBase64Url(hit.key) }] : []
      })
      res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' })
      res.end(JSON.stringify({ keys, type: 'temporary' }))
    })
    return true
  }
  const hls = /^\/v1\/license\/clearkey\/hls\/([\w-]+)$/.exec(url.pathname)
  if (hls) {
    licenseLog.push(`hls-key ${hls[1]} ${req.headers[TOKEN_HEADER] ?? '-'}`)
    const hit = catalog.assets.find((a) => a.id === hls[1])
    if (req.headers[TOKEN_HEADER] !== TOKEN || !hit?.key) {
      res.writeHead(403).end()
      return true
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(Buffer.from(hit.key, 'hex'))
    return true
  }
  return serveShakaTestPage(req, res)
}

beforeAll(async () => {
  fs.mkdirSync(outputDir, { recursive: true })
  // globalSetup generates the media already; this is a no-op then (idempotent).
  catalog = await ensureMedia({ outDir: mediaDir })
  expect(readMediaCatalog(mediaDir)?.version).toBe(catalog.version)
  server = await startStaticServer({
    routes: { '/media/': mediaDir, '/shaka/': path.join(root, 'node_modules/shaka-player/dist') },
    extra: keyHandlers,
  })
  browser = await launchBrowser({ viewport: { width: 1280, height: 720 } })
  page = await browser.context.newPage()
  await openShakaPage(page, server.origin)
})

afterEach(async () => {
  await stopPlayback(page).catch(() => undefined)
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

const media = (rel: string): string => `${server.origin}/media/${rel}`

test('the catalog lists 2 clear and 3 encrypted assets, each with its own KID and key', () => {
  expect(catalog.assets.map((a) => a.id)).toEqual(['clear-1', 'clear-2', 'enc-1', 'enc-2', 'enc-3'])
  const enc = catalog.assets.filter((a) => a.encrypted)
  expect(enc).toHaveLength(3)
  for (const a of enc) {
    expect(a.kid).toMatch(/^[0-9a-f]{32}$/)
    expect(a.key).toMatch(/^[0-9a-f]{32}$/)
  }
  expect(new Set(enc.map((a) => a.kid)).size).toBe(3)
  for (const a of catalog.assets) {
    expect(a.durationSeconds).toBeGreaterThanOrEqual(20)
    expect(a.audioLanguages).toEqual(['zh', 'en'])
    expect(a.subtitleLanguages).toEqual(['zh', 'en'])
  }
})

test('a clear DASH asset plays, with three renditions, two audio and two subtitle languages', async () => {
  const result = await playInPage(page, { manifestUri: media(asset('clear-1').dash), minTime: 2.5 })
  expect(result.errors).toEqual([])
  expect(result.loaded).toBe(true)
  expect(result.currentTime).toBeGreaterThan(2)
  expect(result.videoHeights).toEqual([360, 540, 720])
  expect(result.audioLanguages.sort()).toEqual(['en', 'zh'])
  expect(result.textLanguages.sort()).toEqual(['en', 'zh'])
  const frame = await frameStats(page)
  expect(frame.stddev).toBeGreaterThan(20)
})

test('an encrypted DASH asset plays with inline ClearKey keys and shows a decoded, non-black frame', async () => {
  const enc = asset('enc-1')
  const result = await playInPage(page, {
    manifestUri: media(enc.dash),
    clearKeys: { [enc.kid as string]: enc.key as string },
    minTime: 3,
  })
  expect(result.errors).toEqual([])
  expect(result.keySystem).toBe('org.w3.clearkey')
  expect(result.currentTime).toBeGreaterThan(2)
  expect(result.videoWidth).toBeGreaterThan(0)
  // testsrc2 is a colourful pattern; a failed decrypt shows black or nothing.
  // (Read from a screenshot: Chromium paints EME frames to a canvas as black.)
  const frame = await screenFrameStats(page, path.join(outputDir, 'media-encrypted.png'))
  expect(frame.stddev).toBeGreaterThan(20)
  expect(frame.mean).toBeGreaterThan(20)
})

test('an encrypted DASH asset gets its key from a ClearKey license server (ContentProtection + default_KID)', async () => {
  const enc = asset('enc-2')
  licenseLog.length = 0
  const result = await playInPage(page, {
    manifestUri: media(enc.dash),
    servers: { 'org.w3.clearkey': `${server.origin}/test-license/clearkey` },
    requestHeaders: { [TOKEN_HEADER]: TOKEN },
    minTime: 2.5,
  })
  expect(result.errors).toEqual([])
  expect(result.licenseRequests).toBeGreaterThan(0)
  expect(licenseLog).toContain(`license ${TOKEN}`)
  expect(result.currentTime).toBeGreaterThan(2)
  expect((await screenFrameStats(page)).stddev).toBeGreaterThan(20)
})

test('the same encrypted asset with no key does not play', async () => {
  const enc = asset('enc-1')
  const noConfig = await playInPage(page, { manifestUri: media(enc.dash), minTime: 1, timeoutMs: 8000 })
  expect(noConfig.currentTime).toBeLessThan(0.5)
  expect(noConfig.errors.length).toBeGreaterThan(0)

  // A license server that refuses (no token) fails too.
  const refused = await playInPage(page, {
    manifestUri: media(enc.dash),
    servers: { 'org.w3.clearkey': `${server.origin}/test-license/clearkey` },
    minTime: 1,
    timeoutMs: 8000,
  })
  expect(refused.currentTime).toBeLessThan(0.5)
  expect(refused.errors.some((e) => e.severity === 2)).toBe(true)

  // And another asset's key does not open this one.
  const other = asset('enc-3')
  const wrong = await playInPage(page, {
    manifestUri: media(enc.dash),
    clearKeys: { [other.kid as string]: other.key as string },
    minTime: 1,
    timeoutMs: 8000,
  })
  expect(wrong.currentTime).toBeLessThan(0.5)
})

test('a clear HLS asset plays (fMP4 byte ranges, alternate audio and subtitles)', async () => {
  const result = await playInPage(page, { manifestUri: media(asset('clear-2').hls), minTime: 2.5 })
  expect(result.errors).toEqual([])
  expect(result.currentTime).toBeGreaterThan(2)
  expect(result.videoHeights).toEqual([360, 540, 720])
  expect(result.audioLanguages.sort()).toEqual(['en', 'zh'])
  expect(result.textLanguages.sort()).toEqual(['en', 'zh'])
  expect((await frameStats(page)).stddev).toBeGreaterThan(20)
})

test('an encrypted HLS asset plays with its key from the EXT-X-KEY identity URI, and not without it', async () => {
  const enc = asset('enc-3')
  licenseLog.length = 0
  const result = await playInPage(page, {
    manifestUri: media(enc.hls),
    requestHeaders: { [TOKEN_HEADER]: TOKEN },
    minTime: 2.5,
  })
  expect(result.errors).toEqual([])
  expect(result.keySystem).toBe('org.w3.clearkey')
  expect(licenseLog).toContain(`hls-key enc-3 ${TOKEN}`)
  expect(result.currentTime).toBeGreaterThan(2)
  expect((await screenFrameStats(page)).stddev).toBeGreaterThan(20)

  const refused = await playInPage(page, { manifestUri: media(enc.hls), minTime: 1, timeoutMs: 8000 })
  expect(refused.loaded).toBe(false)
  expect(refused.currentTime).toBeLessThan(0.5)
})
