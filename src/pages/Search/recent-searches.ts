import { forgetSearch, rememberSearch } from '../../domain'
import { currentViewer } from '../../player'
import { readStored, writeStored } from '../../storage'

function keptBy(all: Record<string, unknown> | null, who: string): string[] {
  const kept = all?.[who]
  // Whatever the store holds, only strings come out.
  return Array.isArray(kept) ? kept.filter((query): query is string => typeof query === 'string') : []
}

/** The viewer's recent searches, latest first. */
export function recentSearches(): string[] {
  return keptBy(readStored('search.recent'), currentViewer())
}

/** Rewrites the viewer's recent searches with `change`, the other viewers' as they are; the viewer's as written. */
function updateSearches(change: (recent: string[]) => string[]): string[] {
  const who = currentViewer()
  const all = readStored('search.recent')
  const recent = change(keptBy(all, who))
  writeStored('search.recent', { ...all, [who]: recent })
  return recent
}

/** A search the viewer opened a title from: offered first next time. */
export function keepSearch(query: string): void {
  updateSearches((recent) => rememberSearch(recent, query))
}

/** A search the viewer took out of the recent ones: not offered again. The viewer's recent searches left. */
export function dropSearch(query: string): string[] {
  return updateSearches((recent) => forgetSearch(recent, query))
}
