import type { FastifyRequest } from 'fastify'
import { statement, type Db } from '../db'
import type { Catalog } from './catalog'
import type { MediaLibrary } from './media'
import { ApiError } from './errors'
import { TokenSigner } from './tokens'
import { loadHoldings, type Holdings } from './access'
import { languageFrom } from './i18n'
import type { Language } from '../contract'

export interface Ctx {
  db: Db
  catalog: Catalog
  media: MediaLibrary
  signer: TokenSigner
  now: () => number
}

export interface Viewer {
  kind: 'none' | 'anonymous' | 'account'
  deviceId: string | null
  accountId: string | null
  /** Key for per-viewer state (progress, watchlist): "acc:<id>" or "dev:<id>". */
  key: string | null
}

/** The per-viewer state's key for an account (whichever device it is on) and for a device no one signed in on. */
export const accountViewerKey = (accountId: string): string => `acc:${accountId}`
export const deviceViewerKey = (deviceId: string): string => `dev:${deviceId}`

const NO_VIEWER: Viewer = { kind: 'none', deviceId: null, accountId: null, key: null }
const resolved = new WeakMap<FastifyRequest, Viewer>()

export function bearerToken(req: FastifyRequest): string | null {
  const h = req.headers.authorization
  if (typeof h !== 'string') return null
  const m = /^Bearer\s+(\S+)$/i.exec(h.trim())
  return m ? m[1] : null
}

export function baseUrl(req: FastifyRequest): string {
  return `${req.protocol}://${req.host}`
}

export function language(req: FastifyRequest): Language {
  return languageFrom(req.headers['accept-language'])
}

/** The viewer behind the Authorization header (none when absent); 401 for a bad, expired or revoked token. */
export function viewerOf(ctx: Ctx, req: FastifyRequest): Viewer {
  const cached = resolved.get(req)
  if (cached) return cached
  const token = bearerToken(req)
  if (!token) {
    resolved.set(req, NO_VIEWER)
    return NO_VIEWER
  }
  const now = ctx.now()
  const typ = peekType(token)
  let viewer: Viewer
  if (typ === 'account') {
    const v = ctx.signer.verify(token, 'account', now)
    if (!v.ok) throw new ApiError(401, v.reason, v.reason === 'token_expired' ? 'The access token has expired' : 'The access token is not valid')
    checkDevice(ctx, v.payload.dev, now)
    const acc = statement(ctx.db, 'SELECT id FROM accounts WHERE id = ?').get(v.payload.acc)
    if (!acc) throw new ApiError(401, 'token_invalid', 'The account no longer exists')
    viewer = { kind: 'account', deviceId: v.payload.dev, accountId: v.payload.acc, key: accountViewerKey(v.payload.acc) }
  } else if (typ === 'device') {
    const v = ctx.signer.verify(token, 'device', now)
    if (!v.ok) throw new ApiError(401, v.reason, v.reason === 'token_expired' ? 'The device token has expired' : 'The device token is not valid')
    checkDevice(ctx, v.payload.dev, now)
    viewer = { kind: 'anonymous', deviceId: v.payload.dev, accountId: null, key: deviceViewerKey(v.payload.dev) }
  } else {
    throw new ApiError(401, 'token_invalid', 'The bearer token is not a device or account token')
  }
  resolved.set(req, viewer)
  return viewer
}

function peekType(token: string): string | null {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8')) as { typ?: unknown }
    return typeof payload.typ === 'string' ? payload.typ : null
  } catch {
    return null
  }
}

function checkDevice(ctx: Ctx, deviceId: string, now: number): void {
  const row = statement(ctx.db, 'SELECT revoked_at, last_seen_at FROM devices WHERE id = ?').get(deviceId) as
    | { revoked_at: number | null; last_seen_at: number }
    | undefined
  if (!row) throw new ApiError(401, 'token_invalid', 'Unknown device')
  if (row.revoked_at !== null) throw new ApiError(401, 'device_revoked', 'This device has been signed out')
  if (now - row.last_seen_at > 60_000) statement(ctx.db, 'UPDATE devices SET last_seen_at = ? WHERE id = ?').run(now, deviceId)
}

/** A device or account viewer; 401 unauthorized without a token. */
export function requireViewer(ctx: Ctx, req: FastifyRequest): Viewer & { deviceId: string; key: string } {
  const v = viewerOf(ctx, req)
  if (v.kind === 'none' || !v.deviceId || !v.key) throw new ApiError(401, 'unauthorized', 'A device or account token is required (POST /v1/devices)')
  return v as Viewer & { deviceId: string; key: string }
}

/** A signed-in viewer; 401 sign_in_required for an anonymous device. */
export function requireAccount(ctx: Ctx, req: FastifyRequest): Viewer & { deviceId: string; accountId: string; key: string } {
  const v = requireViewer(ctx, req)
  if (v.kind !== 'account' || !v.accountId) throw new ApiError(401, 'sign_in_required', 'Sign in to do this')
  return v as Viewer & { deviceId: string; accountId: string; key: string }
}

export function holdingsOf(ctx: Ctx, viewer: Viewer): Holdings {
  return loadHoldings(ctx.db, viewer.accountId, ctx.now())
}
