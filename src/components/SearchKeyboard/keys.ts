import type { KeyboardEdit } from '../../domain'
import type { ActionKeyId } from './SearchKeyboard.styles'

/** The last row of the keyboard, in order. */
export const ACTION_KEYS: readonly ActionKeyId[] = ['space', 'delete', 'clear']

function isActionKey(key: string): key is ActionKeyId {
  return (ACTION_KEYS as readonly string[]).includes(key)
}

/** Turns a LUI soft-key press (its keyId, or its title for letters and digits) into an edit of the search text. */
export function editFor(key: string): KeyboardEdit {
  if (isActionKey(key)) return { kind: key }
  return { kind: 'type', text: key }
}
