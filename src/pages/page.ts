import type { Lightning } from '@lightningjs/sdk'

/** Type config for Router pages: gives them typed `widgets` and `params`. */
export interface PageTypeConfig extends Lightning.Component.TypeConfig {
  IsPage: true
}
