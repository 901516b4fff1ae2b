import type { Home, Rail, RailPage, SearchResult, TitleDetails } from '../../server/contract'
import { isHome, isRailPage, isSearchResult, isTitleDetails } from './guards'
import type { ApiClient } from './http'

/**
 * The catalogue: home feed, rail pages, title details, search and genres.
 * Every call takes the client so pages pass `api()` and tests pass a client
 * pointed at a real server.
 */

export function fetchHome(client: ApiClient): Promise<Home> {
  return client.get<Home>('/home', { shape: isHome })
}

/** QA and benchmarks (`?longRail=N`): the feed with the API's synthetic catalogue rail of `size` tiles first. */
export async function withLongRail(client: ApiClient, home: Home, size: number): Promise<Home> {
  if (size <= 0) return home
  const rail = await client.get<RailPage>('/rails/catalog-all', { params: { repeat: size }, shape: isRailPage })
  return { ...home, rails: [rail, ...home.rails.filter((r) => r.id !== rail.id)] }
}

/** The next page of a rail; `cursor` is the previous page's `nextCursor` (none for the first page). */
export function fetchRailPage(client: ApiClient, railId: string, cursor?: string | null, limit?: number): Promise<RailPage> {
  return client.get<RailPage>(`/rails/${encodeURIComponent(railId)}`, {
    shape: isRailPage,
    params: { cursor: cursor ?? undefined, limit },
  })
}

/** The most popular titles (Search offers them before and instead of results). */
export function fetchPopular(client: ApiClient): Promise<RailPage> {
  return fetchRailPage(client, 'popular')
}

export function fetchTitle(client: ApiClient, titleId: string): Promise<TitleDetails> {
  return client.get<TitleDetails>(`/titles/${encodeURIComponent(titleId)}`, { shape: isTitleDetails })
}

/** The server matches Chinese, English, full pinyin and pinyin initials. */
export function searchTitles(client: ApiClient, query: string, limit?: number): Promise<SearchResult> {
  return client.get<SearchResult>('/search', { params: { q: query, limit }, shape: isSearchResult })
}

const GENRE_RAIL_PREFIX = 'genre-'

export interface GenreEntry {
  /** The id used in the `browse/:genreId` route. */
  genreId: string
  name: string
  railId: string
}

export function genreRailId(genreId: string): string {
  return GENRE_RAIL_PREFIX + genreId
}

/** Genres are the home feed's `genre-<id>` rails: the API has no separate genre list. */
export function genresOf(rails: readonly Pick<Rail, 'id' | 'title'>[]): GenreEntry[] {
  return rails
    .filter((rail) => rail.id.startsWith(GENRE_RAIL_PREFIX))
    .map((rail) => ({ genreId: rail.id.slice(GENRE_RAIL_PREFIX.length), name: rail.title, railId: rail.id }))
}
