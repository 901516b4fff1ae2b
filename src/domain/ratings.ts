/**
 * Content ratings and the parental limit. A title rated within the limit plays
 * as is; a title above it asks for the PIN. No limit (null) means parental
 * control is off.
 */

export type Rating = 'all' | '12+' | '16+' | '18+'
export const RATINGS: readonly Rating[] = ['all', '12+', '16+', '18+']

function rank(rating: Rating): number {
  return RATINGS.indexOf(rating)
}

/** A rating from the API; anything unknown is treated as the strictest (18+). */
export function parseRating(value: string | null | undefined): Rating {
  for (const rating of RATINGS) if (rating === value) return rating
  return '18+'
}

/** Whether a title of this rating may be watched without the PIN under this limit. */
export function isAllowed(rating: Rating, limit: Rating | null): boolean {
  return limit === null || rank(parseRating(rating)) <= rank(parseRating(limit))
}

/** Whether playing a title of this rating asks for the parental PIN. */
export function needsPin(rating: Rating, limit: Rating | null): boolean {
  return !isAllowed(rating, limit)
}
