import type { Account, EntitlementsResponse, MeResponse, OkResponse, SettingsRequest } from '../../server/contract'
import { isAccount, isEntitlements, isMe, isOk } from './guards'
import type { ApiClient } from './http'

/** Who this viewer is: anonymous device or account, and the subscription state. */
export function fetchMe(client: ApiClient): Promise<MeResponse> {
  return client.get<MeResponse>('/me', { shape: isMe })
}

/** The active subscription, rentals and owned titles. */
export function fetchEntitlements(client: ApiClient): Promise<EntitlementsResponse> {
  return client.get<EntitlementsResponse>('/me/entitlements', { shape: isEntitlements })
}

/** Sets the PIN (first time) or changes it (with the current one). */
export function changePin(client: ApiClient, newPin: string, currentPin?: string): Promise<OkResponse> {
  return client.put<OkResponse>('/me/pin', { body: currentPin === undefined ? { newPin } : { currentPin, newPin }, shape: isOk })
}

/** Checks the parental PIN (403 pin_incorrect with triesLeft, 423 pin_locked with unlocksAt). */
export function verifyPin(client: ApiClient, pin: string): Promise<OkResponse> {
  return client.post<OkResponse>('/me/pin/verify', { body: { pin }, shape: isOk })
}

/** Stores the rating limit and language on the account; the answer is the account as it now is. */
export function updateSettings(client: ApiClient, settings: SettingsRequest): Promise<Account> {
  return client.put<Account>('/me/settings', { body: settings, shape: isAccount })
}
