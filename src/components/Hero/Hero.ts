import { Lightning } from '@lightningjs/sdk'
import { colors, layout, lineLimit, motion, typography, wrapping } from '../theme'
import { AccessBadge, type BadgeModel } from '../AccessBadge/AccessBadge'
import { posterTexture } from '../Poster/PosterTexture'

export interface HeroModel {
  id: string
  title: string
  meta: string
  synopsis: string
  backdropUrl: string | null
  badge: BadgeModel | null
  /** The call to action on the focused hero, e.g. "Watch now" or "Details". */
  action: string
}

interface HeroTemplateSpec extends Lightning.Component.TemplateSpec {
  Backdrop: Lightning.Element
  Title: Lightning.Element
  Meta: Lightning.Element
  Badge: typeof AccessBadge
  Synopsis: Lightning.Element
  Action: { Label: Lightning.Element }
}

export const HERO_HEIGHT = 640
const BACKDROP_H = 720
/** Text sits on the page's background left of this; the picture shows right of it, fading in. */
const PICTURE_X = 760
const PICTURE_W = layout.screenW - PICTURE_X
/**
 * The backdrop (16:9, wider than the part shown) keeps its right side and fades into the page on its left and bottom
 * edges. Drawn into its pixels at load (PosterTexture), not by scrims laid over it: every pixel drawn is blended again
 * in each frame of a scroll, and frames are fill-bound on a TV's GPU (npm run bench).
 */
const BACKDROP_SHAPE = { w: PICTURE_W, h: BACKDROP_H, crop: 'right', fade: { color: colors.background, left: 640, bottom: 260 } } as const

/** The launch original up top: backdrop, title, badge and a call to action. */
export class Hero
  extends Lightning.Component<HeroTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<HeroTemplateSpec>
{
  static override _template(): Lightning.Component.Template<HeroTemplateSpec> {
    return {
      w: layout.screenW,
      h: HERO_HEIGHT,
      Backdrop: { x: PICTURE_X, w: PICTURE_W, h: BACKDROP_H, visible: false },
      // One line: the badge comes right under it (Details has room for two).
      Title: {
        x: layout.safeX,
        y: 150,
        text: { text: '', ...typography.display, ...wrapping, textColor: colors.text, wordWrapWidth: 1000, ...lineLimit(1) },
      },
      Meta: { x: layout.safeX, y: 330, text: { text: '', ...typography.caption, textColor: colors.textMuted } },
      Badge: { type: AccessBadge, x: layout.safeX, y: 280 },
      Synopsis: {
        x: layout.safeX,
        y: 380,
        text: { text: '', ...typography.body, ...wrapping, textColor: colors.text, wordWrapWidth: 900, ...lineLimit(2) },
      },
      // Its bottom, focused, stays clear of the first rail's title (RAILS_TOP on Home).
      Action: {
        x: layout.safeX,
        y: 490,
        w: 300,
        h: 72,
        rect: true,
        color: colors.surface,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: layout.radius },
        Label: { mount: 0.5, x: 150, y: 36, text: { text: '', ...typography.body, textColor: colors.text, verticalAlign: 'middle' } },
      },
    }
  }

  private readonly Backdrop = this.getByRef('Backdrop')!
  private readonly Title = this.getByRef('Title')!
  private readonly Meta = this.getByRef('Meta')!
  private readonly Badge = this.getByRef('Badge')!
  private readonly Synopsis = this.getByRef('Synopsis')!
  private readonly Action = this.getByRef('Action')!
  private readonly ActionLabel = this.Action.getByRef('Label')!
  private _model: HeroModel | null = null

  override _init(): void {
    // A backdrop that fails to load leaves the text on the page's background, never a white block.
    this.Backdrop.on('txError', () => this.Backdrop.patch({ texture: null, visible: false }))
  }

  get model(): HeroModel | null {
    return this._model
  }

  set model(model: HeroModel | null) {
    this._model = model
    this.Title.text = model?.title ?? ''
    this.Meta.text = model?.meta ?? ''
    this.Synopsis.text = model?.synopsis ?? ''
    this.Badge.badge = model?.badge ?? null
    this.ActionLabel.text = model?.action ?? ''
    if (model?.backdropUrl) this.Backdrop.patch({ texture: posterTexture(model.backdropUrl, BACKDROP_SHAPE), visible: true })
    else this.Backdrop.patch({ texture: null, visible: false })
  }

  override _focus(): void {
    this.Action.setSmooth('color', colors.accent, { duration: motion.focusDuration })
    this.ActionLabel.text!.textColor = colors.textOnAccent
  }

  override _unfocus(): void {
    this.Action.setSmooth('color', colors.surface, { duration: motion.focusDuration })
    this.ActionLabel.text!.textColor = colors.text
  }
}
