import { Router, type Lightning } from '@lightningjs/sdk'
import type { ProgressSummary, TitleDetails } from '../../server/contract'
import { api } from '../api/session'
import { fetchTitle } from '../api/catalog'
import { actionTarget, detailActions, detailsBuyHash, episodesInOrder, episodeToPlay, startsRentalWindow, type DetailAction } from '../domain'
import { startPlay } from '../player'
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
  void from.fireAncestors('$purchase', { titleId: title.id, titleName: title.title, rating: title.rating, offer: target.offer, ...(episode ? { episodeId: episode.id } : {}) })
}

/** A play being started from a tile: a second press while the title's details load starts nothing more. */
let starting = false

/**
 * A title's first button pressed from a tile, without opening its page (OK on Continue watching, the remote's Play
 * key on any tile): Resume, Play, the next episode or a rental's first play, after the same checks. A title the
 * viewer cannot play opens its page at the purchase choices, which say why.
 */
export async function playFromTile(from: Lightning.Component, titleId: string): Promise<void> {
  if (starting) return
  starting = true
  try {
    const title = await fetchTitle(api(), titleId)
    const progress = title.progress ?? null
    const [first] = detailActions(title.access, Date.now(), progress, { hasTrailer: title.trailerAvailable, episodes: episodesInOrder(title.seasons) })
    if (!first || actionTarget(first, title.id, title.access)?.kind !== 'navigate') {
      Router.navigate(detailsBuyHash(title.id))
      return
    }
    await runTitleAction(from, title, progress, first)
  } catch (error) {
    from.fireAncestors('$showToast', failureMessage(error))
  } finally {
    starting = false
  }
}
