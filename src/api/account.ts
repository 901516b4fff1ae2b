import type {
  Account,
  EntitlementsResponse,
  MeResponse,
  OkResponse,
  SettingsRequest,
} from '../../server/contract'
import { readStored } from '../storage'
import { api, rememberSignIn } from './session'

/** Who this viewer is: anonymous device or account, and the subscription state. */
export function fetchMe(): Promise<MeResponse> {
  return api().get<MeResponse>('/me')
}

/** The active subscription, rentals and owned titles. */
export function fetchEntitlements(): Promise<EntitlementsResponse> {
  return api().get<EntitlementsResponse>('/me/entitlements')
}

/** Sets the PIN (first time) or changes it (with the current one). */
export function changePin(newPin: string, currentPin?: string): Promise<OkResponse> {
  return api().put<OkResponse>('/me/pin', { body: currentPin === undefined ? { newPin } : { currentPin, newPin } })
}

/** Checks the parental PIN (403 pin_incorrect with triesLeft, 423 pin_locked with unlocksAt). */
export function verifyPin(pin: string): Promise<OkResponse> {
  return api().post<OkResponse>('/me/pin/verify', { body: { pin } })
}

/**
 * Stores the rating limit and language on the account, and keeps the signed-in
 * account on the device up to date (the parental check reads its limit there).
 */
export async function updateSettings(settings: SettingsRequest): Promise<Account> {
  const account = await api().put<Account>('/me/settings', { body: settings })
  refreshStoredAccount(account)
  return account
}

/** The account as the server now describes it (PIN set, limit changed), kept beside its token. */
export function refreshStoredAccount(account: Account): void {
  const stored = readStored('auth.account')
  if (stored) rememberSignIn(stored.token, stored.expiresAt, account)
}
