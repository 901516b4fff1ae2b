import { Lightning } from '@lightningjs/sdk'
import { colors, HOLD_MS, lineLimit, motion, wrapping } from '../theme'
import { AccessBadge, type BadgeModel } from '../AccessBadge/AccessBadge'
import { tileStyle } from './Tile.styles'
import { posterTexture } from '../Poster/PosterTexture'

/** Lightning loads no texture for an element at alpha 0: the poster waits nearly transparent, then fades in. */
const IMAGE_LOADING_ALPHA = 0.001
const POSTER_FADE_S = 0.2
const POSTER_SHAPE = { w: tileStyle.width, h: tileStyle.height, radius: tileStyle.radius }

/** What a tile shows; pages build it from the API item and the domain's badge. */
export interface TileModel {
  id: string
  title: string
  posterUrl: string | null
  badge: BadgeModel | null
  /** 0..1 watched, for Continue watching. */
  progress?: number
  /** The series' episode to go on with, for Continue watching: labelled at the poster's foot ("S1:E4"), said in words. */
  episode?: { code: string; spoken: string }
}

interface TileTemplateSpec extends Lightning.Component.TemplateSpec {
  Poster: {
    Placeholder: Lightning.Element
    PlaceholderTitle: Lightning.Element
    Image: Lightning.Element
    Badge: typeof AccessBadge
    Episode: typeof AccessBadge
    Progress: { Fill: Lightning.Element }
  }
  Border: Lightning.Element
  Title: Lightning.Element
}

/**
 * A poster with its access badge. With no model it is a skeleton (loading);
 * with no poster, or one that fails to load, it shows a title card instead.
 */
export class Tile
  extends Lightning.Component<TileTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<TileTemplateSpec>
{
  static override _template(): Lightning.Component.Template<TileTemplateSpec> {
    const { width: w, height: h, radius } = tileStyle
    return {
      w,
      h,
      Border: {
        x: -tileStyle.focusBorder,
        y: -tileStyle.focusBorder,
        w: w + tileStyle.focusBorder * 2,
        h: h + tileStyle.focusBorder * 2,
        rect: true,
        color: colors.accent,
        alpha: 0,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: radius + tileStyle.focusBorder },
      },
      Poster: {
        w,
        h,
        Placeholder: {
          w,
          h,
          rect: true,
          shader: { type: Lightning.shaders.RoundedRectangle, radius },
          colorTop: tileStyle.placeholderColors[0],
          colorBottom: tileStyle.placeholderColors[1],
        },
        PlaceholderTitle: {
          x: 20,
          y: h / 2,
          mountY: 0.5,
          text: { text: '', ...wrapping, fontSize: 30, lineHeight: 40, wordWrapWidth: w - 40, ...lineLimit(4), textAlign: 'center', textColor: colors.text },
        },
        // Its corners are cut into the poster's pixels when it loads (PosterTexture), not by a shader every frame.
        Image: { w, h, alpha: IMAGE_LOADING_ALPHA },
        Badge: { type: AccessBadge, x: 12, y: 12 },
        Episode: { type: AccessBadge, x: 12, y: h - tileStyle.progressH - 12, mountY: 1 },
        Progress: {
          y: h - tileStyle.progressH,
          w,
          h: tileStyle.progressH,
          rect: true,
          color: 0x99000000,
          visible: false,
          Fill: { h: tileStyle.progressH, rect: true, color: colors.accent },
        },
      },
      Title: {
        y: h + tileStyle.titleGap,
        text: {
          text: '',
          ...wrapping,
          fontSize: tileStyle.titleFontSize,
          wordWrapWidth: w,
          ...lineLimit(1),
          // White text tinted by the element's colour: focus changes the tint, never re-renders the text.
          textColor: 0xffffffff,
        },
        color: colors.textMuted,
      },
    }
  }

  private readonly Poster = this.getByRef('Poster')!
  private readonly Image = this.Poster.getByRef('Image')!
  private readonly Placeholder = this.Poster.getByRef('Placeholder')!
  private readonly PlaceholderTitle = this.Poster.getByRef('PlaceholderTitle')!
  private readonly Badge = this.Poster.getByRef('Badge')!
  private readonly Episode = this.Poster.getByRef('Episode')!
  private readonly Progress = this.Poster.getByRef('Progress')!
  private readonly Border = this.getByRef('Border')!
  private readonly Title = this.getByRef('Title')!
  private _model: TileModel | null = null
  /** Lightning's long-press timer for the focused tile: OK held this long is `_handleEnterLong` (a rail may offer options). */
  readonly longpress = { enter: HOLD_MS }

  override _init(): void {
    // A poster that fails to load shows the title card: never an empty hole.
    this.Image.on('txError', () => {
      this.Image.alpha = 0
      this.Placeholder.visible = true
      this.PlaceholderTitle.visible = true
    })
    this.Image.on('txLoaded', () => this.Image.setSmooth('alpha', 1))
    // Once the poster has faded in, the card under it is hidden: drawn, it is a second rounded quad per tile
    // blended every frame of a scroll (npm run bench: frames are fill-bound on a software or TV GPU).
    this.Image.transition('alpha', { duration: POSTER_FADE_S })
    this.Image.transition('alpha').on('finish', () => {
      if (this.Image.alpha === 1) this.Placeholder.visible = false
    })
  }

  get model(): TileModel | null {
    return this._model
  }

  /** Setting null turns the tile into a loading skeleton. */
  set model(model: TileModel | null) {
    const same = model && this._model && model.id === this._model.id && model.badge?.label === this._model.badge?.label
    if (same && model.title === this._model?.title && model.episode?.code === this._model?.episode?.code && model.progress === this._model?.progress) return
    this._model = model
    const skeleton = model === null
    this.Placeholder.patch(
      skeleton
        ? { colorTop: tileStyle.skeletonColor, colorBottom: tileStyle.skeletonColor }
        : { colorTop: tileStyle.placeholderColors[0], colorBottom: tileStyle.placeholderColors[1] },
    )
    this.PlaceholderTitle.text = model?.title ?? ''
    // The title card is drawn only without a poster: under a poster it would cost a text texture per tile.
    this.PlaceholderTitle.visible = !model?.posterUrl
    this.Placeholder.visible = true
    this.Title.text = model?.title ?? ''
    this.Badge.badge = model?.badge ?? null
    this.Episode.badge = model?.episode ? { label: model.episode.code, tone: 'neutral' } : null
    // A fade still running for the last poster would finish over this one and hide the card before it loads.
    this.Image.transition('alpha').stop()
    this.Image.alpha = IMAGE_LOADING_ALPHA
    // Cleared first: replaced directly, the old poster's texture stayed counted as in use and was never freed.
    this.Image.texture = null
    if (model?.posterUrl) this.Image.texture = posterTexture(model.posterUrl, POSTER_SHAPE)
    const progress = model?.progress
    this.Progress.visible = typeof progress === 'number' && progress > 0
    this.Progress.getByRef('Fill')!.w = tileStyle.width * Math.min(1, Math.max(0, progress ?? 0))
  }

  /**
   * What voice guidance says: what the tile shows, with its episode in words ("Season 1, Episode 4"); nothing
   * declared for other tiles, which are read from their texts.
   */
  get announce(): string[] {
    const model = this._model
    return model?.episode ? [model.badge?.label ?? '', model.episode.spoken, model.title] : []
  }

  override _focus(): void {
    this.setSmooth('scale', tileStyle.focusScale, { duration: motion.focusDuration })
    this.Border.setSmooth('alpha', 1, { duration: motion.focusDuration })
    this.Title.color = colors.text
  }

  override _unfocus(): void {
    this.setSmooth('scale', 1, { duration: motion.focusDuration })
    this.Border.setSmooth('alpha', 0, { duration: motion.focusDuration })
    this.Title.color = colors.textMuted
  }
}
