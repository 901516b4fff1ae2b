import { COMMON_KEYS, HBBTV_COLOUR_KEYS, type KeyMap } from './keys'

/** Samsung Tizen TV remote (Smart Remote and standard IR remote). */
export const tizenKeyMap: KeyMap = {
  ...COMMON_KEYS,
  ...HBBTV_COLOUR_KEYS,
  10009: 'Back',
  10182: 'Exit',
  10252: 'PlayPause',
  415: 'Play',
  19: 'Pause',
  413: 'Stop',
  412: 'Rewind',
  417: 'FastForward',
  10233: 'NextTrack',
  10232: 'PreviousTrack',
  427: 'ChannelUp',
  428: 'ChannelDown',
  457: 'Info',
  10225: 'Search',
}

/**
 * Keys a Tizen app receives only after registering them with
 * `tizen.tvinputdevice` (arrows, OK and Back are always delivered).
 */
export const TIZEN_REGISTERED_KEYS = [
  'MediaPlayPause', 'MediaPlay', 'MediaPause', 'MediaStop', 'MediaRewind', 'MediaFastForward', 'MediaTrackNext', 'MediaTrackPrevious',
  'ColorF0Red', 'ColorF1Green', 'ColorF2Yellow', 'ColorF3Blue',
  'ChannelUp', 'ChannelDown', 'Info', 'Search', 'Exit',
  '0', '1', '2', '3', '4', '5', '6', '7', '8', '9',
] as const
