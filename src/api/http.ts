import axios, { AxiosError, type AxiosInstance, type AxiosResponse, type Method } from 'axios'
import { AppError, kindForStatus, parseRetryAfter, readErrorBody } from './errors'
import type { ShapeGuard } from './guards'
import { DEFAULT_RETRY, retryDelayMs, shouldRetry, type RetryPolicy } from './retry'

export interface ApiClientOptions {
  baseUrl: string
  timeoutMs: number
  /** The bearer token to send, read at each request (it changes at sign-in). */
  getToken: () => string | null
  /** Sent as Accept-Language so the API localizes titles and synopses. */
  getLanguage: () => string
  retry?: RetryPolicy
  sleep?: (ms: number) => Promise<void>
  random?: () => number
  now?: () => number
}

export interface RequestOptions<T = unknown> {
  /** The answer's expected shape: JSON of another shape is AppError('bad-response'), never handed on. */
  shape?: ShapeGuard<T>
  params?: Record<string, string | number | boolean | undefined>
  body?: unknown
  headers?: Record<string, string>
  /** Overrides the client's timeout, e.g. for long-poll style calls. */
  timeoutMs?: number
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Turns anything axios throws into an AppError a screen can act on. */
export function toAppError(error: unknown, now: number): AppError {
  if (error instanceof AppError) return error
  if (!axios.isAxiosError(error)) return new AppError('bad-response', error instanceof Error ? error.message : String(error))
  const axiosError = error as AxiosError
  const response = axiosError.response
  if (!response) {
    if (axiosError.code === 'ECONNABORTED' || axiosError.code === 'ETIMEDOUT') {
      return new AppError('timeout', 'The server took too long to answer')
    }
    return new AppError('offline', 'The server could not be reached')
  }
  const { code, message } = readErrorBody(response.data)
  const header = response.headers['retry-after'] as string | undefined
  return new AppError(kindForStatus(response.status), message ?? `HTTP ${response.status}`, {
    status: response.status,
    code,
    body: response.data,
    retryAfterSeconds: parseRetryAfter(header, now),
  })
}

/** A successful answer must be JSON: a proxy's HTML page or a cut-off body is a bad response. */
function jsonBody<T>(response: AxiosResponse<unknown>, shape: ShapeGuard<T> | undefined): T {
  if (response.status === 204) return undefined as T
  if (typeof response.data !== 'object' || response.data === null) {
    throw new AppError('bad-response', 'The server answered with something that is not JSON', { status: response.status })
  }
  if (shape && !shape(response.data)) {
    throw new AppError('bad-response', 'The server answered with JSON of an unexpected shape', { status: response.status })
  }
  return response.data as T
}

/**
 * The app's one HTTP client: axios with a timeout, the token and language on
 * every request, errors as AppError, and retries with backoff for GETs only.
 */
export class ApiClient {
  private readonly http: AxiosInstance
  private readonly options: ApiClientOptions
  private readonly retry: RetryPolicy

  constructor(options: ApiClientOptions) {
    this.options = options
    this.retry = options.retry ?? DEFAULT_RETRY
    // No XSRF cookie: the API authenticates by bearer token. Left on, axios awaits the browser's cookie store
    // for every same-origin request before sending it, and a whole frame or page build could run first.
    this.http = axios.create({ baseURL: options.baseUrl, timeout: options.timeoutMs, responseType: 'json', withXSRFToken: false })
  }

  get<T>(path: string, options: RequestOptions<T> = {}): Promise<T> {
    return this.request<T>('GET', path, options)
  }

  post<T>(path: string, options: RequestOptions<T> = {}): Promise<T> {
    return this.request<T>('POST', path, options)
  }

  put<T>(path: string, options: RequestOptions<T> = {}): Promise<T> {
    return this.request<T>('PUT', path, options)
  }

  delete<T>(path: string, options: RequestOptions<T> = {}): Promise<T> {
    return this.request<T>('DELETE', path, options)
  }

  private async request<T>(method: Method, path: string, options: RequestOptions<T>): Promise<T> {
    const now = this.options.now ?? Date.now
    const sleep = this.options.sleep ?? defaultSleep
    const random = this.options.random ?? Math.random
    for (let attempt = 1; ; attempt++) {
      try {
        const token = this.options.getToken()
        const response = await this.http.request<unknown>({
          method,
          url: path,
          params: options.params,
          data: options.body,
          timeout: options.timeoutMs ?? this.options.timeoutMs,
          headers: {
            Accept: 'application/json',
            'Accept-Language': this.options.getLanguage(),
            ...(token ? { Authorization: `Bearer ${token}` } : {}),
            ...options.headers,
          },
        })
        return jsonBody<T>(response, options.shape)
      } catch (error) {
        const appError = toAppError(error, now())
        if (!shouldRetry(method, appError, attempt, this.retry)) throw appError
        await sleep(retryDelayMs(attempt, this.retry, appError, random))
      }
    }
  }
}
