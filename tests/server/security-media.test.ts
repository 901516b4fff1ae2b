// Paid media fetched straight from /media/ (public, no token) are useless without the key: a real decoder
// (ffmpeg) finds no decodable picture or sound in them, nor with another asset's key, but decodes them cleanly
// with the right one; and the keys themselves are never served.
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import type { FastifyInstance } from 'fastify'
import { buildServer } from '../../server/app'
import { ensureMedia, ffmpegPath, type MediaAsset, type MediaCatalog } from '../../scripts/media'

jest.setTimeout(180_000)

const root = path.resolve(__dirname, '../..')
// The packaged media the e2e run uses (made once, ~30 s, when missing).
const mediaDir = process.env.MARQUEE_MEDIA_DIR ?? path.join(root, 'test-output/media')
const run = promisify(execFile)

let app: FastifyInstance
let base: string
let catalog: MediaCatalog
let workDir: string

beforeAll(async () => {
  catalog = await ensureMedia({ outDir: mediaDir })
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'marquee-media-sec-'))
  app = await buildServer({ dataDir: workDir, mediaDir, secret: 'media-security-secret' })
  base = await app.listen({ port: 0, host: '127.0.0.1' })
})

afterAll(async () => {
  await app?.close()
  fs.rmSync(workDir, { recursive: true, force: true })
})

const encrypted = (): MediaAsset[] => catalog.assets.filter((a) => a.encrypted)

/** Downloads a media file over HTTP with no credentials, as anyone could. */
async function download(rel: string): Promise<string> {
  const res = await fetch(`${base}/media/${rel}`)
  expect(res.status).toBe(200)
  const file = path.join(workDir, rel.replace(/\//g, '_'))
  fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()))
  return file
}

/** Decoder errors ffmpeg reports decoding the file (all of it), with an optional CENC key. */
async function decodeErrors(file: string, key: string | null): Promise<string[]> {
  const args = ['-v', 'error', ...(key ? ['-decryption_key', key] : []), '-i', file, '-f', 'null', '-']
  const { stderr } = await run(ffmpegPath(), args, { maxBuffer: 64 * 1024 * 1024 }).catch((err: { stderr?: string }) => ({ stderr: err.stderr ?? String(err) }))
  return stderr.split('\n').filter((line) => line.trim() !== '')
}

test('the catalog with the keys is not served, under any spelling', async () => {
  for (const url of ['/media/catalog.json', '/media/./catalog.json', '/media/%63atalog.json', '/media/enc-1/../catalog.json', '/media/catalog.json%00.mp4', '/catalog.json']) {
    const res = await fetch(base + url)
    const text = await res.text()
    expect([url, res.status]).toEqual([url, 404])
    for (const a of encrypted()) expect(text).not.toContain(a.key as string)
  }
})

test.each(['video-360.mp4', 'audio-zh.mp4'])('encrypted %s fetched directly decodes only with its own key', async (track) => {
  const [asset, other] = encrypted()
  const file = await download(`${asset.id}/${track}`)
  const withoutKey = await decodeErrors(file, null)
  const wrongKey = await decodeErrors(file, other.key)
  const rightKey = await decodeErrors(file, asset.key)
  expect(rightKey).toEqual([])
  // Not a warning or two: the stream is undecodable throughout.
  expect(withoutKey.length).toBeGreaterThan(20)
  expect(wrongKey.length).toBeGreaterThan(20)
})

test('the same rendition of a clear asset decodes without any key (the check above can tell the difference)', async () => {
  const clear = catalog.assets.find((a) => !a.encrypted) as MediaAsset
  expect(await decodeErrors(await download(`${clear.id}/video-360.mp4`), null)).toEqual([])
})
