// GET /v1/home, built the way it is read: what every viewer sees the same (the rails, their names, every tile with its
// offers) is serialized once per catalogue, language and origin and kept as JSON fragments; a request adds only
// what is the viewer's own (entitlements, continue watching, my list), read fresh each time, so nothing kept can go
// stale when a viewer buys, watches or lists something. A viewer with nothing of their own gets the kept body as is.
import crypto from 'node:crypto'
import type { Language, ProgressSummary } from '../contract'
import { EMPTY_HOLDINGS, entitlementFor, type Holdings } from './access'
import type { Catalog, CatalogTitle } from './catalog'
import { holdingsOf, type Ctx, type Viewer } from './context'
import { pick } from './i18n'
import { summary, type Presenter } from './present'
import { HOME_PAGE_SIZE, VIEWER_RAIL_IDS, catalogRails, continueWatchingRows, heroTitle, page, progressOf, railName, savedProgress, watchlistTitles } from './rails'

export interface RenderedFeed {
  body: Buffer
  /** Strong validator: a hash of the body's bytes. */
  etag: string
}

/** A tile as bytes, cut before its entitlement (the last field of access, the last field of a summary: present.ts). */
interface TileBytes {
  /** `{"id":…,"access":{"offers":[…],"entitlement":` */
  head: Buffer
  /** The entitlement of a viewer who holds nothing: `{"kind":"free"}` or `{"kind":"none"}`. */
  bare: Buffer
}

/** A rail page around its items: `{"id":…,"items":[` and `],"nextCursor":…}`. */
interface RailFrame {
  open: Buffer
  close: Buffer
}

interface CatalogRailBytes {
  frame: RailFrame
  firstPage: CatalogTitle[]
  /** The items of a viewer who holds none of them. */
  bareItems: Buffer
}

interface SharedFeed {
  lang: Language
  tiles: Map<string, TileBytes>
  hero: CatalogTitle
  rails: CatalogRailBytes[]
  /** The whole feed of a viewer with no holdings, progress or list. */
  bare: RenderedFeed
}

/** Distinct language × origin feeds kept per catalogue; the origin comes from the Host header, so it is bounded. */
const MAX_SHARED_FEEDS = 16

const bytes = (json: string): Buffer => Buffer.from(json, 'utf8')
const COMMA = bytes(',')
const TILE_END = bytes('}}')
const HOME_OPEN = bytes('{"hero":')
const RAILS_OPEN = bytes(',"rails":[')
const HOME_END = bytes(']}')

function rendered(body: Buffer): RenderedFeed {
  return { body, etag: `"${crypto.createHash('sha1').update(body).digest('base64url')}"` }
}

function railFrame(id: string, title: string, total: number): RailFrame {
  const json = JSON.stringify(page({ id, title, total, slice: () => [] }, 0, HOME_PAGE_SIZE, undefined))
  const at = json.indexOf('"items":[]') + '"items":['.length
  return { open: bytes(json.slice(0, at)), close: bytes(json.slice(at)) }
}

function tileBytes(p: Presenter, t: CatalogTitle): TileBytes {
  const json = JSON.stringify(summary(p, t))
  const bare = JSON.stringify(entitlementFor(t, EMPTY_HOLDINGS))
  if (!json.endsWith(`"entitlement":${bare}}}`)) throw new Error(`a title summary must end with its entitlement: ${json}`)
  return { head: bytes(json.slice(0, json.length - bare.length - 2)), bare: bytes(bare) }
}

function holdsNothing(h: Holdings): boolean {
  return h.subscription === null && h.owned.size === 0 && h.rentals.size === 0
}

/** One viewer's overlay on the shared feed. */
interface Overlay {
  holdings: Holdings
  progress: Array<{ title: CatalogTitle; progress: ProgressSummary }>
  /** The viewer's saved position in the hero, however far, as GET /v1/titles/:id gives it. */
  heroProgress: ProgressSummary | null
  listed: CatalogTitle[]
}

/** The body as a list of kept and per-request byte pieces. */
function assemble(shared: SharedFeed, overlay: Overlay): Buffer[] {
  const out: Buffer[] = []
  const heldNothing = holdsNothing(overlay.holdings)
  const byJson = new Map<string, Buffer>()
  const entitlement = (t: CatalogTitle): Buffer => {
    const kept = shared.tiles.get(t.id) as TileBytes
    if (heldNothing) return kept.bare
    const ent = entitlementFor(t, overlay.holdings)
    if (ent.kind === 'free' || ent.kind === 'none') return kept.bare
    const json = JSON.stringify(ent)
    let b = byJson.get(json)
    if (!b) {
      b = bytes(json)
      byJson.set(json, b)
    }
    return b
  }
  const tiles = (titles: CatalogTitle[], end: (i: number) => Buffer): void => {
    titles.forEach((t, i) => {
      if (i > 0) out.push(COMMA)
      out.push((shared.tiles.get(t.id) as TileBytes).head, entitlement(t), end(i))
    })
  }
  // A tile with a position is a summary with its progress after access: the continue-watching rail's, and the hero's
  // (its details' own), so the app names its first button (Resume S1:E3 from 12:05) from the feed, not once its details come.
  const withProgress = (progress: ProgressSummary): Buffer => bytes(`},"progress":${JSON.stringify(progress)}}`)
  const { heroProgress } = overlay
  out.push(HOME_OPEN)
  tiles([shared.hero], () => (heroProgress ? withProgress(heroProgress) : TILE_END))
  out.push(RAILS_OPEN)
  let rails = 0
  const openRail = (frame: RailFrame): void => {
    if (rails++ > 0) out.push(COMMA)
    out.push(frame.open)
  }
  const [continueWatching, watchlist] = VIEWER_RAIL_IDS
  const viewerRail = (id: string, titles: CatalogTitle[], total: number, end: (i: number) => Buffer): void => {
    const frame = railFrame(id, railName(id, shared.lang), total)
    openRail(frame)
    tiles(titles, end)
    out.push(frame.close)
  }
  if (overlay.progress.length > 0) {
    const shown = overlay.progress.slice(0, HOME_PAGE_SIZE)
    viewerRail(continueWatching, shown.map((p) => p.title), overlay.progress.length, (i) => withProgress(shown[i].progress))
  }
  if (overlay.listed.length > 0) viewerRail(watchlist, overlay.listed.slice(0, HOME_PAGE_SIZE), overlay.listed.length, () => TILE_END)
  for (const rail of shared.rails) {
    openRail(rail.frame)
    const own = !heldNothing && rail.firstPage.some((t) => entitlement(t) !== (shared.tiles.get(t.id) as TileBytes).bare)
    if (own) tiles(rail.firstPage, () => TILE_END)
    else out.push(rail.bareItems)
    out.push(rail.frame.close)
  }
  out.push(HOME_END)
  return out
}

function buildShared(catalog: Catalog, lang: Language, base: string): SharedFeed {
  const p: Presenter = { lang, base, holdings: EMPTY_HOLDINGS, catalog }
  const tiles = new Map(catalog.titles.map((t) => [t.id, tileBytes(p, t)]))
  const bareItems = (titles: CatalogTitle[]): Buffer =>
    Buffer.concat(titles.flatMap((t, i) => {
      const kept = tiles.get(t.id) as TileBytes
      return [...(i > 0 ? [COMMA] : []), kept.head, kept.bare, TILE_END]
    }))
  const shared: SharedFeed = {
    lang,
    tiles,
    hero: heroTitle(catalog),
    rails: catalogRails(catalog)
      .filter((r) => r.titles.length > 0)
      .map((r) => {
        const firstPage = r.titles.slice(0, HOME_PAGE_SIZE)
        return { frame: railFrame(r.id, pick(lang, r.name), r.titles.length), firstPage, bareItems: bareItems(firstPage) }
      }),
    bare: { body: Buffer.alloc(0), etag: '' },
  }
  shared.bare = rendered(Buffer.concat(assemble(shared, { holdings: EMPTY_HOLDINGS, progress: [], heroProgress: null, listed: [] })))
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
        return title ? [{ title, progress: progressOf(row, catalog) }] : []
      }),
      heroProgress: null,
      listed: watchlistTitles(this.ctx, viewer.key),
    }
    const heroSaved = savedProgress(this.ctx, viewer.key, shared.hero.id)
    if (heroSaved) overlay.heroProgress = progressOf(heroSaved, catalog)
    if (holdsNothing(overlay.holdings) && overlay.progress.length === 0 && !overlay.heroProgress && overlay.listed.length === 0) return shared.bare
    return rendered(Buffer.concat(assemble(shared, overlay)))
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
