declare const __APP_VERSION__: string
declare const __BUNDLE_FLAVOUR__: 'modern' | 'legacy'

/** Replaced at build time from package.json (rollup.config.js); "dev" in unit tests. */
export const APP_VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev'
export const BUNDLE_FLAVOUR: string = typeof __BUNDLE_FLAVOUR__ === 'string' ? __BUNDLE_FLAVOUR__ : 'dev'
