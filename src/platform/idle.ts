/** The part of a window `whenIdle` uses; older TV engines lack requestIdleCallback. */
export interface IdleWindow {
  requestIdleCallback?(callback: () => void, options: { timeout: number }): number
  setTimeout(callback: () => void, ms: number): number
}

/**
 * Runs `work` in the next idle moment, `timeoutMs` at the latest; engines without requestIdleCallback (older TVs)
 * run it after `fallbackMs`. For work that must not delay a frame the viewer waits for.
 */
export function whenIdle(work: () => void, timeoutMs: number, fallbackMs = 1000, win: IdleWindow = window): void {
  if (win.requestIdleCallback) win.requestIdleCallback(work, { timeout: timeoutMs })
  else win.setTimeout(work, fallbackMs)
}
