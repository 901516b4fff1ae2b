import { Lightning } from '@lightningjs/sdk'
import { Keyboard } from '@lightningjs/ui-components'
import { KEY_ROWS, keyboardStyle, type ActionKeyId } from './SearchKeyboard.styles'
import type { KeyboardEdit } from '../../domain'
import { ACTION_KEYS, editFor } from './keys'

export interface SearchKeyboardLabels {
  space: string
  delete: string
  clear: string
}

interface SoftKeyEvent {
  key: string
}

interface SearchKeyboardTemplateSpec extends Lightning.Component.TemplateSpec {
  Keys: typeof Keyboard
}


/**
 * The LUI keyboard with Marquee's layout (a–z, 0–9, then Space, Delete and
 * Clear) and localized action keys. Each press is reported as a KeyboardEdit;
 * the page applies it with the domain's rules.
 */
export class SearchKeyboard
  extends Lightning.Component<SearchKeyboardTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<SearchKeyboardTemplateSpec>
{
  static override _template(): Lightning.Component.Template<SearchKeyboardTemplateSpec> {
    return { Keys: { type: Keyboard } }
  }

  onEdit: (edit: KeyboardEdit) => void = () => undefined
  /** Right on the last key of a row: the page moves on (to the results); false keeps focus here. */
  onRightEdge: () => boolean = () => false
  private readonly Keys = this.getByRef('Keys')!

  /** Builds (or rebuilds, after a language switch) the keys with these labels. */
  setLabels(labels: SearchKeyboardLabels): void {
    // Action keys are two letter-keys wide ('md'), so the last row spans the six columns.
    const action = (keyId: ActionKeyId): Record<string, unknown> => ({ title: labels[keyId], keyId, size: 'md' })
    this.Keys.style = { keySpacing: keyboardStyle.keySpacing }
    this.Keys.patch({
      defaultFormat: 'letters',
      formats: { letters: [...KEY_ROWS.map((row) => [...row]), ACTION_KEYS.map(action)] },
    })
  }

  override _getFocused(): Lightning.Component {
    return this.Keys
  }

  /** Whether the focused key is the last of its row. */
  private atRightEdge(): boolean {
    const { row, column } = this.Keys.getSelectedKey()
    const rowLength = row < KEY_ROWS.length ? (KEY_ROWS[row]?.length ?? 0) : ACTION_KEYS.length
    return column >= rowLength - 1
  }

  /** Seen before LUI's rows, which swallow Right at their end. */
  override _captureRight(): boolean {
    return this.atRightEdge() && this.onRightEdge()
  }

  /** Fired by every LUI Key on Enter. */
  $onSoftKey(event: SoftKeyEvent): void {
    this.onEdit(editFor(event.key))
  }
}
