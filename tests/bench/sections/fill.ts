// Fill: what one frame's GL work costs Chromium's WebGL here (SwiftShader, no GPU), the ground under the key-to-frame
// figures. A page outside the app draws a screen of poster-sized textured quads shown one texel to one pixel,
// bilinear and nearest (what src/components/render draws unzoomed quads with), and many small draw calls, each beside
// a frame that only clears; every frame is read back (one pixel) so its time is the GPU process's, not the queue's.
import { launchBrowser } from '../../e2e/support/browser'
import { median, roundMs } from '../support/chromium'
import type { BenchSection, Figure } from '../types'

const ROUNDS = 4
const FRAMES = 20
const WARM_UP_FRAMES = 5

interface FillCase {
  /** Quads laid out in a grid of `tileW`×`tileH` pixels, each with its own texture of that size. */
  quads: number
  tileW: number
  tileH: number
  nearest: boolean
}

const PAGE = `<!doctype html><html><body style="margin:0;background:#000">
<canvas id="c" width="1920" height="1080" style="display:block"></canvas>
<script>
const gl = document.getElementById('c').getContext('webgl', { alpha: true, antialias: false, premultipliedAlpha: true, preserveDrawingBuffer: false })
const compile = (type, source) => { const s = gl.createShader(type); gl.shaderSource(s, source); gl.compileShader(s); return s }
const program = gl.createProgram()
gl.attachShader(program, compile(gl.VERTEX_SHADER, 'attribute vec2 p; attribute vec2 t; varying vec2 vt; void main() { vt = t; gl_Position = vec4(p, 0., 1.); }'))
gl.attachShader(program, compile(gl.FRAGMENT_SHADER, 'precision lowp float; varying vec2 vt; uniform sampler2D s; void main() { gl_FragColor = texture2D(s, vt); }'))
gl.linkProgram(program)
gl.useProgram(program)
gl.bindBuffer(gl.ARRAY_BUFFER, gl.createBuffer())
const position = gl.getAttribLocation(program, 'p'), texel = gl.getAttribLocation(program, 't')
gl.enableVertexAttribArray(position); gl.enableVertexAttribArray(texel)
gl.vertexAttribPointer(position, 2, gl.FLOAT, false, 16, 0); gl.vertexAttribPointer(texel, 2, gl.FLOAT, false, 16, 8)
gl.enable(gl.BLEND); gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA)
const pixel = new Uint8Array(4)
window.frameMs = ({ quads, tileW, tileH, nearest }, frames, warmUp) => {
  const textures = [], vertices = []
  const perRow = Math.floor(1920 / tileW)
  for (let i = 0; i < quads; i++) {
    const canvas = document.createElement('canvas'); canvas.width = tileW; canvas.height = tileH
    const c2d = canvas.getContext('2d'); c2d.fillStyle = 'hsl(' + (i * 37) % 360 + ', 60%, 50%)'; c2d.fillRect(0, 0, tileW, tileH)
    c2d.fillStyle = '#fff'; c2d.fillRect(tileW / 4, tileH / 4, tileW / 2, 2)
    const texture = gl.createTexture(); gl.bindTexture(gl.TEXTURE_2D, texture)
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, canvas)
    const filter = nearest ? gl.NEAREST : gl.LINEAR
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, filter); gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, filter)
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE); gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE)
    textures.push(texture)
    const x0 = (i % perRow) * tileW / 960 - 1, y0 = 1 - Math.floor(i / perRow) * tileH / 540
    const x1 = x0 + tileW / 960, y1 = y0 - tileH / 540
    vertices.push(x0, y0, 0, 0, x1, y0, 1, 0, x0, y1, 0, 1, x0, y1, 0, 1, x1, y0, 1, 0, x1, y1, 1, 1)
  }
  gl.bufferData(gl.ARRAY_BUFFER, new Float32Array(vertices), gl.STATIC_DRAW)
  const times = []
  for (let frame = 0; frame < warmUp + frames; frame++) {
    const start = performance.now()
    gl.clearColor(0.04, 0.04, 0.07, 1); gl.clear(gl.COLOR_BUFFER_BIT)
    for (let i = 0; i < quads; i++) { gl.bindTexture(gl.TEXTURE_2D, textures[i]); gl.drawArrays(gl.TRIANGLES, i * 6, 6) }
    gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel)
    if (frame >= warmUp) times.push(performance.now() - start)
  }
  for (const texture of textures) gl.deleteTexture(texture)
  return times
}
</script></body></html>`

/** Poster-sized quads (240×360, the tile) filling 8 columns by 3 rows: 1.0 screen of pixels. */
const SCREEN_OF_POSTERS = { quads: 24, tileW: 240, tileH: 360 }

export const fillSection: BenchSection = {
  name: 'fill',
  title: 'Software GL fill (Chromium WebGL on SwiftShader)',
  async run(ctx) {
    const launched = await launchBrowser()
    try {
      const page = await launched.context.newPage()
      await page.setContent(PAGE)
      const cases: FillCase[] = [
        { quads: 0, tileW: 1, tileH: 1, nearest: false },
        { ...SCREEN_OF_POSTERS, nearest: false },
        { ...SCREEN_OF_POSTERS, nearest: true },
        { quads: 200, tileW: 8, tileH: 8, nearest: false },
      ]
      // Rounds of every case in turn, so a busy moment of the machine lands on all of them alike.
      const times: number[][] = cases.map(() => [])
      for (let round = 0; round < ROUNDS; round++) {
        ctx.log(`fill: round ${round + 1}/${ROUNDS}: clear, a screen of posters bilinear and nearest, 200 small draw calls`)
        for (const [index, fill] of cases.entries()) {
          times[index]!.push(...((await page.evaluate(`window.frameMs(${JSON.stringify(fill)}, ${FRAMES}, ${WARM_UP_FRAMES})`)) as number[]))
        }
      }
      const [clear, bilinear, nearest, smallDraws] = times.map((caseTimes) => roundMs(median(caseTimes))) as [number, number, number, number]
      const cleared = { name: 'a frame that only clears', value: clear }
      const figures: Figure[] = [
        { name: 'a screen of posters, bilinear', value: bilinear, unit: 'ms', better: 'lower', baseline: cleared, note: '24 quads of 240×360, each its own texture, one texel to one pixel (Lightning’s default filter)' },
        {
          name: 'a screen of posters, nearest',
          value: nearest,
          unit: 'ms',
          better: 'lower',
          baseline: { name: 'the same, bilinear', value: bilinear },
          note: 'what the app’s default shader draws unzoomed quads with (src/components/render)',
        },
        { name: '200 draw calls of 8×8 quads', value: smallDraws, unit: 'ms', better: 'lower', baseline: cleared, note: 'the cost of a draw call and texture switch, without the pixels' },
      ]
      return {
        figures,
        method: `Debian Chromium headless (the e2e launcher: WebGL through SwiftShader), a 1920×1080 WebGL canvas in a page of its own; each frame cleared, drawn and read back (readPixels of one pixel), median of ${ROUNDS * FRAMES} frames per case, in ${ROUNDS} rounds of every case in turn (${FRAMES} frames after ${WARM_UP_FRAMES})`,
      }
    } finally {
      await launched.close()
    }
  },
}
