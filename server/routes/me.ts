// The viewer: account, entitlements, progress, continue watching, watchlist, PIN, settings, devices.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import {
  AccountSchema, AuthHeadersSchema, DeviceParamsSchema, DevicesResponseSchema, EntitlementsResponseSchema, ErrorSchema, MeResponseSchema, OkResponseSchema,
  PinErrorSchema, ProgressRequestSchema, ProgressResponseSchema, SetPinRequestSchema, SettingsRequestSchema, TitleIdParamsSchema,
  TitleListResponseSchema, VerifyPinRequestSchema,
  type Device, type DeviceParams, type DevicesResponse, type EntitlementsResponse, type MeResponse, type OkResponse, type Platform,
  type ProgressRequest, type ProgressResponse, type SetPinRequest, type SettingsRequest, type TitleIdParams, type TitleListResponse,
  type VerifyPinRequest, type Account,
} from '../contract'
import { baseUrl, holdingsOf, language, requireAccount, requireViewer, type Ctx, type Viewer } from '../lib/context'
import { ApiError } from '../lib/errors'
import { summary, type Presenter } from '../lib/present'
import { loadHoldings } from '../lib/access'
import { renewSubscriptions } from '../lib/renewal'
import { hashPinSync } from '../lib/pin'
import { verifyPin } from '../lib/pinlock'
import { accountView } from './auth'
import { continueWatchingItems, watchlistTitles } from '../lib/rails'
import { statement } from '../db'

const err = { 400: ErrorSchema, 401: ErrorSchema, 404: ErrorSchema }

export function registerMeRoutes(app: FastifyInstance, ctx: Ctx): void {
  const presenter = (req: FastifyRequest, viewer: Viewer): Presenter => ({
    lang: language(req),
    base: baseUrl(req),
    holdings: holdingsOf(ctx, viewer),
    catalog: ctx.catalog,
  })
  const titleOr404 = (id: string) => {
    const t = ctx.catalog.byId.get(id)
    if (!t) throw new ApiError(404, 'not_found', `No title ${id}`)
    return t
  }

  app.get(
    '/v1/me',
    {
      schema: { headers: AuthHeadersSchema, response: { 200: MeResponseSchema, 401: ErrorSchema } },
      config: { doc: { summary: 'Who is watching: anonymous device or signed-in account, with the subscription', tags: ['me'], auth: 'device' } },
    },
    async (req): Promise<MeResponse> => {
      const viewer = requireViewer(ctx, req)
      if (viewer.kind !== 'account' || !viewer.accountId) return { viewer: 'anonymous', deviceId: viewer.deviceId, account: null, subscription: null }
      const h = loadHoldings(ctx.db, viewer.accountId, ctx.now())
      return {
        viewer: 'account',
        deviceId: viewer.deviceId,
        account: accountView(ctx, viewer.accountId, language(req)),
        subscription: h.subscription ? { planId: h.subscription.planId, until: new Date(h.subscription.until).toISOString() } : null,
      }
    },
  )

  app.get(
    '/v1/me/entitlements',
    {
      schema: { headers: AuthHeadersSchema, response: { 200: EntitlementsResponseSchema, 401: ErrorSchema } },
      config: { doc: { summary: 'What the account holds now: subscription, rentals, owned titles', tags: ['me'], auth: 'account' } },
    },
    async (req): Promise<EntitlementsResponse> => {
      const viewer = requireAccount(ctx, req)
      const now = ctx.now()
      renewSubscriptions(ctx.db, viewer.accountId, now)
      const rows = ctx.db
        .prepare('SELECT kind, title_id, plan_id, purchase_id, created_at, valid_until, start_by, play_until FROM entitlements WHERE account_id = ? AND active = 1 ORDER BY created_at DESC')
        .all(viewer.accountId) as Array<{
        kind: 'subscription' | 'rental' | 'ownership'
        title_id: string | null
        plan_id: string | null
        purchase_id: string
        created_at: number
        valid_until: number | null
        start_by: number | null
        play_until: number | null
      }>
      const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString())
      return {
        items: rows
          .filter((r) => {
            if (r.kind === 'subscription') return (r.valid_until ?? 0) > now
            if (r.kind === 'rental') return r.play_until === null ? (r.start_by ?? 0) > now : r.play_until > now
            return true
          })
          .map((r) => ({
            kind: r.kind,
            titleId: r.title_id,
            planId: r.plan_id,
            purchaseId: r.purchase_id,
            createdAt: new Date(r.created_at).toISOString(),
            until: iso(r.valid_until),
            startBy: r.kind === 'rental' && r.play_until === null ? iso(r.start_by) : null,
            playUntil: iso(r.play_until),
          })),
      }
    },
  )

  app.put<{ Params: TitleIdParams; Body: ProgressRequest }>(
    '/v1/me/progress/:titleId',
    {
      schema: { params: TitleIdParamsSchema, body: ProgressRequestSchema, headers: AuthHeadersSchema, response: { 200: ProgressResponseSchema, ...err } },
      config: { doc: { summary: 'Save the playback position of a title (and episode)', tags: ['me'], auth: 'device' } },
    },
    async (req): Promise<ProgressResponse> => {
      const viewer = requireViewer(ctx, req)
      const t = titleOr404(req.params.titleId)
      let episodeId: string | null = null
      if (req.body.episodeId !== undefined) {
        const ep = ctx.catalog.episodes.get(req.body.episodeId)
        if (!ep || ep.titleId !== t.id) throw new ApiError(404, 'not_found', `No episode ${req.body.episodeId} in ${t.id}`)
        episodeId = ep.id
      }
      if (req.body.positionSeconds > req.body.durationSeconds && req.body.durationSeconds > 0) {
        throw new ApiError(400, 'invalid_request', 'positionSeconds is past durationSeconds')
      }
      const now = ctx.now()
      const { positionSeconds, durationSeconds } = req.body
      ctx.db.transaction(() => {
        statement(
          ctx.db,
          `INSERT INTO progress (viewer_id, title_id, episode_id, position_seconds, duration_seconds, updated_at) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (viewer_id, title_id) DO UPDATE SET episode_id = excluded.episode_id, position_seconds = excluded.position_seconds,
           duration_seconds = excluded.duration_seconds, updated_at = excluded.updated_at, removed = 0`,
        ).run(viewer.key, t.id, episodeId, positionSeconds, durationSeconds, now)
        if (episodeId) {
          statement(
            ctx.db,
            `INSERT INTO episode_progress (viewer_id, title_id, episode_id, position_seconds, duration_seconds, updated_at) VALUES (?, ?, ?, ?, ?, ?)
             ON CONFLICT (viewer_id, episode_id) DO UPDATE SET position_seconds = excluded.position_seconds,
             duration_seconds = excluded.duration_seconds, updated_at = excluded.updated_at`,
          ).run(viewer.key, t.id, episodeId, positionSeconds, durationSeconds, now)
        }
      })()
      return {
        titleId: t.id,
        positionSeconds,
        durationSeconds,
        episodeId,
        updatedAt: new Date(now).toISOString(),
      }
    },
  )

  app.get(
    '/v1/me/continue-watching',
    {
      schema: { headers: AuthHeadersSchema, response: { 200: TitleListResponseSchema, 401: ErrorSchema } },
      config: { doc: { summary: 'Titles started and not finished, most recent first (items carry progress)', tags: ['me'], auth: 'device' } },
    },
    async (req): Promise<TitleListResponse> => {
      const viewer = requireViewer(ctx, req)
      return { items: continueWatchingItems(ctx, viewer.key, presenter(req, viewer)) }
    },
  )

  app.get(
    '/v1/me/watchlist',
    {
      schema: { headers: AuthHeadersSchema, response: { 200: TitleListResponseSchema, 401: ErrorSchema } },
      config: { doc: { summary: 'The watchlist, most recently added first', tags: ['me'], auth: 'device' } },
    },
    async (req): Promise<TitleListResponse> => {
      const viewer = requireViewer(ctx, req)
      const p = presenter(req, viewer)
      return { items: watchlistTitles(ctx, viewer.key).map((t) => summary(p, t)) }
    },
  )

  app.put<{ Params: TitleIdParams }>(
    '/v1/me/watchlist/:titleId',
    {
      schema: { params: TitleIdParamsSchema, headers: AuthHeadersSchema, response: { 200: OkResponseSchema, ...err } },
      config: { doc: { summary: 'Add a title to the watchlist (idempotent)', tags: ['me'], auth: 'device' } },
    },
    async (req): Promise<OkResponse> => {
      const viewer = requireViewer(ctx, req)
      const t = titleOr404(req.params.titleId)
      ctx.db.prepare('INSERT OR IGNORE INTO watchlist (viewer_id, title_id, added_at) VALUES (?, ?, ?)').run(viewer.key, t.id, ctx.now())
      return { ok: true }
    },
  )

  app.delete<{ Params: TitleIdParams }>(
    '/v1/me/watchlist/:titleId',
    {
      schema: { params: TitleIdParamsSchema, headers: AuthHeadersSchema, response: { 200: OkResponseSchema, ...err } },
      config: { doc: { summary: 'Remove a title from the watchlist (idempotent)', tags: ['me'], auth: 'device' } },
    },
    async (req): Promise<OkResponse> => {
      const viewer = requireViewer(ctx, req)
      const t = titleOr404(req.params.titleId)
      ctx.db.prepare('DELETE FROM watchlist WHERE viewer_id = ? AND title_id = ?').run(viewer.key, t.id)
      return { ok: true }
    },
  )

  app.delete<{ Params: TitleIdParams }>(
    '/v1/me/continue-watching/:titleId',
    {
      schema: { params: TitleIdParamsSchema, headers: AuthHeadersSchema, response: { 200: OkResponseSchema, ...err } },
      config: {
        doc: {
          summary: 'Take a title out of Continue watching (idempotent); its position is kept, and saving one brings it back',
          tags: ['me'],
          auth: 'device',
        },
      },
    },
    async (req): Promise<OkResponse> => {
      const viewer = requireViewer(ctx, req)
      const t = titleOr404(req.params.titleId)
      statement(ctx.db, 'UPDATE progress SET removed = 1 WHERE viewer_id = ? AND title_id = ?').run(viewer.key, t.id)
      return { ok: true }
    },
  )

  app.put<{ Body: SetPinRequest }>(
    '/v1/me/pin',
    {
      schema: { body: SetPinRequestSchema, headers: AuthHeadersSchema, response: { 200: OkResponseSchema, 400: ErrorSchema, 401: ErrorSchema, 403: PinErrorSchema, 423: PinErrorSchema } },
      config: { doc: { summary: 'Set or change the 4-digit purchase PIN (currentPin required to change)', tags: ['me'], auth: 'account' } },
    },
    async (req): Promise<OkResponse> => {
      const viewer = requireAccount(ctx, req)
      const row = ctx.db.prepare('SELECT pin_hash FROM accounts WHERE id = ?').get(viewer.accountId) as { pin_hash: string | null }
      if (row.pin_hash) {
        if (req.body.currentPin === undefined) throw new ApiError(400, 'current_pin_required', 'currentPin is required to change the PIN')
        await verifyPin(ctx, viewer.accountId, req.body.currentPin)
      }
      const { hash, salt } = hashPinSync(req.body.newPin)
      ctx.db.prepare('UPDATE accounts SET pin_hash = ?, pin_salt = ?, pin_failures = 0, pin_locked_until = NULL WHERE id = ?').run(hash, salt, viewer.accountId)
      return { ok: true }
    },
  )

  app.post<{ Body: VerifyPinRequest }>(
    '/v1/me/pin/verify',
    {
      schema: { body: VerifyPinRequestSchema, headers: AuthHeadersSchema, response: { 200: OkResponseSchema, 400: ErrorSchema, 401: ErrorSchema, 403: PinErrorSchema, 409: ErrorSchema, 423: PinErrorSchema } },
      config: { doc: { summary: 'Check the PIN: 403 pin_incorrect (triesLeft), 423 pin_locked (unlocksAt) after 5 wrong tries, for 15 minutes', tags: ['me'], auth: 'account' } },
    },
    async (req): Promise<OkResponse> => {
      const viewer = requireAccount(ctx, req)
      await verifyPin(ctx, viewer.accountId, req.body.pin)
      return { ok: true }
    },
  )

  app.put<{ Body: SettingsRequest }>(
    '/v1/me/settings',
    {
      schema: { body: SettingsRequestSchema, headers: AuthHeadersSchema, response: { 200: AccountSchema, 400: ErrorSchema, 401: ErrorSchema } },
      config: { doc: { summary: 'Account settings: rating limit, language (null clears)', tags: ['me'], auth: 'account' } },
    },
    async (req): Promise<Account> => {
      const viewer = requireAccount(ctx, req)
      if (req.body.ratingLimit !== undefined) ctx.db.prepare('UPDATE accounts SET rating_limit = ? WHERE id = ?').run(req.body.ratingLimit, viewer.accountId)
      if (req.body.language !== undefined) ctx.db.prepare('UPDATE accounts SET language = ? WHERE id = ?').run(req.body.language, viewer.accountId)
      return accountView(ctx, viewer.accountId, language(req))
    },
  )

  app.get(
    '/v1/me/devices',
    {
      schema: { headers: AuthHeadersSchema, response: { 200: DevicesResponseSchema, 401: ErrorSchema } },
      config: { doc: { summary: 'Devices signed in to the account', tags: ['me'], auth: 'account' } },
    },
    async (req): Promise<DevicesResponse> => {
      const viewer = requireAccount(ctx, req)
      const rows = ctx.db
        .prepare('SELECT id, platform, model, created_at, last_seen_at, revoked_at FROM devices WHERE account_id = ? ORDER BY created_at')
        .all(viewer.accountId) as Array<{ id: string; platform: Platform; model: string | null; created_at: number; last_seen_at: number; revoked_at: number | null }>
      return {
        items: rows.map(
          (d): Device => ({
            id: d.id,
            platform: d.platform,
            model: d.model,
            createdAt: new Date(d.created_at).toISOString(),
            lastSeenAt: new Date(d.last_seen_at).toISOString(),
            revokedAt: d.revoked_at === null ? null : new Date(d.revoked_at).toISOString(),
            current: d.id === viewer.deviceId,
          }),
        ),
      }
    },
  )

  app.post<{ Params: DeviceParams }>(
    '/v1/me/devices/:id/revoke',
    {
      schema: { params: DeviceParamsSchema, headers: AuthHeadersSchema, response: { 200: OkResponseSchema, ...err } },
      config: { doc: { summary: 'Sign a device out: its tokens and license tokens stop working', tags: ['me'], auth: 'account' } },
    },
    async (req): Promise<OkResponse> => {
      const viewer = requireAccount(ctx, req)
      const res = ctx.db
        .prepare('UPDATE devices SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ? AND account_id = ?')
        .run(ctx.now(), req.params.id, viewer.accountId)
      if (res.changes === 0) throw new ApiError(404, 'not_found', 'No such device on this account')
      return { ok: true }
    },
  )

}
