import { COMMON_KEYS, HBBTV_COLOUR_KEYS, type KeyMap } from './keys'

/**
 * A desktop keyboard standing in for a remote (QA and development).
 * Backspace/Escape are Back; F1–F4 are the colour keys; Space plays/pauses.
 */
export const browserKeyMap: KeyMap = {
  ...COMMON_KEYS,
  ...HBBTV_COLOUR_KEYS,
  8: 'Back',
  27: 'Back',
  32: 'PlayPause',
  36: 'Menu', // Home
  191: 'Search', // "/"
  73: 'Info', // "I"
  188: 'Rewind', // ","
  190: 'FastForward', // "."
  33: 'ChannelUp', // Page Up
  34: 'ChannelDown', // Page Down
  112: 'Red', // F1
  113: 'Green', // F2
  114: 'Yellow', // F3
  115: 'Blue', // F4
  96: 'Digit0', 97: 'Digit1', 98: 'Digit2', 99: 'Digit3', 100: 'Digit4',
  101: 'Digit5', 102: 'Digit6', 103: 'Digit7', 104: 'Digit8', 105: 'Digit9',
  // Keyboard media keys
  179: 'PlayPause',
  178: 'Stop',
  176: 'NextTrack',
  177: 'PreviousTrack',
}
