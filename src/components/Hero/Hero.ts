import { Lightning } from '@lightningjs/sdk'
import { colors, layout, lineLimit, typography, wrapping } from '../theme'
import { AccessBadge, type BadgeModel } from '../AccessBadge/AccessBadge'
import { posterTexture } from '../Poster/PosterTexture'
import { Button, fitButtonRow } from '../Button/Button'

/** One of the hero's buttons: its label, and what voice guidance says where the label reads badly aloud. */
export interface HeroAction {
  label: string
  announce?: string
}

export interface HeroModel {
  id: string
  title: string
  meta: string
  synopsis: string
  backdropUrl: string | null
  badge: BadgeModel | null
  /** Its buttons, left to right: the title's first action (Play, Resume, Subscribe…), then its details. */
  actions: HeroAction[]
}

interface HeroTemplateSpec extends Lightning.Component.TemplateSpec {
  Backdrop: Lightning.Element
  Title: Lightning.Element
  Meta: Lightning.Element
  Badge: typeof AccessBadge
  Synopsis: Lightning.Element
  Actions: Lightning.Element
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

/** The buttons' height: focused, they stay clear of the first rail's title (RAILS_TOP on Home). */
const BUTTON_H = 72
const BUTTON_ROW = { x: 0, gap: 24, maxWidth: 1000 } as const
const BUTTON_FITS = [{ minWidth: 300, paddingX: 40 }] as const

/**
 * The launch original up top: backdrop, title, badge and its buttons (Left/Right between them; the page decides what
 * OK does, by `focusedAction`).
 */
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
      Actions: { x: layout.safeX, y: 490 },
    }
  }

  private readonly Backdrop = this.getByRef('Backdrop')!
  private readonly Title = this.getByRef('Title')!
  private readonly Meta = this.getByRef('Meta')!
  private readonly Badge = this.getByRef('Badge')!
  private readonly Synopsis = this.getByRef('Synopsis')!
  private readonly Actions = this.getByRef('Actions')!
  private _model: HeroModel | null = null
  private _actionIndex = 0

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
    this.renderActions(model?.actions ?? [])
    if (model?.backdropUrl) this.Backdrop.patch({ texture: posterTexture(model.backdropUrl, BACKDROP_SHAPE), visible: true })
    else this.Backdrop.patch({ texture: null, visible: false })
  }

  /** Which button is focused: 0 the first. */
  get focusedAction(): number {
    return this._actionIndex
  }

  /** Voice guidance, on reaching the hero: what a sighted viewer reads on it before the focused button. */
  get announce(): string[] {
    const model = this._model
    return model ? [model.title, model.badge?.label ?? '', model.meta, model.synopsis] : []
  }

  private renderActions(actions: HeroAction[]): void {
    const labels = (this.Actions.children as Button[]).map((button) => button.label)
    // A refresh that changes nothing keeps the buttons (and their focus look) as they are.
    if (labels.length === actions.length && labels.every((label, index) => label === actions[index]!.label)) return
    this.Actions.children = actions.map((action) => ({ type: Button, h: BUTTON_H, label: action.label, announce: action.announce }))
    fitButtonRow(this.Actions.children as Button[], BUTTON_FITS, BUTTON_ROW)
    this._actionIndex = Math.min(this._actionIndex, Math.max(0, actions.length - 1))
    if (this.hasFocus()) this._refocus()
  }

  override _getFocused(): Lightning.Component | undefined {
    return (this.Actions.children[this._actionIndex] as Button | undefined) ?? undefined
  }

  override _handleLeft(): boolean {
    return this.moveFocus(-1)
  }

  override _handleRight(): boolean {
    return this.moveFocus(1)
  }

  private moveFocus(delta: number): boolean {
    const next = this._actionIndex + delta
    if (next < 0 || next >= this.Actions.children.length) return false
    this._actionIndex = next
    this._refocus()
    return true
  }
}
