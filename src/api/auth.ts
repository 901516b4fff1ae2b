import type { DeviceCodeResponse, TokenResponse } from '../../server/contract'
import { api } from './session'

/** RFC 8628 step 1: a user code and a QR for the phone page /activate, bound to this device. */
export function startDeviceSignIn(): Promise<DeviceCodeResponse> {
  return api().post<DeviceCodeResponse>('/auth/device-code')
}

/**
 * RFC 8628 step 2, one poll: the account token once the phone approved, or an
 * AppError whose `code` is authorization_pending / slow_down / expired_token /
 * access_denied / invalid_grant.
 */
export function pollDeviceSignIn(deviceCode: string): Promise<TokenResponse> {
  return api().post<TokenResponse>('/auth/token', { body: { deviceCode } })
}
