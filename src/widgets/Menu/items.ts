import type { MessageKey } from '../../i18n'

export interface MenuItem {
  route: string
  label: MessageKey
}

export const MENU_ITEMS: readonly MenuItem[] = [
  { route: 'home', label: 'menu.home' },
  { route: 'search', label: 'menu.search' },
  { route: 'browse', label: 'menu.browse' },
  { route: 'account', label: 'menu.account' },
]

/** The menu entry a route belongs to (`browse/drama` is under Browse); -1 for pages outside the menu. */
export function menuIndexFor(hash: string): number {
  const first = hash.replace(/^#/, '').split(/[/?]/)[0] ?? ''
  return MENU_ITEMS.findIndex((item) => item.route === first)
}
