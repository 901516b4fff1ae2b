import { isPlayMode, playRequestOf, routeShowsPlay, samePlay } from '../../../src/player/request'

test('the Player page route reads back as the play it shows', () => {
  expect(playRequestOf('player/t0012/play')).toEqual({ titleId: 't0012', mode: 'play', episodeId: null })
  expect(playRequestOf('#player/t0012/startover')).toEqual({ titleId: 't0012', mode: 'startover', episodeId: null })
  expect(playRequestOf('player/s%2F1/play/e%201')).toEqual({ titleId: 's/1', mode: 'play', episodeId: 'e 1' })
  expect(playRequestOf('player/t0012/trailer')?.mode).toBe('trailer')
})

test('anything else is not a play', () => {
  expect(playRequestOf('details/t0012')).toBeNull()
  expect(playRequestOf('player/t0012/rewind')).toBeNull()
  expect(playRequestOf('player//play')).toBeNull()
  expect(playRequestOf('player/t0012/play/e1/extra')).toBeNull()
  expect(isPlayMode('buy')).toBe(false)
})

test('plays are the same only for the same title, mode and episode', () => {
  const play = { titleId: 't1', mode: 'play', episodeId: 'e1' } as const
  expect(samePlay(play, { ...play })).toBe(true)
  expect(samePlay(play, { ...play, episodeId: null })).toBe(false)
  expect(samePlay(play, { ...play, mode: 'startover' })).toBe(false)
  expect(samePlay(play, { ...play, titleId: 't2' })).toBe(false)
})

test('a play started at the press is shown only while the route is its own Player page', () => {
  const play = { titleId: 't1', mode: 'play', episodeId: null } as const
  expect(routeShowsPlay('#player/t1/play', play)).toBe(true)
  // Back to Details, Home, another title or its trailer: the play must stop.
  expect(routeShowsPlay('#details/t1', play)).toBe(false)
  expect(routeShowsPlay('#home', play)).toBe(false)
  expect(routeShowsPlay('#player/t2/play', play)).toBe(false)
  expect(routeShowsPlay('#player/t1/trailer', play)).toBe(false)
})
