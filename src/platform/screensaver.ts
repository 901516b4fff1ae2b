import type { PlatformId } from './detect'

/**
 * Whether the TV may start its screen saver. Samsung asks an app to hold it off while its video plays and to let
 * it come back otherwise (paused, stopped, browsing), or a film shows the TV's screen saver after a few minutes
 * without a key. webOS holds it off itself for a full-screen video, and browsers while a video with sound plays.
 */
export function allowScreenSaver(allowed: boolean, platform: PlatformId, win: Window = window): void {
  const appcommon = platform === 'tizen' ? win.webapis?.appcommon : undefined
  if (!appcommon) return
  const { SCREEN_SAVER_ON, SCREEN_SAVER_OFF } = appcommon.AppCommonScreenSaverState
  const refused = (error: unknown): void => console.warn('The TV refused the screen saver setting', error)
  try {
    appcommon.setScreenSaver(allowed ? SCREEN_SAVER_ON : SCREEN_SAVER_OFF, () => undefined, refused)
  } catch (error) {
    refused(error)
  }
}
