// The baseline for the startup and key-to-frame benchmarks: a bare Lightning app (the SDK's Launch, the app's stage
// settings) drawing one text and moving focus between two boxes, built by the app's own rollup configuration.
import { Launch, Lightning } from '@lightningjs/sdk'
import { asSdkApplication } from '../../../src/platform/application'

interface BoxTemplateSpec extends Lightning.Component.TemplateSpec {
  Fill: Lightning.Element
}

/** A focusable rectangle that grows and lights up on focus, like a tile. */
class Box extends Lightning.Component<BoxTemplateSpec> implements Lightning.Component.ImplementTemplateSpec<BoxTemplateSpec> {
  static override _template(): Lightning.Component.Template<BoxTemplateSpec> {
    return { w: 320, h: 180, Fill: { w: 320, h: 180, rect: true, color: 0xff303040 } }
  }

  override _focus(): void {
    this.setSmooth('scale', 1.1, { duration: 0.2 })
    this.getByRef('Fill')!.setSmooth('color', 0xff3d7eff, { duration: 0.2 })
  }

  override _unfocus(): void {
    this.setSmooth('scale', 1, { duration: 0.2 })
    this.getByRef('Fill')!.setSmooth('color', 0xff303040, { duration: 0.2 })
  }
}

interface BareTemplateSpec extends Lightning.Component.TemplateSpec {
  Label: Lightning.Element
  First: typeof Box
  Second: typeof Box
}

class BareApp extends Lightning.Component<BareTemplateSpec> implements Lightning.Component.ImplementTemplateSpec<BareTemplateSpec> {
  static getFonts(): [] {
    return []
  }

  static override _template(): Lightning.Component.Template<BareTemplateSpec> {
    return {
      Label: { x: 100, y: 100, text: { text: 'Marquee', fontSize: 64, textColor: 0xffffffff } },
      First: { type: Box, x: 100, y: 300 },
      Second: { type: Box, x: 500, y: 300 },
    }
  }

  private _second = false

  override _init(): void {
    // Interactive: the first frame drawn with the text's texture loaded (the focus is set from the start).
    this.getByRef('Label')!.once('txLoaded', () => this.stage.once('frameEnd', () => performance.mark('bare:interactive')))
  }

  override _getFocused(): Lightning.Component {
    return this._second ? this.getByRef('Second')! : this.getByRef('First')!
  }

  override _handleLeft(): void {
    this._second = false
  }

  override _handleRight(): void {
    this._second = true
  }
}

// The app's stage settings (settings.json); the SDK deep-merges these partial sets over its defaults.
const appSettings = { stage: { w: 1920, h: 1080, precision: 1, clearColor: 0x00000000, useImageWorker: true }, debug: false }
const platformSettings = { path: './static', log: false, showFps: false, inspector: false }
const launched = asSdkApplication(
  Launch(BareApp, appSettings as unknown as Parameters<typeof Launch>[1], platformSettings as unknown as Parameters<typeof Launch>[2]),
)
document.body.appendChild(launched.stage.getCanvas())
