import { Lightning } from '@lightningjs/sdk'

type Loader = ReturnType<Lightning.textures.ImageTexture['_getSourceLoader']>
type LoadOptions = NonNullable<Parameters<Parameters<Loader>[0]>[1]>

/**
 * An image texture decoded by an <img> element on the main thread instead of
 * the image worker: the worker's createImageBitmap cannot decode SVG, which is
 * what the reference server's generated title cards are. Operators' JPEG/PNG
 * posters load the same way; a failed load reports an error the tile handles
 * (it keeps its title card).
 */
export class PosterTexture extends Lightning.textures.ImageTexture {
  protected override _getSourceLoader(): Loader {
    const src = this.src ?? ''
    return (callback) => {
      const image = new Image()
      image.crossOrigin = 'anonymous'
      const deliver = (source: HTMLImageElement | ImageBitmap): void => {
        // Core's typings list every load option as required; the renderer defaults all but these.
        const options: Partial<LoadOptions> = { source: source as HTMLImageElement, w: image.naturalWidth, h: image.naturalHeight, hasAlpha: true }
        callback(null, options as LoadOptions)
      }
      image.onload = () => {
        // Rasterize the image now, between frames, into a bitmap: uploading an <img> of an SVG rasterizes it
        // inside the frame's texture upload, which is what made key presses wait. Old engines upload the <img>.
        if (typeof createImageBitmap !== 'function') return deliver(image)
        createImageBitmap(image).then(deliver, () => deliver(image))
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

/** What to patch onto an element to show an image through PosterTexture. */
export function posterTexture(src: string): { type: typeof PosterTexture; src: string } {
  return { type: PosterTexture, src }
}
