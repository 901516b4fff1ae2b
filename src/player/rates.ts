/**
 * The speeds the player offers (the settings menu's Speed): slower to follow dialogue, faster to catch up, as the
 * launch market's video apps offer them (倍速). The sound keeps its pitch: browsers and TV engines correct it.
 */
export const PLAYBACK_RATES = [0.75, 1, 1.25, 1.5, 2] as const

export type PlaybackRate = (typeof PLAYBACK_RATES)[number]
