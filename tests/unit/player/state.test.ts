import { isControllable, nextState, type PlayerEvent, type PlayerState } from '../../../src/player/state'

function run(events: PlayerEvent[], from: PlayerState = 'idle'): PlayerState[] {
  const seen: PlayerState[] = []
  let state = from
  for (const event of events) {
    state = nextState(state, event)
    seen.push(state)
  }
  return seen
}

test('a play goes idle → loading → playing, pauses, stalls and plays on to the end', () => {
  expect(run(['load', 'playing', 'paused', 'playing', 'waiting', 'playing', 'ended'])).toEqual([
    'loading', 'playing', 'paused', 'playing', 'buffering', 'playing', 'ended',
  ])
})

test('network loss shows reconnecting until frames move again, whatever stalls or pauses arrive meanwhile', () => {
  expect(run(['load', 'playing', 'networkLost', 'waiting', 'paused', 'waiting', 'playing'])).toEqual([
    'loading', 'playing', 'reconnecting', 'reconnecting', 'reconnecting', 'reconnecting', 'playing',
  ])
  // Paused by the viewer when the data came back: paused, not playing.
  expect(run(['networkLost', 'recovered'], 'paused')).toEqual(['reconnecting', 'paused'])
  // Lost before the first frame (the authorisation or the manifest): a new load from reconnecting.
  expect(run(['networkLost', 'load', 'playing'], 'loading')).toEqual(['reconnecting', 'loading', 'playing'])
})

test('a fatal error is reachable from every active state, and only a new load or stop leaves it', () => {
  for (const state of ['loading', 'playing', 'paused', 'buffering', 'reconnecting', 'ended'] as const) {
    expect(nextState(state, 'fatal')).toBe('error')
  }
  expect(run(['playing', 'paused', 'waiting', 'ended', 'networkLost'], 'error')).toEqual(['error', 'error', 'error', 'error', 'error'])
  expect(nextState('error', 'load')).toBe('loading')
  expect(nextState('error', 'stop')).toBe('idle')
})

test('events that make no sense in a state are ignored', () => {
  expect(nextState('idle', 'playing')).toBe('idle')
  expect(nextState('idle', 'paused')).toBe('idle')
  expect(nextState('playing', 'load')).toBe('playing')
  expect(nextState('ended', 'paused')).toBe('ended')
  expect(nextState('loading', 'waiting')).toBe('loading')
})

test('stop returns every state to idle; seeking back from the end plays again', () => {
  for (const state of ['loading', 'playing', 'paused', 'buffering', 'reconnecting', 'ended', 'error'] as const) {
    expect(nextState(state, 'stop')).toBe('idle')
  }
  expect(nextState('ended', 'playing')).toBe('playing')
})

test('keys act on the stream only once it is there', () => {
  expect(['playing', 'paused', 'buffering', 'ended'].every((s) => isControllable(s as PlayerState))).toBe(true)
  expect(['idle', 'loading', 'error', 'reconnecting'].some((s) => isControllable(s as PlayerState))).toBe(false)
})
