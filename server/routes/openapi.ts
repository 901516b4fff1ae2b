// GET /v1/openapi.json: an OpenAPI 3.1 document built from the routes' own TypeBox schemas.
import type { FastifyInstance, RouteOptions } from 'fastify'

export interface RouteDoc {
  summary: string
  tags: string[]
  /** none: no token; optional: device or account token changes the answer; device / account / license: required. */
  auth: 'none' | 'optional' | 'device' | 'account' | 'license'
  /** Not part of the JSON API (phone pages, media, images). */
  hidden?: boolean
}

export interface CollectedRoute {
  method: string
  url: string
  schema: Record<string, unknown>
  doc: RouteDoc | undefined
}

export function collectRoutes(app: FastifyInstance): CollectedRoute[] {
  const routes: CollectedRoute[] = []
  app.addHook('onRoute', (opts: RouteOptions) => {
    const methods = Array.isArray(opts.method) ? opts.method : [opts.method]
    for (const method of methods) {
      if (method === 'HEAD' || method === 'OPTIONS') continue
      routes.push({ method, url: opts.url ?? '', schema: (opts.schema ?? {}) as Record<string, unknown>, doc: opts.config?.doc })
    }
  })
  return routes
}

/** Strip TypeBox's symbol keys and `$id` so schemas can be inlined. */
function clean(schema: unknown): unknown {
  return JSON.parse(JSON.stringify(schema, (key, value: unknown) => (key === '$id' ? undefined : value))) as unknown
}

interface ObjectSchemaLike {
  properties?: Record<string, unknown>
  required?: string[]
}

function parametersOf(where: 'path' | 'query' | 'header', schema: unknown): unknown[] {
  const s = schema as ObjectSchemaLike | undefined
  if (!s?.properties) return []
  return Object.entries(s.properties)
    .filter(([name]) => !(where === 'header' && name === 'authorization'))
    .map(([name, sub]) => ({ name, in: where, required: where === 'path' || (s.required ?? []).includes(name), schema: clean(sub) }))
}

export function buildOpenApi(routes: CollectedRoute[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const r of routes) {
    if (!r.doc || r.doc.hidden) continue
    const p = r.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}')
    const responses: Record<string, unknown> = {}
    const resp = (r.schema.response ?? {}) as Record<string, unknown>
    for (const [status, schema] of Object.entries(resp)) {
      responses[status] = { description: status.startsWith('2') ? 'OK' : 'Error', content: { 'application/json': { schema: clean(schema) } } }
    }
    if (Object.keys(responses).length === 0) responses['200'] = { description: 'OK' }
    const op: Record<string, unknown> = {
      operationId: `${r.method.toLowerCase()}${p.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      summary: r.doc.summary,
      tags: r.doc.tags,
      parameters: [
        ...parametersOf('path', r.schema.params),
        ...parametersOf('query', r.schema.querystring),
        ...parametersOf('header', r.schema.headers),
      ],
      responses,
    }
    if (r.doc.auth === 'device' || r.doc.auth === 'account' || r.doc.auth === 'license') op.security = [{ bearer: [] }]
    if (r.doc.auth === 'optional') op.security = [{}, { bearer: [] }]
    if (r.schema.body) op.requestBody = { required: true, content: { 'application/json': { schema: clean(r.schema.body) } } }
    paths[p] = { ...(paths[p] ?? {}), [r.method.toLowerCase()]: op }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Marquee operator API',
      version: '1.0.0',
      description:
        'The contract between the Marquee TV app and an operator. Errors are { "error": { "code", "message" } }; ' +
        '402 from playback adds "offers"; PIN errors add "triesLeft" (403 pin_incorrect) or "unlocksAt" (423 pin_locked).',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'Device token (POST /v1/devices), account token (POST /v1/auth/token) or, for licenses, a license token' },
      },
    },
    paths,
  }
}

export function registerOpenApiRoute(app: FastifyInstance, routes: CollectedRoute[]): void {
  let cached: string | null = null
  app.get('/v1/openapi.json', { config: { doc: { summary: 'This document', tags: ['meta'], auth: 'none' } } }, async (_req, reply) => {
    cached ??= JSON.stringify(buildOpenApi(routes))
    return reply.type('application/json; charset=utf-8').send(cached)
  })
}
