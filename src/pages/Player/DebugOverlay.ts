import { Lightning } from '@lightningjs/sdk'
import { t } from '../../i18n'
import { layout } from '../../components/theme'
import type { PlayerState, QoeSnapshot } from '../../player'

interface DebugOverlayTemplateSpec extends Lightning.Component.TemplateSpec {
  Background: Lightning.Element
  Lines: Lightning.Element
}

const WIDTH = 620

function seconds(ms: number | null): string {
  return ms === null ? '—' : `${(ms / 1000).toFixed(2)} s`
}

/** QA's live view of the play's quality: toggled by the Blue key (F4), `?debug=1` or operator.debugOverlay. */
export class DebugOverlay
  extends Lightning.Component<DebugOverlayTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<DebugOverlayTemplateSpec>
{
  static override _template(): Lightning.Component.Template<DebugOverlayTemplateSpec> {
    return {
      w: WIDTH,
      h: 360,
      Background: { w: WIDTH, h: 360, rect: true, color: 0xcc000000, shader: { type: Lightning.shaders.RoundedRectangle, radius: layout.radius } },
      Lines: {
        x: 24,
        y: 20,
        text: { text: '', fontFace: 'monospace', fontSize: 24, lineHeight: 36, textColor: 0xff7dffa0, wordWrapWidth: WIDTH - 48 },
      },
    }
  }

  private readonly Lines = this.getByRef('Lines')!

  update(state: PlayerState, qoe: QoeSnapshot): void {
    this.Lines.text = [
      t('player.debug.title'),
      t('player.debug.state', { value: state }),
      t('player.debug.ttff', { value: seconds(qoe.timeToFirstFrameMs) }),
      t('player.debug.rebuffers', { count: qoe.rebufferCount, time: seconds(qoe.rebufferMs) }),
      t('player.debug.bitrate', { value: qoe.bandwidth === null ? '—' : `${Math.round(qoe.bandwidth / 1000)} kbps`, height: qoe.height === null ? '—' : `${qoe.height}p` }),
      t('player.debug.switches', { value: qoe.bitrateSwitches }),
      t('player.debug.errors', { value: qoe.errors }),
      t('player.debug.drm', { format: qoe.format?.toUpperCase() ?? '—', value: qoe.keySystem ?? '—' }),
    ].join('\n')
  }
}
