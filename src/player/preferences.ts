import { readStored, writeStored } from '../storage'

/** How large subtitles are drawn: a reading distance and eyesight the standard size does not suit. */
export const SUBTITLE_SIZES = ['small', 'standard', 'large'] as const
export type SubtitleSize = (typeof SUBTITLE_SIZES)[number]

export interface TrackPreferences {
  audioLanguage: string | null
  /** null: subtitles off. */
  textLanguage: string | null
  subtitleSize: SubtitleSize
}

const NONE: TrackPreferences = { audioLanguage: null, textLanguage: null, subtitleSize: 'standard' }

/** Whose choice it is: the signed-in account, else whoever uses this device anonymously. */
export function viewerKey(accountId: string | null): string {
  return accountId ?? 'device'
}

export function readTrackPreferences(viewer: string): TrackPreferences {
  const stored = readStored('player.preferences')?.[viewer]
  // Kept before there was a size to choose, or written by hand: the standard size.
  const subtitleSize = SUBTITLE_SIZES.find((size) => size === stored?.subtitleSize) ?? NONE.subtitleSize
  return { ...NONE, ...stored, subtitleSize }
}

export function rememberTrackPreferences(viewer: string, change: Partial<TrackPreferences>): TrackPreferences {
  const next = { ...readTrackPreferences(viewer), ...change }
  writeStored('player.preferences', { ...readStored('player.preferences'), [viewer]: next })
  return next
}
