import { applyKeyboardEdit } from '../../domain'
import { KEY_ROWS } from './SearchKeyboard.styles'
import { ACTION_KEYS, editFor } from './keys'

test('letters and digits type themselves; the action keys edit', () => {
  expect(editFor('a')).toEqual({ kind: 'type', text: 'a' })
  expect(editFor('7')).toEqual({ kind: 'type', text: '7' })
  expect(editFor('space')).toEqual({ kind: 'space' })
  expect(editFor('delete')).toEqual({ kind: 'delete' })
  expect(editFor('clear')).toEqual({ kind: 'clear' })
})

test('the layout has a–z and 0–9 once each, six to a row, and three action keys', () => {
  const keys = KEY_ROWS.flat()
  expect([...keys].sort()).toEqual([...'0123456789abcdefghijklmnopqrstuvwxyz'])
  for (const row of KEY_ROWS) expect(row).toHaveLength(6)
  expect(ACTION_KEYS).toEqual(['space', 'delete', 'clear'])
})

test('typing "cayx" on the keys gives the query the server matches by initials', () => {
  const text = ['c', 'a', 'y', 'x'].map(editFor).reduce(applyKeyboardEdit, '')
  expect(text).toBe('cayx')
})
