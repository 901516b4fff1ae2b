import type shakaNamespace from 'shaka-player'
import { APP_VERSION, BUNDLE_FLAVOUR } from '../version'
import { whenIdle } from '../platform/idle'
import { preload } from '../platform/preload'

/**
 * Shaka (more than half of the bundle) is its own file, fetched and
 * evaluated when the player first needs it or, sooner, once the app is idle
 * after start: Home never plays, so its start does not pay for Shaka.
 * rollup.config.js writes `shaka.modern.js` (Shaka's ES2021 build) and
 * `shaka.legacy.js` (its ES5 build) beside the bundles.
 */

export type Shaka = typeof shakaNamespace

interface ShakaWindow {
  shaka?: Shaka
}

let loading: Promise<Shaka> | null = null

/** Shaka's file for this bundle: the script loadShaka() adds and the preload asks for (one URL, so the script takes the preload's answer). */
function shakaFileUrl(): string {
  return `shaka.${BUNDLE_FLAVOUR}.js?v=${APP_VERSION}`
}

/** Shaka's namespace, its file loaded on first call (a failed load is tried again by the next call). */
export function loadShaka(): Promise<Shaka> {
  if (!loading) {
    const attempt = new Promise<Shaka>((resolve, reject) => {
      const script = document.createElement('script')
      script.src = shakaFileUrl()
      script.onload = () => {
        const shaka = (window as unknown as ShakaWindow).shaka
        if (shaka) resolve(shaka)
        else reject(new Error(`${script.src} did not define shaka`))
      }
      script.onerror = () => {
        script.remove()
        reject(new Error(`${script.src} could not be loaded`))
      }
      document.head.appendChild(script)
    })
    loading = attempt
    attempt.catch(() => {
      if (loading === attempt) loading = null
    })
  }
  return loading
}

/** How long an idle moment may wait before the prefetch goes anyway. */
const PREFETCH_IDLE_TIMEOUT_MS = 5000

/** Loads Shaka in the next idle moment (engines without requestIdleCallback: after a short delay), ready before a Play. */
export function prefetchShaka(): void {
  // A failed prefetch is the play's to report: it loads again and shows its error screen.
  whenIdle(() => void loadShaka().catch(() => undefined), PREFETCH_IDLE_TIMEOUT_MS)
}

/**
 * Asks for Shaka's file now without running it: a launch straight into
 * Details may play within a second, and the file's download then overlaps
 * the page's build instead of following it; loadShaka() runs it from the
 * preloaded answer. Low priority, so the page's own requests go first.
 * Engines without preload ignore the link and fetch at loadShaka().
 */
export function preloadShakaFile(doc: Document): void {
  preload(doc, shakaFileUrl(), 'script', { fetchPriority: 'low' })
}
