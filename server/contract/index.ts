// The Marquee operator API contract: TypeBox schemas (JSON Schema) the server
// validates with and documents in /v1/openapi.json, and their static types.
// The TV app imports the types only: `import type { TitleDetails } from '../../server/contract'`.
export * from './common'
export * from './catalog'
export * from './auth'
export * from './purchases'
export * from './me'
export * from './playback'
export * from './events'
