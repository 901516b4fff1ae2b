import type { AppError } from './errors'

export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number
  baseDelayMs: number
  maxDelayMs: number
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 3, baseDelayMs: 400, maxDelayMs: 8000 }

/**
 * Delay before retry number `attempt` (1-based): exponential with full jitter,
 * or the server's Retry-After when it gave one, capped either way.
 */
export function retryDelayMs(attempt: number, policy: RetryPolicy, error: AppError, random: () => number): number {
  if (error.retryAfterSeconds !== null) return Math.min(error.retryAfterSeconds * 1000, policy.maxDelayMs)
  const ceiling = Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs)
  return Math.round(ceiling / 2 + (random() * ceiling) / 2)
}

export function shouldRetry(method: string, error: AppError, attempt: number, policy: RetryPolicy): boolean {
  // Only idempotent reads: a purchase is retried by the user with its idempotency key.
  return method.toUpperCase() === 'GET' && error.transient && attempt <= policy.retries
}
