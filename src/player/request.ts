/** Which play the Player page shows: pure, read from its route. */

export type PlayMode = 'play' | 'startover' | 'trailer'

export function isPlayMode(value: unknown): value is PlayMode {
  return value === 'play' || value === 'startover' || value === 'trailer'
}

export interface PlayRequest {
  titleId: string
  mode: PlayMode
  episodeId: string | null
}

/** The Player page's route read back: `player/:titleId/:mode[/:episodeId]` (pages/Player/routes.ts). */
export function playRequestOf(hash: string): PlayRequest | null {
  const [page, titleId, mode, episodeId, ...rest] = hash.replace(/^#?\/?/, '').split('/')
  if (page !== 'player' || !titleId || !isPlayMode(mode) || rest.length > 0) return null
  return { titleId: decodeURIComponent(titleId), mode, episodeId: episodeId ? decodeURIComponent(episodeId) : null }
}

export function samePlay(a: PlayRequest, b: PlayRequest): boolean {
  return a.titleId === b.titleId && a.mode === b.mode && a.episodeId === b.episodeId
}

/** Whether the route `hash` is the Player page's for this play (a play started at the press stops once it is not). */
export function routeShowsPlay(hash: string, request: PlayRequest): boolean {
  const shown = playRequestOf(hash)
  return shown !== null && samePlay(shown, request)
}
