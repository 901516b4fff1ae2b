import { isAllowed, needsPin, parseRating, RATINGS, type Rating } from '../../../src/domain'

// rows: title rating; columns: parental limit all, 12+, 16+, 18+ (true = plays without PIN)
const matrix: Record<Rating, [boolean, boolean, boolean, boolean]> = {
  all: [true, true, true, true],
  '12+': [false, true, true, true],
  '16+': [false, false, true, true],
  '18+': [false, false, false, true],
}

describe('ratings matrix', () => {
  for (const rating of RATINGS) {
    RATINGS.forEach((limit, column) => {
      const allowed = matrix[rating][column]
      test(`${rating} under limit ${limit}: ${allowed ? 'allowed' : 'PIN'}`, () => {
        expect(isAllowed(rating, limit)).toBe(allowed)
        expect(needsPin(rating, limit)).toBe(!allowed)
      })
    })
  }

  test.each(RATINGS)('%s with parental control off (null): allowed, no PIN', (rating) => {
    expect(isAllowed(rating, null)).toBe(true)
    expect(needsPin(rating, null)).toBe(false)
  })
})

describe('parseRating', () => {
  test.each(RATINGS)('%s parses to itself', (rating) => {
    expect(parseRating(rating)).toBe(rating)
  })

  test.each(['R', '', null, undefined, '13+'])('%p (unknown) is treated as 18+', (value) => {
    expect(parseRating(value)).toBe('18+')
  })

  test('an unknown rating forced through the types still asks for the PIN', () => {
    expect(needsPin('PG' as Rating, '16+')).toBe(true)
  })
})
