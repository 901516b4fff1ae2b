import { Lightning, Router } from '@lightningjs/sdk'
import { t } from '../../i18n'
import { Button } from '../../components/Button/Button'
import { AppError } from '../../api/errors'
import type { PageTypeConfig } from '../page'
import { failureMessage } from '../failure-message'
import { colors, layout, lineLimit, typography } from '../../components/theme'

interface ErrorTemplateSpec extends Lightning.Component.TemplateSpec {
  Title: Lightning.Element
  Message: Lightning.Element
  Detail: Lightning.Element
  Retry: typeof Button
  Home: typeof Button
}

/** What the Router hands the '!' route when a page's data loading fails. */
interface FailedRequest {
  hash?: string
  error?: unknown
}

/** The failure in the viewer's words; the API's own message is for logs, not for the screen. */
function describe(error: unknown): string {
  // A failure worth retrying says offline only when no answer came; a refusal or not-found is said by the page's message.
  if (error instanceof AppError) return error.transient ? failureMessage(error) : ''
  if (error instanceof Error) return error.message
  if (typeof error === 'string') return error
  return ''
}

/** Space between the message and the detail under it, and between the last text and the buttons. */
const DETAIL_GAP = 24
const BUTTONS_GAP = 64

function isNotFound(error: unknown): boolean {
  return error instanceof AppError && error.kind === 'not-found'
}

/** The Router's error route ('!') and the not-found route ('*'): says what happened, offers a way on. */
export class ErrorPage
  extends Lightning.Component<ErrorTemplateSpec, PageTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<ErrorTemplateSpec>
{
  static override _template(): Lightning.Component.Template<ErrorTemplateSpec> {
    return {
      Title: { x: layout.safeX * 2, y: 300, text: { text: '', ...typography.display, textColor: colors.text } },
      Message: {
        x: layout.safeX * 2,
        y: 420,
        text: { text: '', ...typography.body, textColor: colors.textMuted, wordWrapWidth: 1400 },
      },
      // Placed under the message, and the buttons under the last text, once the texts are known (placeTexts).
      Detail: {
        x: layout.safeX * 2,
        text: { text: '', ...typography.caption, textColor: colors.textMuted, wordWrapWidth: 1400, ...lineLimit(2) },
      },
      Retry: { type: Button, x: layout.safeX * 2 },
      Home: { type: Button, x: layout.safeX * 2 + 360 },
    }
  }

  private readonly Title = this.getByRef('Title')!
  private readonly Message = this.getByRef('Message')!
  private readonly Detail = this.getByRef('Detail')!
  private readonly Retry = this.getByRef('Retry')!
  private readonly Home = this.getByRef('Home')!
  private _failedHash: string | null = null
  private _focusIndex = 0

  override _onUrlParams(params: Router.PageParams): void {
    const request = (params as { request?: FailedRequest }).request
    const notFound = !request || isNotFound(request.error)
    // Retrying a title that does not exist cannot help: only Home is offered.
    this._failedHash = request?.hash && request.hash !== '!' && !notFound ? request.hash : null
    this._focusIndex = this._failedHash ? 0 : 1
    this.Title.text = t('error.title')
    this.Message.text = notFound ? t('error.notFound') : t('error.generic')
    this.Detail.text = describe(request?.error)
    this.placeTexts()
    this.Retry.label = t('error.retry')
    this.Retry.visible = this._failedHash !== null
    // Home takes Retry's place when there is nothing to retry.
    this.Home.x = this.Retry.visible ? layout.safeX * 2 + 360 : layout.safeX * 2
    this.Home.label = t('error.home')
    this._refocus()
  }

  /** The detail right under the message (which may wrap), the buttons under the last line shown, with no gap left empty. */
  private placeTexts(): void {
    this.Message.loadTexture()
    this.Detail.y = this.Message.y + this.Message.renderHeight + DETAIL_GAP
    this.Detail.loadTexture()
    const last = this.Detail.renderHeight > 0 ? this.Detail : this.Message
    this.Retry.y = this.Home.y = last.y + last.renderHeight + BUTTONS_GAP
  }

  override _getFocused(): Lightning.Component {
    return this._focusIndex === 0 ? this.Retry : this.Home
  }

  override _handleLeft(): void {
    if (this._failedHash) this._focusIndex = 0
  }

  override _handleRight(): void {
    this._focusIndex = 1
  }

  override _handleEnter(): void {
    if (this._focusIndex === 0 && this._failedHash) Router.navigate(this._failedHash, { reload: true }, false)
    else Router.navigate('home', { reload: true }, false)
  }
}
