import { RailPages } from './pages'

function range(from: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => from + i)
}

/** A rail of `pages` pages of 20, as fetched one after another with cursors c1, c2, … */
function railOf(pages: number): RailPages<number> {
  const rail = new RailPages<number>()
  rail.reset(range(0, 20), 'c1')
  for (let page = 1; page < pages; page++) rail.append(range(page * 20, 20), page + 1 < pages ? `c${page + 1}` : null)
  return rail
}

test('pages append in order and items are found by index', () => {
  const rail = railOf(3)
  expect(rail.length).toBe(60)
  expect(rail.nextCursor).toBeNull()
  expect([rail.itemAt(0), rail.itemAt(19), rail.itemAt(20), rail.itemAt(59)]).toEqual([0, 19, 20, 59])
  expect([rail.itemAt(-1), rail.itemAt(60)]).toEqual([undefined, undefined])
})

test('a page fetched after the last one is ignored', () => {
  const rail = railOf(2)
  rail.append(range(100, 20), 'again')
  expect(rail.length).toBe(40)
})

test('pages far from the focus drop their items, keep their place and the first page', () => {
  const rail = railOf(500)
  rail.dropOutside(5000 - 100, 5000 + 100)
  expect(rail.length).toBe(10_000)
  expect(rail.heldCount).toBe(20 + 11 * 20)
  expect(rail.itemAt(10)).toBe(10)
  expect(rail.itemAt(100)).toBeUndefined()
  expect(rail.itemAt(5000)).toBe(5000)
})

test('scrolling back asks for the dropped pages near the focus, and their items come back', () => {
  const rail = railOf(50)
  rail.dropOutside(900, 999)
  expect(rail.droppedBetween(595, 605)).toEqual(['c29', 'c30'])
  expect(rail.droppedBetween(0, 19)).toEqual([])
  rail.restore('c30', range(600, 20))
  expect(rail.itemAt(605)).toBe(605)
  expect(rail.itemAt(595)).toBeUndefined()
})

test('a page that comes back longer than it was keeps its old length', () => {
  const rail = railOf(3)
  rail.dropOutside(40, 59)
  rail.restore('c1', range(20, 25))
  expect(rail.length).toBe(60)
  expect(rail.itemAt(39)).toBe(39)
  expect(rail.itemAt(40)).toBe(40)
})

test('a reset starts over', () => {
  const rail = railOf(5)
  rail.reset([7], null)
  expect([rail.length, rail.itemAt(0), rail.nextCursor]).toEqual([1, 7, null])
})
