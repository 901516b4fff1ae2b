import { COMMON_KEYS, HBBTV_COLOUR_KEYS, type KeyMap } from './keys'

/** RDK / WPE set-top boxes: the RDK reference remote as WPE delivers it. */
export const rdkKeyMap: KeyMap = {
  ...COMMON_KEYS,
  ...HBBTV_COLOUR_KEYS,
  8: 'Back',
  27: 'Exit',
  36: 'Menu',
  179: 'PlayPause',
  178: 'Stop',
  176: 'NextTrack',
  177: 'PreviousTrack',
  227: 'Rewind',
  228: 'FastForward',
  33: 'ChannelUp',
  34: 'ChannelDown',
  114: 'Search', // F3, the voice/search key on the XR remotes
  112: 'Info',
}
