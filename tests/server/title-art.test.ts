import { wrapTitle } from '../../server/routes/images'

describe('wrapTitle: the lines of a generated title card', () => {
  test('Latin names break between words, never inside one', () => {
    expect(wrapTitle('Dark Night Lives', 14, 4)).toEqual(['Dark Night', 'Lives'])
    expect(wrapTitle('Letters from the South', 14, 4)).toEqual(['Letters from', 'the South'])
    expect(wrapTitle('Iron Labyrinth', 14, 4)).toEqual(['Iron Labyrinth'])
    // The space before a word counts: 'Lone Smoke over' is 15 wide.
    expect(wrapTitle('Lone Smoke over the Desert', 14, 4)).toEqual(['Lone Smoke', 'over the', 'Desert'])
  })

  test('a word longer than a line is broken where it must be', () => {
    expect(wrapTitle('Supercalifragilistic', 14, 4)).toEqual(['Supercalifragi', 'listic'])
  })

  test('CJK breaks between characters, each counting double, closing punctuation kept with what it closes', () => {
    expect(wrapTitle('龙腾四海：一个关于家族', 14, 4)).toEqual(['龙腾四海：一个', '关于家族'])
    expect(wrapTitle('长安夜行', 14, 4)).toEqual(['长安夜行'])
  })

  test('a name longer than its lines ends in one ellipsis inside the line width', () => {
    const lines = wrapTitle('Star Voyagers: The Last Lighthouse at the Edge of the Galaxy', 14, 3)
    expect(lines).toEqual(['Star Voyagers:', 'The Last', 'Lighthouse at…'])
    expect(lines.every((line) => [...line].length <= 14)).toBe(true)
  })

  test('spaces never start or end a line', () => {
    expect(wrapTitle('  Rose   Dawn  ', 14, 4)).toEqual(['Rose   Dawn'])
    expect(wrapTitle('Lone Smoke over the Desert', 10, 4)).toEqual(['Lone Smoke', 'over the', 'Desert'])
  })
})
