import { Lightning, Router } from '@lightningjs/sdk'
import { t } from '../../i18n'
import { colors, fontFace, layout, typography } from '../../components/theme'
import type { PageTypeConfig } from '../page'
import { APP_VERSION } from '../../version'

interface HomeTemplateSpec extends Lightning.Component.TemplateSpec {
  Background: Lightning.Element
  Title: Lightning.Element
  Tagline: Lightning.Element
  Hint: Lightning.Element
  Version: Lightning.Element
}

/** Home: the app's name, tagline and version until the catalogue rails arrive. */
export class HomePage
  extends Lightning.Component<HomeTemplateSpec, PageTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<HomeTemplateSpec>
{
  static override _template(): Lightning.Component.Template<HomeTemplateSpec> {
    return {
      Background: { rect: true, w: layout.screenW, h: layout.screenH, color: colors.background },
      Title: {
        x: layout.safeX,
        y: 360,
        text: { text: '', fontFace, ...typography.display, textColor: colors.text },
      },
      Tagline: {
        x: layout.safeX,
        y: 460,
        text: { text: '', fontFace, ...typography.title, textColor: colors.accent },
      },
      Hint: {
        x: layout.safeX,
        y: 580,
        text: { text: '', fontFace, ...typography.body, textColor: colors.textMuted, wordWrapWidth: 1400 },
      },
      Version: {
        x: layout.screenW - layout.safeX,
        y: layout.screenH - layout.safeY,
        mount: 1,
        text: { text: '', fontFace, ...typography.caption, textColor: colors.textMuted },
      },
    }
  }

  private readonly Title = this.getByRef('Title')!
  private readonly Tagline = this.getByRef('Tagline')!
  private readonly Hint = this.getByRef('Hint')!
  private readonly Version = this.getByRef('Version')!

  override _init(): void {
    this.render()
  }

  /** Re-reads every label: called again when the language changes. */
  render(): void {
    this.Title.text = t('app.name')
    this.Tagline.text = t('app.tagline')
    this.Hint.text = t('home.hint')
    this.Version.text = t('app.version', { version: APP_VERSION })
  }

  override _handleUp(): void {
    Router.focusWidget('Menu')
  }
}
