import { Lightning } from '@lightningjs/sdk'
import { colors, layout, lineLimit, typography } from '../../components/theme'

/**
 * The look shared by the commerce dialogs (purchase, PIN, scan to pay,
 * sign-in, rental start): a dimmed screen and a centred panel, text sizes for
 * reading from the sofa.
 */
export const dialog = {
  panelW: 1200,
  padding: 72,
  zIndex: 40,
} as const

export const dialogColors = {
  price: colors.accent,
  notice: colors.danger,
  panel: 0xff2a2a3a,
} as const

export function scrimTemplate(): Lightning.Element.NewPatchTemplate {
  return { rect: true, w: layout.screenW, h: layout.screenH, color: colors.scrim }
}

export function panelTemplate(w: number, h: number): Lightning.Element.NewPatchTemplate {
  return {
    x: (layout.screenW - w) / 2,
    y: (layout.screenH - h) / 2,
    w,
    h,
    rect: true,
    // A step lighter than the buttons' resting colour, so unfocused buttons still read as buttons.
    color: dialogColors.panel,
    shader: { type: Lightning.shaders.RoundedRectangle, radius: layout.radius * 2 },
  }
}

/** Between a fitted dialog's last text and its buttons. */
const BUTTONS_GAP = 56

/** Centres a dialog's panel, `h` tall, on the screen. */
export function placePanel(panel: Lightning.Element, h: number): void {
  panel.patch({ h, y: (layout.screenH - h) / 2 })
}

/**
 * The height a text column (`textColumn`) comes out at with its shown texts as they are now: what the flex layout
 * gives on the next frame, known in this one so the panel fits in the same frame. Texts draw at once in the
 * device's fonts (App.getFonts).
 */
export function columnHeight(column: Lightning.Element): number {
  let height = 0
  for (const item of column.children) {
    if (!item.visible) continue
    item.loadTexture()
    // Lightning types flexItem without its margins; the FlexItem it returns has them.
    const flexItem = item.flexItem as { marginTop?: number; minHeight?: number }
    height += (flexItem.marginTop ?? 0) + Math.max(flexItem.minHeight ?? 0, item.renderHeight)
  }
  return height
}

/**
 * Fits a dialog's panel to its texts: the buttons (when shown) right under the text column, the panel ending its
 * padding below them, centred again. No empty band between what the dialog says and what it offers.
 */
export function fitPanel(panel: Lightning.Element, column: Lightning.Element, actions: Lightning.Element | null): void {
  const textBottom = column.y + columnHeight(column)
  if (actions) actions.y = textBottom + BUTTONS_GAP
  placePanel(panel, (actions ? actions.y + actions.h : textBottom) + dialog.padding)
}

/**
 * Texts stacked top to bottom, each drawn under the one above as tall as it
 * came out: a name that wraps to a second line pushes what follows down
 * instead of running into it. Items keep their own width ('flex-start'), so
 * no text is drawn again at a stretched one.
 */
export const textColumn = { flex: { direction: 'column', alignItems: 'flex-start' } } as const

/** A dialog's template spec: the scrim and the panel holding the dialog's own parts. */
export interface DialogTemplateSpec<PanelParts> extends Lightning.Component.TemplateSpec {
  Scrim: Lightning.Element
  Panel: PanelParts
}

/**
 * The shell every commerce dialog is built in: full screen above the pages,
 * hidden until opened, the scrim, and a panel of the given size centred on the
 * screen holding `parts` (positioned inside the panel).
 */
export function dialogShell<PanelParts>(
  panelW: number,
  panelH: number,
  parts: Lightning.Component.Template<DialogTemplateSpec<PanelParts>>['Panel'],
): Lightning.Component.Template<DialogTemplateSpec<PanelParts>> {
  return {
    w: layout.screenW,
    h: layout.screenH,
    zIndex: dialog.zIndex,
    visible: false,
    Scrim: scrimTemplate(),
    // Lightning's template type is conditional on PanelParts, which TypeScript cannot resolve while it is
    // generic; each caller's `parts` is still checked against its concrete spec.
    Panel: { ...panelTemplate(panelW, panelH), ...parts } as Lightning.Component.Template<DialogTemplateSpec<PanelParts>>['Panel'],
  }
}

export type TextRole = 'title' | 'body' | 'caption' | 'price' | 'notice' | 'code'

export function textStyle(role: TextRole, wordWrapWidth: number): Lightning.textures.TextTexture.Settings {
  switch (role) {
    case 'title':
      return { text: '', ...typography.title, textColor: colors.text, wordWrapWidth, ...lineLimit(2) }
    case 'body':
      return { text: '', ...typography.body, textColor: colors.text, wordWrapWidth, ...lineLimit(3) }
    case 'caption':
      return { text: '', ...typography.caption, textColor: colors.textMuted, wordWrapWidth, ...lineLimit(3) }
    case 'price':
      return { text: '', ...typography.display, textColor: dialogColors.price, wordWrapWidth, ...lineLimit(1) }
    case 'notice':
      return { text: '', ...typography.body, textColor: dialogColors.notice, wordWrapWidth, ...lineLimit(3) }
    case 'code':
      return { text: '', fontSize: 88, lineHeight: 104, letterSpacing: 8, textColor: colors.accent, wordWrapWidth, ...lineLimit(1) }
  }
}
