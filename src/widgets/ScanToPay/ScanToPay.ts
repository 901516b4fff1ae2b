import { Lightning } from '@lightningjs/sdk'
import { colors, layout, lineLimit } from '../../components/theme'
import { textStyle } from '../Purchase/Dialog.styles'

interface ScanToPayTemplateSpec extends Lightning.Component.TemplateSpec {
  Frame: { Code: Lightning.Element }
  Instructions: Lightning.Element
  Link: Lightning.Element
  Countdown: Lightning.Element
}

export const QR_SIZE = 360
const FRAME_PAD = 20
const TEXT_X = QR_SIZE + FRAME_PAD * 2 + 56
const TEXT_W = 560

/**
 * A QR code to pay on the phone, with what to do and how long the code lasts.
 * The QR is the server's PNG of the pay page (GET /v1/qr.png?data=...),
 * drawn as a Lightning image on a white quiet zone so phones read it on dark panels.
 */
export class ScanToPay
  extends Lightning.Component<ScanToPayTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<ScanToPayTemplateSpec>
{
  static override _template(): Lightning.Component.Template<ScanToPayTemplateSpec> {
    return {
      h: QR_SIZE + FRAME_PAD * 2,
      Frame: {
        w: QR_SIZE + FRAME_PAD * 2,
        h: QR_SIZE + FRAME_PAD * 2,
        rect: true,
        color: 0xffffffff,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: layout.radius },
        Code: { x: FRAME_PAD, y: FRAME_PAD, w: QR_SIZE, h: QR_SIZE },
      },
      Instructions: { x: TEXT_X, y: 8, text: textStyle('body', TEXT_W) },
      // A URL has no spaces to wrap at: break it anywhere.
      Link: { x: TEXT_X, y: 170, text: { ...textStyle('caption', TEXT_W), ...lineLimit(2), wordBreak: true } },
      Countdown: { x: TEXT_X, y: 300, text: { ...textStyle('caption', TEXT_W), textColor: colors.accent } },
    }
  }

  private readonly Code = this.getByRef('Frame')!.getByRef('Code')!
  private readonly Instructions = this.getByRef('Instructions')!
  private readonly Link = this.getByRef('Link')!
  private readonly Countdown = this.getByRef('Countdown')!

  /** `qrUrl`: the PNG to show; `link`: the address spelled out for phones without a camera app. */
  show(qrUrl: string, instructions: string, link: string): void {
    this.Code.patch({ src: qrUrl, w: QR_SIZE, h: QR_SIZE })
    this.Instructions.text = instructions
    this.Link.text = link
    this.Countdown.text = ''
  }

  set countdown(text: string) {
    this.Countdown.text = text
  }
}
