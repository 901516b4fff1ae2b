import type { Router } from '@lightningjs/sdk'
import { BrowsePage } from './Browse/BrowsePage'
import { DetailsPage } from './Details/DetailsPage'
import { SearchPage } from './Search/SearchPage'

/**
 * Browsing routes. Details and Browse load through `before` hooks:
 * the page appears with its data, and a failed load goes to the error page
 * ('!') whose Retry repeats the navigation.
 */
export function browseRoutes(): Router.RouteDefinition[] {
  const details: Router.RouteDefinition<typeof DetailsPage> = {
    path: 'details/:titleId',
    component: DetailsPage,
    widgets: ['menu'],
    before: (page, params) => page.load(params.titleId ?? '', false),
  }
  const detailsBuy: Router.RouteDefinition<typeof DetailsPage> = {
    path: 'details/:titleId/buy',
    component: DetailsPage,
    widgets: ['menu'],
    before: (page, params) => page.load(params.titleId ?? '', true),
  }
  const browse: Router.RouteDefinition<typeof BrowsePage> = {
    path: 'browse',
    component: BrowsePage,
    widgets: ['menu'],
    before: (page) => page.load(undefined),
  }
  const browseGenre: Router.RouteDefinition<typeof BrowsePage> = {
    path: 'browse/:genreId',
    component: BrowsePage,
    widgets: ['menu'],
    before: (page, params) => page.load(params.genreId),
  }
  // A search opened by a link (a voice assistant's), with what it finds.
  const searchFor: Router.RouteDefinition<typeof SearchPage> = {
    path: 'search/:query',
    component: SearchPage,
    widgets: ['menu'],
    before: (page, params) => page.searchFor(params.query ?? ''),
  }
  return [details, detailsBuy, browse, browseGenre, { path: 'search', component: SearchPage, widgets: ['menu'] }, searchFor]
}
