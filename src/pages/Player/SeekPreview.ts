import { Lightning } from '@lightningjs/sdk'
import { colors, layout, typography } from '../../components/theme'
import { formatClock } from '../../domain/time'
import type { Thumbnail } from '../../player'

const PICTURE_W = 320
const PICTURE_H = 180
const BORDER = 6
const TIME_H = 48
export const SEEK_PREVIEW_W = PICTURE_W + BORDER * 2
export const SEEK_PREVIEW_H = PICTURE_H + BORDER * 2 + TIME_H

interface SeekPreviewTemplateSpec extends Lightning.Component.TemplateSpec {
  Frame: Lightning.Element
  Picture: Lightning.Element
  Time: Lightning.Element
}

/**
 * Over the progress bar while the viewer seeks: the picture at the time the
 * seek goes to (a tile of the play's sprite sheet, where its manifest has one)
 * and that time under it; without a picture, the time alone. The picture
 * stands in for the video until the video itself reaches that point.
 */
export class SeekPreview
  extends Lightning.Component<SeekPreviewTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<SeekPreviewTemplateSpec>
{
  static override _template(): Lightning.Component.Template<SeekPreviewTemplateSpec> {
    return {
      w: SEEK_PREVIEW_W,
      h: SEEK_PREVIEW_H,
      // The time's box alone until a picture comes (showPicture).
      Frame: {
        y: SEEK_PREVIEW_H - TIME_H - BORDER,
        w: SEEK_PREVIEW_W,
        h: TIME_H + BORDER,
        rect: true,
        color: colors.surface,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: layout.radius },
      },
      Picture: { x: BORDER, y: BORDER, w: PICTURE_W, h: PICTURE_H, visible: false },
      Time: {
        x: SEEK_PREVIEW_W / 2,
        y: SEEK_PREVIEW_H - TIME_H / 2 + 2,
        mount: 0.5,
        text: { text: '', ...typography.body, textColor: colors.text },
      },
    }
  }

  private readonly Frame = this.getByRef('Frame')!
  private readonly Picture = this.getByRef('Picture')!
  private readonly Time = this.getByRef('Time')!
  /** When the last seek's time was shown. */
  private timeAt = 0
  /** The sheet is loading for the picture asked. */
  private pictureLoading = false
  /** When the sheet last came in (0 before). */
  private pictureAt = 0

  override _init(): void {
    this.Picture.on('txLoaded', () => {
      if (!this.pictureLoading) return
      this.pictureLoading = false
      this.pictureAt = Date.now()
    })
    // A sheet that cannot be had leaves the time alone, never an empty frame.
    this.Picture.on('txError', () => this.showPicture(null))
  }

  /** The time sought to, at once; its picture follows with `showPicture`. */
  showTime(seconds: number): void {
    this.Time.text = formatClock(seconds)
    this.timeAt = Date.now()
  }

  /**
   * Whether what it shows has been up `shownMs`: since the last seek's time, or since the sheet came in when that
   * was later (so a slow sheet's picture is seen). A sheet still loading holds it up to `pictureWaitMs` after the seek.
   */
  hasShown(shownMs: number, pictureWaitMs: number, now = Date.now()): boolean {
    if (this.pictureLoading && now - this.timeAt < pictureWaitMs) return false
    return now - Math.max(this.timeAt, this.pictureAt) > shownMs
  }

  /** The tile of the sheet for the time shown; null (the play has none) leaves the time alone in its frame. */
  showPicture(thumbnail: Thumbnail | null): void {
    this.Picture.visible = thumbnail !== null
    this.Frame.h = thumbnail ? SEEK_PREVIEW_H : TIME_H + BORDER
    this.Frame.y = thumbnail ? 0 : SEEK_PREVIEW_H - TIME_H - BORDER
    if (!thumbnail) {
      this.pictureLoading = false
      return
    }
    // The sheet is one image: moving from tile to tile only moves the clipping, nothing is loaded again.
    if (this.Picture.src !== thumbnail.url) {
      this.pictureLoading = true
      this.Picture.src = thumbnail.url
    }
    this.Picture.texture?.enableClipping(thumbnail.x, thumbnail.y, thumbnail.width, thumbnail.height)
  }
}
