// Nothing secret ships in the built app: not the server's token secrets, not a content key (in hex, base64 or
// base64url) from the packaged media's catalog, and no server code at all (the app imports contract TYPES only).
import fs from 'node:fs'
import path from 'node:path'
import { readMediaCatalog } from '../../scripts/media'
import { distDir, mediaDir, root } from './support/paths'

/** Every file of the built app (bundles, source maps, index.html with the baked settings, static/). */
function builtFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? builtFiles(full) : [full]
  })
}

function encodings(hex: string): string[] {
  const bytes = Buffer.from(hex, 'hex')
  return [hex, hex.toUpperCase(), bytes.toString('base64'), bytes.toString('base64url')]
}

/** The secrets any server this checkout runs could hold: test secrets, the local data dir's secret, the environment's. */
function serverSecrets(): string[] {
  const secrets = ['e2e-secret-not-for-production', 'test-secret-0123456789']
  if (process.env.MARQUEE_SECRET) secrets.push(process.env.MARQUEE_SECRET)
  const dataDir = path.resolve(root, process.env.MARQUEE_DATA_DIR ?? 'data')
  const file = path.join(dataDir, 'secret')
  if (fs.existsSync(file)) secrets.push(fs.readFileSync(file, 'utf8').trim())
  return secrets
}

function contentKeys(): string[] {
  const catalogs = [mediaDir, path.join(path.resolve(root, process.env.MARQUEE_DATA_DIR ?? 'data'), 'media')]
  return catalogs.flatMap((dir) => (readMediaCatalog(dir)?.assets ?? []).flatMap((a) => (a.key ? encodings(a.key) : [])))
}

const files = builtFiles(distDir)
const contents = files.map((file) => ({ file: path.relative(distDir, file), text: fs.readFileSync(file).toString('latin1') }))

function filesContaining(needle: string): string[] {
  return contents.filter((c) => c.text.includes(needle)).map((c) => c.file)
}

test('the search reads every built file (it finds what is really there)', () => {
  expect(files.length).toBeGreaterThan(3)
  expect(filesContaining('MARQUEE_SETTINGS')).toContain('index.html')
  expect(filesContaining('@lightningjs/core').length).toBeGreaterThan(0)
})

test('no server secret is in the built app', () => {
  for (const secret of serverSecrets()) expect([secret.slice(0, 6), filesContaining(secret)]).toEqual([secret.slice(0, 6), []])
})

test('no content key of the packaged media is in the built app', () => {
  const keys = contentKeys()
  expect(keys.length).toBeGreaterThanOrEqual(12) // 3 encrypted assets × 4 encodings, at least
  const leaks = keys.flatMap((k) => filesContaining(k).map((f) => `${k.slice(0, 6)}… in ${f}`))
  expect(leaks).toEqual([])
})

test('no server code is bundled: no server/ or scripts/ source, no token signing, no database', () => {
  for (const map of files.filter((f) => f.endsWith('.js.map'))) {
    const sources = (JSON.parse(fs.readFileSync(map, 'utf8')) as { sources: string[] }).sources
    expect(sources.length).toBeGreaterThan(0)
    expect(sources.filter((s) => /(^|\/)(server|scripts)\//.test(s.replace(/^(\.\.\/)+/, '')))).toEqual([])
  }
  for (const marker of ['marquee-token:', 'better-sqlite3', 'scryptSync', 'hashPinSync', 'catalog.json']) {
    expect([marker, filesContaining(marker)]).toEqual([marker, []])
  }
})
