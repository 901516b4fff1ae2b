import type { FastifyInstance } from 'fastify'
import { AuthHeadersSchema, ErrorSchema, EventsRequestSchema, EventsResponseSchema, type EventsRequest, type EventsResponse } from '../contract'
import { viewerOf, type Ctx } from '../lib/context'

export function registerEventRoutes(app: FastifyInstance, ctx: Ctx): void {
  app.post<{ Body: EventsRequest }>(
    '/v1/events',
    {
      schema: { body: EventsRequestSchema, headers: AuthHeadersSchema, response: { 202: EventsResponseSchema, 400: ErrorSchema, 401: ErrorSchema, 413: ErrorSchema } },
      config: { doc: { summary: 'Batched QoE events (at most 100 per batch): { events: [{ type, titleId?, at, data? }] }', tags: ['events'], auth: 'optional' } },
    },
    async (req, reply): Promise<EventsResponse> => {
      const viewer = viewerOf(ctx, req)
      const now = ctx.now()
      const insert = ctx.db.prepare('INSERT INTO events (viewer_id, type, title_id, at, data_json, received_at) VALUES (?, ?, ?, ?, ?, ?)')
      ctx.db.transaction(() => {
        for (const e of req.body.events) {
          const at = typeof e.at === 'number' ? new Date(e.at).toISOString() : e.at
          insert.run(viewer.key, e.type, e.titleId ?? null, at, e.data === undefined ? null : JSON.stringify(e.data), now)
        }
      })()
      void reply.code(202)
      return { accepted: req.body.events.length }
    },
  )
}
