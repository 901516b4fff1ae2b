import type { Router } from '@lightningjs/sdk'
import { BootPage } from './pages/Boot/BootPage'
import { HomePage } from './pages/Home/HomePage'
import { ErrorPage } from './pages/Error/ErrorPage'
import { AccountPage } from './pages/Account/AccountPage'
import { browseRoutes } from './pages/browse-routes'
import { playerRoutes } from './pages/Player/routes'

/** The Router configuration: pages by hash, with the widgets each one shows; `onPageShown` after each page shows. */
export function routerConfig(onPageShown: () => void): Router.Config {
  return {
    root: 'home',
    afterEachRoute: onPageShown,
    routes: [
      { path: '$', component: BootPage },
      { path: 'home', component: HomePage, widgets: ['menu'] },
      ...browseRoutes(),
      ...playerRoutes(),
      { path: 'account', component: AccountPage, widgets: ['menu'] },
      { path: '!', component: ErrorPage },
      { path: '*', component: ErrorPage },
    ],
  }
}
