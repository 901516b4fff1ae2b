import type { DeviceCodeResponse, TokenResponse } from '../../server/contract'
import { isDeviceCode, isToken } from './guards'
import type { ApiClient } from './http'

/** RFC 8628 step 1: a user code and a QR for the phone page /activate, bound to this device. */
export function startDeviceSignIn(client: ApiClient): Promise<DeviceCodeResponse> {
  return client.post<DeviceCodeResponse>('/auth/device-code', { shape: isDeviceCode })
}

/**
 * RFC 8628 step 2, one poll: the account token once the phone approved, or an
 * AppError whose `code` is authorization_pending / slow_down / expired_token /
 * access_denied / invalid_grant.
 */
export function pollDeviceSignIn(client: ApiClient, deviceCode: string): Promise<TokenResponse> {
  return client.post<TokenResponse>('/auth/token', { body: { deviceCode }, shape: isToken })
}
