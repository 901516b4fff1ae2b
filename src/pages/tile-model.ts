import type { TitleSummary } from '../../server/contract'
import { badgeModel, episodeCode, watchedFraction } from '../domain'
import { currentLanguage } from '../i18n'
import type { TileModel } from '../components/Tile/Tile'

/** A catalogue item as a tile: poster, the domain's access badge now, and progress (with a series' episode) when watching. */
export function tileModel(item: TitleSummary, now: number = Date.now()): TileModel {
  const locale = currentLanguage()
  const episode = item.progress?.episode
  return {
    id: item.id,
    title: item.title,
    posterUrl: item.posterUrl,
    badge: badgeModel(item.access, now, locale),
    progress: watchedFraction(item.progress),
    ...(episode ? { episode: { code: episodeCode(episode, locale), spoken: episodeCode(episode, locale, 'spoken') } } : {}),
  }
}
