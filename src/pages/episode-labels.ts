import type { EpisodeListLabels } from '../components/EpisodeList/EpisodeList'
import { episodeOwnTitle } from '../domain/browse'
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
