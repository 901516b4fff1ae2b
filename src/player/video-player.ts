import { VideoPlayer } from '@lightningjs/sdk'

/**
 * The slice of the Lightning SDK VideoPlayer plugin we use, typed (the SDK
 * exports it as `any`). The plugin owns the <video> element under the
 * transparent Lightning canvas; our loader/unloader put Shaka behind it.
 */
export interface SdkVideoPlayer {
  /** Replaces the plugin's `video.src = url` with our own loader (Shaka). */
  loader(load: (url: string, video: HTMLVideoElement, config: object) => Promise<void>): void
  unloader(unload: (video: HTMLVideoElement) => Promise<void>): void
  /** Calls the loader, then shows the video and plays; a loader rejection becomes `$videoPlayerError`. */
  open(url: string, config?: object): void
  /** Pauses, calls the unloader and hides the video. */
  close(): void
  play(): void
  pause(): void
  readonly currentTime: number
  readonly duration: number
  /** The video element (created on first use of the plugin). */
  readonly _videoEl: HTMLVideoElement
}

export const videoPlayer: SdkVideoPlayer = VideoPlayer
