import type { QoeEvent } from '../../server/contract'
import type { StreamFormat } from '../settings'

/** What QA sees live in the debug overlay and what a play reports at its end. */
export interface QoeSnapshot {
  /** From the play request to the first moving frame; null until then. */
  timeToFirstFrameMs: number | null
  /** Stalls after the first frame (startup buffering is not a rebuffer). */
  rebufferCount: number
  rebufferMs: number
  bitrateSwitches: number
  errors: number
  bandwidth: number | null
  height: number | null
  keySystem: string | null
  /** The manifest played (null until the play is authorised). */
  format: StreamFormat | null
}

/**
 * Aggregates one play's quality of experience from the player's events, and
 * queues events for POST /v1/events. The clock is injected: no timers here.
 */
export class QoeRecorder {
  private startedAt: number | null = null
  private firstFrameAt: number | null = null
  private stallStartedAt: number | null = null
  private rebufferCount = 0
  private rebufferMs = 0
  private bitrateSwitches = 0
  private errors = 0
  private bandwidth: number | null = null
  private height: number | null = null
  private keySystem: string | null = null
  private format: StreamFormat | null = null
  private queue: QoeEvent[] = []

  constructor(
    private readonly titleId: string,
    private readonly now: () => number,
  ) {}

  loadStarted(): void {
    this.startedAt = this.now()
  }

  firstFrame(): void {
    if (this.firstFrameAt !== null || this.startedAt === null) return
    this.firstFrameAt = this.now()
    this.push('play.start', { timeToFirstFrameMs: this.firstFrameAt - this.startedAt, keySystem: this.keySystem, format: this.format })
  }

  bufferingStarted(): void {
    if (this.firstFrameAt === null || this.stallStartedAt !== null) return
    this.stallStartedAt = this.now()
  }

  bufferingEnded(): void {
    if (this.stallStartedAt === null) return
    const durationMs = this.now() - this.stallStartedAt
    this.stallStartedAt = null
    this.rebufferCount++
    this.rebufferMs += durationMs
    this.push('play.rebuffer', { durationMs })
  }

  /** The playing rendition; a change of bandwidth after the first one counts as a switch. */
  variant(bandwidth: number, height: number | null): void {
    if (this.bandwidth !== null && this.bandwidth !== bandwidth) {
      this.bitrateSwitches++
      this.push('play.bitrate', { from: this.bandwidth, to: bandwidth, height })
    }
    this.bandwidth = bandwidth
    this.height = height
  }

  stream(format: StreamFormat): void {
    this.format = format
  }

  drm(keySystem: string | null): void {
    this.keySystem = keySystem || null
  }

  error(code: number | string, fatal: boolean): void {
    this.errors++
    this.push('play.error', { code, fatal })
  }

  /** The play ended (stop, end of title, fatal error): its summary joins the queue. */
  ended(positionSeconds: number): void {
    this.bufferingEnded()
    this.push('play.end', { ...this.snapshot(), positionSeconds })
  }

  snapshot(): QoeSnapshot {
    const ongoingStallMs = this.stallStartedAt === null ? 0 : this.now() - this.stallStartedAt
    return {
      timeToFirstFrameMs: this.firstFrameAt === null || this.startedAt === null ? null : this.firstFrameAt - this.startedAt,
      rebufferCount: this.rebufferCount,
      rebufferMs: this.rebufferMs + ongoingStallMs,
      bitrateSwitches: this.bitrateSwitches,
      errors: this.errors,
      bandwidth: this.bandwidth,
      height: this.height,
      keySystem: this.keySystem,
      format: this.format,
    }
  }

  /** Takes the queued events for one request; what is left waits for the next. */
  drain(max: number): QoeEvent[] {
    return this.queue.splice(0, max)
  }

  /** Puts back events whose request failed, ahead of newer ones. */
  requeue(events: QoeEvent[]): void {
    this.queue = [...events, ...this.queue]
  }

  private push(type: string, data: Record<string, unknown>): void {
    this.queue.push({ type, titleId: this.titleId, at: this.now(), data })
  }
}
