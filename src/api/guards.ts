import type {
  Account,
  Access,
  DeviceCodeResponse,
  EntitlementsResponse,
  EventsResponse,
  Home,
  MeResponse,
  OffersResponse,
  OkResponse,
  PlaybackResponse,
  ProgressResponse,
  Purchase,
  RailPage,
  RegisterDeviceResponse,
  SearchResult,
  TitleDetails,
  TitleListResponse,
  TitleSummary,
  TokenResponse,
} from '../../server/contract'

/**
 * Light checks of each response's shape at the API edge: a proxy or a broken
 * server answering valid JSON of the wrong shape becomes AppError('bad-response')
 * in ApiClient instead of a crash deep in a page. They check what the app reads
 * (ids, arrays it maps over, nested blocks it dereferences), not every field.
 */
export type ShapeGuard<T> = (body: unknown) => body is T

type Fields = Record<string, unknown>

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isArrayOf<T>(value: unknown, item: ShapeGuard<T>): value is T[] {
  return Array.isArray(value) && value.every((entry) => item(entry))
}

function isNullableString(value: unknown): value is string | null {
  return value === null || typeof value === 'string'
}

function isAccess(value: unknown): value is Access {
  return isObject(value) && Array.isArray(value.offers) && value.offers.every(isObject) && isObject(value.entitlement) && typeof value.entitlement.kind === 'string'
}

export function isTitleSummary(value: unknown): value is TitleSummary {
  return isObject(value) && typeof value.id === 'string' && typeof value.title === 'string' && isNullableString(value.posterUrl) && isAccess(value.access)
}

export function isRailPage(value: unknown): value is RailPage {
  return isObject(value) && typeof value.id === 'string' && isArrayOf(value.items, isTitleSummary) && isNullableString(value.nextCursor)
}

export function isHome(value: unknown): value is Home {
  return isObject(value) && isTitleSummary(value.hero) && isArrayOf(value.rails, isRailPage)
}

export function isTitleDetails(value: unknown): value is TitleDetails {
  if (!isObject(value)) return false
  const { genres, cast, seasons } = value
  return (
    isTitleSummary(value) &&
    Array.isArray(genres) &&
    Array.isArray(cast) &&
    Array.isArray(seasons) &&
    seasons.every((season) => isObject(season) && Array.isArray(season.episodes))
  )
}

export function isSearchResult(value: unknown): value is SearchResult {
  return isObject(value) && isArrayOf(value.items, isTitleSummary)
}

export function isTitleList(value: unknown): value is TitleListResponse {
  return isObject(value) && isArrayOf(value.items, isTitleSummary)
}

export function isOffers(value: unknown): value is OffersResponse {
  return isObject(value) && isArrayOf(value.plans, (plan): plan is OffersResponse['plans'][number] => isObject(plan) && typeof plan.planId === 'string' && isObject(plan.price))
}

export function isPurchase(value: unknown): value is Purchase {
  return isObject(value) && typeof value.id === 'string' && typeof value.status === 'string' && isObject(value.price)
}

export function isAccount(value: unknown): value is Account {
  return isObject(value) && typeof value.id === 'string' && typeof value.name === 'string'
}

export function isMe(value: unknown): value is MeResponse {
  return isObject(value) && (value.viewer === 'anonymous' || value.viewer === 'account') && (value.account === null || isAccount(value.account))
}

export function isEntitlements(value: unknown): value is EntitlementsResponse {
  return isObject(value) && isArrayOf(value.items, (item): item is EntitlementsResponse['items'][number] => isObject(item) && typeof item.kind === 'string')
}

export function isPlayback(value: unknown): value is PlaybackResponse {
  if (!isObject(value) || !isObject(value.manifests)) return false
  const { drm } = value
  return (
    typeof value.manifests.dash === 'string' &&
    typeof value.manifests.hls === 'string' &&
    typeof value.resumePositionSeconds === 'number' &&
    Array.isArray(value.audioLanguages) &&
    Array.isArray(value.textTracks) &&
    // A server from before Skip intro sends none: read as null.
    (value.intro === undefined || value.intro === null || (isObject(value.intro) && typeof value.intro.startSeconds === 'number' && typeof value.intro.endSeconds === 'number')) &&
    (drm === null || (isObject(drm) && Array.isArray(drm.keySystems) && typeof drm.licenseToken === 'string' && typeof drm.licenseTokenExpiresAt === 'string'))
  )
}

export function isProgress(value: unknown): value is ProgressResponse {
  return isObject(value) && typeof value.titleId === 'string' && typeof value.positionSeconds === 'number'
}

export function isEventsAccepted(value: unknown): value is EventsResponse {
  return isObject(value) && typeof value.accepted === 'number'
}

export function isRegisteredDevice(value: unknown): value is RegisterDeviceResponse {
  return isObject(value) && typeof value.deviceId === 'string' && typeof value.token === 'string' && typeof value.expiresAt === 'string'
}

export function isDeviceCode(value: unknown): value is DeviceCodeResponse {
  return isObject(value) && typeof value.deviceCode === 'string' && typeof value.userCode === 'string' && typeof value.qrUrl === 'string' && typeof value.interval === 'number'
}

export function isToken(value: unknown): value is TokenResponse {
  return isObject(value) && typeof value.accessToken === 'string' && typeof value.expiresAt === 'string' && isAccount(value.account)
}

export function isOk(value: unknown): value is OkResponse {
  return isObject(value) && value.ok === true
}
