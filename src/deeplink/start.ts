import { Router } from '@lightningjs/sdk'
import { activePlatformId } from '../platform'
import { onRelaunch, platformLaunchTarget } from '../platform/launch'
import { deepLinkFor, resolveDeepLink, routeForTarget, type DeepLink } from './deeplink'

/**
 * The launch URL as it was: the Router rewrites the hash to its boot route
 * ('#$') as soon as it starts, so it is read when the bundle is evaluated.
 */
const launchLocation = { search: window.location.search, hash: window.location.hash }

/** Opens the target with Home under it in the Router's history, so Back leads Home. */
export function openDeepLink(link: DeepLink): void {
  // No state: the Router hands a page its saved state on Back only when there is one.
  Router.setHistory(link.history.map((hash) => ({ hash, state: null })))
  // `false`: the page we leave (Boot, or whatever was open on a relaunch) is not kept in history.
  Router.navigate(link.route, {}, false)
}

let stopListening: (() => void) | null = null

/**
 * Boot's last step: the launch's deep link if there is one, else where the
 * Router was going anyway (Home, or the page the hash names). Later launches
 * of the running app (webOS relaunch, Tizen app control) are followed too.
 */
export function resumeFromLaunch(): void {
  const platform = activePlatformId()
  const link = resolveDeepLink({ platformTarget: platformLaunchTarget(platform, window), ...launchLocation })
  if (link) openDeepLink(link)
  else Router.resume()
  stopListening?.()
  stopListening = onRelaunch(platform, window, (target) => {
    const route = target ? routeForTarget(target) : null
    if (route) openDeepLink(deepLinkFor(route))
  })
}
