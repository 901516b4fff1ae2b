import type { Menu } from './Menu/Menu'

declare module '@lightningjs/sdk' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Router {
    interface CustomWidgets {
      Menu: typeof Menu
    }
  }
}

export { Menu } from './Menu/Menu'
