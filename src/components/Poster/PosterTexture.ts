import { Lightning } from '@lightningjs/sdk'

type Loader = ReturnType<Lightning.textures.ImageTexture['_getSourceLoader']>
type LoadOptions = NonNullable<Parameters<Parameters<Loader>[0]>[1]>

/** The size a poster is shown at and its corner radius, cut into its pixels once when it loads. */
export interface PosterShape {
  w: number
  h: number
  radius: number
}

/**
 * An image texture decoded by an <img> element on the main thread instead of
 * the image worker: the worker's createImageBitmap cannot decode SVG, which is
 * what the reference server's generated title cards are. Operators' JPEG/PNG
 * posters load the same way; a failed load reports an error the tile handles
 * (it keeps its title card).
 *
 * With a `shape`, the image is drawn once at its display size with rounded
 * corners, so the tile shows it with Lightning's plain shader: a rounded-
 * rectangle shader would compute the corners for every pixel of every poster
 * in every frame of a scroll, and frames are fill-bound on a TV's GPU (and on
 * the software GL of `npm run bench`).
 */
export class PosterTexture extends Lightning.textures.ImageTexture {
  private _shape: PosterShape | null = null

  get shape(): PosterShape | null {
    return this._shape
  }

  set shape(shape: PosterShape | null) {
    this._shape = shape
    this._changed()
  }

  protected override _getLookupId(): string | null {
    const shape = this._shape
    return shape && this.src ? `${this.src}#${shape.w}x${shape.h}r${shape.radius}` : (this.src ?? null)
  }

  protected override _getSourceLoader(): Loader {
    const src = this.src ?? ''
    const shape = this._shape
    return (callback) => {
      const image = new Image()
      image.crossOrigin = 'anonymous'
      const deliver = (source: HTMLImageElement | HTMLCanvasElement | ImageBitmap, w: number, h: number): void => {
        // Core's typings list every load option as required; the renderer defaults all but these.
        const options: Partial<LoadOptions> = { source: source as HTMLImageElement, w, h, hasAlpha: true }
        callback(null, options as LoadOptions)
      }
      // Rasterized now, between frames, into a bitmap: uploading an <img> of an SVG rasterizes it inside the
      // frame's texture upload, which is what made key presses wait. Old engines upload the <img> or canvas.
      const rasterize = (source: HTMLImageElement | HTMLCanvasElement, w: number, h: number): void => {
        if (typeof createImageBitmap !== 'function') return deliver(source, w, h)
        createImageBitmap(source).then(
          (bitmap) => deliver(bitmap, w, h),
          () => deliver(source, w, h),
        )
      }
      image.onload = () => {
        const shaped = shape ? drawShaped(image, shape) : null
        if (shaped) rasterize(shaped, shaped.width, shaped.height)
        else rasterize(image, image.naturalWidth, image.naturalHeight)
      }
      image.onerror = () => callback(new Error(`Image load error ${src}`))
      image.src = src
      return () => {
        image.onload = null
        image.onerror = null
        image.src = ''
      }
    }
  }
}

/** The image at the shape's size with its corners cut; null where a 2D canvas is unavailable (then the plain image). */
function drawShaped(image: HTMLImageElement, { w, h, radius }: PosterShape): HTMLCanvasElement | null {
  const canvas = document.createElement('canvas')
  canvas.width = w
  canvas.height = h
  const context = canvas.getContext('2d')
  if (!context) return null
  const r = Math.min(radius, w / 2, h / 2)
  // arcTo rather than roundRect: TV engines predate roundRect.
  context.beginPath()
  context.moveTo(r, 0)
  context.arcTo(w, 0, w, h, r)
  context.arcTo(w, h, 0, h, r)
  context.arcTo(0, h, 0, 0, r)
  context.arcTo(0, 0, w, 0, r)
  context.closePath()
  context.clip()
  context.drawImage(image, 0, 0, w, h)
  return canvas
}

/** What to patch onto an element to show an image through PosterTexture; a `shape` cuts its corners at load. */
export function posterTexture(src: string, shape: PosterShape | null = null): { type: typeof PosterTexture; src: string; shape: PosterShape | null } {
  return { type: PosterTexture, src, shape }
}
