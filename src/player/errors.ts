/**
 * What a Shaka error means for the viewer. Pure: works on the error's plain
 * fields (shaka.util.Error: code, category, severity, data) so it is unit-tested
 * without a browser.
 */
export interface ShakaErrorLike {
  code: number
  category: number
  severity: number
  data: unknown[]
}

/** shaka.util.Error.Category */
export const CATEGORY = { NETWORK: 1, DRM: 6 } as const
/** shaka.util.Error.Code values we act on. */
export const CODE = {
  BAD_HTTP_STATUS: 1001,
  HTTP_ERROR: 1002,
  TIMEOUT: 1003,
  LICENSE_REQUEST_FAILED: 6007,
} as const
/** shaka.util.Error.Severity.CRITICAL */
export const CRITICAL = 2

export type PlayerFailure =
  /** The network or the CDN is away: keep the position and retry by ourselves. */
  | { kind: 'network' }
  /** The license server says this viewer may not watch: offer the purchase choices. */
  | { kind: 'denied'; code: number }
  /** The license token ran out before its renewal (a suspended TV, a wrong clock): renew it and load again. */
  | { kind: 'expired'; code: number }
  /** Nothing the viewer can wait out: show the code and a way back. */
  | { kind: 'drm' | 'playback'; code: number }

function isShakaError(value: unknown): value is ShakaErrorLike {
  const candidate = value as Partial<ShakaErrorLike> | null
  return typeof candidate?.code === 'number' && typeof candidate.category === 'number' && Array.isArray(candidate.data)
}

/** The API error code in a license server's JSON body ({"error":{"code":…}}), if any. */
function apiErrorCode(body: unknown): string | null {
  if (typeof body !== 'string') return null
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown } }
    return typeof parsed.error?.code === 'string' ? parsed.error.code : null
  } catch {
    return null
  }
}

/** License answers that mean "not yours to watch" rather than "broken". */
const DENIALS = new Set(['not_entitled', 'wrong_viewer', 'device_revoked'])

export function classifyShakaError(error: ShakaErrorLike): PlayerFailure {
  if (error.code === CODE.LICENSE_REQUEST_FAILED) {
    const cause = error.data[0]
    if (isShakaError(cause) && cause.code === CODE.BAD_HTTP_STATUS) {
      const status = cause.data[1]
      if (status === 402 || (status === 403 && DENIALS.has(apiErrorCode(cause.data[2]) ?? ''))) return { kind: 'denied', code: error.code }
      if (status === 403 && apiErrorCode(cause.data[2]) === 'token_expired') return { kind: 'expired', code: error.code }
    }
    if (isShakaError(cause) && (cause.code === CODE.HTTP_ERROR || cause.code === CODE.TIMEOUT)) return { kind: 'network' }
    return { kind: 'drm', code: error.code }
  }
  if (error.category === CATEGORY.NETWORK) {
    if (error.code === CODE.HTTP_ERROR || error.code === CODE.TIMEOUT) return { kind: 'network' }
    if (error.code === CODE.BAD_HTTP_STATUS) {
      const status = error.data[1]
      if (typeof status === 'number' && status >= 500) return { kind: 'network' }
    }
    return { kind: 'playback', code: error.code }
  }
  if (error.category === CATEGORY.DRM) return { kind: 'drm', code: error.code }
  return { kind: 'playback', code: error.code }
}

/** Anything thrown at us (a Shaka error, an Error, a string) as a Shaka-shaped error. */
export function asShakaError(error: unknown): ShakaErrorLike | null {
  return isShakaError(error) ? error : null
}
