import { Lightning } from '@lightningjs/sdk'
import { badgeColors, badgeStyle, type BadgeTone } from './AccessBadge.styles'

export type { BadgeTone } from './AccessBadge.styles'

export interface BadgeModel {
  label: string
  tone: BadgeTone
}

interface AccessBadgeTemplateSpec extends Lightning.Component.TemplateSpec {
  badge: BadgeModel | null
  Background: Lightning.Element
  Label: Lightning.Element
}

/** "Free", "VIP", "Rent ¥8", "Rented · 41 h left": sized to its text. */
export class AccessBadge
  extends Lightning.Component<AccessBadgeTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<AccessBadgeTemplateSpec>
{
  static override _template(): Lightning.Component.Template<AccessBadgeTemplateSpec> {
    return {
      h: badgeStyle.height,
      visible: false,
      Background: {
        rect: true,
        h: badgeStyle.height,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: badgeStyle.radius },
      },
      Label: {
        x: badgeStyle.paddingX,
        y: badgeStyle.height / 2,
        mountY: 0.5,
        text: { text: '', fontSize: badgeStyle.fontSize, lineHeight: badgeStyle.height, verticalAlign: 'middle' },
      },
    }
  }

  private readonly Background = this.getByRef('Background')!
  private readonly Label = this.getByRef('Label')!
  private _badge: BadgeModel | null = null

  get badge(): BadgeModel | null {
    return this._badge
  }

  set badge(value: BadgeModel | null) {
    this._badge = value
    this.visible = value !== null
    if (!value) return
    const colors = badgeColors[value.tone]
    this.Background.color = colors.background
    this.Label.text = { text: value.label, textColor: colors.text }
    this.Label.loadTexture()
    this.w = this.Label.renderWidth + badgeStyle.paddingX * 2
    this.Background.w = this.w
  }
}
