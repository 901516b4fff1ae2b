// The Marquee reference operator API: buildServer() returns a Fastify instance ready to listen.
import crypto from 'node:crypto'
import path from 'node:path'
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from 'fastify'
import { openDatabase } from './db'
import { seedDatabase } from './db/seed'
import { loadCatalog } from './lib/catalog'
import type { Ctx } from './lib/context'
import { ApiError, errorBody, parseJsonBody } from './lib/errors'
import { MediaLibrary } from './lib/media'
import { TokenSigner } from './lib/tokens'
import { typeboxValidatorCompiler } from './lib/validation'
import { collectRoutes, registerOpenApiRoute, type RouteDoc } from './routes/openapi'
import { registerCatalogRoutes } from './routes/catalog'
import { registerDeviceRoutes } from './routes/devices'
import { registerAuthRoutes } from './routes/auth'
import { registerMeRoutes } from './routes/me'
import { registerPurchaseRoutes, releaseAbandonedClaims } from './routes/purchases'
import { registerPlaybackRoutes } from './routes/playback'
import { registerLicenseRoutes } from './routes/license'
import { registerEventRoutes } from './routes/events'
import { registerImageRoutes } from './routes/images'
import { registerStaticRoutes } from './routes/static'
import { registerActivatePages } from './pages/activate'
import { registerPayPages } from './pages/pay'

declare module 'fastify' {
  interface FastifyContextConfig {
    doc?: RouteDoc
  }
}

export interface ServerOptions {
  /** Holds marquee.db (and, by default, the media). */
  dataDir: string
  /** Packaged media served at /media/ (default <dataDir>/media). */
  mediaDir?: string
  /** The built TV app served at / (optional). */
  appDir?: string
  /** Token signing secret (default: a random one per process). */
  secret?: string
  /** Clock in ms, for tests. */
  now?: () => number
  logger?: boolean
}

export const BODY_LIMIT = 256 * 1024

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const now = options.now ?? Date.now
  const db = openDatabase(path.join(options.dataDir, 'marquee.db'))
  seedDatabase(db)
  releaseAbandonedClaims({ db })
  const ctx: Ctx = {
    db,
    catalog: loadCatalog(db),
    media: new MediaLibrary(options.mediaDir ?? path.join(options.dataDir, 'media')),
    signer: new TokenSigner(options.secret ?? crypto.randomBytes(32).toString('hex')),
    now,
  }

  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT,
    trustProxy: false,
    return503OnClosing: true,
    schemaErrorFormatter: (errors, dataVar) =>
      new Error(`${dataVar}: ${errors.map((e) => `${e.instancePath || '/'} ${e.message ?? 'is not valid'}`).join('; ')}`),
    frameworkErrors: (err, _req, reply) => {
      // Fastify types this reply with the generic route's reply-code map; it is a plain reply here.
      void (reply as unknown as FastifyReply).code(400).send(errorBody('bad_request', err.message))
    },
  })
  app.addHook('onClose', async () => {
    db.close()
  })

  const routes = collectRoutes(app)
  app.setValidatorCompiler(typeboxValidatorCompiler)
  // Response schemas document the contract (OpenAPI); bodies are serialized as returned.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data))

  // JSON bodies: an empty body is no body; bad JSON is a 400 in the API's error shape.
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: BODY_LIMIT }, (_req, body, done) => {
    try {
      done(null, parseJsonBody(body))
    } catch (err) {
      done(err as ApiError, undefined)
    }
  })
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_req, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8')
    done(null, Object.fromEntries(new URLSearchParams(text)))
  })

  // CORS: the app may be served from a TV package origin (file://, app://) or another host.
  app.addHook('onRequest', async (req, reply) => {
    void reply.header('access-control-allow-origin', '*')
    void reply.header('access-control-expose-headers', 'Content-Length, Content-Range, Retry-After')
    if (req.method === 'OPTIONS') {
      void reply
        .header('access-control-allow-methods', 'GET, POST, PUT, DELETE, OPTIONS')
        .header('access-control-allow-headers', 'Authorization, Content-Type, Idempotency-Key, Accept-Language, Range')
        .header('access-control-max-age', '600')
        .code(204)
      return reply.send()
    }
    return undefined
  })

  app.setErrorHandler((err: FastifyError | ApiError, req, reply) => {
    if (err instanceof ApiError) return reply.code(err.statusCode).send(errorBody(err.code, err.message, err.extra))
    const status = typeof err.statusCode === 'number' ? err.statusCode : 500
    if (err.code === 'FST_ERR_VALIDATION' || err.validation) return reply.code(400).send(errorBody('invalid_request', err.message))
    if (status >= 400 && status < 500) {
      const codes: Record<string, string> = {
        FST_ERR_CTP_BODY_TOO_LARGE: 'body_too_large',
        FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
        FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
        FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
        FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
      }
      return reply.code(status).send(errorBody(codes[err.code] ?? 'bad_request', err.message))
    }
    req.log.error(err)
    return reply.code(500).send(errorBody('internal_error', 'Something went wrong on the server'))
  })
  app.setNotFoundHandler((req, reply) => {
    void reply.code(404).send(errorBody('not_found', `No route ${req.method} ${req.url.split('?')[0]}`))
  })

  registerCatalogRoutes(app, ctx)
  registerDeviceRoutes(app, ctx)
  registerAuthRoutes(app, ctx)
  registerMeRoutes(app, ctx)
  registerPurchaseRoutes(app, ctx)
  registerPlaybackRoutes(app, ctx)
  registerLicenseRoutes(app, ctx)
  registerEventRoutes(app, ctx)
  registerImageRoutes(app, ctx)
  registerActivatePages(app, ctx)
  registerPayPages(app, ctx)
  registerOpenApiRoute(app, routes)
  registerStaticRoutes(app, { mediaDir: ctx.media.dir, appDir: options.appDir })

  await app.ready()
  return app
}
