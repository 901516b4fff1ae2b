import { Lightning } from '@lightningjs/sdk'
import type { Season } from '../../../server/contract'
import { colors, layout, lineLimit, motion, typography, wrapping } from '../theme'
import { episodeStyle } from './EpisodeList.styles'
import { layoutChips } from '../ChipRow/chip-layout'
import { initialSeasonIndex } from '../../domain/browse'
import { announce } from '../../a11y'

export interface EpisodeListLabels {
  season(number: number): string
  episode(number: number, title: string): string
  duration(seconds: number): string
}

interface EpisodeListTemplateSpec extends Lightning.Component.TemplateSpec {
  Seasons: Lightning.Element
  Episodes: Lightning.Element
}

function card(focused: boolean): { color: number; scale: number } {
  return { color: focused ? colors.accent : colors.surface, scale: focused ? 1.04 : 1 }
}

/**
 * A series' episodes: season chips on top (Left/Right picks the season), the
 * season's episodes below. Enter on an episode calls `onPlay`.
 */
export class EpisodeList
  extends Lightning.Component<EpisodeListTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<EpisodeListTemplateSpec>
{
  static override _template(): Lightning.Component.Template<EpisodeListTemplateSpec> {
    return {
      Seasons: {},
      Episodes: { y: episodeStyle.chipH + episodeStyle.rowGap },
    }
  }

  onPlay: (episodeId: string) => void = () => undefined
  private readonly Seasons = this.getByRef('Seasons')!
  private readonly Episodes = this.getByRef('Episodes')!
  private _seasons: readonly Season[] = []
  private _labels: EpisodeListLabels | null = null
  private _watched: ReadonlyMap<string, number> = new Map()
  private _season = 0
  private _episode = 0
  private _row: 'seasons' | 'episodes' = 'episodes'
  private _focused = false

  get seasonIndex(): number {
    return this._season
  }

  get episodeIndex(): number {
    return this._episode
  }

  /**
   * `opensAt`: the episode whose season and card the list opens on (where Down lands), else the first;
   * `watched`: how much of each episode the viewer started is behind them (0..1), by episode id.
   */
  show(seasons: readonly Season[], labels: EpisodeListLabels, place: { opensAt: string | null; watched: ReadonlyMap<string, number> }): void {
    this._seasons = seasons
    this._labels = labels
    this._watched = place.watched
    this._season = Math.max(0, initialSeasonIndex(seasons, place.opensAt))
    this._episode = Math.max(0, seasons[this._season]?.episodes.findIndex((episode) => episode.id === place.opensAt) ?? 0)
    this.Seasons.children = seasons.map((season) => ({
      h: episodeStyle.chipH,
      rect: true,
      color: colors.surface,
      shader: { type: Lightning.shaders.RoundedRectangle, radius: episodeStyle.chipH / 2 },
      Label: {
        x: episodeStyle.chipPaddingX,
        y: episodeStyle.chipH / 2,
        mountY: 0.5,
        text: { text: labels.season(season.number), ...typography.caption, textColor: colors.text, verticalAlign: 'middle' },
      },
    }))
    layoutChips(this.Seasons, 'Label', { paddingX: episodeStyle.chipPaddingX, gap: episodeStyle.chipGap })
    this.renderEpisodes()
  }

  private renderEpisodes(): void {
    const labels = this._labels
    const season = this._seasons[this._season]
    if (!labels || !season) return
    const innerW = episodeStyle.cardW - episodeStyle.cardPadding * 2
    this.Episodes.children = season.episodes.map((episode, index) => {
      const watched = Math.min(1, Math.max(0, this._watched.get(episode.id) ?? 0))
      return {
        x: index * (episodeStyle.cardW + episodeStyle.gap),
        w: episodeStyle.cardW,
        h: episodeStyle.cardH,
        rect: true,
        color: colors.surface,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: layout.radius },
        Title: {
          x: episodeStyle.cardPadding,
          y: 20,
          text: {
            text: labels.episode(episode.number, episode.title),
            ...typography.caption,
            ...wrapping,
            wordWrapWidth: innerW,
            ...lineLimit(2),
            textColor: colors.text,
          },
        },
        Duration: {
          x: episodeStyle.cardPadding,
          y: episodeStyle.cardH - 24,
          mountY: 1,
          text: { text: labels.duration(episode.durationSeconds), fontSize: 24, textColor: colors.textMuted },
        },
        // How much of the episode is behind the viewer, as on a Continue watching tile.
        Progress: {
          x: episodeStyle.cardPadding,
          y: episodeStyle.cardH - episodeStyle.progressBottom,
          w: innerW,
          h: episodeStyle.progressH,
          rect: true,
          color: episodeStyle.progressTrack,
          visible: watched > 0,
          Fill: { w: innerW * watched, h: episodeStyle.progressH, rect: true, color: colors.accent },
        },
      }
    })
    this.highlight()
  }

  private highlight(): void {
    this.Seasons.children.forEach((chip, index) => {
      const current = index === this._season
      chip.color = current ? (this._focused && this._row === 'seasons' ? colors.accent : 0xff3a3a4a) : colors.surface
      const label = chip.getByRef('Label')
      if (label?.text) label.text.textColor = current && this._focused && this._row === 'seasons' ? colors.textOnAccent : colors.text
    })
    const scroll = Math.max(0, this._episode - (episodeStyle.visible - 1))
    this.Episodes.setSmooth('x', -scroll * (episodeStyle.cardW + episodeStyle.gap), { duration: motion.focusDuration })
    this.Episodes.children.forEach((element, index) => {
      const focused = this._focused && this._row === 'episodes' && index === this._episode
      const look = card(focused)
      element.setSmooth('color', look.color, { duration: motion.focusDuration })
      element.setSmooth('scale', look.scale, { duration: motion.focusDuration })
      for (const ref of ['Title', 'Duration'] as const) {
        const text = element.getByRef(ref)?.text
        if (text) text.textColor = focused ? colors.textOnAccent : ref === 'Title' ? colors.text : colors.textMuted
      }
      // On the focused card's accent the fill would vanish: it takes the text's dark colour there.
      const fill = element.getByRef('Progress')?.getByRef('Fill')
      if (fill) fill.color = focused ? colors.textOnAccent : colors.accent
    })
  }

  /**
   * What voice guidance reads as the list gains focus: the season chip or the episode card in focus, not
   * every card on screen. Moves inside the list keep the focus path, so each move says its own (said()).
   */
  get announce(): string[] {
    const labels = this._labels
    const season = this._seasons[this._season]
    if (!labels || !season) return []
    if (this._row === 'seasons') return [labels.season(season.number)]
    const episode = season.episodes[this._episode]
    return episode ? [labels.episode(episode.number, episode.title), labels.duration(episode.durationSeconds)] : []
  }

  private said(): void {
    announce(...this.announce)
  }

  override _focus(): void {
    this._focused = true
    this.highlight()
  }

  override _unfocus(): void {
    this._focused = false
    this.highlight()
  }

  override _handleLeft(): boolean {
    if (this._row === 'seasons') {
      if (this._season === 0) return false
      this._season--
      this._episode = 0
      this.renderEpisodes()
      this.said()
      return true
    }
    if (this._episode === 0) return false
    this._episode--
    this.highlight()
    this.said()
    return true
  }

  override _handleRight(): boolean {
    if (this._row === 'seasons') {
      if (this._season >= this._seasons.length - 1) return false
      this._season++
      this._episode = 0
      this.renderEpisodes()
      this.said()
      return true
    }
    const count = this._seasons[this._season]?.episodes.length ?? 0
    if (this._episode >= count - 1) return false
    this._episode++
    this.highlight()
    this.said()
    return true
  }

  override _handleUp(): boolean {
    if (this._row === 'seasons' || this._seasons.length < 2) return false
    this._row = 'seasons'
    this.highlight()
    this.said()
    return true
  }

  override _handleDown(): boolean {
    if (this._row === 'episodes') return false
    this._row = 'episodes'
    this.highlight()
    this.said()
    return true
  }

  /** The remote's Play key on a card plays it, as OK does; on the season chips it is left to the page. */
  _handlePlay(): boolean {
    return this._row === 'episodes' && this._handleEnter()
  }

  _handlePlayPause(): boolean {
    return this._handlePlay()
  }

  override _handleEnter(): boolean {
    if (this._row === 'seasons') {
      this._row = 'episodes'
      this.highlight()
      this.said()
      return true
    }
    const episode = this._seasons[this._season]?.episodes[this._episode]
    if (!episode) return false
    this.onPlay(episode.id)
    return true
  }
}
