import type { Access, Offer, TitleDetails } from './contract-types'
import type { DetailAction } from './access'
import { buyOffer, rentOffer, subscriptionOffers } from './offers'

/**
 * Browse rules: where a details action leads, which action takes the focus,
 * what a search box sends, how far a title has been watched, and which
 * season's episodes to list. Pure: the pages turn the answers into navigation.
 */

/** What pressing an action on the details page does. */
export type ActionTarget =
  /** A router hash to go to (the player). */
  | { kind: 'navigate'; hash: string }
  /** Ask the App's purchase flow for this offer. */
  | { kind: 'purchase'; offer: Offer }

/**
 * The target of a details action: play and resume start at the server's saved
 * position (`play`), start over from 0 (`startover`), the trailer is free to
 * all, and a first rental play is a play (it starts the 48 h window); a
 * series' plays are of the action's episode (`…/play/<episodeId>`). The
 * purchase choices map back to the title's own offer of that kind; null when
 * the title has no such offer (the page then shows nothing for it).
 */
export function actionTarget(action: DetailAction, titleId: string, access: Access): ActionTarget | null {
  switch (action.kind) {
    case 'play':
    case 'resume':
    case 'start-rental':
      return { kind: 'navigate', hash: playHash(titleId, action.episode?.id) }
    case 'start-over':
      return { kind: 'navigate', hash: playHash(titleId, action.episode?.id, 'startover') }
    case 'trailer':
      return { kind: 'navigate', hash: playHash(titleId, null, 'trailer') }
    case 'subscribe': {
      const offer = subscriptionOffers(access.offers).find((o) => o.planId === action.planId)
      return offer ? { kind: 'purchase', offer } : null
    }
    case 'rent': {
      const offer = rentOffer(access.offers)
      return offer ? { kind: 'purchase', offer } : null
    }
    case 'buy': {
      const offer = buyOffer(access.offers)
      return offer ? { kind: 'purchase', offer } : null
    }
  }
}

/** A title's Details page. */
export function detailsHash(titleId: string): string {
  return `details/${encodeURIComponent(titleId)}`
}

/** A title's Details page opened at its purchase choices, saying why (the viewer tried to play what they cannot). */
export function detailsBuyHash(titleId: string): string {
  return `${detailsHash(titleId)}/buy`
}

/**
 * Search showing what `query` finds (a voice assistant's or a launcher's search). Everything but letters,
 * digits and `_ . -` is escaped: the Router splits a hash's parts on anything else.
 */
export function searchHash(query: string): string {
  return `search/${encodeURIComponent(query).replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`
}

/** The Player's hash for a title, or one episode of a series: `play` from the saved position, `startover` from 0, or its `trailer`. */
export function playHash(titleId: string, episodeId?: string | null, mode: 'play' | 'startover' | 'trailer' = 'play'): string {
  return `player/${encodeURIComponent(titleId)}/${mode}${episodeId ? `/${encodeURIComponent(episodeId)}` : ''}`
}

const CHINESE_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九']

/** 1–99 in Chinese numerals (三, 十二, 二十一), as episode titles spell them. */
function chineseNumber(n: number): string {
  if (n < 10) return CHINESE_DIGITS[n] ?? ''
  const tens = Math.floor(n / 10)
  return `${tens === 1 ? '' : CHINESE_DIGITS[tens]}十${CHINESE_DIGITS[n % 10]}`
}

/**
 * An episode's own title, or null when it only restates its number
 * ("Episode 3", "Ep. 03", "Eps 3", "第3集", "第三集", "3"), as many
 * catalogues' do: the app then says the number once, in the viewer's language.
 */
export function episodeOwnTitle(number: number, title: string): string | null {
  const text = title.normalize('NFKC').trim()
  if (!text) return null
  const digits = `0*${number}`
  const numeral = number >= 1 && number <= 99 ? `|${chineseNumber(number)}` : ''
  const restatesNumber = new RegExp(`^(?:(?:episode|eps?\\.?|#)\\s*${digits}|第\\s*(?:${digits}${numeral})\\s*[集话話回期]|${digits})$`, 'i')
  return restatesNumber.test(text) ? null : text
}

export function isPurchaseAction(action: DetailAction): boolean {
  return action.kind === 'subscribe' || action.kind === 'rent' || action.kind === 'buy'
}

/**
 * Which action takes the focus when the details page opens: on the `/buy`
 * variant (the player sent the viewer here because the title needs paying for)
 * the first purchase choice; otherwise the first action (Play, Resume, or the
 * better deal). -1 when there are no actions.
 */
export function initialActionIndex(actions: readonly DetailAction[], purchaseFirst: boolean): number {
  if (actions.length === 0) return -1
  if (purchaseFirst) {
    const index = actions.findIndex(isPurchaseAction)
    if (index >= 0) return index
  }
  return 0
}

/** Longest query the API accepts. */
export const SEARCH_MAX_LENGTH = 64

/**
 * What the search box sends: spaces trimmed and collapsed, cut to the API's
 * limit; null when there is nothing to search for (the page then clears its
 * results instead of calling the API).
 */
export function searchQuery(typed: string): string | null {
  const query = typed.replace(/\s+/g, ' ').trim().slice(0, SEARCH_MAX_LENGTH).trim()
  return query.length > 0 ? query : null
}

/** How many recent searches Search keeps and offers. */
export const RECENT_SEARCHES = 6

/** The recent searches with `query` the latest: first, said once, the oldest dropped past the limit. */
export function rememberSearch(recent: readonly string[], query: string): string[] {
  return [query, ...recent.filter((earlier) => earlier !== query)].slice(0, RECENT_SEARCHES)
}

/** The recent searches without `query` (the viewer took it out), the others in their order. */
export function forgetSearch(recent: readonly string[], query: string): string[] {
  return recent.filter((earlier) => earlier !== query)
}

/** The API's answer to one query. */
export interface SearchAnswer<T> {
  query: string
  items: readonly T[]
}

/** What Search's caption says above its grid. */
export type SearchCaption =
  | { kind: 'hint' }
  | { kind: 'resultsFor'; query: string }
  | { kind: 'popular' }
  | { kind: 'nothingFound'; query: string; popularInstead: boolean }

export interface SearchView<T> {
  /** Which list the grid holds: focus starts again at its first tile when this changes. */
  list: 'results' | 'popular' | 'none'
  items: readonly T[]
  caption: SearchCaption
}

/**
 * What Search shows: an answer that found something; otherwise the popular titles (before a query, when it
 * found nothing, when it failed), so the grid is never empty while there is something to offer.
 * `answer` is null with no query, and when its request failed (a toast says so).
 */
export function searchView<T>(answer: SearchAnswer<T> | null, popular: readonly T[]): SearchView<T> {
  if (answer && answer.items.length > 0) return { list: 'results', items: answer.items, caption: { kind: 'resultsFor', query: answer.query } }
  const list = popular.length > 0 ? 'popular' : 'none'
  if (answer) return { list, items: popular, caption: { kind: 'nothingFound', query: answer.query, popularInstead: list === 'popular' } }
  return { list, items: popular, caption: list === 'popular' ? { kind: 'popular' } : { kind: 'hint' } }
}

/** Editing the on-screen keyboard's text: a character, a space, delete, clear. */
export type KeyboardEdit = { kind: 'type'; text: string } | { kind: 'space' } | { kind: 'delete' } | { kind: 'clear' }

export function applyKeyboardEdit(text: string, edit: KeyboardEdit): string {
  switch (edit.kind) {
    case 'type':
      return (text + edit.text).slice(0, SEARCH_MAX_LENGTH)
    case 'space':
      // A leading or doubled space searches for nothing new.
      return text.length === 0 || text.endsWith(' ') ? text : (text + ' ').slice(0, SEARCH_MAX_LENGTH)
    case 'delete':
      return Array.from(text).slice(0, -1).join('')
    case 'clear':
      return ''
  }
}

/** How much of a title has been watched, 0..1, for the bar on a Continue watching tile. */
export function watchedFraction(progress: { positionSeconds: number; durationSeconds: number } | null | undefined): number {
  if (!progress || !(progress.durationSeconds > 0) || !(progress.positionSeconds > 0)) return 0
  return Math.min(1, progress.positionSeconds / progress.durationSeconds)
}

/** Where a viewer is in one episode of a series, as the title's details give it. */
export type EpisodeProgress = NonNullable<TitleDetails['episodeProgress']>[number]

/**
 * The title with `progress` in place of what it held for that episode: the play that leaves an episode for another
 * hands the next one a title whose episode list shows where the viewer left it.
 */
export function withEpisodeProgress<T extends { episodeProgress?: EpisodeProgress[] }>(title: T, progress: EpisodeProgress): T {
  const others = (title.episodeProgress ?? []).filter((kept) => kept.episodeId !== progress.episodeId)
  return { ...title, episodeProgress: [...others, progress] }
}

/**
 * The season to list first: the one holding the episode the viewer was
 * watching, else the first. Returns an index into `seasons`, -1 when empty.
 */
export function initialSeasonIndex(seasons: readonly { episodes: readonly { id: string }[] }[], episodeId: string | null | undefined): number {
  if (seasons.length === 0) return -1
  if (episodeId) {
    const index = seasons.findIndex((season) => season.episodes.some((episode) => episode.id === episodeId))
    if (index >= 0) return index
  }
  return 0
}
