import { Lightning, Router } from '@lightningjs/sdk'
import { t } from '../../i18n'
import { MENU_ITEMS, menuIndexFor } from './items'
import { onChange } from '../../api/changes'
import { colors, layout, motion, typography } from '../../components/theme'

export { MENU_ITEMS, menuIndexFor, type MenuItem } from './items'

interface MenuTemplateSpec extends Lightning.Component.TemplateSpec {
  Logo: Lightning.Element
  Items: Lightning.Element
  Underline: Lightning.Element
}

const ITEM_GAP = 56
const LOGO_WIDTH = 260

/**
 * The top navigation bar: Up from a page focuses it, Down returns to the page.
 * The entry of the current page is underlined; the focused one turns gold.
 */
export class Menu
  extends Lightning.Component<MenuTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<MenuTemplateSpec>
{
  static override _template(): Lightning.Component.Template<MenuTemplateSpec> {
    return {
      x: layout.safeX,
      y: layout.safeY,
      zIndex: 10,
      Logo: { y: 2, text: { text: 'MARQUEE', fontSize: 34, letterSpacing: 6, textColor: colors.accent } },
      Items: { x: LOGO_WIDTH },
      Underline: { x: LOGO_WIDTH, y: 52, h: 4, w: 0, rect: true, color: colors.accent },
    }
  }

  private _index = 0
  /** The entry of the page on screen (-1 for pages outside the menu, such as Details). */
  private _current = 0
  private _focused = false
  private readonly Items = this.getByRef('Items')!
  private readonly Underline = this.getByRef('Underline')!

  override _init(): void {
    onChange('language', () => this.render())
    this.render()
  }

  /** Re-reads the labels: called again when the language changes. */
  render(): void {
    this.Items.children = MENU_ITEMS.map((item) => ({
      text: { text: t(item.label), ...typography.body, textColor: colors.textMuted },
    }))
    let x = 0
    for (const child of this.Items.children) {
      child.loadTexture()
      child.x = x
      x += child.renderWidth + ITEM_GAP
    }
    this.highlight()
  }

  private highlight(): void {
    const current = this._current
    this.Items.children.forEach((child, i) => {
      const focused = this._focused && i === this._index
      if (child.text) child.text.textColor = focused ? colors.accent : i === current ? colors.text : colors.textMuted
      child.setSmooth('scale', focused ? 1.08 : 1, { duration: motion.focusDuration })
    })
    const marked = this.Items.children[this._focused ? this._index : current]
    this.Underline.visible = marked !== undefined
    if (marked) {
      this.Underline.setSmooth('x', LOGO_WIDTH + marked.x, { duration: motion.focusDuration })
      this.Underline.setSmooth('w', marked.renderWidth, { duration: motion.focusDuration })
    }
  }

  /** Pages call this when they show, with their route, so the underline follows navigation. */
  sync(route: string): void {
    this._current = menuIndexFor(route)
    this._index = Math.max(0, this._current)
    this.highlight()
  }

  override _focus(): void {
    this._focused = true
    this._index = Math.max(0, this._current)
    this.highlight()
  }

  override _unfocus(): void {
    this._focused = false
    this.highlight()
  }

  override _handleLeft(): void {
    this._index = Math.max(0, this._index - 1)
    this.highlight()
  }

  override _handleRight(): void {
    this._index = Math.min(MENU_ITEMS.length - 1, this._index + 1)
    this.highlight()
  }

  override _handleDown(): void {
    Router.focusPage()
  }

  override _handleEnter(): void {
    const item = MENU_ITEMS[this._index]
    if (!item) return
    // Focus goes back to the page first, so the page that opens takes it.
    Router.focusPage()
    if (this._index !== this._current || Router.getActiveHash() !== item.route) Router.navigate(item.route)
  }
}
