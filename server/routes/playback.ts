// POST /v1/playback/:titleId authorises a play: manifests, DRM and a short-lived license token.
import type { FastifyInstance } from 'fastify'
import {
  AuthHeadersSchema, ErrorSchema, NotEntitledErrorSchema, PlaybackParamsSchema, PlaybackRequestSchema, PlaybackResponseSchema,
  type PlaybackParams, type PlaybackRequest, type PlaybackResponse,
} from '../contract'
import { baseUrl, holdingsOf, requireViewer, type Ctx } from '../lib/context'
import { ApiError } from '../lib/errors'
import { entitlementFor, finishingRentalPlay, offersFor, rentalFinishBy } from '../lib/access'
import { isUnfinished, savedEpisodeProgress, savedProgress, seriesEpisode } from '../lib/rails'
import type { LicenseTokenPayload } from '../lib/tokens'

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
            'Authorise a play: manifests, DRM and a 5-minute license token; 402 with offers when not entitled. Starts a rental’s 48 h window. A series with no episodeId plays the episode in progress, the next after one watched, else the first (episodeId in the answer); an episode resumes from its own saved position. A renewal sends the play’s license token as `continuing`: a rental’s play started inside the window is renewed after it closes, for its running time plus an hour; 400 when that token is not this viewer’s for this title.',
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
      // The title's saved position picks a series' episode when the request names none, and is a film's resume point.
      const saved = !trailer && req.body.episodeId === undefined ? savedProgress(ctx, viewer.key, title.id) : undefined
      let episodeId: string | null = null
      if (req.body.episodeId !== undefined) {
        const ep = ctx.catalog.episodes.get(req.body.episodeId)
        if (!ep || ep.titleId !== title.id) throw new ApiError(404, 'not_found', `No episode ${req.body.episodeId} in ${title.id}`)
        episodeId = ep.id
      } else if (!trailer) {
        episodeId = seriesEpisode(title, saved)?.id ?? null
      }
      let rentalStarted = false
      // A rental's play may finish until then (epoch s), carried by every token of the play.
      let finishBy: number | undefined
      if (!trailer) {
        const continuing = req.body.continuing === undefined ? null : continuedPlay(ctx, req.body.continuing, viewer.key, title.id)
        const holdings = holdingsOf(ctx, viewer)
        const ent = entitlementFor(title, holdings)
        if (ent.kind === 'none' && !(continuing && finishingRentalPlay(continuing, now))) {
          throw new ApiError(402, 'not_entitled', 'Subscribe, rent or buy to watch this title', { offers: offersFor(title, ctx.catalog.plans) })
        }
        const rental = ent.kind === 'rented' ? holdings.rentals.get(title.id) : undefined
        // The window's close: this play's first opens it now.
        const playUntil = rental ? (rental.playUntil ?? now + RENTAL_PLAY_WINDOW_MS) : null
        if (rental && rental.playUntil === null) {
          rentalStarted = ctx.db.prepare('UPDATE entitlements SET play_until = ? WHERE id = ? AND play_until IS NULL').run(playUntil, rental.id).changes === 1
        }
        const runningTime = (episodeId ? ctx.catalog.episodes.get(episodeId)?.durationSeconds : undefined) ?? title.durationSeconds
        finishBy = playUntil !== null ? Math.floor(rentalFinishBy(playUntil, runningTime) / 1000) : continuing?.fin
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
          ...(finishBy !== undefined ? { fin: finishBy } : {}),
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
      // An episode resumes where the viewer left it, whichever episode they watched last (its card's bar says how far).
      const resumable = episodeId !== null && !trailer ? savedEpisodeProgress(ctx, viewer.key, episodeId) : saved
      const resume = resumable && isUnfinished(resumable) ? resumable.position_seconds : 0
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
        intro: episodeId !== null ? (asset.intro ?? null) : null,
      }
    },
  )
}

/** The play a renewal continues: a license token this server signed (expired or not) for this viewer and title. */
function continuedPlay(ctx: Ctx, token: string, viewerKey: string, titleId: string): LicenseTokenPayload {
  const v = ctx.signer.verifySignature(token, 'license')
  if (!v.ok || v.payload.vw !== viewerKey || v.payload.tid !== titleId) {
    throw new ApiError(400, 'invalid_request', 'continuing must be the license token of this viewer’s play of this title')
  }
  return v.payload
}
