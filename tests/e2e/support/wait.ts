/**
 * Polls `read` every `everyMs` until it gives a value other than null: what the app shows
 * settles over frames, transitions and loads, later on a loaded CI machine. `what` names it in the timeout's
 * error; a function is asked then, so the error can say what was read last.
 */
export async function waitFor<T>(what: string | (() => string), read: () => Promise<T | null> | T | null, timeoutMs = 20_000, everyMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await read()
    if (value !== null) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`)
    await new Promise((resolve) => setTimeout(resolve, everyMs))
  }
}
