import type { MeResponse, Plan } from '../../../server/contract'
import { fetchMe } from '../../api/account'
import { onChange } from '../../api/changes'
import { fetchPlans } from '../../api/offers'
import { api, signedInAccount } from '../../api/session'

/** What the purchase dialog's first step needs besides the request: who pays (stored payment, PIN) and the plans. */
export interface PurchaseContext {
  me: MeResponse
  plans: Plan[]
}

/** Asked longer ago than this, the context is asked again: the account or the plans may have changed elsewhere. */
const FRESH_MS = 60_000

let asked: { at: number; context: Promise<PurchaseContext>; ready: PurchaseContext | null } | null = null

function fresh(now: number): NonNullable<typeof asked> | null {
  return asked && now - asked.at <= FRESH_MS ? asked : null
}

function ask(now: number): Promise<PurchaseContext> {
  const entry: NonNullable<typeof asked> = {
    at: now,
    context: Promise.all([fetchMe(api()), fetchPlans(api())]).then(([me, plans]) => ({ me, plans })),
    ready: null,
  }
  asked = entry
  // A failed ask is not kept: the dialog asks again, and says what failed.
  entry.context.then(
    (context) => (entry.ready = context),
    () => {
      if (asked === entry) asked = null
    },
  )
  return entry.context
}

/**
 * A signed-in viewer is shown a paid offer (Details, Home's hero): the context is asked now, so the purchase dialog
 * opens on its first step rather than on "Loading…". An anonymous viewer signs in first: nothing is asked for them.
 */
export function preparePurchase(now = Date.now()): void {
  if (signedInAccount() !== null && !fresh(now)) void ask(now).catch(() => undefined)
}

/** The context asked ahead and come, while fresh: the dialog shows its first step at once. */
export function readyPurchaseContext(now = Date.now()): PurchaseContext | null {
  return fresh(now)?.ready ?? null
}

/**
 * The context for a dialog opening: the one asked ahead while fresh and not failed (a failure is dropped when it
 * comes, so one failing while the dialog waits is shown with Retry, which asks again), else asked now.
 */
export function purchaseContext(now = Date.now()): Promise<PurchaseContext> {
  return fresh(now)?.context ?? ask(now)
}

/** The account changed (a PIN set, a purchase, sign-in or out) or the language did (the plans' names): asked anew. */
export function forgetPurchaseContext(): void {
  asked = null
}

onChange('entitlements', forgetPurchaseContext)
onChange('language', forgetPurchaseContext)
