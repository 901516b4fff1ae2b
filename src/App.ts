import { Lightning, Router } from '@lightningjs/sdk'
import { Menu } from './widgets/Menu/Menu'
import { ExitDialog } from './widgets/ExitDialog/ExitDialog'
import { Toast } from './widgets/Toast/Toast'
import { routerConfig } from './routes'
import { languageConfig } from './i18n'
import { operatorSettings } from './settings'
import { closeApp } from './platform/application'
import { announceFocus } from './a11y'

interface AppTemplateSpec extends Router.App.TemplateSpec {
  Widgets: {
    Menu: typeof Menu
  }
  ExitDialog: typeof ExitDialog
  Toast: typeof Toast
}

/**
 * The root: the Router's pages and widgets, plus the keys that belong to the
 * whole app (Back with no history left asks to exit).
 */
export default class App extends Router.App {
  static getFonts(): [] {
    // Text uses the device's system fonts, which carry CJK on TVs sold in China.
    return []
  }

  static language(): { file: string; language: string } {
    return languageConfig(operatorSettings().locale.language)
  }

  static override _template(): Lightning.Component.Template<AppTemplateSpec> {
    return {
      ...super._template(),
      Widgets: {
        Menu: { type: Menu },
      },
      ExitDialog: { type: ExitDialog },
      Toast: { type: Toast },
    }
  }

  override _setup(): void {
    Router.startRouter(routerConfig(), this)
  }

  /** Voice guidance reads what gained focus (src/a11y: silent unless turned on). */
  override _focusChange(): void {
    announceFocus(this.application.focusPath)
  }

  $showToast(message: string): void {
    this.tag('Toast').show(message)
  }

  /** Router calls this when Back has no history left: on Home. */
  override _handleAppClose(): void {
    this._setState('Exiting')
  }

  static override _states(): Lightning.Component.Constructor[] {
    return [
      ...super._states(),
      class Exiting extends this {
        override $enter(): void {
          this.tag('ExitDialog').open({
            onCancel: () => this._setState(''),
            onConfirm: () => {
              this._setState('')
              closeApp(this.application)
            },
          })
        }
        override $exit(): void {
          this.tag('ExitDialog').close()
        }
        override _getFocused(): Lightning.Component {
          return this.tag('ExitDialog')
        }
      },
    ]
  }
}
