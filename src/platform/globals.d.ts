// The slices of the TV vendors' global APIs that src/platform/ uses.
interface TizenTvInputDevice {
  registerKey(keyName: string): void
  registerKeyBatch?(keyNames: string[], onSuccess?: () => void, onError?: (error: Error) => void): void
}
interface TizenApplication {
  exit(): void
}
interface TizenGlobal {
  tvinputdevice?: TizenTvInputDevice
  application?: { getCurrentApplication(): TizenApplication }
}
interface WebOSGlobal {
  platformBack?(): void
  deviceInfo?(callback: (info: { modelName?: string; screenWidth?: number; screenHeight?: number }) => void): void
}
interface Window {
  tizen?: TizenGlobal
  webOS?: WebOSGlobal
  PalmSystem?: unknown
}
