/**
 * Deep links: where a launch URL or the TV's launch parameters ask the app to
 * open. Pure: the Router is driven by ./start.ts.
 *
 * Accepted targets (the router hashes of the integration contract):
 *   details/<titleId>                      the title's details
 *   player/<titleId>/<mode>[/<episodeId>]  playback, mode play | startover | trailer
 *   search/<query>                         Search with what the query finds (a voice assistant's search);
 *                                          percent-encoded or not
 * written as `?deeplink=details/t0001`, `#details/t0001` or passed by the platform.
 */

import { searchHash, searchQuery } from '../domain'

export type PlayerMode = 'play' | 'startover' | 'trailer'

export interface DeepLink {
  /** The router hash to open. */
  route: string
  /** Router history under it, oldest first: Back from a deep link leads Home. */
  history: string[]
}

/** Where a launch can name its target, most specific first. */
export interface LaunchSources {
  /** From the TV's launch parameters (Tizen app control, webOS launchParams). */
  platformTarget: string | null
  /** location.search, e.g. `?deeplink=details/t0001&lang=en`. */
  search: string
  /** location.hash, e.g. `#player/t0001/play`. */
  hash: string
}

const ID = '[A-Za-z0-9][A-Za-z0-9_-]{0,63}'
const DETAILS = new RegExp(`^details/(${ID})$`)
const PLAYER = new RegExp(`^player/(${ID})/(play|startover|trailer)(?:/(${ID}))?$`)
const SEARCH = /^search\/(.+)$/s

export const HOME_ROUTE = 'home'

/** A target in any of its spellings (`#details/x`, `/details/x`, `details/x/`) to a route, or null. */
export function routeForTarget(target: string): string | null {
  const cleaned = target.trim().replace(/^[#/]+/, '').replace(/\/+$/, '')
  if (DETAILS.test(cleaned) || PLAYER.test(cleaned)) return cleaned
  const search = SEARCH.exec(cleaned)
  const query = search ? searchQuery(decoded(search[1])) : null
  return query ? searchHash(query) : null
}

/** A percent-encoded query decoded; one that is not (a raw "100% 长安") as it came. */
function decoded(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

export function deepLinkFor(route: string): DeepLink {
  return { route, history: [HOME_ROUTE] }
}

/**
 * The deep link of this launch, or null for an ordinary start (Home, or
 * whatever page the hash names, as the Router does by itself).
 */
export function resolveDeepLink(sources: LaunchSources): DeepLink | null {
  const candidates = [sources.platformTarget, new URLSearchParams(sources.search).get('deeplink'), sources.hash]
  for (const candidate of candidates) {
    if (!candidate) continue
    const route = routeForTarget(candidate)
    if (route) return deepLinkFor(route)
  }
  return null
}
