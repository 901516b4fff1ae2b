// The contract is written once, in server/contract (TypeBox schemas + types); the app imports its types only.
export type { Money, Offer, Entitlement, Access, PlaySpan, ProgressSummary, TitleDetails } from '../../server/contract'
