import { Lightning } from '@lightningjs/sdk'
import { t } from '../../i18n'
import { colors, layout, lineLimit, typography, wrapping } from '../../components/theme'

interface WatchingInfoTemplateSpec extends Lightning.Component.TemplateSpec {
  Kicker: Lightning.Element
  Title: Lightning.Element
  Episode: Lightning.Element
  Synopsis: Lightning.Element
}

export interface WatchedTitle {
  title: string
  /** "Season 1 · Episode 2 · Wind Shear", or empty for a film. */
  episode: string
  synopsis: string
}

const TEXT_W = 1100
const TOP = 300

/**
 * What is on, over the picture dimmed: shown when a play has stood paused a
 * while with no key pressed (the viewer left the room), so whoever comes back
 * sees what they were watching and the panel is spared a still picture, and
 * when the viewer presses Info.
 */
export class WatchingInfo
  extends Lightning.Component<WatchingInfoTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<WatchingInfoTemplateSpec>
{
  static override _template(): Lightning.Component.Template<WatchingInfoTemplateSpec> {
    return {
      w: layout.screenW,
      h: layout.screenH,
      rect: true,
      color: 0xcc000000,
      Kicker: { x: layout.safeX, y: TOP, text: { text: '', ...typography.caption, textColor: colors.accent } },
      Title: { x: layout.safeX, y: TOP + 48, text: { text: '', ...typography.display, ...wrapping, textColor: colors.text, wordWrapWidth: TEXT_W, ...lineLimit(2) } },
      Episode: { x: layout.safeX, text: { text: '', ...typography.body, ...wrapping, textColor: colors.textMuted, wordWrapWidth: TEXT_W, ...lineLimit(1) } },
      Synopsis: { x: layout.safeX, text: { text: '', ...typography.body, ...wrapping, textColor: colors.text, wordWrapWidth: TEXT_W, ...lineLimit(3) } },
    }
  }

  private readonly Kicker = this.getByRef('Kicker')!
  private readonly Title = this.getByRef('Title')!
  private readonly Episode = this.getByRef('Episode')!
  private readonly Synopsis = this.getByRef('Synopsis')!

  show(watched: WatchedTitle): void {
    this.Kicker.text = t('player.youAreWatching')
    this.Title.text = watched.title
    this.Episode.text = watched.episode
    this.Synopsis.text = watched.synopsis
    // Stacked under a title of one line or two.
    this.Title.loadTexture()
    this.Episode.y = this.Title.y + this.Title.renderHeight + 8
    this.Synopsis.y = this.Episode.y + (watched.episode ? typography.body.lineHeight + 16 : 0)
    this.visible = true
  }
}
