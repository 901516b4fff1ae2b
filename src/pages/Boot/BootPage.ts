import { Lightning } from '@lightningjs/sdk'
import { t } from '../../i18n'
import type { PageTypeConfig } from '../page'
import { colors, fontFace, layout, typography } from '../../components/theme'
import { resumeFromLaunch } from '../../deeplink/start'

interface BootTemplateSpec extends Lightning.Component.TemplateSpec {
  Background: Lightning.Element
  Logo: Lightning.Element
  Status: Lightning.Element
}

/**
 * The Router's boot route ('$'): shown first on every launch, then resumes the
 * Router to the launch URL's hash (a deep link) or to Home.
 */
export class BootPage
  extends Lightning.Component<BootTemplateSpec, PageTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<BootTemplateSpec>
{
  static override _template(): Lightning.Component.Template<BootTemplateSpec> {
    return {
      Background: { rect: true, w: layout.screenW, h: layout.screenH, color: colors.background },
      Logo: {
        mount: 0.5,
        x: layout.screenW / 2,
        y: layout.screenH / 2 - 40,
        text: { text: 'MARQUEE', fontFace, fontSize: 120, letterSpacing: 16, textColor: colors.accent },
      },
      Status: {
        mount: 0.5,
        x: layout.screenW / 2,
        y: layout.screenH / 2 + 80,
        text: { text: '', fontFace, ...typography.body, textColor: colors.textMuted },
      },
    }
  }

  private readonly Status = this.getByRef('Status')!

  override _init(): void {
    this.Status.text = t('boot.loading')
  }

  override _firstActive(): void {
    // A deep link opens its page with Home under it; otherwise the Router goes where it was going.
    resumeFromLaunch()
  }
}
