import { Lightning } from '@lightningjs/sdk'
import { t, type MessageKey } from '../../i18n'
import { colors, layout, typography } from '../../components/theme'
import type { Track } from '../../player'

interface TrackMenuTemplateSpec extends Lightning.Component.TemplateSpec {
  Background: Lightning.Element
  AudioTitle: Lightning.Element
  TextTitle: Lightning.Element
  AudioItems: Lightning.Element
  TextItems: Lightning.Element
}

/** One choice in a column: a language, or subtitles off (language null). */
interface Choice {
  language: string | null
  label: string
  active: boolean
}

const ROW_H = 72
const COLUMN_W = 340

export function languageName(language: string, label: string | null): string {
  const key = `player.language.${language}`
  const known: readonly string[] = ['zh', 'en']
  return known.includes(language) ? t(key as MessageKey) : (label ?? language)
}

/**
 * The audio and subtitle choice: two columns (Audio, Subtitles with "Off"),
 * Up/Down within a column, Left/Right between them, OK picks. The Player page
 * applies the choice and keeps it for the viewer.
 */
export class TrackMenu
  extends Lightning.Component<TrackMenuTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<TrackMenuTemplateSpec>
{
  static override _template(): Lightning.Component.Template<TrackMenuTemplateSpec> {
    return {
      w: COLUMN_W * 2 + 96,
      h: 420,
      Background: {
        w: COLUMN_W * 2 + 96,
        h: 420,
        rect: true,
        color: 0xe61b1b26,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: layout.radius * 2 },
      },
      AudioTitle: { x: 40, y: 32, text: { text: '', ...typography.caption, textColor: colors.textMuted } },
      TextTitle: { x: 56 + COLUMN_W, y: 32, text: { text: '', ...typography.caption, textColor: colors.textMuted } },
      AudioItems: { x: 24, y: 88 },
      TextItems: { x: 40 + COLUMN_W, y: 88 },
    }
  }

  private readonly AudioTitle = this.getByRef('AudioTitle')!
  private readonly TextTitle = this.getByRef('TextTitle')!
  private readonly AudioItems = this.getByRef('AudioItems')!
  private readonly TextItems = this.getByRef('TextItems')!
  private audioChoices: Choice[] = []
  private textChoices: Choice[] = []
  private column: 0 | 1 = 0
  private row = 0
  /** Called with the picked audio language, or the subtitle language (null: off). */
  onAudio: (language: string) => void = () => undefined
  onText: (language: string | null) => void = () => undefined

  /** Fills the columns from the player's tracks and puts the focus on the active audio. */
  show(audioTracks: Track[], textTracks: Track[]): void {
    this.AudioTitle.text = t('player.tracks.audio')
    this.TextTitle.text = t('player.tracks.subtitles')
    this.audioChoices = audioTracks.map((track) => ({ language: track.language, label: languageName(track.language, track.label), active: track.active }))
    this.textChoices = [
      { language: null, label: t('player.tracks.off'), active: !textTracks.some((track) => track.active) },
      ...textTracks.map((track) => ({ language: track.language, label: languageName(track.language, track.label), active: track.active })),
    ]
    this.column = 0
    this.row = Math.max(0, this.audioChoices.findIndex((c) => c.active))
    this.render()
  }

  /** Marks the new active choices after the player applied one. */
  update(audioTracks: Track[], textTracks: Track[]): void {
    const column = this.column
    const row = this.row
    this.show(audioTracks, textTracks)
    this.column = column
    this.row = row
    this.render()
  }

  private get choices(): Choice[] {
    return this.column === 0 ? this.audioChoices : this.textChoices
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
    this.moveTo(0)
  }

  override _handleRight(): void {
    this.moveTo(1)
  }

  override _handleEnter(): void {
    const choice = this.choices[this.row]
    if (!choice) return
    if (this.column === 0 && choice.language) this.onAudio(choice.language)
    if (this.column === 1) this.onText(choice.language)
  }

  private moveTo(column: 0 | 1): void {
    if (this.column === column) return
    this.column = column
    this.row = Math.max(0, this.choices.findIndex((c) => c.active))
    this.render()
  }

  private render(): void {
    this.renderColumn(this.AudioItems, this.audioChoices, this.column === 0)
    this.renderColumn(this.TextItems, this.textChoices, this.column === 1)
  }

  private renderColumn(list: Lightning.Element, choices: Choice[], focusedColumn: boolean): void {
    list.children = choices.map((choice, index) => {
      const focused = focusedColumn && index === this.row
      return {
        ref: `Choice-${choice.language ?? 'off'}`,
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
