// GET /v1/home, built the way it is read: what every viewer sees the same (the rails, their names, every tile with its
// offers) is serialized once per catalogue, language and origin and kept as JSON fragments; a request adds only
// what is the viewer's own (entitlements, continue watching, my list), read fresh each time, so nothing kept can go
// stale when a viewer buys, watches or lists something. A viewer with nothing of their own gets the kept body as is.
import crypto from 'node:crypto'
import type { Language } from '../contract'
import { EMPTY_HOLDINGS, entitlementFor, type Holdings } from './access'
import type { Catalog, CatalogTitle } from './catalog'
import { holdingsOf, type Ctx, type Viewer } from './context'
import { pick } from './i18n'
import { summary, type Presenter } from './present'
import {
  HOME_PAGE_SIZE, VIEWER_RAIL_IDS, catalogRails, continueWatchingRows, heroTitle, page, progressOf, railName, watchlistTitles,
  type ProgressRow,
} from './rails'

export interface RenderedFeed {
  body: Buffer
  /** Strong validator: a hash of the body's bytes. */
  etag: string
}

interface TileJson {
  /** The tile up to its entitlement: `{"id":…,"access":{"offers":[…],"entitlement":`. */
  head: string
  /** The entitlement of a viewer who holds nothing (free or none). */
  bare: string
}

/** A rail page's JSON around its items: `{"id":…,"items":[` and `],"nextCursor":…}`. */
interface RailFrame {
  open: string
  close: string
}

interface CatalogRailJson {
  frame: RailFrame
  firstPage: CatalogTitle[]
}

interface SharedFeed {
  lang: Language
  tiles: Map<string, TileJson>
  hero: CatalogTitle
  rails: CatalogRailJson[]
  /** The whole feed of a viewer with no holdings, progress or list. */
  bare: RenderedFeed
}

/** Distinct language × origin feeds kept per catalogue; the origin comes from the Host header, so it is bounded. */
const MAX_SHARED_FEEDS = 16

function rendered(json: string): RenderedFeed {
  const body = Buffer.from(json, 'utf8')
  return { body, etag: `"${crypto.createHash('sha1').update(body).digest('base64url')}"` }
}

function railFrame(id: string, title: string, total: number): RailFrame {
  const json = JSON.stringify(page({ id, title, total, slice: () => [] }, 0, HOME_PAGE_SIZE, undefined))
  const at = json.indexOf('"items":[]') + '"items":['.length
  return { open: json.slice(0, at), close: json.slice(at) }
}

function tileJson(p: Presenter, t: CatalogTitle): TileJson {
  const json = JSON.stringify(summary(p, t))
  const bare = JSON.stringify(entitlementFor(t, EMPTY_HOLDINGS))
  // The entitlement is the last field of access, the last field of a summary (see present.ts).
  const tail = `"entitlement":${bare}}}`
  if (!json.endsWith(tail)) throw new Error(`a title summary must end with its entitlement: ${json}`)
  return { head: json.slice(0, json.length - bare.length - 2), bare }
}

function holdsNothing(h: Holdings): boolean {
  return h.subscription === null && h.owned.size === 0 && h.rentals.size === 0
}

/** One viewer's overlay on the shared feed. */
interface Overlay {
  holdings: Holdings
  progress: Array<{ row: ProgressRow; title: CatalogTitle }>
  listed: CatalogTitle[]
}

function assemble(shared: SharedFeed, overlay: Overlay): string {
  const bare = holdsNothing(overlay.holdings)
  const entitlements = new Map<string, string>()
  const tile = (t: CatalogTitle): string => {
    const parts = shared.tiles.get(t.id) as TileJson
    if (bare) return `${parts.head}${parts.bare}}}`
    let ent = entitlements.get(t.id)
    if (ent === undefined) {
      ent = JSON.stringify(entitlementFor(t, overlay.holdings))
      entitlements.set(t.id, ent)
    }
    return `${parts.head}${ent}}}`
  }
  const rails: string[] = []
  const [continueWatching, watchlist] = VIEWER_RAIL_IDS
  if (overlay.progress.length > 0) {
    const frame = railFrame(continueWatching, railName(continueWatching, shared.lang), overlay.progress.length)
    const items = overlay.progress.slice(0, HOME_PAGE_SIZE).map(({ row, title }) => `${tile(title).slice(0, -1)},"progress":${JSON.stringify(progressOf(row))}}`)
    rails.push(`${frame.open}${items.join(',')}${frame.close}`)
  }
  if (overlay.listed.length > 0) {
    const frame = railFrame(watchlist, railName(watchlist, shared.lang), overlay.listed.length)
    rails.push(`${frame.open}${overlay.listed.slice(0, HOME_PAGE_SIZE).map(tile).join(',')}${frame.close}`)
  }
  for (const rail of shared.rails) rails.push(`${rail.frame.open}${rail.firstPage.map(tile).join(',')}${rail.frame.close}`)
  return `{"hero":${tile(shared.hero)},"rails":[${rails.join(',')}]}`
}

function buildShared(catalog: Catalog, lang: Language, base: string): SharedFeed {
  const p: Presenter = { lang, base, holdings: EMPTY_HOLDINGS, catalog }
  const shared: SharedFeed = {
    lang,
    tiles: new Map(catalog.titles.map((t) => [t.id, tileJson(p, t)])),
    hero: heroTitle(catalog),
    rails: catalogRails(catalog)
      .filter((r) => r.titles.length > 0)
      .map((r) => ({ frame: railFrame(r.id, pick(lang, r.name), r.titles.length), firstPage: r.titles.slice(0, HOME_PAGE_SIZE) })),
    bare: { body: Buffer.alloc(0), etag: '' },
  }
  shared.bare = rendered(assemble(shared, { holdings: EMPTY_HOLDINGS, progress: [], listed: [] }))
  return shared
}

export class HomeFeed {
  // Keyed by the catalogue object: a catalogue loaded anew starts with no kept fragments.
  private readonly kept = new WeakMap<Catalog, Map<string, SharedFeed>>()

  constructor(private readonly ctx: Ctx) {}

  render(viewer: Viewer, lang: Language, base: string): RenderedFeed {
    const shared = this.shared(lang, base)
    if (!viewer.key) return shared.bare
    const { catalog } = this.ctx
    const overlay: Overlay = {
      holdings: holdingsOf(this.ctx, viewer),
      progress: continueWatchingRows(this.ctx, viewer.key).flatMap((row) => {
        const title = catalog.byId.get(row.title_id)
        return title ? [{ row, title }] : []
      }),
      listed: watchlistTitles(this.ctx, viewer.key),
    }
    if (holdsNothing(overlay.holdings) && overlay.progress.length === 0 && overlay.listed.length === 0) return shared.bare
    return rendered(assemble(shared, overlay))
  }

  private shared(lang: Language, base: string): SharedFeed {
    const catalog = this.ctx.catalog
    let feeds = this.kept.get(catalog)
    if (!feeds) {
      feeds = new Map()
      this.kept.set(catalog, feeds)
    }
    const key = `${lang} ${base}`
    let feed = feeds.get(key)
    if (!feed) {
      if (feeds.size >= MAX_SHARED_FEEDS) feeds.delete(feeds.keys().next().value as string)
      feed = buildShared(catalog, lang, base)
      feeds.set(key, feed)
    }
    return feed
  }
}

/** If-None-Match (RFC 9110 §13.1.2): `*` or any listed tag equal to ours under weak comparison. */
export function matchesIfNoneMatch(header: string | string[] | undefined, etag: string): boolean {
  if (header === undefined) return false
  const value = Array.isArray(header) ? header.join(',') : header
  if (value.trim() === '*') return true
  return value.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)
}
