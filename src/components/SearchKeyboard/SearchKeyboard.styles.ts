/** The search keyboard: six keys a row, big enough to aim at from the sofa. */
export const keyboardStyle = {
  columns: 6,
  keySpacing: 12,
} as const

/** Letters and digits in the order a TV viewer expects; the action keys carry ids. */
export const KEY_ROWS: readonly (readonly string[])[] = [
  ['a', 'b', 'c', 'd', 'e', 'f'],
  ['g', 'h', 'i', 'j', 'k', 'l'],
  ['m', 'n', 'o', 'p', 'q', 'r'],
  ['s', 't', 'u', 'v', 'w', 'x'],
  ['y', 'z', '1', '2', '3', '4'],
  ['5', '6', '7', '8', '9', '0'],
]

export type ActionKeyId = 'space' | 'delete' | 'clear'
