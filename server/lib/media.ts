// Reads <mediaDir>/catalog.json (written by scripts/media) and maps titles to assets.
import fs from 'node:fs'
import path from 'node:path'
import type { PlaySpan } from '../contract'
import type { CatalogTitle } from './catalog'

export interface MediaAssetInfo {
  id: string
  encrypted: boolean
  kid: string | null
  key: string | null
  durationSeconds: number
  dash: string
  hls: string
  audioLanguages: string[]
  subtitleLanguages: string[]
  /** The clip's opening titles (media generated before they were marked have none). */
  intro?: PlaySpan
}

export class MediaLibrary {
  private cached: { mtimeMs: number; assets: MediaAssetInfo[] } | null = null

  constructor(readonly dir: string) {}

  assets(): MediaAssetInfo[] {
    const file = path.join(this.dir, 'catalog.json')
    let stat: fs.Stats
    try {
      stat = fs.statSync(file)
    } catch {
      this.cached = null
      return []
    }
    if (this.cached && this.cached.mtimeMs === stat.mtimeMs) return this.cached.assets
    try {
      const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { assets?: unknown }
      const assets = Array.isArray(parsed.assets) ? (parsed.assets as MediaAssetInfo[]).filter(isAsset) : []
      assets.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      this.cached = { mtimeMs: stat.mtimeMs, assets }
      return assets
    } catch {
      return []
    }
  }

  /** Free titles and trailers play clear assets; paid titles play encrypted ones (title index modulo count). */
  assetFor(title: CatalogTitle, trailer: boolean): MediaAssetInfo | null {
    const all = this.assets()
    const clear = all.filter((a) => !a.encrypted)
    const encrypted = all.filter((a) => a.encrypted)
    if (title.free || trailer) return clear.length ? clear[title.idx % clear.length] : null
    return encrypted.length ? encrypted[title.idx % encrypted.length] : null
  }

  byId(id: string): MediaAssetInfo | null {
    return this.assets().find((a) => a.id === id) ?? null
  }
}

function isAsset(a: unknown): a is MediaAssetInfo {
  if (!a || typeof a !== 'object') return false
  const x = a as Record<string, unknown>
  const hex = (v: unknown): boolean => typeof v === 'string' && /^[0-9a-f]{32}$/i.test(v)
  return (
    typeof x.id === 'string' &&
    typeof x.encrypted === 'boolean' &&
    typeof x.dash === 'string' &&
    typeof x.hls === 'string' &&
    (!x.encrypted || (hex(x.kid) && hex(x.key))) &&
    (x.intro === undefined || isSpan(x.intro))
  )
}

function isSpan(value: unknown): boolean {
  if (!value || typeof value !== 'object') return false
  const { startSeconds: start, endSeconds: end } = value as Record<string, unknown>
  return typeof start === 'number' && typeof end === 'number' && start >= 0 && end > start
}

export function hexToBase64url(hex: string): string {
  return Buffer.from(hex, 'hex').toString('base64url')
}

export function base64urlToHex(b64: string): string | null {
  const buf = Buffer.from(b64, 'base64url')
  return buf.length === 16 ? buf.toString('hex') : null
}
