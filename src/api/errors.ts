/** What can go wrong talking to the API, in the terms a screen needs to choose what to show. */
export type AppErrorKind =
  | 'offline'
  | 'timeout'
  | 'server'
  | 'bad-response'
  | 'not-entitled'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'bad-request'
  | 'rate-limited'

export class AppError extends Error {
  readonly kind: AppErrorKind
  readonly status: number | null
  /** The API's `error.code`, e.g. `pin_incorrect`. */
  readonly code: string | null
  /** The whole error body: 402 carries the offers, PIN errors carry triesLeft/unlocksAt. */
  readonly body: unknown
  /** Seconds from a Retry-After header, when the server sent one. */
  readonly retryAfterSeconds: number | null

  constructor(
    kind: AppErrorKind,
    message: string,
    details: { status?: number | null; code?: string | null; body?: unknown; retryAfterSeconds?: number | null } = {},
  ) {
    super(message)
    this.name = 'AppError'
    this.kind = kind
    this.status = details.status ?? null
    this.code = details.code ?? null
    this.body = details.body ?? null
    this.retryAfterSeconds = details.retryAfterSeconds ?? null
  }

  /** Worth trying again by itself: the network or the server, not the request. */
  get transient(): boolean {
    return this.kind === 'offline' || this.kind === 'timeout' || this.kind === 'server' || this.kind === 'rate-limited' || this.kind === 'bad-response'
  }

  /** No answer came at all (no connection, or none in time): see isUnreachable. */
  get unreachable(): boolean {
    return this.kind === 'offline' || this.kind === 'timeout'
  }
}

/**
 * The request got no answer from the service (no connection, or none in time), as opposed to an
 * answer that was a failure (5xx, a bad body, a refusal): the viewer is told to check the network
 * only for the first.
 */
export function isUnreachable(error: unknown): boolean {
  return error instanceof AppError && error.unreachable
}

export function kindForStatus(status: number): AppErrorKind {
  if (status === 400 || status === 422) return 'bad-request'
  if (status === 401) return 'unauthorized'
  if (status === 402) return 'not-entitled'
  if (status === 403 || status === 423) return 'forbidden'
  if (status === 404) return 'not-found'
  if (status === 409) return 'conflict'
  if (status === 429) return 'rate-limited'
  if (status >= 500) return 'server'
  return 'bad-request'
}

/** Retry-After as seconds: either a number of seconds or an HTTP date. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  if (!value) return null
  const seconds = Number(value)
  if (Number.isFinite(seconds) && seconds >= 0) return seconds
  const date = Date.parse(value)
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000))
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown }
}

/** The API's `{ error: { code, message } }`, when the body has that shape. */
export function readErrorBody(body: unknown): { code: string | null; message: string | null } {
  const error = (body as ErrorBody | null)?.error
  return {
    code: typeof error?.code === 'string' ? error.code : null,
    message: typeof error?.message === 'string' ? error.message : null,
  }
}
