import { signedInAccount } from '../../api/session'
import { rememberSearch } from '../../domain'
import { viewerKey } from '../../player'
import { readStored, writeStored } from '../../storage'

/** The viewer's recent searches, latest first: the signed-in account's, else this device's anonymous viewer's. */
export function recentSearches(): string[] {
  const kept: unknown = readStored('search.recent')?.[viewerKey(signedInAccount()?.id ?? null)]
  // Whatever the store holds, only strings come out.
  return Array.isArray(kept) ? kept.filter((query): query is string => typeof query === 'string') : []
}

/** A search the viewer opened a title from: offered first next time. */
export function keepSearch(query: string): void {
  const viewer = viewerKey(signedInAccount()?.id ?? null)
  writeStored('search.recent', { ...readStored('search.recent'), [viewer]: rememberSearch(recentSearches(), query) })
}
