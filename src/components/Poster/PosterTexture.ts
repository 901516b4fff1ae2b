import { Lightning } from '@lightningjs/sdk'

type Loader = ReturnType<Lightning.textures.ImageTexture['_getSourceLoader']>
type LoadOptions = NonNullable<Parameters<Parameters<Loader>[0]>[1]>

/** How a picture is shown, drawn into its pixels once when it loads instead of by shaders and overlays every frame. */
export interface PosterShape {
  /** The size it is shown at. */
  w: number
  h: number
  /** Rounded corners. */
  radius?: number
  /** Cropped to fill w×h keeping the picture's right side, instead of stretched. */
  crop?: 'right'
  /** Fades into this colour (ARGB) over `left` pixels from the left edge and `bottom` pixels from the bottom edge. */
  fade?: { color: number; left: number; bottom: number }
}

/**
 * An image texture decoded by an <img> element on the main thread instead of
 * the image worker: the worker's createImageBitmap cannot decode SVG, which is
 * what the reference server's generated title cards are. Operators' JPEG/PNG
 * posters load the same way; a failed load reports an error the tile handles
 * (it keeps its title card).
 *
 * With a `shape`, the image is drawn once at its display size with its
 * rounded corners or fades, so it is shown as one plain quad: a rounded-
 * rectangle shader computes the corners for every pixel of every poster, and
 * a scrim is a second layer of pixels, in every frame of a scroll; frames are
 * fill-bound on a TV's GPU (and on the software GL of `npm run bench`).
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
    return shape && this.src ? `${this.src}#${JSON.stringify(shape)}` : (this.src ?? null)
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
      const rasterize = (): void => {
        const [w, h] = [image.naturalWidth, image.naturalHeight]
        if (typeof createImageBitmap !== 'function') return deliver(image, w, h)
        createImageBitmap(image).then(
          (bitmap) => deliver(bitmap, w, h),
          () => deliver(image, w, h),
        )
      }
      // A canvas of its own is the texture's source where no bitmap can be copied out of the shared one.
      const deliverOwnCanvas = (shape: PosterShape): void => {
        const canvas = drawShaped(image, shape, document.createElement('canvas'))
        if (canvas) deliver(canvas, canvas.width, canvas.height)
        else deliver(image, image.naturalWidth, image.naturalHeight)
      }
      image.onload = () => {
        if (!shape) return rasterize()
        if (typeof createImageBitmap !== 'function') return deliverOwnCanvas(shape)
        const shared = drawShaped(image, shape, sharedShapingCanvas())
        if (!shared) return rasterize()
        // The bitmap is a copy of the canvas's pixels at this call: the next poster may draw over it at once.
        createImageBitmap(shared).then(
          (bitmap) => deliver(bitmap, bitmap.width, bitmap.height),
          () => deliverOwnCanvas(shape),
        )
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

let shapingCanvas: HTMLCanvasElement | null = null

/**
 * One canvas shapes every poster: a new canvas and 2D context for each cost about a third of shaping it
 * (a CPU profile of 100 Home key presses at 4× throttling).
 */
function sharedShapingCanvas(): HTMLCanvasElement {
  shapingCanvas ??= document.createElement('canvas')
  return shapingCanvas
}

/** The image drawn in its shape into `canvas`; null where a 2D canvas is unavailable (then the plain image). */
function drawShaped(image: HTMLImageElement, { w, h, radius, crop, fade }: PosterShape, canvas: HTMLCanvasElement): HTMLCanvasElement | null {
  // A new size clears the canvas and its state; the same size keeps both, so they are reset by hand
  // (a poster with transparent parts would otherwise show the one before through them).
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w
    canvas.height = h
  }
  const context = canvas.getContext('2d')
  if (!context) return null
  context.setTransform(1, 0, 0, 1, 0, 0)
  context.clearRect(0, 0, w, h)
  context.save()
  if (radius) {
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
  }
  if (crop === 'right' && image.naturalWidth && image.naturalHeight) {
    const scale = Math.max(w / image.naturalWidth, h / image.naturalHeight)
    const [sw, sh] = [w / scale, h / scale]
    context.drawImage(image, image.naturalWidth - sw, (image.naturalHeight - sh) / 2, sw, sh, 0, 0, w, h)
  } else {
    context.drawImage(image, 0, 0, w, h)
  }
  if (fade) {
    const left = context.createLinearGradient(0, 0, fade.left, 0)
    left.addColorStop(0, cssColor(fade.color, 1))
    left.addColorStop(1, cssColor(fade.color, 0))
    context.fillStyle = left
    context.fillRect(0, 0, fade.left, h)
    const bottom = context.createLinearGradient(0, h - fade.bottom, 0, h)
    bottom.addColorStop(0, cssColor(fade.color, 0))
    bottom.addColorStop(1, cssColor(fade.color, 1))
    context.fillStyle = bottom
    context.fillRect(0, h - fade.bottom, w, fade.bottom)
  }
  context.restore()
  return canvas
}

function cssColor(argb: number, alpha: number): string {
  return `rgba(${(argb >>> 16) & 0xff}, ${(argb >>> 8) & 0xff}, ${argb & 0xff}, ${alpha})`
}

/** What to patch onto an element to show an image through PosterTexture; a `shape` cuts its corners at load. */
export function posterTexture(src: string, shape: PosterShape | null = null): { type: typeof PosterTexture; src: string; shape: PosterShape | null } {
  return { type: PosterTexture, src, shape }
}
