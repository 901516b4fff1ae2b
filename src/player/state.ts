/**
 * The player's state machine. The controller feeds it what Shaka and the video
 * element report; the screen shows whatever state comes out. Events that make
 * no sense in a state are ignored (the state stays), so a late or duplicate
 * event from the media stack can never put the screen somewhere impossible.
 */
export type PlayerState = 'idle' | 'loading' | 'playing' | 'paused' | 'buffering' | 'ended' | 'error' | 'reconnecting'

export type PlayerEvent =
  /** A play was requested: authorise, load the manifest, fetch the first segments. */
  | 'load'
  /** Frames are moving (the video element's `playing`). */
  | 'playing'
  /** The viewer paused (the video element's `pause`). */
  | 'paused'
  /** Playback stalled waiting for data. */
  | 'waiting'
  /** The end of the title. */
  | 'ended'
  /** Segment or manifest requests fail for network reasons: keep trying by ourselves. */
  | 'networkLost'
  /** Data flows again while the viewer had paused. */
  | 'recovered'
  /** Nothing more to try: unsupported, DRM refused, the stream is broken. */
  | 'fatal'
  /** The viewer left or the page went away. */
  | 'stop'

const TRANSITIONS: Readonly<Record<PlayerState, Partial<Record<PlayerEvent, PlayerState>>>> = {
  idle: { load: 'loading', fatal: 'error' },
  loading: { playing: 'playing', paused: 'paused', networkLost: 'reconnecting', fatal: 'error', stop: 'idle' },
  playing: { paused: 'paused', waiting: 'buffering', ended: 'ended', networkLost: 'reconnecting', fatal: 'error', stop: 'idle' },
  paused: { playing: 'playing', waiting: 'buffering', ended: 'ended', networkLost: 'reconnecting', fatal: 'error', stop: 'idle' },
  buffering: { playing: 'playing', paused: 'paused', recovered: 'paused', ended: 'ended', networkLost: 'reconnecting', fatal: 'error', stop: 'idle' },
  // Stalls and pauses while the network is gone keep saying "reconnecting": only moving frames end it.
  reconnecting: { load: 'loading', playing: 'playing', recovered: 'paused', ended: 'ended', fatal: 'error', stop: 'idle' },
  // Seeking back from the end plays again.
  ended: { playing: 'playing', load: 'loading', fatal: 'error', stop: 'idle' },
  error: { load: 'loading', stop: 'idle' },
}

export function nextState(state: PlayerState, event: PlayerEvent): PlayerState {
  return TRANSITIONS[state][event] ?? state
}

/** States in which the play/pause, seek and track keys act on the stream. */
export function isControllable(state: PlayerState): boolean {
  return state === 'playing' || state === 'paused' || state === 'buffering' || state === 'ended'
}
