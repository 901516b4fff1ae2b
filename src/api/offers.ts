import type { OffersResponse, Plan } from '../../server/contract'
import { api } from './session'

/** The subscription plans and their monthly prices (GET /v1/offers). */
export async function fetchPlans(): Promise<Plan[]> {
  const response = await api().get<OffersResponse>('/offers')
  return response.plans
}
