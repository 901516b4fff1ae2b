import type { ProgressRequest, ProgressResponse } from '../../server/contract'
import { isProgress } from './guards'
import type { ApiClient } from './http'

/** PUT /v1/me/progress/:titleId: where the viewer is, for Resume and Continue watching. */
export function saveProgress(api: ApiClient, titleId: string, progress: ProgressRequest): Promise<ProgressResponse> {
  return api.put<ProgressResponse>(`/me/progress/${encodeURIComponent(titleId)}`, { body: progress, shape: isProgress })
}
