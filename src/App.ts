import { Lightning, Router } from '@lightningjs/sdk'
import { Menu } from './widgets/Menu/Menu'
import { QuestionDialog, type Question } from './widgets/QuestionDialog/QuestionDialog'
import { Commerce } from './widgets/Purchase/Commerce'
import type { PurchaseRequest } from './widgets/Purchase/request'
import { needsPin, type Rating } from './domain'
import { signedInAccount } from './api/session'
import { Toast } from './widgets/Toast/Toast'
import { routerConfig } from './routes'
import { languageConfig, t } from './i18n'
import { closeApp } from './platform/application'
import { announceFocus } from './a11y'
import { showScene } from './pages/scene'
import { useExactSampling } from './components/render/ExactSamplingShader'

interface AppTemplateSpec extends Router.App.TemplateSpec {
  Widgets: {
    Menu: typeof Menu
  }
  QuestionDialog: typeof QuestionDialog
  Commerce: typeof Commerce
  Toast: typeof Toast
}

/**
 * The root: the Router's pages and widgets, plus the keys that belong to the
 * whole app (Back with no history left asks to exit).
 */
export default class App extends Router.App {
  private backOnArrival = false

  static getFonts(): [] {
    // Text uses the device's system fonts, which carry CJK on TVs sold in China.
    return []
  }

  static language(): { file: string; language: string } {
    return languageConfig()
  }

  static override _template(): Lightning.Component.Template<AppTemplateSpec> {
    return {
      ...super._template(),
      Widgets: {
        Menu: { type: Menu },
      },
      // QuestionDialog and Commerce are added on first use (questionDialog(), commerce()); their zIndex puts them under the toast.
      Toast: { type: Toast },
    }
  }

  override _setup(): void {
    useExactSampling(this.stage)
    showScene(this.stage, 'background')
    Router.startRouter(
      routerConfig(() => this.pageShown()),
      this,
    )
  }

  /**
   * Back while a page is on its way: the Router puts the page it leaves into its history only once the new one
   * shows, so Back now would go a page too far (Home, from a second title's details) or ask to exit over a page
   * still loading. It goes back once the page shows. A dialog's Back stays the dialog's.
   */
  override _captureBack(): boolean {
    const state = this._getState()
    if (!Router.isNavigating() || state === 'Asking' || state === 'ShowingCommerce') return false
    this.backOnArrival = true
    return true
  }

  private pageShown(): void {
    if (!this.backOnArrival) return
    this.backOnArrival = false
    // Once the Router is done with the page (it empties its queue after this hook returns).
    setTimeout(() => Router.back())
  }

  $showToast(message: string): void {
    this.tag('Toast').show(message)
  }

  /** Pages sell a title: `fireAncestors('$purchase', request)`; signs in first when needed, plays once bought. */
  $purchase(request: PurchaseRequest): Promise<boolean> {
    return this.withCommerce((commerce) => commerce.purchase(request))
  }

  /** The device-code sign-in; true once signed in. */
  $signIn(): Promise<boolean> {
    return this.withCommerce((commerce) => commerce.signIn())
  }

  /** Before the first play of a rental (it starts the 48 h window); true to play. */
  $confirmRentalStart(titleId: string): Promise<boolean> {
    return this.withCommerce((commerce) => commerce.confirmRentalStart(titleId))
  }

  /** A title above the account's rating limit asks for the PIN; true when it may play. */
  $checkParental(rating: Rating): Promise<boolean> {
    // Every Play asks: answer the usual "no PIN needed" without building the dialogs (~150 ms on the first Play).
    const account = signedInAccount()
    if (account === null || !needsPin(rating, account.ratingLimit)) return Promise.resolve(true)
    return this.withCommerce((commerce) => commerce.checkParental(rating))
  }

  /** A yes/no question over the page (Home's "Remove … from Continue watching?"); true for yes. */
  $ask(question: Question): Promise<boolean> {
    return new Promise((resolve) => {
      const answer = (yes: boolean): void => {
        this._setState('')
        resolve(yes)
      }
      this.questionDialog().open(question, { onConfirm: () => answer(true), onCancel: () => answer(false) })
      this._setState('Asking')
    })
  }

  /** The Account page's "Change PIN"; true when changed. */
  $changePin(hasPin: boolean): Promise<boolean> {
    return this.withCommerce((commerce) => commerce.changePin(hasPin))
  }

  /** Focus stays on the commerce dialogs while one is up, then returns to the page. */
  private async withCommerce<T>(run: (commerce: Commerce) => Promise<T>): Promise<T> {
    const commerce = this.commerce()
    this._setState('ShowingCommerce')
    try {
      return await run(commerce)
    } finally {
      if (!commerce.hasOpenDialog) this._setState('')
    }
  }

  /** The commerce dialogs, built on first use: building their LUI keyboards took ~0.6 s of start-up at 4× CPU throttling (npm run bench). */
  private commerce(): Commerce {
    const built = this.tag('Commerce') as Commerce | undefined
    if (built) return built
    // Above the pages and the exit dialog, under the toast.
    this.childList.addAt(this.stage.c({ ref: 'Commerce', type: Commerce }), this.childList.getIndex(this.tag('Toast')))
    return this.tag('Commerce')
  }

  /** The question dialog, built the first time a question is asked rather than before Home's first frame. */
  private questionDialog(): QuestionDialog {
    const built = this.tag('QuestionDialog') as QuestionDialog | undefined
    if (built) return built
    this.childList.addAt(this.stage.c({ ref: 'QuestionDialog', type: QuestionDialog }), this.childList.getIndex(this.tag('Toast')))
    return this.tag('QuestionDialog')
  }

  /** OK held down repeats its keydown: one press acts once (a hold that opened a dialog must not answer it). */
  override _captureEnter(event: KeyboardEvent): boolean {
    return event.repeat
  }

  /** Voice guidance reads what gained focus (src/a11y: silent unless turned on). */
  override _focusChange(): void {
    announceFocus(this.application.focusPath)
  }

  /**
   * The remote's Search key: Search from any page or the menu (the Search page takes it to its keyboard, the
   * player stops its play first). Not while the app is still starting.
   */
  _handleSearch(): void {
    if (Router.getActiveRoute() === '$') return
    Router.focusPage()
    if (!Router.getActiveHash()?.startsWith('search')) Router.navigate('search')
  }

  /**
   * The remote's Menu key (Home on a keyboard) moves to the menu on the pages that show it; pressed again there, the
   * Router's widget state gives the focus back to the page (its `_handleKey` takes every key the menu does not).
   */
  _handleMenu(): void {
    if (this.tag('Widgets.Menu')?.visible) Router.focusWidget('Menu')
  }

  /** With the menu focused, the Router's widget state takes every key it has no handler for (its `_handleKey`): Search is caught first. */
  _captureSearch(): boolean {
    if (this._getState() !== 'Widgets') return false
    this._handleSearch()
    return true
  }

  /** Router calls this when Back has no history left: on Home. */
  override _handleAppClose(): void {
    const exit = { title: t('exit.title'), confirm: t('exit.confirm'), cancel: t('exit.cancel') }
    void this.$ask(exit).then((yes) => {
      if (yes) closeApp(this.application)
    })
  }

  static override _states(): Lightning.Component.Constructor[] {
    return [
      ...super._states(),
      class ShowingCommerce extends this {
        override _getFocused(): Lightning.Component {
          return this.commerce()
        }
        // A dialog keeps the focus until it is answered (or Back closes it).
        override _handleSearch(): void {}
        override _handleMenu(): void {}
      },
      class Asking extends this {
        override $exit(): void {
          this.questionDialog().close()
        }
        override _getFocused(): Lightning.Component {
          return this.questionDialog()
        }
        override _handleSearch(): void {}
        override _handleMenu(): void {}
      },
    ]
  }
}
