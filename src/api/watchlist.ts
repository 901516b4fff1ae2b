import type { OkResponse, TitleListResponse } from '../../server/contract'
import { isOk, isTitleList } from './guards'
import type { ApiClient } from './http'

/** The viewer's list (per device, or per account once signed in). PUT and DELETE are idempotent. */

export function fetchWatchlist(client: ApiClient): Promise<TitleListResponse> {
  return client.get<TitleListResponse>('/me/watchlist', { shape: isTitleList })
}

export function addToWatchlist(client: ApiClient, titleId: string): Promise<OkResponse> {
  return client.put<OkResponse>(`/me/watchlist/${encodeURIComponent(titleId)}`, { shape: isOk })
}

export function removeFromWatchlist(client: ApiClient, titleId: string): Promise<OkResponse> {
  return client.delete<OkResponse>(`/me/watchlist/${encodeURIComponent(titleId)}`, { shape: isOk })
}
