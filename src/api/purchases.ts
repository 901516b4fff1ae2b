import type { Purchase, PurchaseRequest as PurchaseBody } from '../../server/contract'
import { isPurchase } from './guards'
import type { ApiClient } from './http'

/**
 * POST /v1/purchases. The same key with the same body returns the same
 * purchase, so the caller keeps one key per attempt and sends it on every retry.
 */
export function createPurchase(client: ApiClient, body: PurchaseBody, idempotencyKey: string): Promise<Purchase> {
  return client.post<Purchase>('/purchases', { body, headers: { 'Idempotency-Key': idempotencyKey }, shape: isPurchase })
}

/** GET /v1/purchases/:id: scan-to-pay polls this until it leaves `pending`. */
export function fetchPurchase(client: ApiClient, purchaseId: string): Promise<Purchase> {
  return client.get<Purchase>(`/purchases/${encodeURIComponent(purchaseId)}`, { shape: isPurchase })
}
