import type { OffersResponse, Plan } from '../../server/contract'
import { isOffers } from './guards'
import type { ApiClient } from './http'

/** The subscription plans and their monthly prices (GET /v1/offers). */
export async function fetchPlans(client: ApiClient): Promise<Plan[]> {
  const response = await client.get<OffersResponse>('/offers', { shape: isOffers })
  return response.plans
}
