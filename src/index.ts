// First import, on purpose: the inspector attaches itself to `window.lng` when Lightning is already loaded, and
// attached it mirrors every element into the DOM (~1 s of start-up at 4× CPU throttling, npm run bench). Loaded
// before Lightning it only defines window.attachInspector, which start() calls for `?inspector=1`.
import '@lightningjs/core/inspector'
import { Launch, Lightning } from '@lightningjs/sdk'
import App from './App'
import { loadSettings } from './settings'
import { currentPlatform, stageOptionsFor } from './platform'
import { asSdkApplication, type SdkApplication } from './platform/application'
import { fitToWindow, readWindowSize, stageForWindow } from './platform/screen'
import { APP_VERSION } from './version'
import { startAnnouncer } from './a11y'
import { currentLanguage, preloadLanguage } from './i18n'
import { fontStackFor, useFontsFor } from './i18n/fonts'
import { onChange } from './api/changes'
import { api, ensureDevice } from './api/session'
import { requestHomeEarly } from './api/home-cache'
import { detectPlatform, readSignals, type PlatformId } from './platform/detect'
import { platformLaunchTarget } from './platform/launch'
import { HOME_ROUTE, resolveDeepLink } from './deeplink/deeplink'
import { prefetchPlayer } from './player'

/** Shown when the browser refuses window.close(): a closed app is never a blank screen. */
function showClosedNotice(message: string): void {
  const box = document.getElementById('boot-error')
  if (!box) return
  box.textContent = message
  box.style.display = 'block'
  document.addEventListener('keydown', () => window.location.reload(), { once: true })
}

function showBootFailure(error: unknown): void {
  console.error(error)
  showClosedNotice(`Marquee could not start: ${error instanceof Error ? error.message : String(error)}. Press any key to retry.`)
}

/**
 * Device registration (first launch) and the home feed are asked for as soon as Lightning is up, alongside the
 * dictionary's loading and the Router's start; Boot and Home take the answers. The feed needs no token: on a
 * first launch it comes without one, as for any device that holds nothing yet.
 */
function requestEarly(opensHome: boolean): void {
  // Boot waits on the same registration and reports its failure.
  ensureDevice(detectPlatform(readSignals(window, window.location.search))).catch(() => undefined)
  // Only for a launch that opens Home: a Home built later (Back from a deep link) must not get a feed from before.
  if (opensHome) requestHomeEarly(api(), currentLanguage())
}

/** The launch URL's hash as it was: the Router rewrites it to its boot route once it starts. */
const launchHash = window.location.hash

function launchOpensHome(platformId: PlatformId): boolean {
  const link = resolveDeepLink({ platformTarget: platformLaunchTarget(platformId, window), search: window.location.search, hash: launchHash })
  const page = launchHash.replace(/^#\/?/, '')
  return link === null && (page === '' || page === HOME_ROUTE)
}

async function start(): Promise<void> {
  const settings = await loadSettings(window)
  preloadLanguage(document, settings.platformSettings.path)
  let app: SdkApplication | undefined
  const platform = currentPlatform(window, () => {
    app?.close()
    showClosedNotice('Marquee — press any key to open it again.')
  })
  platform.registerKeys()
  void startAnnouncer(window, settings.operator.a11y.announce, currentLanguage)

  if (settings.platformSettings.inspector) window.attachInspector(Lightning)

  // The canvas fits the window unless the URL (`?resolution=`) or an operator's settings fix its size.
  const stage = {
    defaultFontFace: fontStackFor(currentLanguage()),
    ...stageForWindow(readWindowSize(window)),
    ...settings.appSettings.stage,
    ...stageOptionsFor(platform.id),
  }
  const appSettings = { ...settings.appSettings, stage, version: APP_VERSION, keys: { ...platform.keyMap } }
  const launched = asSdkApplication(
    // The SDK deep-merges these over its defaults, so a partial set is what it expects.
    Launch(App, appSettings as unknown as Parameters<typeof Launch>[1], { ...settings.platformSettings, onClose: () => platform.close() }),
  )
  app = launched
  // An operator's own font stays; the app's follows the language, as a start in the new language would choose.
  if (!settings.appSettings.stage?.defaultFontFace) {
    onChange('language', () => useFontsFor(launched.stage, currentLanguage()))
  }
  // After Launch: it sets up the Storage plugin these read the stored device and account through.
  const opensHome = launchOpensHome(platform.id)
  requestEarly(opensHome)
  prefetchPlayer(opensHome)
  fitToWindow(window, stage)
  document.body.appendChild(launched.stage.getCanvas())
}

start().catch(showBootFailure)
