// Compact signed tokens: base64url(JSON payload) "." base64url(HMAC-SHA256(secret, payload part)).
import crypto from 'node:crypto'

export interface DeviceTokenPayload {
  typ: 'device'
  dev: string
  iat: number
  exp: number
}
export interface AccountTokenPayload {
  typ: 'account'
  dev: string
  acc: string
  iat: number
  exp: number
}
export interface LicenseTokenPayload {
  typ: 'license'
  /** Viewer: "acc:<id>" or "dev:<id>". */
  vw: string
  dev: string
  acc: string | null
  tid: string
  /** The asset's KIDs, 32 lowercase hex. */
  kids: string[]
  /** A rental's play may finish until then (epoch s), after its window closed: set on plays of a rental, kept by their renewals. */
  fin?: number
  iat: number
  exp: number
}
export type TokenPayload = DeviceTokenPayload | AccountTokenPayload | LicenseTokenPayload

export type VerifyResult<T> = { ok: true; payload: T } | { ok: false; reason: 'token_invalid' | 'token_expired' }

export class TokenSigner {
  private readonly key: Buffer
  constructor(secret: string) {
    this.key = crypto.createHash('sha256').update(`marquee-token:${secret}`).digest()
  }

  sign(payload: TokenPayload): string {
    const body = Buffer.from(JSON.stringify(payload)).toString('base64url')
    return `${body}.${this.mac(body)}`
  }

  verify<K extends TokenPayload['typ']>(token: string, typ: K, nowMs: number): VerifyResult<Extract<TokenPayload, { typ: K }>> {
    const v = this.verifySignature(token, typ)
    if (v.ok && v.payload.exp * 1000 <= nowMs) return { ok: false, reason: 'token_expired' }
    return v
  }

  /** The payload of a token this server signed, of this type, expired or not. */
  verifySignature<K extends TokenPayload['typ']>(token: string, typ: K): VerifyResult<Extract<TokenPayload, { typ: K }>> {
    const parts = token.split('.')
    if (parts.length !== 2 || !parts[0] || !parts[1]) return { ok: false, reason: 'token_invalid' }
    const expected = Buffer.from(this.mac(parts[0]))
    const actual = Buffer.from(parts[1])
    if (expected.length !== actual.length || !crypto.timingSafeEqual(expected, actual)) return { ok: false, reason: 'token_invalid' }
    let payload: unknown
    try {
      payload = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'))
    } catch {
      return { ok: false, reason: 'token_invalid' }
    }
    if (!payload || typeof payload !== 'object') return { ok: false, reason: 'token_invalid' }
    const p = payload as { typ?: unknown; exp?: unknown }
    if (p.typ !== typ || typeof p.exp !== 'number') return { ok: false, reason: 'token_invalid' }
    return { ok: true, payload: payload as Extract<TokenPayload, { typ: K }> }
  }

  private mac(body: string): string {
    return crypto.createHmac('sha256', this.key).update(body).digest('base64url')
  }
}

export function randomId(prefix: string, bytes = 12): string {
  return `${prefix}_${crypto.randomBytes(bytes).toString('base64url')}`
}
