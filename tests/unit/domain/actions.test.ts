import { actionEpisode, actionLabel, asksStillWatching, detailActions, episodeAfter, episodeBefore, episodeCode, episodesInOrder, episodesNamedBy, isInCredits, isResumable, LOCALES, isPastIntro, offersSkipIntro, skipsCreditsUnasked, skipsIntroUnasked, type DetailAction } from '../../../src/domain'
import {
  access,
  BUY,
  cny,
  DAY,
  FREE,
  HOUR,
  NOW,
  RENT,
  rentedNotStarted,
  rentedStarted,
  subscribedUntil,
  VIP,
} from './fixtures'

const film = (positionSeconds: number) => ({ positionSeconds, durationSeconds: 2 * 3600 })
const kinds = (actions: DetailAction[]) => actions.map((a) => a.kind)

describe('isResumable', () => {
  test.each([
    ['nothing saved', null, false],
    ['undefined', undefined, false],
    ['29 s into a film', film(29), false],
    ['30 s into a film', film(30), true],
    ['halfway', film(3600), true],
    ['exactly 6 min (5%) before the end of a film', film(7200 - 360), true],
    ['in the last 5% of a film (credits)', film(7200 - 359), false],
    ['at the end', film(7200), false],
    ['past the end', film(7300), false],
    ['10 min episode, 1 min before the end', { positionSeconds: 540, durationSeconds: 600 }, true],
    ['10 min episode, 59 s before the end', { positionSeconds: 541, durationSeconds: 600 }, false],
    ['20 s clip at 1 s', { positionSeconds: 1, durationSeconds: 20 }, true],
    ['20 s clip at 0.9 s', { positionSeconds: 0.9, durationSeconds: 20 }, false],
    ['20 s clip 2 s before the end', { positionSeconds: 18, durationSeconds: 20 }, true],
    ['20 s clip 1.5 s before the end', { positionSeconds: 18.5, durationSeconds: 20 }, false],
    ['unknown duration', { positionSeconds: 100, durationSeconds: 0 }, false],
    ['NaN position', { positionSeconds: Number.NaN, durationSeconds: 100 }, false],
  ])('%s → %s', (_name, progress, expected) => {
    expect(isResumable(progress)).toBe(expected)
  })
})

describe('isInCredits', () => {
  test.each([
    ['a film halfway', film(3600), false],
    ['exactly 6 min (5%) before the end of a film', film(7200 - 360), false],
    ['in the last 5% of a film', film(7200 - 359), true],
    ['at the end', film(7200), true],
    ['45 min episode, 136 s before the end', { positionSeconds: 2564, durationSeconds: 2700 }, false],
    ['45 min episode, 134 s before the end (its last 5%)', { positionSeconds: 2566, durationSeconds: 2700 }, true],
    ['10 min episode, 59 s before the end', { positionSeconds: 541, durationSeconds: 600 }, true],
    ['24 s clip at 21 s', { positionSeconds: 21, durationSeconds: 24 }, false],
    ['24 s clip at 22 s (its last 10%)', { positionSeconds: 22, durationSeconds: 24 }, true],
    ['duration not known yet', { positionSeconds: 100, durationSeconds: 0 }, false],
  ])('%s → %s', (_name, progress, expected) => {
    expect(isInCredits(progress)).toBe(expected)
  })
})

describe('offersSkipIntro', () => {
  const intro = { startSeconds: 2, endSeconds: 8 }
  test.each([
    ['before the opening titles', 1.9, intro, false],
    ['at their start', 2, intro, true],
    ['inside them', 5, intro, true],
    ['in their last second', 7, intro, false],
    ['after them', 8, intro, false],
    ['a play with none', 5, null, false],
  ])('%s → %s', (_name, position, span, expected) => {
    expect(offersSkipIntro(position, span)).toBe(expected)
  })
})

describe('skipsIntroUnasked', () => {
  const intro = { startSeconds: 2, endSeconds: 8 }
  test.each([
    ['chosen, inside the opening titles', 'skip', 3, intro, false, true],
    ['chosen, at their start', 'skip', 2, intro, false, true],
    ['chosen, before them', 'skip', 1.9, intro, false, false],
    ['chosen, in their last second', 'skip', 7, intro, false, false],
    ['chosen, been past them already (skipped, or resumed after them: the viewer went back into them)', 'skip', 3, intro, true, false],
    ['chosen, a play with none', 'skip', 3, null, false, false],
    ['Skip intro offered instead (the default)', 'offer', 3, intro, false, false],
  ] as const)('%s', (_name, choice, position, span, beenPast, expected) => {
    expect(skipsIntroUnasked(position, span, choice, beenPast)).toBe(expected)
  })
})

describe('skipsCreditsUnasked', () => {
  // A 24 s episode's credits are its last 2.4 s (10%); a 45 min one's its last 2 min 15 s (5%).
  const clip = (positionSeconds: number) => ({ positionSeconds, durationSeconds: 24 })
  const episode = (positionSeconds: number) => ({ positionSeconds, durationSeconds: 45 * 60 })
  test.each([
    ['chosen, in the credits', 'skip', clip(22), 0, true],
    ['chosen, in a long episode’s credits', 'skip', episode(44 * 60 + 30), 2, true],
    ['chosen, short of them', 'skip', clip(21), 0, false],
    ['chosen, short of a long episode’s credits', 'skip', episode(42 * 60 + 40), 0, false],
    ['chosen, but three episodes started by themselves in a row: the end asks whether anyone is still watching', 'skip', clip(22), 3, false],
    ['Up next offered instead (the default)', 'offer', clip(22), 0, false],
  ] as const)('%s', (_name, choice, progress, autoplays, expected) => {
    expect(skipsCreditsUnasked(progress, choice, autoplays)).toBe(expected)
  })
})

describe('isPastIntro', () => {
  const intro = { startSeconds: 2, endSeconds: 8 }
  test.each([
    ['before the opening titles', 1, intro, false],
    ['inside them, where Skip intro is offered', 6.9, intro, false],
    ['in their last second', 7, intro, true],
    ['after them (a resumed play)', 600, intro, true],
    ['a play with none', 600, null, false],
  ])('%s → %s', (_name, position, span, expected) => {
    expect(isPastIntro(position, span)).toBe(expected)
  })
})

describe('detailActions for entitled viewers', () => {
  test('free title, nothing watched: play, trailer', () => {
    expect(detailActions(access([FREE]), NOW)).toEqual([{ kind: 'play' }, { kind: 'trailer' }])
  })

  test('free title part-watched: resume (whole seconds), start over, trailer', () => {
    expect(detailActions(access([FREE]), NOW, film(725.8))).toEqual([
      { kind: 'resume', positionSeconds: 725 },
      { kind: 'start-over' },
      { kind: 'trailer' },
    ])
  })

  test('finished title: play again rather than resume the credits', () => {
    expect(kinds(detailActions(access([VIP], { kind: 'owned' }), NOW, film(7190)))).toEqual(['play', 'trailer'])
  })

  test('owned: play, and no purchase actions', () => {
    expect(kinds(detailActions(access([VIP, RENT, BUY], { kind: 'owned' }), NOW, null))).toEqual(['play', 'trailer'])
  })

  test('subscribed and included: resume', () => {
    expect(kinds(detailActions(access([VIP, RENT], subscribedUntil(NOW + DAY)), NOW, film(600)))).toEqual([
      'resume',
      'start-over',
      'trailer',
    ])
  })

  test('rented and started: resume or play', () => {
    const a = access([RENT, BUY], rentedStarted(NOW + 10 * HOUR))
    expect(kinds(detailActions(a, NOW, film(600)))).toEqual(['resume', 'start-over', 'trailer'])
    expect(kinds(detailActions(a, NOW, null))).toEqual(['play', 'trailer'])
  })

  test('rented, not started: start-rental (to be confirmed) with the offer\'s play window', () => {
    expect(detailActions(access([RENT], rentedNotStarted(NOW + DAY)), NOW, null)).toEqual([
      { kind: 'start-rental', playWindowHours: 48 },
      { kind: 'trailer' },
    ])
  })

  test('rented, not started, even with a saved position: still start-rental', () => {
    expect(kinds(detailActions(access([RENT], rentedNotStarted(NOW + DAY)), NOW, film(600)))).toEqual(['start-rental', 'trailer'])
  })

  test('rented, not started, rent offer gone from the list: the 48 h default', () => {
    expect(detailActions(access([BUY], rentedNotStarted(NOW + DAY)), NOW)[0]).toEqual({ kind: 'start-rental', playWindowHours: 48 })
  })

  test('no trailer: no trailer action', () => {
    expect(detailActions(access([FREE]), NOW, null, { hasTrailer: false })).toEqual([{ kind: 'play' }])
  })
})

describe('detailActions for viewers who must pay', () => {
  test('VIP at ¥25 vs rent ¥8 (25 > 16): rent, buy, subscribe, trailer', () => {
    expect(detailActions(access([VIP, RENT, BUY]), NOW)).toEqual([
      { kind: 'rent', price: cny(800), playWindowHours: 48, startWindowDays: 30 },
      { kind: 'buy', price: cny(3000) },
      { kind: 'subscribe', planId: 'vip-monthly', price: cny(2500) },
      { kind: 'trailer' },
    ])
  })

  test('VIP at ¥15 vs rent ¥8 (15 ≤ 16): subscribe first', () => {
    const cheapVip = { ...VIP, price: cny(1500) }
    expect(kinds(detailActions(access([RENT, BUY, cheapVip]), NOW))).toEqual(['subscribe', 'rent', 'buy', 'trailer'])
  })

  test('the plan list\'s price decides the order and is the one shown', () => {
    const actions = detailActions(access([VIP, RENT]), NOW, null, { plans: [{ planId: 'vip-monthly', price: cny(1600) }] })
    expect(actions[0]).toEqual({ kind: 'subscribe', planId: 'vip-monthly', price: cny(1600) })
    expect(kinds(actions)).toEqual(['subscribe', 'rent', 'trailer'])
  })

  test('VIP only: subscribe, trailer', () => {
    expect(kinds(detailActions(access([VIP]), NOW))).toEqual(['subscribe', 'trailer'])
  })

  test('buy only: buy, trailer', () => {
    expect(kinds(detailActions(access([BUY]), NOW))).toEqual(['buy', 'trailer'])
  })

  test('expired rental: rent again', () => {
    expect(kinds(detailActions(access([RENT, BUY], rentedStarted(NOW)), NOW, film(600)))).toEqual(['rent', 'buy', 'trailer'])
  })

  test('rental never started and past startBy: rent again', () => {
    expect(kinds(detailActions(access([RENT], rentedNotStarted(NOW - 1)), NOW))).toEqual(['rent', 'trailer'])
  })

  test('lapsed subscription: subscribe again, progress ignored', () => {
    expect(kinds(detailActions(access([VIP], subscribedUntil(NOW)), NOW, film(600)))).toEqual(['subscribe', 'trailer'])
  })

  test('subscribed but pay-per-view title: rent and buy', () => {
    expect(kinds(detailActions(access([RENT, BUY], subscribedUntil(NOW + DAY)), NOW))).toEqual(['rent', 'buy', 'trailer'])
  })

  test('no offers at all: just the trailer', () => {
    expect(detailActions(access([]), NOW)).toEqual([{ kind: 'trailer' }])
  })
})

describe('detailActions for a series', () => {
  const episodes = [
    { id: 's1e1', season: 1, number: 1 },
    { id: 's1e2', season: 1, number: 2 },
    { id: 's2e1', season: 2, number: 1 },
  ]
  const at = (episodeId: string | null, positionSeconds: number) => ({ positionSeconds, durationSeconds: 2700, episodeId })
  const plays = (progress: ReturnType<typeof at> | null) => detailActions(access([FREE]), NOW, progress, { episodes, hasTrailer: false })

  test('nothing watched: play the first episode', () => {
    expect(plays(null)).toEqual([{ kind: 'play', episode: episodes[0] }])
  })

  test('an episode in progress: resume it, or start it over', () => {
    expect(plays(at('s1e2', 725))).toEqual([
      { kind: 'resume', positionSeconds: 725, episode: episodes[1] },
      { kind: 'start-over', episode: episodes[1] },
    ])
  })

  test('an episode barely started: play it from the start', () => {
    expect(plays(at('s1e2', 10))).toEqual([{ kind: 'play', episode: episodes[1] }])
  })

  test('an episode watched to its credits: play the next, across seasons, and the first after the last', () => {
    expect(plays(at('s1e1', 2690))).toEqual([{ kind: 'play', episode: episodes[1] }])
    expect(plays(at('s1e2', 2690))).toEqual([{ kind: 'play', episode: episodes[2] }])
    expect(plays(at('s2e1', 2700))).toEqual([{ kind: 'play', episode: episodes[0] }])
  })

  test('the next episode, started before the one watched was finished: resume it from its own position, or start it over', () => {
    const started = (episodeId: string, positionSeconds: number) => ({ episodeId, positionSeconds, durationSeconds: 2700 })
    const goesOn = (progress: ReturnType<typeof at>, episodeProgress: ReturnType<typeof started>[]) =>
      detailActions(access([FREE]), NOW, progress, { episodes, hasTrailer: false, episodeProgress })
    expect(goesOn(at('s1e1', 2690), [started('s1e1', 2690), started('s1e2', 725)])).toEqual([
      { kind: 'resume', positionSeconds: 725, episode: episodes[1] },
      { kind: 'start-over', episode: episodes[1] },
    ])
    // Barely started, or itself watched to its credits: played from the start.
    expect(goesOn(at('s1e1', 2690), [started('s1e2', 10)])).toEqual([{ kind: 'play', episode: episodes[1] }])
    expect(goesOn(at('s1e1', 2690), [started('s1e2', 2690)])).toEqual([{ kind: 'play', episode: episodes[1] }])
    // Another episode's position says nothing of the next one's; the one in progress still resumes itself.
    expect(goesOn(at('s1e1', 2690), [started('s2e1', 725)])).toEqual([{ kind: 'play', episode: episodes[1] }])
    expect(goesOn(at('s1e2', 600), [started('s1e2', 600), started('s2e1', 725)])[0]).toEqual({ kind: 'resume', positionSeconds: 600, episode: episodes[1] })
  })

  test('a position of an episode no longer listed: play the first; one saved with no episode resumes the title', () => {
    expect(plays(at('gone', 725))).toEqual([{ kind: 'play', episode: episodes[0] }])
    expect(plays(at(null, 725))).toEqual([{ kind: 'resume', positionSeconds: 725 }, { kind: 'start-over' }])
  })

  test('actionEpisode: the episode Play or Resume plays, none for a film or a title to buy', () => {
    expect(actionEpisode(plays(at('s1e2', 2690)))).toEqual(episodes[2])
    expect(actionEpisode(plays(at('s1e2', 725)))).toEqual(episodes[1])
    expect(actionEpisode(detailActions(access([FREE]), NOW, null))).toBeUndefined()
    expect(actionEpisode(detailActions(access([RENT, BUY]), NOW, null, { episodes }))).toBeUndefined()
  })

  test('a position naming its episode and the one after (Home’s feed) gives the button the whole list gives', () => {
    // As the server names them: the episode, and the one the series goes on with (the first after the last).
    const named = (episodeId: string, positionSeconds: number) => {
      const index = episodes.findIndex((e) => e.id === episodeId)
      const { season, number } = episodes[index]!
      return { ...at(episodeId, positionSeconds), episode: { season, number }, nextEpisode: episodes[(index + 1) % episodes.length]! }
    }
    const firstButton = (progress: ReturnType<typeof named>, list: typeof episodes) => detailActions(access([FREE]), NOW, progress, { episodes: list, hasTrailer: false })[0]
    for (const progress of [named('s1e2', 725), named('s2e1', 10), named('s1e1', 2690), named('s1e2', 2690), named('s2e1', 2700)]) {
      expect(firstButton(progress, episodesNamedBy(progress))).toEqual(firstButton(progress, episodes))
    }
    expect(episodesNamedBy(named('s1e2', 725))).toEqual([episodes[1]])
    expect(episodesNamedBy(named('s1e2', 2690))).toEqual([episodes[1], episodes[2]])
    // Watched, with nothing named after it (a feed from before the server named it): the list is needed.
    expect(episodesNamedBy({ ...named('s1e2', 2690), nextEpisode: undefined })).toEqual([])
    expect(episodesNamedBy(at('s1e2', 725))).toEqual([])
    expect(episodesNamedBy(film(725))).toEqual([])
    expect(episodesNamedBy(null)).toEqual([])
  })

  test('a rental not started plays the first episode', () => {
    expect(detailActions(access([RENT], rentedNotStarted(NOW + DAY)), NOW, null, { episodes, hasTrailer: false })).toEqual([
      { kind: 'start-rental', playWindowHours: 48, episode: episodes[0] },
    ])
  })
})

describe('episodes in order', () => {
  const seasons = [
    { number: 1, episodes: [{ id: 'a', number: 1 }, { id: 'b', number: 2 }] },
    { number: 2, episodes: [{ id: 'c', number: 1 }] },
  ]

  test('season by season, each episode with its season and number', () => {
    expect(episodesInOrder(seasons)).toEqual([
      { id: 'a', season: 1, number: 1 },
      { id: 'b', season: 1, number: 2 },
      { id: 'c', season: 2, number: 1 },
    ])
    expect(episodesInOrder([])).toEqual([])
  })

  test('the episode after: into the next season, none after the last or for one not listed', () => {
    const episodes = episodesInOrder(seasons)
    expect(episodeAfter(episodes, 'a')).toEqual({ id: 'b', season: 1, number: 2 })
    expect(episodeAfter(episodes, 'b')).toEqual({ id: 'c', season: 2, number: 1 })
    expect(episodeAfter(episodes, 'c')).toBeNull()
    expect(episodeAfter(episodes, 'gone')).toBeNull()
  })

  test('the episode before: back into the season before, none before the first or for one not listed', () => {
    const episodes = episodesInOrder(seasons)
    expect(episodeBefore(episodes, 'c')).toEqual({ id: 'b', season: 1, number: 2 })
    expect(episodeBefore(episodes, 'b')).toEqual({ id: 'a', season: 1, number: 1 })
    expect(episodeBefore(episodes, 'a')).toBeNull()
    expect(episodeBefore(episodes, 'gone')).toBeNull()
  })
})

const labelCases: [DetailAction, string, string, string][] = [
  [{ kind: 'play' }, 'Play', '播放', 'Putar'],
  [{ kind: 'resume', positionSeconds: 725 }, 'Resume from 12:05', '从 12:05 继续', 'Lanjutkan dari 12:05'],
  [{ kind: 'resume', positionSeconds: 3723 }, 'Resume from 1:02:03', '从 1:02:03 继续', 'Lanjutkan dari 1:02:03'],
  [{ kind: 'play', episode: { id: 'e', season: 1, number: 4 } }, 'Play S1:E4', '播放第 1 季第 4 集', 'Putar M1:E4'],
  [
    { kind: 'resume', positionSeconds: 725, episode: { id: 'e', season: 2, number: 3 } },
    'Resume S2:E3 from 12:05',
    '第 2 季第 3 集 从 12:05 继续',
    'Lanjutkan M2:E3 dari 12:05',
  ],
  [{ kind: 'start-over' }, 'Start over', '从头播放', 'Putar dari awal'],
  [{ kind: 'trailer' }, 'Trailer', '预告片', 'Trailer'],
  [{ kind: 'subscribe', planId: 'vip-monthly', price: cny(2500) }, 'Subscribe ¥25/month', '开通 VIP ¥25/月', 'Berlangganan ¥25/bulan'],
  [{ kind: 'rent', price: cny(800), playWindowHours: 48, startWindowDays: 30 }, 'Rent ¥8 · 48 h', '租 ¥8 · 48 小时', 'Sewa ¥8 · 48 jam'],
  [{ kind: 'rent', price: cny(850), playWindowHours: 48, startWindowDays: 30 }, 'Rent ¥8.50 · 48 h', '租 ¥8.50 · 48 小时', 'Sewa ¥8,50 · 48 jam'],
  [{ kind: 'buy', price: cny(3000) }, 'Buy ¥30', '购买 ¥30', 'Beli ¥30'],
  [{ kind: 'buy', price: cny(128000) }, 'Buy ¥1,280', '购买 ¥1,280', 'Beli ¥1.280'],
  [
    { kind: 'start-rental', playWindowHours: 48 },
    'Start watching · 48 h to finish',
    '开始观看 · 48 小时内看完',
    'Mulai menonton · selesai dalam 48 jam',
  ],
]

describe('actionLabel', () => {
  test.each(labelCases)('%j', (action, en, zh, id) => {
    expect(actionLabel(action, 'en')).toBe(en)
    expect(actionLabel(action, 'zh-CN')).toBe(zh)
    expect(actionLabel(action, 'id')).toBe(id)
  })

  test('every action kind is covered, with text in every locale', () => {
    expect([...new Set(labelCases.map(([a]) => a.kind))].sort()).toEqual(
      ['buy', 'play', 'rent', 'resume', 'start-over', 'start-rental', 'subscribe', 'trailer'],
    )
    for (const [action] of labelCases) for (const locale of LOCALES) expect(actionLabel(action, locale).trim()).not.toBe('')
  })
})

describe('episodeCode', () => {
  test("an episode's short name, as Continue watching and the Play buttons say it", () => {
    expect(episodeCode({ season: 2, number: 14 }, 'en')).toBe('S2:E14')
    expect(episodeCode({ season: 2, number: 14 }, 'zh-CN')).toBe('第 2 季第 14 集')
    expect(episodeCode({ season: 2, number: 14 }, 'id')).toBe('M2:E14')
  })

  test('said by voice guidance, in words (a screen reader would spell the code out), on the buttons too', () => {
    expect(episodeCode({ season: 2, number: 14 }, 'en', 'spoken')).toBe('Season 2, Episode 14')
    expect(episodeCode({ season: 2, number: 14 }, 'zh-CN', 'spoken')).toBe('第 2 季第 14 集')
    expect(episodeCode({ season: 2, number: 14 }, 'id', 'spoken')).toBe('Musim 2, Episode 14')
    const episode = { id: 't0002-s2e03', season: 2, number: 3 }
    expect(actionLabel({ kind: 'play', episode }, 'en', 'spoken')).toBe('Play Season 2, Episode 3')
    expect(actionLabel({ kind: 'resume', positionSeconds: 725, episode }, 'id', 'spoken')).toBe('Lanjutkan Musim 2, Episode 3 dari 12:05')
    expect(actionLabel({ kind: 'trailer' }, 'en', 'spoken')).toBe('Trailer')
  })
})

describe('asksStillWatching', () => {
  test('Up next counts down for three episodes started by itself in a row, and asks before a fourth', () => {
    expect([0, 1, 2, 3, 4].map(asksStillWatching)).toEqual([false, false, false, true, true])
  })
})
