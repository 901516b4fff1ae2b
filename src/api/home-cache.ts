import type { Home } from '../../server/contract'
import { AppError } from './errors'
import type { ApiClient } from './http'
import { fetchHome } from './catalog'

/** What is kept on the device: the last home feed, when and in which language it was fetched. */
export interface CachedHome {
  savedAt: number
  language: string
  body: unknown
}

/** Where the feed is kept; the app passes one over the SDK Storage plugin (src/storage). */
export interface HomeStore {
  read(): CachedHome | null
  write(entry: CachedHome): void
}

export type HomeLoad =
  | { source: 'network'; home: Home }
  /** The API could not be reached: the last feed, with the error that caused the fallback. */
  | { source: 'cache'; home: Home; savedAt: number; error: AppError }

/** A stored body from an older build or a broken write is not trusted as a feed. */
export function isHome(body: unknown): body is Home {
  if (typeof body !== 'object' || body === null) return false
  const { hero, rails } = body as { hero?: unknown; rails?: unknown }
  return (
    typeof hero === 'object' &&
    hero !== null &&
    typeof (hero as { id?: unknown }).id === 'string' &&
    Array.isArray(rails) &&
    rails.every((rail) => typeof rail === 'object' && rail !== null && Array.isArray((rail as { items?: unknown }).items))
  )
}

/** The feed asked for at launch, before Home exists; the first load() in its language takes it instead of asking again. */
interface EarlyFeed {
  language: string
  request: Promise<Home>
  /** Set once the answer is in. */
  arrived: Home | null
}

let early: EarlyFeed | null = null

/**
 * Asks for the feed as the app launches, so the request runs alongside Lightning's and the Router's start
 * instead of after them (`npm run bench -- startup`). A failure waits for load() to report it.
 */
export function requestHomeEarly(client: ApiClient, language: string): void {
  const entry: EarlyFeed = { language, request: fetchHome(client), arrived: null }
  entry.request.then(
    (home) => {
      entry.arrived = home
    },
    () => undefined,
  )
  early = entry
}

/**
 * The home feed, stale-while-revalidate: a page renders `cached()` at once (no
 * waiting on the network at start-up), then `load()` brings the fresh feed and
 * stores it. When the API is down `load()` answers with the stored feed, so the
 * app starts with the last catalogue instead of an error.
 */
export class HomeCache {
  constructor(
    private readonly client: ApiClient,
    private readonly store: HomeStore,
    private readonly language: () => string,
    private readonly now: () => number = Date.now,
  ) {}

  /** The stored feed in the current language, for the first frame; null when there is none. */
  cached(): { home: Home; savedAt: number } | null {
    const entry = this.store.read()
    if (!entry || entry.language !== this.language() || !isHome(entry.body)) return null
    return { home: entry.body, savedAt: entry.savedAt }
  }

  /** Whether the feed asked for at launch is already here: then load() answers at once and the stored one need not be drawn first. */
  get earlyFeedArrived(): boolean {
    return early !== null && early.arrived !== null && early.language === this.language()
  }

  async load(): Promise<HomeLoad> {
    const language = this.language()
    const launched = early?.language === language ? early.request : null
    early = null
    try {
      const home = await (launched ?? fetchHome(this.client))
      this.store.write({ savedAt: this.now(), language, body: home })
      return { source: 'network', home }
    } catch (error) {
      const appError = error instanceof AppError ? error : new AppError('bad-response', String(error))
      const entry = this.store.read()
      // Any stored feed beats an error screen when offline, even one in another language.
      if (appError.transient && entry && isHome(entry.body)) {
        return { source: 'cache', home: entry.body, savedAt: entry.savedAt, error: appError }
      }
      throw appError
    }
  }
}
