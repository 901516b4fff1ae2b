import type { Lightning } from '@lightningjs/sdk'
import type { FontStage } from '../i18n/fonts'

/** The SDK's Application adds these to Lightning's; its typings leave them out. */
export interface SdkApplication {
  /** Hands over to platformSettings.onClose: the platform's way of leaving. */
  closeApp(): void
  /** Tears the app down: removes the tree, frees textures and fonts. */
  close(): void
  stage: { getCanvas(): HTMLCanvasElement } & FontStage
}

export function asSdkApplication(app: Lightning.Application | object): SdkApplication {
  return app as unknown as SdkApplication
}

export function closeApp(app: Lightning.Application): void {
  asSdkApplication(app).closeApp()
}
