import type { TitleSummary } from '../../server/contract'
import { badgeModel, watchedFraction } from '../domain'
import { currentLanguage } from '../i18n'
import type { TileModel } from '../components/Tile/Tile'

/** A catalogue item as a tile: poster, the domain's access badge now, and progress when watching. */
export function tileModel(item: TitleSummary, now: number = Date.now()): TileModel {
  return {
    id: item.id,
    title: item.title,
    posterUrl: item.posterUrl,
    badge: badgeModel(item.access, now, currentLanguage()),
    progress: watchedFraction(item.progress),
  }
}
