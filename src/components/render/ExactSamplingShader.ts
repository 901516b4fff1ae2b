import { Lightning } from '@lightningjs/sdk'
import { forEachDrawRun, samplingFor, type Sampling } from './sampling'

/** The parts of Lightning's quad batch and element core this shader reads; core's typings leave them out. */
interface QuadBatch {
  length: number
  /** Where this batch starts in the frame's quad buffer. */
  index: number
  getTexture(index: number): LightningGlTexture
  getTextureWidth(index: number): number
  getTextureHeight(index: number): number
  getElementCore(index: number): QuadCore
}

interface QuadCore {
  _w: number
  _h: number
  _ulx: number
  _uly: number
  _brx: number
  _bry: number
  _renderContext: { ta: number; tb: number; tc: number; td: number }
}

/** Lightning records a texture's parameters on the texture object; this keeps that record true. */
type LightningGlTexture = WebGLTexture & { params?: Record<number, number> }

/** What replacing the default shader touches: the render state's and the renderer's reference to it. */
interface DefaultShaderOwners {
  renderState: { defaultShader: unknown }
  renderer: { _defaultShader?: unknown }
}

const BYTES_PER_QUAD_INDICES = 6 * 2

/**
 * Lightning's default shader, drawing each texture that is shown one texel to one pixel with nearest sampling and
 * the rest (zoomed, rotated, stretched) bilinear (see `samplingFor`). The picture is the same; a software
 * rasterizer fills it faster, which is what shortens a frame on a TV emulator, a GPU-less box and `npm run bench`.
 */
export class ExactSamplingShader extends Lightning.shaders.WebGLDefaultShader {
  protected override draw(operation: Parameters<Lightning.shaders.WebGLDefaultShader['draw']>[0]): void {
    const batch = operation as unknown as QuadBatch
    const gl = this.gl
    const precision = this.ctx.stage.getRenderPrecision()
    forEachDrawRun(
      batch.length,
      (i) => batch.getTexture(i),
      (i) => sampling(batch, i, precision),
      (texture, want, first, count) => {
        gl.bindTexture(gl.TEXTURE_2D, texture)
        applySampling(gl, texture, want)
        gl.drawElements(gl.TRIANGLES, 6 * count, gl.UNSIGNED_SHORT, (batch.index + first) * BYTES_PER_QUAD_INDICES)
      },
    )
  }
}

function sampling(batch: QuadBatch, index: number, precision: number): Sampling {
  const core = batch.getElementCore(index)
  const { ta, tb, tc, td } = core._renderContext
  return samplingFor(
    {
      w: core._w,
      h: core._h,
      ta,
      tb,
      tc,
      td,
      ulx: core._ulx,
      uly: core._uly,
      brx: core._brx,
      bry: core._bry,
      textureW: batch.getTextureWidth(index),
      textureH: batch.getTextureHeight(index),
    },
    precision,
  )
}

/** Sets the bound texture's filter only when it changes: a texture drawn unzoomed frame after frame is set once. */
function applySampling(gl: WebGLRenderingContext, texture: LightningGlTexture, want: Sampling): void {
  const filter = want === 'nearest' ? gl.NEAREST : gl.LINEAR
  const params = texture.params ?? (texture.params = {})
  // Lightning uploads every texture bilinear unless told otherwise.
  if ((params[gl.TEXTURE_MAG_FILTER] ?? gl.LINEAR) === filter) return
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, filter)
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, filter)
  params[gl.TEXTURE_MAG_FILTER] = filter
  params[gl.TEXTURE_MIN_FILTER] = filter
}

/**
 * Makes the exact-sampling shader the stage's default: every element without a shader of its own draws with it.
 * Called before the first frame; the canvas renderer (no WebGL) keeps its own.
 */
export function useExactSampling(stage: Lightning.Stage): void {
  if (!stage.isWebgl()) return
  const shader = new ExactSamplingShader(stage.ctx)
  const owners = { renderState: stage.ctx.renderState, renderer: stage.renderer } as unknown as DefaultShaderOwners
  owners.renderState.defaultShader = shader
  owners.renderer._defaultShader = shader
}
