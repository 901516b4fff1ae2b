import type { PlaybackRequest, PlaybackResponse, TitleDetails } from '../../server/contract'
import { isPlayback, isTitleDetails } from './guards'
import type { ApiClient } from './http'

/**
 * POST /v1/playback/:titleId: authorises one play and returns the manifests,
 * the DRM key systems with a short-lived license token, and the resume position.
 * Throws AppError kind 'not-entitled' (402, offers in the body) when the viewer may not watch.
 * Called again during long sessions to renew the license token before it expires.
 */
export function authorisePlayback(api: ApiClient, titleId: string, request: PlaybackRequest): Promise<PlaybackResponse> {
  return api.post<PlaybackResponse>(`/playback/${encodeURIComponent(titleId)}`, { body: request, shape: isPlayback })
}

export type PlaybackTitle = Pick<TitleDetails, 'id' | 'title' | 'seasons' | 'synopsis' | 'episodeProgress'>

/** The title's localized name, its episodes (with where the viewer is in each) and synopsis, for the player's header, Up next, the episode list and a long pause. */
export async function playbackTitle(api: ApiClient, titleId: string): Promise<PlaybackTitle> {
  const details = await api.get<TitleDetails>(`/titles/${encodeURIComponent(titleId)}`, { shape: isTitleDetails })
  return { id: details.id, title: details.title, seasons: details.seasons, synopsis: details.synopsis, episodeProgress: details.episodeProgress }
}
