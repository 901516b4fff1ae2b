import { Lightning } from '@lightningjs/sdk'
import { t } from '../../i18n'
import type { PageTypeConfig } from '../page'
import { colors, layout, typography } from '../../components/theme'
import { resumeFromLaunch } from '../../deeplink/start'
import { ensureDevice } from '../../api/session'
import { installCjkLineBreaking } from '../../components/text/line-breaking'
import { detectPlatform, readSignals } from '../../platform/detect'

interface BootTemplateSpec extends Lightning.Component.TemplateSpec {
  Logo: Lightning.Element
  Status: Lightning.Element
}

/**
 * The Router's boot route ('$'): shown first on every launch; registers the
 * device (POST /v1/devices, once, renewed before expiry), then resumes the
 * Router to the launch URL's hash (a deep link) or to Home.
 */
export class BootPage
  extends Lightning.Component<BootTemplateSpec, PageTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<BootTemplateSpec>
{
  static override _template(): Lightning.Component.Template<BootTemplateSpec> {
    return {
      Logo: {
        mount: 0.5,
        x: layout.screenW / 2,
        y: layout.screenH / 2 - 40,
        text: { text: 'MARQUEE', fontSize: 120, letterSpacing: 16, textColor: colors.accent },
      },
      Status: {
        mount: 0.5,
        x: layout.screenW / 2,
        y: layout.screenH / 2 + 80,
        text: { text: '', ...typography.body, textColor: colors.textMuted },
      },
    }
  }

  private readonly Status = this.getByRef('Status')!

  override _init(): void {
    installCjkLineBreaking()
    this.Status.text = t('boot.loading')
  }

  override _firstActive(): void {
    void this.start()
  }

  private async start(): Promise<void> {
    try {
      await ensureDevice(detectPlatform(readSignals(window, window.location.search)))
    } catch (error) {
      // The catalogue needs no token: Home starts (from its cache when offline) and registration is retried next launch.
      console.warn('Device registration failed; continuing anonymously', error)
    }
    // A deep link opens its page with Home under it; otherwise the Router goes where it was going.
    resumeFromLaunch()
  }
}
