import type { Account, Platform, RegisterDeviceResponse } from '../../server/contract'
import { currentLanguage } from '../i18n'
import { operatorSettings } from '../settings'
import { readStored, removeStored, writeStored } from '../storage'
import { isRegisteredDevice } from './guards'
import { ApiClient } from './http'

/** Re-register a day before the device token runs out, so no request meets an expired one. */
const RENEW_BEFORE_MS = 24 * 60 * 60 * 1000

let client: ApiClient | null = null

/**
 * The app's one API client, built from the operator settings on first use.
 * It sends the account token when signed in, else the device token.
 */
export function api(): ApiClient {
  if (!client) {
    const { baseUrl, timeoutMs } = operatorSettings().api
    client = new ApiClient({ baseUrl, timeoutMs, getToken: currentToken, getLanguage: currentLanguage })
  }
  return client
}

function currentToken(): string | null {
  return readStored('auth.account')?.token ?? readStored('auth.device')?.token ?? null
}

function stillValid(expiresAt: string, now: number): boolean {
  return Date.parse(expiresAt) - RENEW_BEFORE_MS > now
}

/** The registration in flight, if any. */
let registering: Promise<string> | null = null

/**
 * Makes sure this device has a valid anonymous device token (POST /v1/devices),
 * registering on first start or when the stored one is about to expire.
 */
export function ensureDevice(platform: Platform, now: number = Date.now()): Promise<string> {
  const stored = readStored('auth.device')
  if (stored && stillValid(stored.expiresAt, now)) return Promise.resolve(stored.deviceId)
  // The launch starts it early (src/index.ts) and Boot waits on it: callers meanwhile share the one request.
  registering ??= registerDevice(platform).finally(() => {
    registering = null
  })
  return registering
}

async function registerDevice(platform: Platform): Promise<string> {
  const device = await api().post<RegisterDeviceResponse>('/devices', {
    body: { platform, model: navigator.userAgent.slice(0, 100) },
    shape: isRegisteredDevice,
  })
  writeStored('auth.device', device)
  return device.deviceId
}

/** Forgets the device (revoked or rejected): the next ensureDevice() registers anew. */
export function forgetDevice(): void {
  removeStored('auth.device')
  removeStored('auth.account')
}

/** The signed-in account, or null for an anonymous device. */
export function signedInAccount(): Account | null {
  const stored = readStored('auth.account')
  if (!stored || !stillValid(stored.expiresAt, Date.now())) return null
  return stored.account
}

/** After the device-code sign-in: requests carry the account token from now on. */
export function rememberSignIn(token: string, expiresAt: string, account: Account): void {
  writeStored('auth.account', { token, expiresAt, account })
}

/** Back to the anonymous device token. */
export function signOut(): void {
  removeStored('auth.account')
}
