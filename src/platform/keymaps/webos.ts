import { COMMON_KEYS, HBBTV_COLOUR_KEYS, type KeyMap } from './keys'

/** LG webOS Magic Remote and IR remote. */
export const webosKeyMap: KeyMap = {
  ...COMMON_KEYS,
  ...HBBTV_COLOUR_KEYS,
  461: 'Back',
  415: 'Play',
  19: 'Pause',
  413: 'Stop',
  412: 'Rewind',
  417: 'FastForward',
  33: 'ChannelUp',
  34: 'ChannelDown',
  457: 'Info',
}
