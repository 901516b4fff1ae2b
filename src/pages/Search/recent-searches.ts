import { signedInAccount } from '../../api/session'
import { rememberSearch } from '../../domain'
import { viewerKey } from '../../player'
import { readStored, writeStored } from '../../storage'

/** Whose searches: the signed-in account's, else this device's anonymous viewer's (as the player's choices). */
function viewer(): string {
  return viewerKey(signedInAccount()?.id ?? null)
}

function keptBy(all: Record<string, unknown> | null, who: string): string[] {
  const kept = all?.[who]
  // Whatever the store holds, only strings come out.
  return Array.isArray(kept) ? kept.filter((query): query is string => typeof query === 'string') : []
}

/** The viewer's recent searches, latest first. */
export function recentSearches(): string[] {
  return keptBy(readStored('search.recent'), viewer())
}

/** A search the viewer opened a title from: offered first next time. */
export function keepSearch(query: string): void {
  const who = viewer()
  const all = readStored('search.recent')
  writeStored('search.recent', { ...all, [who]: rememberSearch(keptBy(all, who), query) })
}
