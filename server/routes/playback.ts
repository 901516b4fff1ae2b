// POST /v1/playback/:titleId authorises a play: manifests, DRM and a short-lived license token.
import type { FastifyInstance } from 'fastify'
import {
  AuthHeadersSchema, ErrorSchema, NotEntitledErrorSchema, PlaybackParamsSchema, PlaybackRequestSchema, PlaybackResponseSchema,
  type PlaybackParams, type PlaybackRequest, type PlaybackResponse,
} from '../contract'
import { baseUrl, holdingsOf, requireViewer, type Ctx } from '../lib/context'
import { ApiError } from '../lib/errors'
import { entitlementFor, offersFor } from '../lib/access'
import { isUnfinished, savedProgress, seriesEpisode } from '../lib/rails'

export const LICENSE_TOKEN_TTL_MS = 5 * 60 * 1000
export const RENTAL_PLAY_WINDOW_MS = 48 * 3600 * 1000

export function registerPlaybackRoutes(app: FastifyInstance, ctx: Ctx): void {
  app.post<{ Params: PlaybackParams; Body: PlaybackRequest }>(
    '/v1/playback/:titleId',
    {
      schema: {
        params: PlaybackParamsSchema,
        body: PlaybackRequestSchema,
        headers: AuthHeadersSchema,
        response: { 200: PlaybackResponseSchema, 400: ErrorSchema, 401: ErrorSchema, 402: NotEntitledErrorSchema, 404: ErrorSchema, 503: ErrorSchema },
      },
      config: {
        doc: {
          summary:
            'Authorise a play: manifests, DRM and a 5-minute license token; 402 with offers when not entitled. Starts a rental’s 48 h window. A series with no episodeId plays the episode in progress, the next after one watched, else the first (episodeId in the answer).',
          tags: ['playback'],
          auth: 'device',
        },
      },
    },
    async (req): Promise<PlaybackResponse> => {
      const viewer = requireViewer(ctx, req)
      const now = ctx.now()
      const title = ctx.catalog.byId.get(req.params.titleId)
      if (!title) throw new ApiError(404, 'not_found', `No title ${req.params.titleId}`)
      const trailer = req.body.trailer === true
      const saved = !trailer && viewer.key ? savedProgress(ctx, viewer.key, title.id) : undefined
      let episodeId: string | null = null
      if (req.body.episodeId !== undefined) {
        const ep = ctx.catalog.episodes.get(req.body.episodeId)
        if (!ep || ep.titleId !== title.id) throw new ApiError(404, 'not_found', `No episode ${req.body.episodeId} in ${title.id}`)
        episodeId = ep.id
      } else if (!trailer) {
        episodeId = seriesEpisode(title, saved)?.id ?? null
      }
      let rentalStarted = false
      if (!trailer) {
        const holdings = holdingsOf(ctx, viewer)
        const ent = entitlementFor(title, holdings)
        if (ent.kind === 'none') {
          throw new ApiError(402, 'not_entitled', 'Subscribe, rent or buy to watch this title', { offers: offersFor(title, ctx.catalog.plans) })
        }
        if (ent.kind === 'rented' && ent.playUntil === null) {
          const rental = holdings.rentals.get(title.id)
          if (rental) {
            rentalStarted = ctx.db.prepare('UPDATE entitlements SET play_until = ? WHERE id = ? AND play_until IS NULL').run(now + RENTAL_PLAY_WINDOW_MS, rental.id).changes === 1
          }
        }
      }
      const asset = ctx.media.assetFor(title, trailer)
      if (!asset) throw new ApiError(503, 'media_unavailable', 'The test media has not been generated yet (npm run media)')
      const base = baseUrl(req)
      let drm: PlaybackResponse['drm'] = null
      if (asset.encrypted && asset.kid) {
        const exp = now + LICENSE_TOKEN_TTL_MS
        const licenseToken = ctx.signer.sign({
          typ: 'license',
          vw: viewer.key,
          dev: viewer.deviceId,
          acc: viewer.accountId,
          tid: title.id,
          kids: [asset.kid.toLowerCase()],
          iat: Math.floor(now / 1000),
          exp: Math.floor(exp / 1000),
        })
        drm = {
          keySystems: [{ keySystem: 'org.w3.clearkey', licenseUrl: `${base}/v1/license/clearkey` }],
          licenseToken,
          licenseTokenExpiresAt: new Date(exp).toISOString(),
          hlsKeyUrl: `${base}/v1/license/clearkey/hls/${encodeURIComponent(asset.id)}`,
        }
      }
      const resume = saved && (episodeId === null || saved.episode_id === episodeId) && isUnfinished(saved) ? saved.position_seconds : 0
      return {
        titleId: title.id,
        episodeId,
        trailer,
        rentalStarted,
        manifests: { dash: `${base}/media/${asset.dash}`, hls: `${base}/media/${asset.hls}` },
        drm,
        resumePositionSeconds: resume,
        durationSeconds: asset.durationSeconds,
        audioLanguages: asset.audioLanguages ?? [],
        textTracks: (asset.subtitleLanguages ?? []).map((language) => ({ language })),
      }
    },
  )
}
