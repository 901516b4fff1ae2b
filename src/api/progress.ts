import type { OkResponse, ProgressRequest, ProgressResponse } from '../../server/contract'
import { isOk, isProgress } from './guards'
import type { ApiClient } from './http'

/** PUT /v1/me/progress/:titleId: where the viewer is, for Resume and Continue watching. */
export function saveProgress(api: ApiClient, titleId: string, progress: ProgressRequest): Promise<ProgressResponse> {
  return api.put<ProgressResponse>(`/me/progress/${encodeURIComponent(titleId)}`, { body: progress, shape: isProgress })
}

/** DELETE /v1/me/continue-watching/:titleId: out of the row; the position stays, and the next save brings it back. */
export function removeFromContinueWatching(api: ApiClient, titleId: string): Promise<OkResponse> {
  return api.delete<OkResponse>(`/me/continue-watching/${encodeURIComponent(titleId)}`, { shape: isOk })
}
