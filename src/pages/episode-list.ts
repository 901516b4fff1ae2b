import type { EpisodeListLabels } from '../components/EpisodeList/EpisodeList'
import { episodeOwnTitle, watchedFraction, type EpisodeProgress } from '../domain/browse'
import { formatDuration } from '../domain/time'
import { currentLanguage, t } from '../i18n'

/** How a series' episode list names its seasons, episodes and running times, on Details and in the player alike. */
export function episodeListLabels(): EpisodeListLabels {
  const locale = currentLanguage()
  return {
    season: (number) => t('details.season', { number }),
    episode: (number, name) => {
      const own = episodeOwnTitle(number, name)
      return own ? t('details.episode', { number, title: own }) : t('details.episodeNumber', { number })
    },
    duration: (seconds) => formatDuration(seconds, locale),
  }
}

/** How much of each episode the viewer has behind them (0..1), by episode id, for the cards' bars. */
export function episodesWatched(progress: readonly EpisodeProgress[] | undefined): Map<string, number> {
  return new Map((progress ?? []).map((kept) => [kept.episodeId, watchedFraction(kept)]))
}
