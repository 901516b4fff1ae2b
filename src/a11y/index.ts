import type { Lightning } from '@lightningjs/sdk'
import { activePlatformId, type PlatformId } from '../platform'
import { createSpeaker, voiceGuidanceOn } from '../platform/voice'
import { FocusAnnouncer } from './announcer'
import type { SceneNode } from './speech'

let announcer: FocusAnnouncer | null = null

/**
 * Turns the announcer on when the operator's setting (`operator.a11y.announce`,
 * `?announce=1`) or the TV's own voice guidance asks for it. The TV's setting
 * is read again whenever the app comes back to the screen (the viewer may have
 * switched it in the TV's menu). Devices without a speech engine stay silent.
 */
export async function startAnnouncer(
  win: Window,
  forcedOn: boolean,
  uiLanguage: () => string,
  platform: PlatformId = activePlatformId(),
): Promise<void> {
  const speaker = createSpeaker(platform, win)
  if (!speaker) return
  const started = new FocusAnnouncer(speaker, uiLanguage)
  announcer = started
  const refresh = async (): Promise<void> => {
    started.enabled = forcedOn || (await voiceGuidanceOn(platform, win))
  }
  win.document.addEventListener('visibilitychange', () => {
    if (win.document.visibilityState === 'visible') void refresh()
  })
  await refresh()
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
