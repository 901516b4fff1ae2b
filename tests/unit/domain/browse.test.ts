import {
  actionTarget, applyKeyboardEdit, detailActions, detailsBuyHash, detailsHash, episodeOwnTitle, playHash, initialActionIndex, initialSeasonIndex, forgetSearch, rememberSearch, searchHash, searchQuery, searchView, RECENT_SEARCHES, watchedFraction,
  SEARCH_MAX_LENGTH, withEpisodeProgress, type DetailAction, type EpisodeProgress,
} from '../../../src/domain'
import { BUY, FREE, NOW, RENT, VIP, access, rentedNotStarted, DAY } from './fixtures'

describe('actionTarget', () => {
  const paid = access([VIP, RENT, BUY])

  test('play, resume and a first rental play start at the saved position; start over from 0; the trailer is its own mode', () => {
    expect(actionTarget({ kind: 'play' }, 't0001', paid)).toEqual({ kind: 'navigate', hash: 'player/t0001/play' })
    expect(actionTarget({ kind: 'resume', positionSeconds: 725 }, 't0001', paid)).toEqual({ kind: 'navigate', hash: 'player/t0001/play' })
    expect(actionTarget({ kind: 'start-rental', playWindowHours: 48 }, 't0001', paid)).toEqual({ kind: 'navigate', hash: 'player/t0001/play' })
    expect(actionTarget({ kind: 'start-over' }, 't0001', paid)).toEqual({ kind: 'navigate', hash: 'player/t0001/startover' })
    expect(actionTarget({ kind: 'trailer' }, 't0001', paid)).toEqual({ kind: 'navigate', hash: 'player/t0001/trailer' })
  })

  test('a series plays the action’s episode: from the saved position, or from 0 to start over', () => {
    const episode = { id: 't0001-s2e03', season: 2, number: 3 }
    expect(actionTarget({ kind: 'play', episode }, 't0001', paid)).toEqual({ kind: 'navigate', hash: 'player/t0001/play/t0001-s2e03' })
    expect(actionTarget({ kind: 'resume', positionSeconds: 725, episode }, 't0001', paid)).toEqual({ kind: 'navigate', hash: 'player/t0001/play/t0001-s2e03' })
    expect(actionTarget({ kind: 'start-rental', playWindowHours: 48, episode }, 't0001', paid)).toEqual({ kind: 'navigate', hash: 'player/t0001/play/t0001-s2e03' })
    expect(actionTarget({ kind: 'start-over', episode }, 't0001', paid)).toEqual({ kind: 'navigate', hash: 'player/t0001/startover/t0001-s2e03' })
  })

  test('purchase choices hand over the title’s own offer of that kind', () => {
    expect(actionTarget({ kind: 'subscribe', planId: 'vip-monthly', price: { amountMinor: 2500, currency: 'CNY' } }, 't1', paid)).toEqual({
      kind: 'purchase',
      offer: VIP,
    })
    expect(actionTarget({ kind: 'rent', price: { amountMinor: 800, currency: 'CNY' }, playWindowHours: 48, startWindowDays: 30 }, 't1', paid)).toEqual({
      kind: 'purchase',
      offer: RENT,
    })
    expect(actionTarget({ kind: 'buy', price: { amountMinor: 3000, currency: 'CNY' } }, 't1', paid)).toEqual({ kind: 'purchase', offer: BUY })
  })

  test('a choice the title does not offer leads nowhere', () => {
    const rentOnly = access([RENT])
    expect(actionTarget({ kind: 'buy', price: { amountMinor: 1, currency: 'CNY' } }, 't1', rentOnly)).toBeNull()
    expect(actionTarget({ kind: 'subscribe', planId: 'other', price: { amountMinor: 1, currency: 'CNY' } }, 't1', paid)).toBeNull()
  })

  test('ids are escaped into the hash', () => {
    expect(actionTarget({ kind: 'play' }, 'a b', paid)).toEqual({ kind: 'navigate', hash: 'player/a%20b/play' })
    expect(playHash('t0001', 't0001-s1e2')).toBe('player/t0001/play/t0001-s1e2')
    expect(playHash('a b', 'e/1', 'startover')).toBe('player/a%20b/startover/e%2F1')
    expect(playHash('t0001', null)).toBe('player/t0001/play')
    expect(detailsHash('t0001')).toBe('details/t0001')
    expect(detailsHash('a b/1')).toBe('details/a%20b%2F1')
    expect(detailsBuyHash('a b/1')).toBe('details/a%20b%2F1/buy')
  })

  test('every action the domain offers for a paid or free title has a target', () => {
    const cases = [access([FREE]), access([VIP, RENT, BUY]), access([RENT, BUY], rentedNotStarted(NOW + 10 * DAY))]
    for (const titleAccess of cases) {
      for (const action of detailActions(titleAccess, NOW)) expect(actionTarget(action, 't1', titleAccess)).not.toBeNull()
    }
  })
})

describe('initialActionIndex', () => {
  const buyFirst: DetailAction[] = [{ kind: 'play' }, { kind: 'trailer' }]
  const paid: DetailAction[] = [{ kind: 'trailer' }, { kind: 'rent', price: { amountMinor: 800, currency: 'CNY' }, playWindowHours: 48, startWindowDays: 30 }]

  test('the first action normally, the first purchase choice on the /buy variant', () => {
    expect(initialActionIndex(paid, false)).toBe(0)
    expect(initialActionIndex(paid, true)).toBe(1)
  })

  test('with nothing to buy the /buy variant keeps the first action; no actions → -1', () => {
    expect(initialActionIndex(buyFirst, true)).toBe(0)
    expect(initialActionIndex([], false)).toBe(-1)
  })
})

describe('search box', () => {
  test('spaces are trimmed and collapsed; nothing typed means no search', () => {
    expect(searchQuery('  night   watch ')).toBe('night watch')
    expect(searchQuery('   ')).toBeNull()
    expect(searchQuery('')).toBeNull()
  })

  test('searchHash escapes all the Router would split a hash on, and the Router’s decoding gives the query back', () => {
    const query = "Chang'an (2026) ~ *AC/DC* 长安!"
    const hash = searchHash(query)
    expect(hash).toMatch(/^search\/[\w%.-]+$/)
    expect(decodeURIComponent(hash.slice('search/'.length))).toBe(query)
  })

  test('a query is cut to the API’s limit', () => {
    expect(searchQuery('a'.repeat(100))).toHaveLength(SEARCH_MAX_LENGTH)
  })

  test('keyboard edits: type, a single space, delete by character (CJK and emoji included), clear', () => {
    let text = ''
    text = applyKeyboardEdit(text, { kind: 'space' })
    expect(text).toBe('')
    text = applyKeyboardEdit(text, { kind: 'type', text: 'n' })
    text = applyKeyboardEdit(text, { kind: 'type', text: 'i' })
    text = applyKeyboardEdit(text, { kind: 'space' })
    text = applyKeyboardEdit(text, { kind: 'space' })
    expect(text).toBe('ni ')
    expect(applyKeyboardEdit('长安🎬', { kind: 'delete' })).toBe('长安')
    expect(applyKeyboardEdit('', { kind: 'delete' })).toBe('')
    expect(applyKeyboardEdit('abc', { kind: 'clear' })).toBe('')
    expect(applyKeyboardEdit('a'.repeat(SEARCH_MAX_LENGTH), { kind: 'type', text: 'b' })).toHaveLength(SEARCH_MAX_LENGTH)
  })
})

describe('rememberSearch', () => {
  test('the latest first, said once, the oldest dropped past the limit', () => {
    expect(rememberSearch([], 'night')).toEqual(['night'])
    expect(rememberSearch(['cayx', 'night', '长安'], 'night')).toEqual(['night', 'cayx', '长安'])
    const full = Array.from({ length: RECENT_SEARCHES }, (_, i) => `q${i}`)
    expect(rememberSearch(full, 'new')).toEqual(['new', ...full.slice(0, RECENT_SEARCHES - 1)])
  })
})

describe('forgetSearch', () => {
  test('takes out the one search, the others kept in their order; an unknown one changes nothing', () => {
    expect(forgetSearch(['night', 'cayx', '长安'], 'cayx')).toEqual(['night', '长安'])
    expect(forgetSearch(['night'], 'night')).toEqual([])
    expect(forgetSearch(['night', '长安'], 'nigh')).toEqual(['night', '长安'])
  })
})

describe('searchView', () => {
  const popular = ['p1', 'p2']

  test('an answer that found something fills the grid, captioned with its query', () => {
    expect(searchView({ query: 'night', items: ['a', 'b'] }, popular)).toEqual({ list: 'results', items: ['a', 'b'], caption: { kind: 'resultsFor', query: 'night' } })
  })

  test('before a query, and when a request failed, the popular titles', () => {
    expect(searchView(null, popular)).toEqual({ list: 'popular', items: popular, caption: { kind: 'popular' } })
  })

  test('a query that found nothing says so above the popular titles', () => {
    expect(searchView({ query: 'zzz', items: [] }, popular)).toEqual({
      list: 'popular',
      items: popular,
      caption: { kind: 'nothingFound', query: 'zzz', popularInstead: true },
    })
  })

  test('without popular titles (not loaded, or failed) only the caption', () => {
    expect(searchView(null, [])).toEqual({ list: 'none', items: [], caption: { kind: 'hint' } })
    expect(searchView({ query: 'zzz', items: [] }, [])).toEqual({ list: 'none', items: [], caption: { kind: 'nothingFound', query: 'zzz', popularInstead: false } })
  })
})

describe('watchedFraction', () => {
  test('position over duration, capped at 1, 0 for nothing or a broken record', () => {
    expect(watchedFraction({ positionSeconds: 30, durationSeconds: 120 })).toBe(0.25)
    expect(watchedFraction({ positionSeconds: 500, durationSeconds: 120 })).toBe(1)
    expect(watchedFraction({ positionSeconds: 30, durationSeconds: 0 })).toBe(0)
    expect(watchedFraction({ positionSeconds: -5, durationSeconds: 10 })).toBe(0)
    expect(watchedFraction(undefined)).toBe(0)
    expect(watchedFraction(null)).toBe(0)
  })
})

describe('initialSeasonIndex', () => {
  const seasons = [{ episodes: [{ id: 's1e1' }, { id: 's1e2' }] }, { episodes: [{ id: 's2e1' }] }]

  test('the season of the episode being watched, else the first; -1 for a film', () => {
    expect(initialSeasonIndex(seasons, 's2e1')).toBe(1)
    expect(initialSeasonIndex(seasons, 'gone')).toBe(0)
    expect(initialSeasonIndex(seasons, null)).toBe(0)
    expect(initialSeasonIndex([], 's1e1')).toBe(-1)
  })
})

describe('episodeOwnTitle', () => {
  it('drops a title that only restates the number, in the spellings catalogues use', () => {
    for (const title of ['Episode 3', 'episode 03', 'EP. 3', 'Ep 3', 'Eps 3', '#3', '3', ' 第3集 ', '第 3 集', '第三集', '第３話', '第03回']) {
      expect({ title, own: episodeOwnTitle(3, title) }).toEqual({ title, own: null })
    }
    expect(episodeOwnTitle(12, '第十二集')).toBeNull()
    expect(episodeOwnTitle(21, '第二十一集')).toBeNull()
    expect(episodeOwnTitle(10, '第十集')).toBeNull()
    expect(episodeOwnTitle(4, '')).toBeNull()
  })

  it('keeps a title that says more, or names another number', () => {
    expect(episodeOwnTitle(2, 'Wind Shear')).toBe('Wind Shear')
    expect(episodeOwnTitle(2, '  风切变 ')).toBe('风切变')
    expect(episodeOwnTitle(3, 'Episode 4')).toBe('Episode 4')
    expect(episodeOwnTitle(3, '第十三集')).toBe('第十三集')
    expect(episodeOwnTitle(3, 'Episode 3: The Return')).toBe('Episode 3: The Return')
    expect(episodeOwnTitle(3, '33')).toBe('33')
  })
})

describe('withEpisodeProgress', () => {
  const title = { id: 't1', episodeProgress: [{ episodeId: 'e1', positionSeconds: 100, durationSeconds: 2700 }, { episodeId: 'e2', positionSeconds: 5, durationSeconds: 2700 }] }

  test('replaces what the title held for that episode, keeping the others', () => {
    expect(withEpisodeProgress(title, { episodeId: 'e2', positionSeconds: 1200, durationSeconds: 2700 }).episodeProgress).toEqual([
      { episodeId: 'e1', positionSeconds: 100, durationSeconds: 2700 },
      { episodeId: 'e2', positionSeconds: 1200, durationSeconds: 2700 },
    ])
    // The title given is left as it was.
    expect(title.episodeProgress[1]!.positionSeconds).toBe(5)
  })

  test('adds an episode the title held nothing for, and a title with no progress at all gets it', () => {
    expect(withEpisodeProgress(title, { episodeId: 'e3', positionSeconds: 10, durationSeconds: 20 }).episodeProgress).toHaveLength(3)
    const unwatched: { id: string; episodeProgress?: EpisodeProgress[] } = { id: 't2' }
    expect(withEpisodeProgress(unwatched, { episodeId: 'e1', positionSeconds: 10, durationSeconds: 20 })).toEqual({
      id: 't2',
      episodeProgress: [{ episodeId: 'e1', positionSeconds: 10, durationSeconds: 20 }],
    })
  })
})
