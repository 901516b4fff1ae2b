import type { Offer, Rating } from '../../../server/contract'

/**
 * What a page asks the App to sell: `this.fireAncestors('$purchase', request)`.
 * For the subscription offer, `titleId` is the title that led there (it plays
 * once the subscription is bought).
 */
export interface PurchaseRequest {
  titleId: string
  titleName: string
  /** The title's rating: playing it at once after a scan-to-pay purchase still honours the parental limit. */
  rating: Rating
  offer: Offer
  /** All the title's offers, as the page has them: a rental's dialog names the plan that would be the better deal. */
  titleOffers: Offer[]
  /** A series' episode to play once bought (where the viewer is in it); none for a film. */
  episodeId?: string
}

/** How a purchase dialog ended: bought (play now), dismissed, or it needs a signed-in account first. */
export type PurchaseOutcome = 'completed' | 'closed' | 'sign-in-required'

/** The App's commerce handlers, reached from any page with `this.fireAncestors(name, ...)`. */
declare module '@lightningjs/sdk' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Lightning {
    // eslint-disable-next-line @typescript-eslint/no-namespace
    namespace Component {
      interface FireAncestorsMap {
        /** Sells the offer (signing in first when needed), then plays the title; true once bought. */
        $purchase(request: PurchaseRequest): Promise<boolean>
        /** The device-code sign-in; true once signed in. */
        $signIn(): Promise<boolean>
        /** Before the first play of a rental (it starts the 48 h window); true to play. */
        $confirmRentalStart(titleId: string): Promise<boolean>
        /** The parental PIN for a title above the account's rating limit; true when it may play. */
        $checkParental(rating: Rating): Promise<boolean>
        /** Changes (or sets) the parental PIN; true when changed. */
        $changePin(hasPin: boolean): Promise<boolean>
      }
    }
  }
}
