import type { EventsResponse, QoeEvent } from '../../server/contract'
import { isEventsAccepted } from './guards'
import type { ApiClient } from './http'

/** The server takes at most this many events per request. */
export const MAX_EVENTS_PER_REQUEST = 100

/** POST /v1/events: a batch of playback quality events (QoE), at most MAX_EVENTS_PER_REQUEST. */
export function sendEvents(api: ApiClient, events: QoeEvent[]): Promise<EventsResponse> {
  return api.post<EventsResponse>('/events', { body: { events: events.slice(0, MAX_EVENTS_PER_REQUEST) }, shape: isEventsAccepted })
}
