// The ClearKey license server: keys only for a valid license token of a still-entitled viewer (or of a rental's play
// finishing after its window closed), for that title's asset.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import {
  ClearKeyRequestSchema, ClearKeyResponseSchema, ErrorSchema, HlsKeyParamsSchema, LicenseQuerySchema,
  type ClearKeyRequest, type ClearKeyResponse, type HlsKeyParams, type LicenseQuery,
} from '../contract'
import { statement } from '../db'
import { accountViewerKey, bearerToken, deviceViewerKey, type Ctx } from '../lib/context'
import { ApiError, parseJsonBody } from '../lib/errors'
import { entitlementFor, finishingRentalPlay, loadHoldings } from '../lib/access'
import { base64urlToHex, hexToBase64url, type MediaAssetInfo } from '../lib/media'
import type { LicenseTokenPayload } from '../lib/tokens'
import type { CatalogTitle } from '../lib/catalog'

function deny(code: string, message: string): ApiError {
  return new ApiError(403, code, message)
}

/** Checks the license token and the viewer behind it; returns the title's encrypted asset. */
function authorise(ctx: Ctx, req: FastifyRequest, queryToken: string | undefined): { payload: LicenseTokenPayload; title: CatalogTitle; asset: MediaAssetInfo } {
  const bearer = bearerToken(req)
  const token = queryToken ?? bearer
  if (!token) throw new ApiError(401, 'unauthorized', 'A license token is required (Authorization: Bearer or ?token=)')
  const now = ctx.now()
  const v = ctx.signer.verify(token, 'license', now)
  if (!v.ok) throw deny(v.reason, v.reason === 'token_expired' ? 'The license token has expired' : 'The license token is not valid')
  const payload = v.payload
  // With ?token=, an Authorization header names the viewer asking: it must be the token's viewer.
  if (queryToken && bearer && bearer !== queryToken) {
    const vt = ctx.signer.verify(bearer, 'account', now)
    const dt = vt.ok ? null : ctx.signer.verify(bearer, 'device', now)
    const key = vt.ok ? accountViewerKey(vt.payload.acc) : dt && dt.ok ? deviceViewerKey(dt.payload.dev) : null
    if (key !== payload.vw) throw deny('wrong_viewer', 'This license token was issued to another viewer')
  }
  const title = ctx.catalog.byId.get(payload.tid)
  if (!title) throw deny('token_invalid', 'The license token names an unknown title')
  const device = statement(ctx.db, 'SELECT revoked_at FROM devices WHERE id = ?').get(payload.dev) as { revoked_at: number | null } | undefined
  if (!device) throw deny('token_invalid', 'Unknown device')
  if (device.revoked_at !== null) throw deny('device_revoked', 'This device has been signed out')
  const ent = entitlementFor(title, loadHoldings(ctx.db, payload.acc, now))
  if (ent.kind === 'none' && !finishingRentalPlay(payload, now)) throw deny('not_entitled', 'The viewer is no longer entitled to this title')
  const asset = ctx.media.assetFor(title, false)
  if (!asset || !asset.encrypted || !asset.kid || !asset.key) throw deny('unknown_kid', 'This title has no encrypted asset')
  if (!payload.kids.includes(asset.kid.toLowerCase())) throw deny('wrong_title', 'The license token is not for this asset')
  return { payload, title, asset }
}

export function registerLicenseRoutes(root: FastifyInstance, ctx: Ctx): void {
  void root.register(async (app) => {
    // Browsers' EME license requests (Shaka's among them) POST the ClearKey JSON with no Content-Type or a
    // generic one (text/plain, octet-stream): here any body is read as JSON; the rest of the API keeps 415.
    app.removeAllContentTypeParsers()
    app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => {
      try {
        done(null, parseJsonBody(body))
      } catch (err) {
        done(err as ApiError, undefined)
      }
    })
    registerLicenseEndpoints(app, ctx)
  })
}

function registerLicenseEndpoints(app: FastifyInstance, ctx: Ctx): void {
  app.post<{ Body: ClearKeyRequest; Querystring: LicenseQuery }>(
    '/v1/license/clearkey',
    {
      schema: {
        body: ClearKeyRequestSchema,
        querystring: LicenseQuerySchema,
        response: { 200: ClearKeyResponseSchema, 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema },
      },
      config: {
        doc: {
          summary: 'EME ClearKey license: keys for the requested KIDs of the token’s title. Token as Authorization: Bearer or ?token=. 403 token_expired, token_invalid, not_entitled, wrong_title, unknown_kid, wrong_viewer, device_revoked.',
          tags: ['playback'],
          auth: 'license',
        },
      },
    },
    async (req, reply): Promise<ClearKeyResponse> => {
      const { asset } = authorise(ctx, req, req.query.token)
      const assetKid = (asset.kid as string).toLowerCase()
      const requested = req.body.kids.map((k) => base64urlToHex(k))
      if (requested.some((k) => k === null)) throw new ApiError(400, 'invalid_request', 'kids must be base64url-encoded 16-byte key ids')
      const keys = requested
        .filter((k): k is string => k === assetKid)
        .filter((k, i, all) => all.indexOf(k) === i)
        .map((k) => ({ kty: 'oct' as const, kid: hexToBase64url(k), k: hexToBase64url(asset.key as string) }))
      if (keys.length === 0) throw deny('unknown_kid', 'None of the requested key ids belong to this title')
      void reply.header('cache-control', 'no-store')
      return { keys, type: req.body.type ?? 'temporary' }
    },
  )

  app.get<{ Params: HlsKeyParams; Querystring: LicenseQuery }>(
    '/v1/license/clearkey/hls/:assetId',
    {
      schema: { params: HlsKeyParamsSchema, querystring: LicenseQuerySchema, response: { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema } },
      config: {
        doc: { summary: 'HLS identity key (EXT-X-KEY URI): the raw 16-byte key of the token’s asset', tags: ['playback'], auth: 'license' },
      },
    },
    async (req, reply) => {
      const { asset } = authorise(ctx, req, req.query.token)
      if (asset.id !== req.params.assetId) throw deny('wrong_title', 'The license token is not for this asset')
      return reply
        .type('application/octet-stream')
        .header('cache-control', 'no-store')
        .send(Buffer.from(asset.key as string, 'hex'))
    },
  )
}
