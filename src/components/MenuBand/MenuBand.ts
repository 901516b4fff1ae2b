import type { Lightning } from '@lightningjs/sdk'
import { colors, layout } from '../theme'

/** The band's template spec, for a page's own (`TopBand: MenuBandSpec`). */
export interface MenuBandSpec {
  Fade: Lightning.Element
}

interface PageWithBand extends Lightning.Component.TemplateSpec {
  TopBand: MenuBandSpec
}

/** The band's height: the menu's entries and their underline. */
const MENU_BAND_H = 130

/**
 * The band under the menu while a page is scrolled: the page's background colour, fading out below, so what
 * passes under the menu never runs into its entries. Hidden until the page scrolls (alpha 0).
 */
export function menuBand(): Lightning.Component.Template<PageWithBand>['TopBand'] {
  return {
    alpha: 0,
    w: layout.screenW,
    h: MENU_BAND_H,
    rect: true,
    color: colors.background,
    Fade: { y: MENU_BAND_H, w: layout.screenW, h: 40, rect: true, colorTop: colors.background, colorBottom: 0x000b0b12 },
  }
}
