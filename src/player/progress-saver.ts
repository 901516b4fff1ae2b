/** Where the viewer is in the title, as the progress API wants it. */
export interface Position {
  positionSeconds: number
  durationSeconds: number
}

export const PROGRESS_SAVE_INTERVAL_MS = 10_000
/** Below this change since the last save (paused, stalled), or since the start before any, a save is skipped. */
const MIN_CHANGE_SECONDS = 1

/**
 * Saves the playback position every ~10 s while playing and once more at
 * stop, so Resume and Continue watching are never more than a few seconds
 * behind. A failed save is not retried on its own: the next tick saves a
 * newer position anyway. Until the position moves from where the play
 * started nothing is saved, so Play or Start over pressed by mistake and left
 * at once keeps the place saved before.
 */
export class ProgressSaver {
  private timer: ReturnType<typeof setInterval> | null = null
  private lastSaved: number | null = null

  constructor(
    private readonly read: () => Position | null,
    private readonly save: (position: Position) => Promise<unknown>,
    /** Where the play started (the resume point, or 0 for Start over). */
    private readonly from: number,
    private readonly intervalMs: number = PROGRESS_SAVE_INTERVAL_MS,
  ) {}

  start(): void {
    if (this.timer) return
    this.timer = setInterval(() => void this.saveNow(), this.intervalMs)
  }

  /** Stops the cadence and saves where playback stopped; resolves when that save is done (or failed). */
  async stop(): Promise<boolean> {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    const position = this.read()
    if (!position || position.durationSeconds <= 0) return false
    if (this.lastSaved === null && !this.movedFrom(this.from, position)) return false
    return this.write(position)
  }

  /** Saves the position now unless it has not moved since the last save (or the start); whether it saved. */
  async saveNow(): Promise<boolean> {
    const position = this.read()
    if (!position || position.durationSeconds <= 0) return false
    if (!this.movedFrom(this.lastSaved ?? this.from, position)) return false
    return this.write(position)
  }

  private movedFrom(seconds: number, position: Position): boolean {
    return Math.abs(position.positionSeconds - seconds) >= MIN_CHANGE_SECONDS
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
