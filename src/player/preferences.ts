import { readStored, writeStored } from '../storage'

export interface TrackPreferences {
  audioLanguage: string | null
  /** null: subtitles off. */
  textLanguage: string | null
}

const NONE: TrackPreferences = { audioLanguage: null, textLanguage: null }

/** Whose choice it is: the signed-in account, else whoever uses this device anonymously. */
export function viewerKey(accountId: string | null): string {
  return accountId ?? 'device'
}

export function readTrackPreferences(viewer: string): TrackPreferences {
  return readStored('player.preferences')?.[viewer] ?? NONE
}

export function rememberTrackPreferences(viewer: string, change: Partial<TrackPreferences>): TrackPreferences {
  const all = readStored('player.preferences') ?? {}
  const next = { ...(all[viewer] ?? NONE), ...change }
  writeStored('player.preferences', { ...all, [viewer]: next })
  return next
}
