import { MENU_ITEMS, menuIndexFor } from './items'

test('the four entries in the order of the bar', () => {
  expect(MENU_ITEMS.map((item) => item.route)).toEqual(['home', 'search', 'browse', 'account'])
})

test('a page is marked under its entry; pages outside the menu mark none', () => {
  expect(menuIndexFor('home')).toBe(0)
  expect(menuIndexFor('#search')).toBe(1)
  expect(menuIndexFor('browse/drama')).toBe(2)
  expect(menuIndexFor('browse?x=1')).toBe(2)
  expect(menuIndexFor('account')).toBe(3)
  expect(menuIndexFor('details/t0001')).toBe(-1)
  expect(menuIndexFor('')).toBe(-1)
})
