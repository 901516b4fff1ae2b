import { Lightning } from '@lightningjs/sdk'
import { colors, lineLimit, typography } from '../../components/theme'

interface Holding {
  name: string
  /** "Rented · 47 h left", "Owned". */
  status: string
}

interface HoldingRowTemplateSpec extends Lightning.Component.TemplateSpec {
  Name: Lightning.Element
  Status: Lightning.Element
  holding: Holding
}

/** Room between a cut name and its status. */
const GAP = 24

/**
 * One rental or purchase on the Account page: its name, and its status at the
 * row's right edge. The name is drawn once the status is, cut to the room the
 * status leaves, so a long name never hides how long a rental has left. The
 * row's `w` is the column's width.
 */
export class HoldingRow
  extends Lightning.Component<HoldingRowTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<HoldingRowTemplateSpec>
{
  static override _template(): Lightning.Component.Template<HoldingRowTemplateSpec> {
    return {
      Name: { text: { text: '', ...typography.body, textColor: colors.text, ...lineLimit(1) } },
      Status: { x: (w: number) => w, mountX: 1, text: { text: '', ...typography.body, textColor: colors.textMuted } },
    }
  }

  private readonly Name = this.getByRef('Name')!
  private readonly Status = this.getByRef('Status')!
  private _name = ''

  override _init(): void {
    this.Status.on('txLoaded', () => {
      this.Name.patch({ text: { text: this._name, wordWrapWidth: Math.max(0, this.w - this.Status.renderWidth - GAP) } })
    })
  }

  set holding(holding: Holding) {
    this._name = holding.name
    this.Status.text = holding.status
  }
}
