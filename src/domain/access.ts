import type { Access, Money, PlaySpan, ProgressSummary } from './contract-types'
import { effectiveEntitlement, isEntitled, isFreeTitle, rentalWindow } from './entitlement'
import { messagesFor, type Locale } from './messages'
import { formatMoney } from './money'
import { chooseOffers, rentOffer, subscriptionOffers, buyOffer, type PurchaseChoice } from './offers'
import { formatClock, formatRemaining, formatSpan, formatStartWithin, HOUR_MS } from './time'

export { effectiveEntitlement, isEntitled, rentalWindow } from './entitlement'

/** What a tile or the details page says about a title's access, before words. */
export type AccessBadge =
  | { kind: 'free' }
  | { kind: 'vip' }
  | { kind: 'included' }
  | { kind: 'owned' }
  | { kind: 'rented'; msLeft: number; started: boolean }
  | { kind: 'rent'; price: Money }
  | { kind: 'buy'; price: Money }
  | { kind: 'vip-or-rent'; price: Money }

/**
 * The badge for a title at `now`, or null when the title can be neither played
 * nor bought (no offers at all).
 *
 * 1. free title (a free offer or a free entitlement) → free
 * 2. owned → owned
 * 3. a rental in force → rented: started → ms until playUntil, not started →
 *    ms until startBy
 * 4. a subscription in force on a title with a subscription offer → included
 * 5. otherwise (nothing, expired, or subscribed to VIP on a pay-per-view-only
 *    title) by the offers: subscription + rent → vip-or-rent (rent price);
 *    subscription without rent → vip; rent (± buy) → rent (rent price); buy
 *    alone → buy. Prices are the cheapest offer of their kind.
 */
export function accessBadge(access: Access, now: number): AccessBadge | null {
  if (isFreeTitle(access)) return { kind: 'free' }
  const entitlement = effectiveEntitlement(access.entitlement, now)
  if (entitlement.kind === 'owned') return { kind: 'owned' }
  if (entitlement.kind === 'rented') {
    const rental = rentalWindow(entitlement, now)
    if (rental) return { kind: 'rented', msLeft: rental.endsAt - now, started: rental.started }
  }
  const hasSubscription = subscriptionOffers(access.offers).length > 0
  if (entitlement.kind === 'subscribed' && hasSubscription) return { kind: 'included' }

  const rent = rentOffer(access.offers)
  if (hasSubscription) return rent ? { kind: 'vip-or-rent', price: rent.price } : { kind: 'vip' }
  if (rent) return { kind: 'rent', price: rent.price }
  const buy = buyOffer(access.offers)
  if (buy) return { kind: 'buy', price: buy.price }
  return null
}

/** "Free", "VIP", "Rented · 41 h left", "Rent ¥8", "VIP · Rent ¥8", … */
export function badgeLabel(badge: AccessBadge, locale: Locale): string {
  const m = messagesFor(locale)
  switch (badge.kind) {
    case 'free':
      return m.badgeFree
    case 'vip':
      return m.badgeVip
    case 'included':
      return m.badgeIncluded
    case 'owned':
      return m.badgeOwned
    case 'rented':
      return m.badgeRented(badge.started ? formatRemaining(badge.msLeft, locale) : formatStartWithin(badge.msLeft, locale))
    case 'rent':
      return m.badgeRent(formatMoney(badge.price, locale))
    case 'buy':
      return m.badgeBuy(formatMoney(badge.price, locale))
    case 'vip-or-rent':
      return m.badgeVipOrRent(formatMoney(badge.price, locale))
  }
}

/**
 * The colour family of a badge; the same strings as the AccessBadge
 * component's BadgeTone: free (green), vip (gold), paid (a price to pay),
 * held (the viewer already has it).
 */
export type BadgeTone = 'free' | 'vip' | 'paid' | 'held'

export function badgeTone(badge: AccessBadge): BadgeTone {
  switch (badge.kind) {
    case 'free':
      return 'free'
    case 'vip':
    case 'vip-or-rent':
      return 'vip'
    case 'rent':
    case 'buy':
      return 'paid'
    case 'included':
    case 'owned':
    case 'rented':
      return 'held'
  }
}

/** What the badge component takes: label and tone, or null for no badge. */
export function badgeModel(access: Access, now: number, locale: Locale): { label: string; tone: BadgeTone } | null {
  const badge = accessBadge(access, now)
  return badge ? { label: badgeLabel(badge, locale), tone: badgeTone(badge) } : null
}

/** One episode of a series: its id, season and number (the plays of a series are of an episode). */
export interface EpisodeRef {
  id: string
  season: number
  number: number
}

/** The plays name their episode for a series; a film's have none. */
export type DetailAction =
  | { kind: 'play'; episode?: EpisodeRef }
  | { kind: 'resume'; positionSeconds: number; episode?: EpisodeRef }
  | { kind: 'start-over'; episode?: EpisodeRef }
  | { kind: 'trailer' }
  | PurchaseChoice
  /** The first play of a rental not started yet: confirm it, it starts the play window. */
  | { kind: 'start-rental'; playWindowHours: number; episode?: EpisodeRef }

export interface Progress {
  positionSeconds: number
  durationSeconds: number
  /** The episode of a series the position is in. */
  episodeId?: string | null
}

/** Resume when at least this far in (or 5% of a short title)… */
export const RESUME_MIN_SECONDS = 30
/** …and at least this far from the end (or 10% of a short title)… */
export const RESUME_TAIL_SECONDS = 60
/** …and before the last 5% (the credits of a feature). */
export const RESUME_TAIL_FRACTION = 0.05

/**
 * Whether a saved position is worth resuming: started (≥ min(30 s, 5%)) and
 * not finished (at least max(min(60 s, 10%), 5%) of the title still to go).
 * For a 2 h film: from 0:30 up to 6 min before the end; for a 10 min episode:
 * from 0:30 up to 1 min before the end; for a 20 s clip: from 1 s to 2 s
 * before the end. Both bounds are inclusive.
 */
export function isResumable(progress: Progress | null | undefined): progress is Progress {
  return progress ? stageOf(progress) === 'resumable' : false
}

/**
 * Whether a position is in the title's last part, the credits (the same bounds that make a saved position
 * watched): where Up next is offered over an episode still playing.
 */
export function isInCredits(progress: Progress): boolean {
  return stageOf(progress) === 'watched'
}

/** Skip intro is not offered for the opening titles' last second: nothing would be left to skip. */
export const SKIP_INTRO_LAST_SECONDS = 1

/** Whether a play at `positionSeconds` offers to skip its opening titles: inside them, short of their last second. */
export function offersSkipIntro(positionSeconds: number, intro: PlaySpan | null): boolean {
  return intro !== null && positionSeconds >= intro.startSeconds && positionSeconds < intro.endSeconds - SKIP_INTRO_LAST_SECONDS
}

/**
 * What a series' titles do, the opening ones and the end ones (credits): offer Skip intro and Up next (the default), or
 * skip themselves, as the launch market's apps can (跳过片头片尾).
 */
export const OPENING_TITLES_CHOICES = ['offer', 'skip'] as const
export type OpeningTitlesChoice = (typeof OPENING_TITLES_CHOICES)[number]

/** Whether a play at `positionSeconds` is past where Skip intro is offered: at or after its opening titles' last second. */
export function isPastIntro(positionSeconds: number, intro: PlaySpan | null): boolean {
  return intro !== null && positionSeconds >= intro.endSeconds - SKIP_INTRO_LAST_SECONDS
}

/**
 * Whether a play at `positionSeconds` goes past its opening titles with no press: the viewer chose so, it is in
 * them, and it has not been past them yet (skipped, or resumed after them): a viewer who goes back into them means
 * to see them, so Skip intro is offered then.
 */
export function skipsIntroUnasked(positionSeconds: number, intro: PlaySpan | null, choice: OpeningTitlesChoice, beenPastThem: boolean): boolean {
  return choice === 'skip' && !beenPastThem && offersSkipIntro(positionSeconds, intro)
}

/**
 * Whether a play in an episode's credits goes straight to the next episode, with no Up next: the viewer chose so, and
 * no "Are you still watching?" is due (that waits for the episode's end, as ever). The caller knows there is a next.
 */
export function skipsCreditsUnasked(progress: Progress, choice: OpeningTitlesChoice, autoplaysInARow: number): boolean {
  return choice === 'skip' && isInCredits(progress) && !asksStillWatching(autoplaysInARow)
}

/** Where a saved position stands: too early to resume, resumable, or in the last part (credits): watched. */
function stageOf({ positionSeconds: position, durationSeconds: duration }: Progress): 'unstarted' | 'resumable' | 'watched' {
  if (!(duration > 0) || !(position >= 0)) return 'unstarted'
  const head = Math.min(RESUME_MIN_SECONDS, duration * 0.05)
  const tail = Math.max(Math.min(RESUME_TAIL_SECONDS, duration * 0.1), duration * RESUME_TAIL_FRACTION)
  if (duration - position < tail) return 'watched'
  return position >= head ? 'resumable' : 'unstarted'
}

/** A series' episodes in viewing order, season by season (the API lists both in order). */
export function episodesInOrder(seasons: readonly { number: number; episodes: readonly { id: string; number: number }[] }[]): EpisodeRef[] {
  return seasons.flatMap((season) => season.episodes.map((episode) => ({ id: episode.id, season: season.number, number: episode.number })))
}

/**
 * The episodes a saved position names by itself (as Home's feed gives them), for a series' first button before its
 * episodes are known: the same button as with them. The episode it is in, and once that one is watched the one the
 * series goes on with (the feed's `nextEpisode`). None for a film, a position without the episode's place, or a
 * watched one without what comes next.
 */
export function episodesNamedBy(progress: (Progress & Pick<ProgressSummary, 'episode' | 'nextEpisode'>) | null | undefined): EpisodeRef[] {
  if (!progress?.episodeId || !progress.episode) return []
  const current = { id: progress.episodeId, season: progress.episode.season, number: progress.episode.number }
  if (stageOf(progress) !== 'watched') return [current]
  return progress.nextEpisode ? [current, progress.nextEpisode] : []
}

/** The episode after `episodeId`, into the next season; null after the last, or for an episode not listed. */
export function episodeAfter(episodes: readonly EpisodeRef[], episodeId: string): EpisodeRef | null {
  return episodeBeside(episodes, episodeId, 1)
}

/** The episode before `episodeId`, back into the season before; null before the first, or for an episode not listed. */
export function episodeBefore(episodes: readonly EpisodeRef[], episodeId: string): EpisodeRef | null {
  return episodeBeside(episodes, episodeId, -1)
}

function episodeBeside(episodes: readonly EpisodeRef[], episodeId: string, step: 1 | -1): EpisodeRef | null {
  const index = episodes.findIndex((episode) => episode.id === episodeId)
  return index >= 0 ? (episodes[index + step] ?? null) : null
}

/** Episodes Up next may start in a row by its countdown, with no key pressed, before it asks whether anyone is watching. */
export const AUTOPLAYS_BEFORE_ASKING = 3

/**
 * Whether Up next asks "Are you still watching?" instead of counting down: after three episodes started by
 * the countdown alone, a fourth waits for a key (a TV left on does not play a season through the night).
 */
export function asksStillWatching(autoplaysInARow: number): boolean {
  return autoplaysInARow >= AUTOPLAYS_BEFORE_ASKING
}

/** The listed episode a saved position is in; undefined for a film's position or an episode no longer listed. */
function episodeOf(episodes: readonly EpisodeRef[], progress: Progress | null | undefined): EpisodeRef | undefined {
  return progress?.episodeId ? episodes.find((episode) => episode.id === progress.episodeId) : undefined
}

/**
 * The episode a series plays from when it does not resume: the one the
 * progress is in, the next one after an episode watched to its end (the first
 * again after the last), else the first. Undefined for a film.
 */
export function episodeToPlay(episodes: readonly EpisodeRef[], progress: Progress | null | undefined): EpisodeRef | undefined {
  const current = episodeOf(episodes, progress)
  if (!current || !progress) return episodes[0]
  return stageOf(progress) === 'watched' ? (episodeAfter(episodes, current.id) ?? episodes[0]) : current
}

export interface DetailOptions {
  /** Whether the title has a trailer (default true). */
  hasTrailer?: boolean
  /** A series' episodes in viewing order (season by season); none for a film. */
  episodes?: readonly EpisodeRef[]
  /** Subscription plans with their current prices (default: the offers' own prices). */
  plans?: readonly { planId: string; price: Money }[]
  /** How far the viewer got in each episode of a series they started (a series' Details has them). */
  episodeProgress?: readonly (Progress & { episodeId: string })[]
}

const DEFAULT_PLAY_WINDOW_HOURS = 48

/**
 * The details page's buttons, in order.
 * - Entitled, rental not started: start-rental (confirmed: it starts the 48 h).
 * - Entitled otherwise: resume + start-over when the progress is resumable
 *   (or, after an episode watched to its end, the next one's own position
 *   is), else play.
 * - Not entitled (never bought, expired rental, lapsed VIP): the purchase
 *   choices in chooseOffers' order (subscribe first when it is the better deal).
 * - The trailer last, when there is one.
 */
export function detailActions(
  access: Access,
  now: number,
  progress?: Progress | null,
  options: DetailOptions = {},
): DetailAction[] {
  const actions: DetailAction[] = []
  if (isEntitled(access, now)) {
    const entitlement = effectiveEntitlement(access.entitlement, now)
    const rental = entitlement.kind === 'rented' && !isFreeTitle(access) ? rentalWindow(entitlement, now) : null
    const episodes = options.episodes ?? []
    // A series resumes the episode its position is in (a position saved with no episode resumes the title, as before).
    const inProgress = episodeOf(episodes, progress)
    const next = episodeToPlay(episodes, progress)
    if (rental && !rental.started) {
      const rent = rentOffer(access.offers)
      actions.push({ kind: 'start-rental', playWindowHours: rent ? rent.playWindowHours : DEFAULT_PLAY_WINDOW_HOURS, ...(next ? { episode: next } : {}) })
    } else if (isResumable(progress) && (inProgress || !progress.episodeId)) {
      const ofEpisode = inProgress ? { episode: inProgress } : {}
      actions.push({ kind: 'resume', positionSeconds: Math.floor(progress.positionSeconds), ...ofEpisode }, { kind: 'start-over', ...ofEpisode })
    } else {
      // The episode the series goes on with may have been started before the one before it was finished: it resumes.
      const own = next ? options.episodeProgress?.find((saved) => saved.episodeId === next.id) : undefined
      if (next && isResumable(own)) {
        actions.push({ kind: 'resume', positionSeconds: Math.floor(own.positionSeconds), episode: next }, { kind: 'start-over', episode: next })
      } else {
        actions.push({ kind: 'play', ...(next ? { episode: next } : {}) })
      }
    }
  } else {
    actions.push(...chooseOffers(access, options.plans ?? [], now).choices)
  }
  if (options.hasTrailer !== false) actions.push({ kind: 'trailer' })
  return actions
}

/** The episode the details' plays are of (Play, Resume, a first rental play); undefined for a film or before a purchase. */
export function actionEpisode(actions: readonly DetailAction[]): EpisodeRef | undefined {
  for (const action of actions) {
    if ((action.kind === 'play' || action.kind === 'resume' || action.kind === 'start-rental') && action.episode) return action.episode
  }
  return undefined
}

/** Whether the viewer may start playback now (a rental not started counts: playing starts it). */
export function canPlay(access: Access, now: number): boolean {
  return isEntitled(access, now)
}

/** How a label is given: drawn on screen, or said by voice guidance (an episode's code in words). */
export type LabelForm = 'shown' | 'spoken'

/** An episode's short name in the locale: "S1:E4", "第 1 季第 4 集", "M1:E4"; spoken, "Season 1, Episode 4". */
export function episodeCode(episode: { season: number; number: number }, locale: Locale, form: LabelForm = 'shown'): string {
  const m = messagesFor(locale)
  return (form === 'spoken' ? m.episodeSpoken : m.episodeCode)(episode.season, episode.number)
}

/** "Play", "Resume from 12:05", "Rent ¥8 · 48 h", "Subscribe ¥25/month", … ("Play Season 1, Episode 4" spoken). */
export function actionLabel(action: DetailAction, locale: Locale, form: LabelForm = 'shown'): string {
  const m = messagesFor(locale)
  switch (action.kind) {
    case 'play':
      return action.episode ? m.actionPlayEpisode(episodeCode(action.episode, locale, form)) : m.actionPlay
    case 'resume': {
      const clock = formatClock(action.positionSeconds)
      return action.episode ? m.actionResumeEpisode(episodeCode(action.episode, locale, form), clock) : m.actionResume(clock)
    }
    case 'start-over':
      return m.actionStartOver
    case 'trailer':
      return m.actionTrailer
    case 'subscribe':
      return m.actionSubscribe(formatMoney(action.price, locale))
    case 'rent':
      return m.actionRent(formatMoney(action.price, locale), formatSpan(action.playWindowHours * HOUR_MS, locale))
    case 'buy':
      return m.actionBuy(formatMoney(action.price, locale))
    case 'start-rental':
      return m.actionStartRental(formatSpan(action.playWindowHours * HOUR_MS, locale))
  }
}
