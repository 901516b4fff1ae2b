import type { Lightning } from '@lightningjs/sdk'
import { currentLanguage } from '../i18n'
import { activePlatformId } from '../platform'
import { createSpeaker, voiceGuidanceOn } from '../platform/voice'
import { FocusAnnouncer } from './announcer'
import type { SceneNode } from './speech'

let announcer: FocusAnnouncer | null = null

/**
 * Turns the announcer on when the operator's setting (`operator.a11y.announce`,
 * `?announce=1`) or the TV's own voice guidance asks for it. Devices without
 * a speech engine stay silent.
 */
export async function startAnnouncer(win: Window, forcedOn: boolean): Promise<void> {
  const platform = activePlatformId()
  const speaker = createSpeaker(platform, win)
  if (!speaker) return
  announcer = new FocusAnnouncer(speaker, currentLanguage)
  announcer.enabled = forcedOn || (await voiceGuidanceOn(platform, win))
}

/** Called by the App on every focus change with the application's focus path. */
export function announceFocus(focusPath: readonly Lightning.Element[] | undefined): void {
  // Lightning elements have everything SceneNode reads; its typings just do not say so.
  announcer?.focusChanged((focusPath ?? []) as unknown as readonly SceneNode[])
}

/** For messages that are not focus changes (toasts, results); silent when the announcer is off. */
export function announce(...phrases: string[]): void {
  announcer?.say(phrases)
}
