import { OPENING_TITLES_CHOICES, type OpeningTitlesChoice } from '../domain'
import { signedInAccount } from '../api/session'
import { readStored, writeStored } from '../storage'

/** How large subtitles are drawn: a reading distance and eyesight the standard size does not suit. */
export const SUBTITLE_SIZES = ['small', 'standard', 'large'] as const
export type SubtitleSize = (typeof SUBTITLE_SIZES)[number]

export interface TrackPreferences {
  audioLanguage: string | null
  /** null: subtitles off. */
  textLanguage: string | null
  subtitleSize: SubtitleSize
  /** Chosen on the Account page: Skip intro and Up next offered, or a series' opening titles and credits skipped with no press. */
  openingTitles: OpeningTitlesChoice
}

const NONE: TrackPreferences = { audioLanguage: null, textLanguage: null, subtitleSize: 'standard', openingTitles: 'offer' }

/** Whose choices they are: the signed-in account's, else those of whoever uses this device anonymously ('device'). */
export function currentViewer(): string {
  return signedInAccount()?.id ?? 'device'
}

export function readTrackPreferences(viewer: string): TrackPreferences {
  const stored = readStored('player.preferences')?.[viewer]
  // Kept before there was a size or an opening-titles choice, or written by hand: the defaults.
  const subtitleSize = SUBTITLE_SIZES.find((size) => size === stored?.subtitleSize) ?? NONE.subtitleSize
  const openingTitles = OPENING_TITLES_CHOICES.find((choice) => choice === stored?.openingTitles) ?? NONE.openingTitles
  return { ...NONE, ...stored, subtitleSize, openingTitles }
}

export function rememberTrackPreferences(viewer: string, change: Partial<TrackPreferences>): TrackPreferences {
  const next = { ...readTrackPreferences(viewer), ...change }
  writeStored('player.preferences', { ...readStored('player.preferences'), [viewer]: next })
  return next
}
