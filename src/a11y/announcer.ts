import type { Speaker } from '../platform/voice'
import { speechForFocus, speechLanguage, type SceneNode } from './speech'

/**
 * Reads focus changes aloud while enabled. The App reports every focus change;
 * when disabled it only remembers the path, so turning it on later reads the
 * next change, not the whole screen.
 */
export class FocusAnnouncer {
  private previous: readonly SceneNode[] = []
  private on = false

  constructor(
    private readonly speaker: Speaker,
    private readonly uiLanguage: () => string,
  ) {}

  get enabled(): boolean {
    return this.on
  }

  set enabled(value: boolean) {
    this.on = value
    if (!value) this.speaker.cancel()
  }

  focusChanged(focusPath: readonly SceneNode[]): void {
    const phrases = this.on ? speechForFocus(focusPath, this.previous) : []
    this.previous = focusPath.slice()
    if (phrases.length > 0) this.speaker.speak(phrases, speechLanguage(this.uiLanguage()))
  }

  /** Says something that is not a focus change (a toast, a purchase result). */
  say(phrases: readonly string[]): void {
    if (this.on && phrases.length > 0) this.speaker.speak(phrases, speechLanguage(this.uiLanguage()))
  }
}
