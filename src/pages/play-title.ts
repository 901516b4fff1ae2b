import { Router, type Lightning } from '@lightningjs/sdk'
import type { ProgressSummary, TitleDetails } from '../../server/contract'
import { api, signedInAccount } from '../api/session'
import { fetchTitle } from '../api/catalog'
import { actionTarget, detailActions, detailsBuyHash, episodesInOrder, episodeToPlay, playsWithoutAsking, startsRentalWindow, type DetailAction } from '../domain'
import { preparePlayAhead, startPlay } from '../player'
import { preparePurchase } from '../widgets/Purchase/context'
import { failureMessage } from './failure-message'

/**
 * Into the player at `hash` after the commerce checks (App handlers): the parental PIN for a title above the
 * account's rating limit, and consent before the first play of a rental starts its 48 h window. Trailers are free
 * to all.
 */
export async function playTitle(from: Lightning.Component, hash: string, title: TitleDetails, trailer = false): Promise<void> {
  if (!trailer) {
    if (!(await from.fireAncestors('$checkParental', title.rating))) return
    if (startsRentalWindow(title.access.entitlement, Date.now()) && !(await from.fireAncestors('$confirmRentalStart', title.id))) return
  }
  // The play starts now, beside the Player page's build (it takes it over).
  startPlay(hash, title)
  Router.navigate(hash)
}

/** What one of a title's buttons does: its play (after the checks), or its purchase. */
export async function runTitleAction(from: Lightning.Component, title: TitleDetails, progress: ProgressSummary | null, action: DetailAction): Promise<void> {
  const target = actionTarget(action, title.id, title.access)
  if (!target) return
  if (target.kind === 'navigate') return playTitle(from, target.hash, title, action.kind === 'trailer')
  const episode = episodeToPlay(episodesInOrder(title.seasons), progress)
  void from.fireAncestors('$purchase', { titleId: title.id, titleName: title.title, rating: title.rating, offer: target.offer, titleOffers: title.access.offers, ...(episode ? { episodeId: episode.id } : {}) })
}

/** One of a title's buttons sells it: who pays and the plans are asked now, so its dialog opens on its first step. */
export function preparePurchaseOf(title: TitleDetails, actions: DetailAction[]): void {
  if (actions.some((action) => actionTarget(action, title.id, title.access)?.kind === 'purchase')) preparePurchase()
}

/**
 * Whether a press plays `title` without asking anything or writing anything on the server (domain
 * playsWithoutAsking, with the signed-in account's parental limit): such a play may be prepared ahead of the press.
 */
export function playsAtOnce(title: TitleDetails): boolean {
  return playsWithoutAsking(title.access, title.rating, signedInAccount()?.ratingLimit ?? null, Date.now())
}

/** A title's first button (Resume, Play, the next episode…) and the player route it opens, if it plays. */
function firstPlay(title: TitleDetails): { action: DetailAction; hash: string | null } | null {
  const [action] = detailActions(title.access, Date.now(), title.progress ?? null, { hasTrailer: title.trailerAvailable, episodes: episodesInOrder(title.seasons) })
  if (!action) return null
  const target = actionTarget(action, title.id, title.access)
  return { action, hash: target?.kind === 'navigate' ? target.hash : null }
}

/** A play being started from a tile: a second press while the title's details load starts nothing more. */
let starting = false

/** The title whose play is prepared on Home: its details, asked once for the preparation and the press. */
let preparedTitle: { titleId: string; title: Promise<TitleDetails>; drop: () => void } | null = null

/**
 * A Continue watching tile or Home's hero rests in focus: the title's details are fetched (unless `known`) and, when
 * its first button plays without asking or writing anything (domain playsWithoutAsking), that play is authorised
 * and preloaded as on Details, so OK (or the Play key) starts from them. Replaces the title prepared before.
 */
export function prepareTitlePlay(titleId: string, known?: TitleDetails): void {
  dropTitlePlay()
  const entry: NonNullable<typeof preparedTitle> = { titleId, title: known ? Promise.resolve(known) : fetchTitle(api(), titleId), drop: () => undefined }
  preparedTitle = entry
  entry.title.then(
    (title) => {
      const play = firstPlay(title)
      if (preparedTitle === entry && play?.hash && play.action.kind !== 'trailer' && playsAtOnce(title)) {
        entry.drop = preparePlayAhead(play.hash, title)
      }
    },
    // Nothing prepared: the press asks again, and says what failed.
    () => {
      if (preparedTitle === entry) preparedTitle = null
    },
  )
}

/** The prepared title lost the focus (or Home did): its play is dropped, unless the next page prepared its own. */
export function dropTitlePlay(): void {
  preparedTitle?.drop()
  preparedTitle = null
}

/**
 * A title's first button pressed from a tile, without opening its page (OK on Continue watching, the remote's Play
 * key on any tile): Resume, Play, the next episode or a rental's first play, after the same checks. A title the
 * viewer cannot play opens its page at the purchase choices, which say why.
 */
export async function playFromTile(from: Lightning.Component, titleId: string): Promise<void> {
  if (starting) return
  starting = true
  try {
    const prepared = preparedTitle?.titleId === titleId ? preparedTitle.title : null
    // The preparation's request failed (the network blinked): the press asks again.
    const title = await (prepared ? prepared.catch(() => fetchTitle(api(), titleId)) : fetchTitle(api(), titleId))
    const play = firstPlay(title)
    if (!play?.hash) {
      Router.navigate(detailsBuyHash(title.id))
      return
    }
    await runTitleAction(from, title, title.progress ?? null, play.action)
  } catch (error) {
    from.fireAncestors('$showToast', failureMessage(error))
  } finally {
    starting = false
  }
}
