import { Storage } from '@lightningjs/sdk'
import type { Account, RegisterDeviceResponse } from '../../server/contract'
import type { PendingPurchase } from '../domain/checkout'
import type { LanguageCode } from '../settings/types'

/**
 * What the app keeps on the device, typed. The SDK Storage plugin (typed `any`)
 * uses localStorage or cookies, whichever the TV has, under the app's namespace.
 */
export interface StoredValues {
  /** The anonymous device token from POST /v1/devices. */
  'auth.device': RegisterDeviceResponse
  /** The account token from the device-code sign-in; sent instead of the device token while present. */
  'auth.account': { token: string; expiresAt: string; account: Account }
  /** The last home feed, for starting with a catalogue when the API is down. */
  'cache.home': { savedAt: number; language: string; body: unknown }
  /**
   * Audio and subtitle languages, the subtitle size and the picture's quality chosen in the player, and what a
   * series' intros and credits do (chosen on the Account page), per viewer (account id, or 'device' when anonymous);
   * none of the last three in what was kept before they could be chosen.
   */
  'player.preferences': Record<string, { audioLanguage: string | null; textLanguage: string | null; subtitleSize?: string; videoHeight?: number | null; openingTitles?: string }>
  /** The queries whose results the viewer opened a title from, latest first, per viewer (as player.preferences). */
  'search.recent': Record<string, string[]>
  /** The idempotency key of a purchase attempt not yet ended, kept across retries and restarts. */
  'purchase.pending': PendingPurchase
  /** The UI language the viewer chose on this device; the app starts in it. */
  'ui.language': LanguageCode
}

interface StoragePlugin {
  get(key: string): unknown
  set(key: string, value: unknown): void
  remove(key: string): void
}
const plugin: StoragePlugin = Storage

export function readStored<K extends keyof StoredValues>(key: K): StoredValues[K] | null {
  try {
    return (plugin.get(key) as StoredValues[K] | null) ?? null
  } catch {
    // Corrupt JSON from an older build: treat as absent.
    return null
  }
}

export function writeStored<K extends keyof StoredValues>(key: K, value: StoredValues[K]): void {
  try {
    plugin.set(key, value)
  } catch {
    // Storage full or disabled (private mode on some TVs): the app works without it.
  }
}

export function removeStored(key: keyof StoredValues): void {
  plugin.remove(key)
}
