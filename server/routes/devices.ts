import type { FastifyInstance } from 'fastify'
import {
  ErrorSchema, RegisterDeviceRequestSchema, RegisterDeviceResponseSchema,
  type RegisterDeviceRequest, type RegisterDeviceResponse,
} from '../contract'
import type { Ctx } from '../lib/context'
import { randomId } from '../lib/tokens'

export const DEVICE_TOKEN_TTL_MS = 365 * 24 * 3600 * 1000

export function createDevice(ctx: Ctx, platform: string, model: string | null): RegisterDeviceResponse {
  const now = ctx.now()
  const deviceId = randomId('dev')
  ctx.db.prepare('INSERT INTO devices (id, platform, model, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)').run(deviceId, platform, model, now, now)
  const exp = now + DEVICE_TOKEN_TTL_MS
  const token = ctx.signer.sign({ typ: 'device', dev: deviceId, iat: Math.floor(now / 1000), exp: Math.floor(exp / 1000) })
  return { deviceId, token, expiresAt: new Date(exp).toISOString() }
}

export function registerDeviceRoutes(app: FastifyInstance, ctx: Ctx): void {
  app.post<{ Body: RegisterDeviceRequest }>(
    '/v1/devices',
    {
      schema: { body: RegisterDeviceRequestSchema, response: { 201: RegisterDeviceResponseSchema, 400: ErrorSchema } },
      config: { doc: { summary: 'Register a device; returns an anonymous device token', tags: ['auth'], auth: 'none' } },
    },
    async (req, reply): Promise<RegisterDeviceResponse> => {
      void reply.code(201)
      return createDevice(ctx, req.body.platform, req.body.model ?? null)
    },
  )
}
