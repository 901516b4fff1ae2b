// RFC 8628 device authorization: the TV shows a code and QR; /activate on a phone approves it.
import crypto from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { Type } from '@sinclair/typebox'
import QRCode from 'qrcode'
import {
  AuthHeadersSchema, DeviceCodeResponseSchema, ErrorSchema, TokenRequestSchema, TokenResponseSchema,
  type Account, type DeviceCodeResponse, type Language, type TokenRequest, type TokenResponse,
} from '../contract'
import { accountViewerKey, baseUrl, deviceViewerKey, language, viewerOf, type Ctx } from '../lib/context'
import { paymentMethodName } from '../lib/payment'
import { ApiError } from '../lib/errors'
import { createDevice } from './devices'
import { moveViewerHistory } from '../lib/viewer-history'

export const DEVICE_CODE_TTL_MS = 10 * 60 * 1000
export const POLL_INTERVAL_S = 5
export const ACCOUNT_TOKEN_TTL_MS = 90 * 24 * 3600 * 1000
/** No 0/O, 1/I/L, 2/Z, 5/S, 8/B. */
export const USER_CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679'

export function newUserCode(): string {
  let code = ''
  for (let i = 0; i < 8; i++) code += USER_CODE_ALPHABET[crypto.randomInt(USER_CODE_ALPHABET.length)]
  return `${code.slice(0, 4)}-${code.slice(4)}`
}

/** Accepts "abcd efgh", "ABCD-EFGH", "abcdefgh". */
export function normalizeUserCode(input: string): string | null {
  const raw = input.toUpperCase().replace(/[\s-]/g, '')
  if (raw.length !== 8 || [...raw].some((c) => !USER_CODE_ALPHABET.includes(c))) return null
  return `${raw.slice(0, 4)}-${raw.slice(4)}`
}

interface AccountRow {
  id: string
  name: string
  stored_payment: string | null
  pin_hash: string | null
  rating_limit: Account['ratingLimit']
  language: Account['language']
}

/** The account as the API gives it, its stored payment method named in `lang`. */
export function accountView(ctx: Ctx, accountId: string, lang: Language): Account {
  const a = ctx.db.prepare('SELECT id, name, stored_payment, pin_hash, rating_limit, language FROM accounts WHERE id = ?').get(accountId) as AccountRow | undefined
  if (!a) throw new ApiError(404, 'not_found', 'No such account')
  const storedPaymentMethod = a.stored_payment === null ? null : paymentMethodName(a.stored_payment, lang)
  return { id: a.id, name: a.name, hasPin: a.pin_hash !== null, storedPaymentMethod, ratingLimit: a.rating_limit, language: a.language }
}

export const QrQuerySchema = Type.Object(
  {
    // Only the short http(s) links the TV shows (sign-in, scan to pay): a long or non-ASCII payload makes a dense QR
    // that costs up to 200 ms of CPU per unauthenticated request (found by the route fuzz).
    data: Type.String({ minLength: 1, maxLength: 256, pattern: '^https?://[\\x21-\\x7e]+$' }),
    size: Type.Optional(Type.Integer({ minimum: 64, maximum: 1024 })),
  },
  { additionalProperties: false },
)

export function qrUrl(base: string, data: string): string {
  return `${base}/v1/qr.png?data=${encodeURIComponent(data)}`
}

export function registerAuthRoutes(app: FastifyInstance, ctx: Ctx): void {
  app.post(
    '/v1/auth/device-code',
    {
      schema: { headers: AuthHeadersSchema, response: { 200: DeviceCodeResponseSchema, 401: ErrorSchema } },
      config: {
        doc: { summary: 'Start TV sign-in (RFC 8628): a user code and QR for /activate. Send the device token to bind this device.', tags: ['auth'], auth: 'optional' },
      },
    },
    async (req): Promise<DeviceCodeResponse> => {
      const viewer = viewerOf(ctx, req)
      const deviceId = viewer.deviceId ?? createDevice(ctx, 'other', null).deviceId
      const now = ctx.now()
      const deviceCode = crypto.randomBytes(32).toString('base64url')
      let userCode = newUserCode()
      const insert = ctx.db.prepare(
        "INSERT INTO device_codes (device_code, user_code, device_id, status, created_at, expires_at, interval_seconds) VALUES (?, ?, ?, 'pending', ?, ?, ?)",
      )
      // Drop long-dead codes so user codes can be reused.
      ctx.db.prepare('DELETE FROM device_codes WHERE expires_at < ?').run(now - 24 * 3600 * 1000)
      for (let attempt = 0; ; attempt++) {
        try {
          insert.run(deviceCode, userCode, deviceId, now, now + DEVICE_CODE_TTL_MS, POLL_INTERVAL_S)
          break
        } catch (err) {
          if (attempt > 5) throw err
          userCode = newUserCode()
        }
      }
      const base = baseUrl(req)
      const complete = `${base}/activate?code=${userCode}`
      return {
        deviceCode,
        userCode,
        verificationUri: `${base}/activate`,
        verificationUriComplete: complete,
        qrUrl: qrUrl(base, complete),
        expiresIn: DEVICE_CODE_TTL_MS / 1000,
        interval: POLL_INTERVAL_S,
      }
    },
  )

  app.post<{ Body: TokenRequest }>(
    '/v1/auth/token',
    {
      schema: { body: TokenRequestSchema, response: { 200: TokenResponseSchema, 400: ErrorSchema } },
      config: {
        doc: {
          summary: 'Poll for the account token: 400 authorization_pending / slow_down / expired_token / access_denied / invalid_grant until approved',
          tags: ['auth'],
          auth: 'none',
        },
      },
    },
    async (req): Promise<TokenResponse> => {
      const now = ctx.now()
      {
        const row = ctx.db.prepare('SELECT * FROM device_codes WHERE device_code = ?').get(req.body.deviceCode) as
          | { device_code: string; device_id: string; account_id: string | null; status: string; expires_at: number; interval_seconds: number; last_polled_at: number | null }
          | undefined
        if (!row) throw new ApiError(400, 'invalid_grant', 'Unknown device code')
        if (row.status === 'consumed') throw new ApiError(400, 'invalid_grant', 'This device code has already been used')
        if (row.expires_at <= now) throw new ApiError(400, 'expired_token', 'The code has expired; start again')
        if (row.status === 'denied') throw new ApiError(400, 'access_denied', 'Sign-in was declined on the phone')
        if (row.status === 'pending') {
          const tooSoon = row.last_polled_at !== null && now - row.last_polled_at < row.interval_seconds * 1000
          if (tooSoon) {
            ctx.db.prepare('UPDATE device_codes SET last_polled_at = ?, interval_seconds = interval_seconds + 5 WHERE device_code = ?').run(now, row.device_code)
            throw new ApiError(400, 'slow_down', `Polling too fast; wait ${row.interval_seconds + 5} seconds between polls`, { interval: row.interval_seconds + 5 })
          }
          ctx.db.prepare('UPDATE device_codes SET last_polled_at = ? WHERE device_code = ?').run(now, row.device_code)
          throw new ApiError(400, 'authorization_pending', 'Waiting for approval on the phone')
        }
        // approved
        if (!row.account_id) throw new ApiError(400, 'invalid_grant', 'The code was not approved by an account')
        const device = ctx.db.prepare('SELECT revoked_at FROM devices WHERE id = ?').get(row.device_id) as { revoked_at: number | null } | undefined
        if (!device || device.revoked_at !== null) throw new ApiError(400, 'access_denied', 'This device has been revoked')
        const accountId = row.account_id
        ctx.db.transaction(() => {
          ctx.db.prepare("UPDATE device_codes SET status = 'consumed' WHERE device_code = ?").run(row.device_code)
          ctx.db.prepare('UPDATE devices SET account_id = ?, last_seen_at = ? WHERE id = ?').run(accountId, now, row.device_id)
          moveViewerHistory(ctx.db, deviceViewerKey(row.device_id), accountViewerKey(accountId))
        })()
        const exp = now + ACCOUNT_TOKEN_TTL_MS
        const accessToken = ctx.signer.sign({ typ: 'account', dev: row.device_id, acc: row.account_id, iat: Math.floor(now / 1000), exp: Math.floor(exp / 1000) })
        return { accessToken, expiresAt: new Date(exp).toISOString(), account: accountView(ctx, row.account_id, language(req)) }
      }
    },
  )

  app.get<{ Querystring: { data: string; size?: number } }>(
    '/v1/qr.png',
    {
      schema: { querystring: QrQuerySchema, response: { 400: ErrorSchema } },
      config: { doc: { summary: 'A PNG QR code of `data` (sign-in and scan-to-pay URLs)', tags: ['auth'], auth: 'none' } },
    },
    async (req, reply) => {
      const png = await QRCode.toBuffer(req.query.data, { type: 'png', margin: 2, width: req.query.size ?? 360, errorCorrectionLevel: 'M' })
      return reply.type('image/png').header('cache-control', 'public, max-age=3600').send(png)
    },
  )
}
