/**
 * The names our components handle (`_handleEnter`, `_handlePlayPause`, …).
 * Lightning turns a keyCode into `_handle<Name>` through the map in appSettings.keys.
 */
export const KEY_NAMES = [
  'Left', 'Right', 'Up', 'Down', 'Enter', 'Back', 'Exit', 'Menu', 'Search', 'Info',
  'PlayPause', 'Play', 'Pause', 'Stop', 'Rewind', 'FastForward', 'NextTrack', 'PreviousTrack', 'ChannelUp', 'ChannelDown',
  'Red', 'Green', 'Yellow', 'Blue',
  'Digit0', 'Digit1', 'Digit2', 'Digit3', 'Digit4', 'Digit5', 'Digit6', 'Digit7', 'Digit8', 'Digit9',
] as const

export type KeyName = (typeof KEY_NAMES)[number]

/** keyCode → key name, as Lightning's Application expects in its `keys` option. */
export type KeyMap = Readonly<Record<number, KeyName>>

/** Arrows, OK and the digit row: the same key codes on every platform we ship to. */
export const COMMON_KEYS: KeyMap = {
  37: 'Left',
  38: 'Up',
  39: 'Right',
  40: 'Down',
  13: 'Enter',
  48: 'Digit0', 49: 'Digit1', 50: 'Digit2', 51: 'Digit3', 52: 'Digit4',
  53: 'Digit5', 54: 'Digit6', 55: 'Digit7', 56: 'Digit8', 57: 'Digit9',
}

/** The colour keys share HbbTV's codes on Tizen, webOS and RDK remotes. */
export const HBBTV_COLOUR_KEYS: KeyMap = { 403: 'Red', 404: 'Green', 405: 'Yellow', 406: 'Blue' }

/**
 * The number key an event is (0–9), else null: the digit row's codes on every remote we ship to, and a keyboard's
 * keypad (96–105) standing in for them.
 */
export function digitOfKey(event: Pick<KeyboardEvent, 'keyCode'>): number | null {
  const code = event.keyCode
  if (code >= 48 && code <= 57) return code - 48
  if (code >= 96 && code <= 105) return code - 96
  return null
}
