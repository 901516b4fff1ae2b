import type shaka from 'shaka-player'

/** The parts of a Shaka cue we draw: its text, possibly split into nested cues and line breaks. */
export interface CueLike {
  startTime: number
  endTime: number
  payload: string
  lineBreak: boolean
  nestedCues: CueLike[]
}

/** A cue's text with its line breaks; nested cues (styled spans, lines) are joined in order. */
export function cueText(cue: CueLike): string {
  if (cue.lineBreak) return '\n'
  if (cue.nestedCues.length === 0) return cue.payload
  return cue.nestedCues.map(cueText).join('')
}

/**
 * Shaka's text displayer for a Lightning app: instead of drawing into the
 * DOM (under our canvas on most TVs), it keeps the cues and hands the text
 * for the current time to the Player screen, which draws it large above the
 * video. Shaka calls append/remove as it streams subtitles.
 */
export class LightningTextDisplayer implements shaka.extern.TextDisplayer {
  private cues: CueLike[] = []
  private visible = false

  append(cues: CueLike[]): void {
    for (const cue of cues) {
      const duplicate = this.cues.some((c) => c.startTime === cue.startTime && c.endTime === cue.endTime && cueText(c) === cueText(cue))
      if (!duplicate) this.cues.push(cue)
    }
  }

  remove(startTime: number, endTime: number): boolean {
    this.cues = this.cues.filter((cue) => cue.endTime <= startTime || cue.startTime >= endTime)
    return true
  }

  configure(): void {
    // Size and colour are the Player screen's (10-foot theme), not the stream's.
  }

  setTextLanguage(): void {
    // Cues arrive already in the chosen language.
  }

  isTextVisible(): boolean {
    return this.visible
  }

  setTextVisibility(on: boolean): void {
    this.visible = on
  }

  destroy(): Promise<void> {
    this.cues = []
    return Promise.resolve()
  }

  /** The subtitle text to show at `time` (empty when hidden or between cues). */
  textAt(time: number): string {
    if (!this.visible) return ''
    return this.cues
      .filter((cue) => cue.startTime <= time && time < cue.endTime)
      .sort((a, b) => a.startTime - b.startTime)
      .map((cue) => cueText(cue).trim())
      .filter((text) => text.length > 0)
      .join('\n')
  }
}

/**
 * The one text displayer the kept Shaka player is given (its factory set
 * once): it hands everything to the current play's displayer, so a play
 * binds its subtitles without reconfiguring Shaka. Between plays, nothing.
 */
export class CurrentPlayTextDisplayer implements shaka.extern.TextDisplayer {
  current: LightningTextDisplayer | null = null

  append(cues: CueLike[]): void {
    this.current?.append(cues)
  }

  remove(startTime: number, endTime: number): boolean {
    return this.current?.remove(startTime, endTime) ?? true
  }

  configure(): void {
    this.current?.configure()
  }

  setTextLanguage(): void {
    this.current?.setTextLanguage()
  }

  isTextVisible(): boolean {
    return this.current?.isTextVisible() ?? false
  }

  setTextVisibility(on: boolean): void {
    this.current?.setTextVisibility(on)
  }

  destroy(): Promise<void> {
    return this.current?.destroy() ?? Promise.resolve()
  }
}
