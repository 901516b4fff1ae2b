/** Where the viewer is in the title, as the progress API wants it. */
export interface Position {
  positionSeconds: number
  durationSeconds: number
}

export const PROGRESS_SAVE_INTERVAL_MS = 10_000
/** Below this change since the last save (paused, stalled) a periodic save is skipped. */
const MIN_CHANGE_SECONDS = 1

/**
 * Saves the playback position every ~10 s while playing and once more at
 * stop, so Resume and Continue watching are never more than a few seconds
 * behind. A failed save is not retried on its own: the next tick saves a
 * newer position anyway.
 */
export class ProgressSaver {
  private timer: ReturnType<typeof setInterval> | null = null
  private lastSaved: number | null = null

  constructor(
    private readonly read: () => Position | null,
    private readonly save: (position: Position) => Promise<unknown>,
    private readonly intervalMs: number = PROGRESS_SAVE_INTERVAL_MS,
  ) {}

  start(): void {
    if (this.timer) return
    this.timer = setInterval(() => void this.saveIfMoved(), this.intervalMs)
  }

  /** Stops the cadence and saves where playback stopped; resolves when that save is done (or failed). */
  async stop(): Promise<boolean> {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    const position = this.read()
    if (!position || position.durationSeconds <= 0) return false
    return this.write(position)
  }

  private async saveIfMoved(): Promise<void> {
    const position = this.read()
    if (!position || position.durationSeconds <= 0) return
    if (this.lastSaved !== null && Math.abs(position.positionSeconds - this.lastSaved) < MIN_CHANGE_SECONDS) return
    await this.write(position)
  }

  private async write(position: Position): Promise<boolean> {
    try {
      await this.save(position)
      this.lastSaved = position.positionSeconds
      return true
    } catch (error) {
      console.warn('Progress not saved; the next save will carry a newer position', error)
      return false
    }
  }
}
