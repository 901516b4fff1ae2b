import { Lightning, Router } from '@lightningjs/sdk'
import { t, type MessageKey } from '../../i18n'
import { colors, fontFace, layout, motion, typography } from '../../components/theme'

export interface MenuItem {
  route: string
  label: MessageKey
}

export const MENU_ITEMS: readonly MenuItem[] = [{ route: 'home', label: 'menu.home' }]

interface MenuTemplateSpec extends Lightning.Component.TemplateSpec {
  Items: Lightning.Element
}

/** The top navigation bar: Up from a page focuses it, Down returns to the page. */
export class Menu
  extends Lightning.Component<MenuTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<MenuTemplateSpec>
{
  static override _template(): Lightning.Component.Template<MenuTemplateSpec> {
    return {
      x: layout.safeX,
      y: layout.safeY,
      zIndex: 10,
      Items: { flex: { direction: 'row' } },
    }
  }

  private _index = 0
  private readonly Items = this.getByRef('Items')!

  override _init(): void {
    this.render()
  }

  /** Re-reads the labels: called again when the language changes. */
  render(): void {
    this.Items.children = MENU_ITEMS.map((item) => ({
      flexItem: { marginRight: 48 },
      text: { text: t(item.label), fontFace, ...typography.body, textColor: colors.textMuted },
    }))
    this.highlight(false)
  }

  private highlight(focused: boolean): void {
    this.Items.children.forEach((child, i) => {
      const active = i === this._index
      child.setSmooth('alpha', active || !focused ? 1 : 0.7, { duration: motion.focusDuration })
      if (child.text) child.text.textColor = active && focused ? colors.accent : colors.textMuted
    })
  }

  override _focus(): void {
    this.highlight(true)
  }

  override _unfocus(): void {
    this.highlight(false)
  }

  override _handleLeft(): void {
    this._index = Math.max(0, this._index - 1)
    this.highlight(true)
  }

  override _handleRight(): void {
    this._index = Math.min(MENU_ITEMS.length - 1, this._index + 1)
    this.highlight(true)
  }

  override _handleDown(): void {
    Router.focusPage()
  }

  override _handleEnter(): void {
    const item = MENU_ITEMS[this._index]
    if (item) Router.navigate(item.route)
  }
}
