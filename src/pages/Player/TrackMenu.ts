import { Lightning } from '@lightningjs/sdk'
import { currentLanguage, t, type MessageKey } from '../../i18n'
import { colors, layout, typography } from '../../components/theme'
import { formatPlaybackRate } from '../../domain/time'
import { PLAYBACK_RATES, SUBTITLE_SIZES, type PlaybackRate, type SubtitleSize, type Track, type TrackChoices } from '../../player'

interface TrackMenuTemplateSpec extends Lightning.Component.TemplateSpec {
  Background: Lightning.Element
  Columns: Lightning.Element
}

/** One choice in a column: a language, subtitles off, a size, a speed, a quality. */
interface Choice {
  /** Names the choice's element (`Choice-en`, `Choice-off`, `Choice-large`, `Choice-1_5`, `Choice-720p`, `Choice-auto`). */
  key: string
  label: string
  active: boolean
  pick(): void
}

interface Column {
  title: string
  choices: Choice[]
}

const ROW_H = 72
/** Five columns (with subtitles and more than one quality) fit inside the safe area: 1,712 of 1,728 px. */
const COLUMN_W = 320
const COLUMN_GAP = 16
const PADDING = 24
/** Where a column's choices start, under its title. */
const ITEMS_Y = 88

export function languageName(language: string, label: string | null): string {
  const key = `player.language.${language}`
  const known: readonly string[] = ['zh', 'en']
  return known.includes(language) ? t(key as MessageKey) : (label ?? language)
}

const SIZE_LABELS: Record<SubtitleSize, MessageKey> = {
  small: 'player.tracks.sizeSmall',
  standard: 'player.tracks.sizeStandard',
  large: 'player.tracks.sizeLarge',
}

/** The look of what opens over the video (this menu, the episodes): a dark, nearly opaque rounded panel. */
export function menuPanel() {
  return { rect: true, color: 0xe61b1b26, shader: { type: Lightning.shaders.RoundedRectangle, radius: layout.radius * 2 } }
}

/** The menu's width with `columns` columns (the page places it by its right edge). */
function trackMenuWidth(columns: number): number {
  return PADDING * 2 + columns * COLUMN_W + (columns - 1) * COLUMN_GAP
}

/**
 * The audio, subtitle, speed and picture choice: columns Audio, Subtitles (with
 * "Off"), when there are subtitles their Size, Speed, and where the play has
 * more than one rendition Quality (Auto, then each height); Up/Down within a column,
 * Left/Right between them, OK picks. The Player page applies the choice and
 * keeps the tracks and size for the viewer.
 */
export class TrackMenu
  extends Lightning.Component<TrackMenuTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<TrackMenuTemplateSpec>
{
  static override _template(): Lightning.Component.Template<TrackMenuTemplateSpec> {
    return {
      Background: menuPanel(),
      Columns: { x: PADDING },
    }
  }

  private readonly Background = this.getByRef('Background')!
  private readonly Columns = this.getByRef('Columns')!
  private columns: Column[] = []
  private column = 0
  private row = 0
  /** Called with the picked audio language, the subtitle language (null: off), the subtitle size or the speed. */
  onAudio: (language: string) => void = () => undefined
  onText: (language: string | null) => void = () => undefined
  onSubtitleSize: (size: SubtitleSize) => void = () => undefined
  onRate: (rate: PlaybackRate) => void = () => undefined
  /** A rendition height, or null for Auto. */
  onQuality: (height: number | null) => void = () => undefined

  /** Fills the columns from the player's choices and puts the focus on the active audio. */
  show(choices: TrackChoices): void {
    this.build(choices)
    this.moveTo(0)
  }

  /** Marks the new active choices after the player applied one; the focus stays where it was. */
  update(choices: TrackChoices): void {
    this.build(choices)
    this.column = Math.min(this.column, this.columns.length - 1)
    this.render()
  }

  /** The columns and the menu's size; drawn by the caller, once. */
  private build({ audio, text, subtitleSize, rate, quality }: TrackChoices): void {
    const languageChoice = (track: Track, pick: () => void): Choice => ({ key: track.language, label: languageName(track.language, track.label), active: track.active, pick })
    this.columns = [
      { title: t('player.tracks.audio'), choices: audio.map((track) => languageChoice(track, () => this.onAudio(track.language))) },
      {
        title: t('player.tracks.subtitles'),
        choices: [
          { key: 'off', label: t('player.tracks.off'), active: !text.some((track) => track.active), pick: () => this.onText(null) },
          ...text.map((track) => languageChoice(track, () => this.onText(track.language))),
        ],
      },
    ]
    // A size only means something where there are subtitles to draw.
    if (text.length > 0) {
      this.columns.push({
        title: t('player.tracks.size'),
        choices: SUBTITLE_SIZES.map((size) => ({ key: size, label: t(SIZE_LABELS[size]), active: size === subtitleSize, pick: () => this.onSubtitleSize(size) })),
      })
    }
    this.columns.push({
      title: t('player.tracks.speed'),
      choices: PLAYBACK_RATES.map((choice) => ({
        // No dot in a ref: Lightning reads one as a path.
        key: String(choice).replace('.', '_'),
        label: formatPlaybackRate(choice, currentLanguage()),
        active: choice === rate,
        pick: () => this.onRate(choice),
      })),
    })
    // Auto names the height showing, as the launch market's players do (自动 (720p)).
    if (quality.heights.length > 1) {
      const auto = quality.pinned === null
      const autoLabel = auto && quality.showing ? t('player.tracks.qualityAutoAt', { height: String(quality.showing) }) : t('player.tracks.qualityAuto')
      this.columns.push({
        title: t('player.tracks.quality'),
        choices: [
          { key: 'auto', label: autoLabel, active: auto, pick: () => this.onQuality(null) },
          ...quality.heights.map((height) => ({ key: `${height}p`, label: `${height}p`, active: height === quality.pinned, pick: () => this.onQuality(height) })),
        ],
      })
    }
    this.w = trackMenuWidth(this.columns.length)
    this.h = ITEMS_Y + Math.max(...this.columns.map((column) => column.choices.length)) * ROW_H + PADDING
    this.Background.w = this.w
    this.Background.h = this.h
  }

  private get choices(): Choice[] {
    return this.columns[this.column]?.choices ?? []
  }

  override _handleUp(): void {
    this.row = Math.max(0, this.row - 1)
    this.render()
  }

  override _handleDown(): void {
    this.row = Math.min(this.choices.length - 1, this.row + 1)
    this.render()
  }

  override _handleLeft(): void {
    if (this.column > 0) this.moveTo(this.column - 1)
  }

  override _handleRight(): void {
    if (this.column < this.columns.length - 1) this.moveTo(this.column + 1)
  }

  override _handleEnter(): void {
    this.choices[this.row]?.pick()
  }

  /** Onto a column, at its active choice. */
  private moveTo(column: number): void {
    this.column = column
    this.row = Math.max(0, this.choices.findIndex((c) => c.active))
    this.render()
  }

  private render(): void {
    this.Columns.children = this.columns.map((column, index) => ({
      x: index * (COLUMN_W + COLUMN_GAP),
      Title: { x: 16, y: 32, text: { text: column.title, ...typography.caption, textColor: colors.textMuted } },
      Items: { y: ITEMS_Y, children: this.renderChoices(column.choices, index === this.column) },
    }))
  }

  private renderChoices(choices: Choice[], focusedColumn: boolean): Lightning.Element.NewPatchTemplate[] {
    return choices.map((choice, index) => {
      const focused = focusedColumn && index === this.row
      return {
        ref: `Choice-${choice.key}`,
        y: index * ROW_H,
        w: COLUMN_W,
        h: ROW_H - 8,
        rect: true,
        color: focused ? colors.surfaceFocused : 0x00000000,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: layout.radius },
        Label: {
          x: 24,
          y: (ROW_H - 8) / 2 + 2,
          mountY: 0.5,
          text: {
            text: `${choice.active ? '✓ ' : '    '}${choice.label}`,
            ...typography.body,
            textColor: focused ? colors.textOnAccent : colors.text,
          },
        },
      }
    })
  }
}
