/**
 * The canvas and the window. The scene is laid out at 1920×1080; the canvas draws it at the window's size (a
 * 720p TV browser, an Android TV WebView that reports 960×540 at two device pixels per CSS pixel, a desktop
 * window of any size), and CSS zoom shows canvas and video filling the window, centred, as the window changes.
 */
export const SCENE = { w: 1920, h: 1080 } as const

export interface WindowSize {
  /** CSS pixels. */
  width: number
  height: number
  /** Device pixels per CSS pixel. */
  pixelRatio: number
}

export interface StageSize {
  w: number
  h: number
  /** Canvas pixels per scene unit (Lightning's render precision). */
  precision: number
}

export interface Placement {
  /** CSS zoom of the canvas and the video. */
  zoom: number
  /** Offsets that centre them, in CSS pixels of the window. */
  left: number
  top: number
}

/** Below a third of 1080p text is unreadable anyway: the browser scales a canvas that size down instead. */
const MIN_PRECISION = 1 / 3

function scaleToFit(width: number, height: number): number {
  return Math.min(width / SCENE.w, height / SCENE.h)
}

function isUsable(view: WindowSize): boolean {
  return view.width > 0 && view.height > 0 && Number.isFinite(view.width) && Number.isFinite(view.height)
}

/**
 * The canvas for a window: the 16:9 scene fitted inside the window's device pixels, never above 1080p (a 4K
 * window draws 1080p and the browser scales it up, as TVs' GPUs are sized for). A window that reports no usable
 * size gets 1080p.
 */
export function stageForWindow(view: WindowSize): StageSize {
  if (!isUsable(view)) return { w: SCENE.w, h: SCENE.h, precision: 1 }
  const pixelRatio = view.pixelRatio > 0 ? view.pixelRatio : 1
  const precision = Math.min(1, Math.max(MIN_PRECISION, scaleToFit(view.width * pixelRatio, view.height * pixelRatio)))
  return { w: Math.round(SCENE.w * precision), h: Math.round(SCENE.h * precision), precision }
}

/** How a canvas of `canvas` pixels is shown as large as the window allows, centred. */
export function placementFor(canvas: { w: number; h: number }, view: WindowSize): Placement {
  if (!isUsable(view)) return { zoom: 1, left: 0, top: 0 }
  const scale = scaleToFit(view.width, view.height)
  const shownW = SCENE.w * scale
  const shownH = SCENE.h * scale
  return { zoom: shownW / canvas.w, left: (view.width - shownW) / 2, top: (view.height - shownH) / 2 }
}

export function readWindowSize(win: Window): WindowSize {
  return { width: win.innerWidth, height: win.innerHeight, pixelRatio: win.devicePixelRatio || 1 }
}

/**
 * Shows the app's canvas and the player's `<video>` (which the SDK sizes in canvas pixels) at the placement for
 * the window, now and on every resize. Zoom scales an element's margins with it, hence the offsets divided by it.
 */
export function fitToWindow(win: Window, canvas: { w: number; h: number }): void {
  const style = win.document.createElement('style')
  win.document.head.appendChild(style)
  const place = (): void => {
    const { zoom, left, top } = placementFor(canvas, readWindowSize(win))
    style.textContent = `body > canvas, body > video { zoom: ${zoom}; margin: ${top / zoom}px 0 0 ${left / zoom}px; }`
  }
  place()
  win.addEventListener('resize', place)
}
