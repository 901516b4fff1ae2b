// The slices of the TV vendors' global APIs that src/platform/ uses.
interface TizenTvInputDevice {
  registerKey(keyName: string): void
  registerKeyBatch?(keyNames: string[], onSuccess?: () => void, onError?: (error: Error) => void): void
}
/** A launch request: Smart Hub previews and other apps pass deep links in its data. */
interface TizenAppControl {
  operation: string
  uri?: string | null
  data: Array<{ key: string; value: string[] }>
}
interface TizenApplication {
  exit(): void
  getRequestedAppControl?(): { appControl: TizenAppControl } | null
}
interface TizenSystemInfo {
  getPropertyValue(
    property: 'DISPLAY',
    onSuccess: (display: { resolutionWidth: number; resolutionHeight: number }) => void,
    onError?: (error: Error) => void,
  ): void
}
interface TizenGlobal {
  tvinputdevice?: TizenTvInputDevice
  application?: { getCurrentApplication(): TizenApplication }
  systeminfo?: TizenSystemInfo
}
/** Samsung's webapis.js (loaded by the packaged index.html from $WEBAPIS). */
interface SamsungWebApis {
  productinfo?: { isUdPanelSupported?(): boolean; is8KPanelSupported?(): boolean }
  appcommon?: {
    setScreenSaver(state: number, onSuccess?: (() => void) | null, onError?: ((error: Error) => void) | null): void
    AppCommonScreenSaverState: { SCREEN_SAVER_OFF: number; SCREEN_SAVER_ON: number }
  }
  tvinfo?: {
    getMenuValue(key: number): number
    TvInfoMenuKey: { VOICE_GUIDE_KEY: number }
    TvInfoMenuValue?: { ON: number }
  }
}
interface WebOSDeviceInfo {
  modelName?: string
  screenWidth?: number
  screenHeight?: number
  uhd?: boolean
  uhd8K?: boolean
}
/** webOSTV.js, when an operator's wrapper includes it. */
interface WebOSGlobal {
  platformBack?(): void
  deviceInfo?(callback: (info: WebOSDeviceInfo) => void): void
}
/** Built into LG's web runtime: launch parameters, device info, bringing the app forward. */
interface PalmSystemGlobal {
  /** JSON of the parameters the app was launched with (deep links: `contentTarget`). */
  launchParams?: string
  /** JSON with screenWidth/screenHeight, modelName … */
  deviceInfo?: string
  /** Brings the app to the foreground: an app that handles relaunch must call it itself. */
  activate?(): void
}
interface PalmServiceBridgeInstance {
  onservicecallback: ((message: string) => void) | null
  call(uri: string, parameters: string): void
}
interface Window {
  tizen?: TizenGlobal
  webapis?: SamsungWebApis
  webOS?: WebOSGlobal
  PalmSystem?: PalmSystemGlobal
  /** PalmSystem's name from webOS TV 6 on. */
  webOSSystem?: PalmSystemGlobal
  PalmServiceBridge?: new () => PalmServiceBridgeInstance
  /** Missing on old TV engines, so optional here. */
  SpeechSynthesisUtterance?: typeof SpeechSynthesisUtterance
}
