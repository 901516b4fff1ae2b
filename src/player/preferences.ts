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
  /** The picture's Quality: a rendition height the plays keep to, or null for Auto (as the network allows). */
  videoHeight: number | null
  /** Chosen on the Account page: Skip intro and Up next offered, or a series' opening titles and credits skipped with no press. */
  openingTitles: OpeningTitlesChoice
}

const NONE: TrackPreferences = { audioLanguage: null, textLanguage: null, subtitleSize: 'standard', videoHeight: null, openingTitles: 'offer' }

/** Whose choices they are: the signed-in account's, else those of whoever uses this device anonymously ('device'). */
export function currentViewer(): string {
  return signedInAccount()?.id ?? 'device'
}

export function readTrackPreferences(viewer: string): TrackPreferences {
  const stored = readStored('player.preferences')?.[viewer]
  // Kept before there was a size, a quality or an opening-titles choice, or written by hand: the defaults.
  const subtitleSize = SUBTITLE_SIZES.find((size) => size === stored?.subtitleSize) ?? NONE.subtitleSize
  const height = stored?.videoHeight
  const videoHeight = typeof height === 'number' && Number.isInteger(height) && height > 0 ? height : NONE.videoHeight
  const openingTitles = OPENING_TITLES_CHOICES.find((choice) => choice === stored?.openingTitles) ?? NONE.openingTitles
  return { ...NONE, ...stored, subtitleSize, videoHeight, openingTitles }
}

export function rememberTrackPreferences(viewer: string, change: Partial<TrackPreferences>): TrackPreferences {
  const next = { ...readTrackPreferences(viewer), ...change }
  writeStored('player.preferences', { ...readStored('player.preferences'), [viewer]: next })
  return next
}
