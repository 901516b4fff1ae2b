import type { Router } from '@lightningjs/sdk'
import { PlayerPage } from './PlayerPage'

/** The player's routes (mode: play | startover | trailer), without the menu widget: the video is the screen. */
export function playerRoutes(): Router.RouteDefinition[] {
  return [
    { path: 'player/:titleId/:mode', component: PlayerPage },
    { path: 'player/:titleId/:mode/:episodeId', component: PlayerPage },
  ]
}
