// /pay/:id: the phone page of scan-to-pay. The unguessable purchase id in the QR is the capability.
import type { FastifyInstance, FastifyReply } from 'fastify'
import { Type } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import type { Ctx } from '../lib/context'
import { ApiError } from '../lib/errors'
import { cancelPurchase, completePurchase, getPurchase, type PurchaseRow } from '../routes/purchases'
import { page, t, yuan } from './layout'

const PayParamsSchema = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }) })
const PayFormSchema = Type.Object({ action: Type.Union([Type.Literal('confirm'), Type.Literal('cancel')]) }, { additionalProperties: true })

function html(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body)
}

function describe(ctx: Ctx, row: PurchaseRow): string {
  if (row.kind === 'subscription') {
    const plan = ctx.catalog.plans.find((p) => p.id === row.plan_id)
    return t(plan?.zh ?? 'VIP', plan?.en ?? 'VIP')
  }
  const title = row.title_id ? ctx.catalog.byId.get(row.title_id) : undefined
  const what = row.kind === 'rent' ? ['租借', 'Rent'] : ['购买', 'Buy']
  return t(`${what[0]}《${title?.titleZh ?? row.title_id ?? ''}》`, `${what[1]}: ${title?.titleEn ?? row.title_id ?? ''}`)
}

function view(ctx: Ctx, row: PurchaseRow, message: string | null, ok: boolean): string {
  const account = ctx.db.prepare('SELECT name FROM accounts WHERE id = ?').get(row.account_id) as { name: string } | undefined
  const statusText: Record<PurchaseRow['status'], string> = {
    processing: t('处理中', 'Processing'),
    pending: t('待支付', 'Awaiting payment'),
    completed: t('已支付', 'Paid'),
    cancelled: t('已取消', 'Cancelled'),
    expired: t('已过期', 'Expired'),
  }
  const actions =
    row.status === 'pending'
      ? `<form method="post" action="/pay/${row.id}"><div class="buttons">
  <button class="secondary" name="action" value="cancel">${t('取消', 'Cancel')}</button>
  <button class="primary" name="action" value="confirm">${t('确认支付', 'Pay now')}</button>
</div></form>`
      : ''
  return page(
    'Pay',
    `<h1>${t('扫码支付', 'Scan to pay')}</h1>
${message ? `<div class="msg ${ok ? 'ok' : 'err'}">${message}</div>` : ''}
<div class="card">
  <div class="row"><div>${describe(ctx, row)}</div></div>
  <div class="row"><div>${t('账号', 'Account')}</div><div>${t(account?.name ?? '', '')}</div></div>
  <div class="row"><div>${t('状态', 'Status')}</div><div>${statusText[row.status]}</div></div>
  <div class="row"><div>${t('金额', 'Amount')}</div><div class="price">${yuan(row.price_minor)}</div></div>
</div>
${actions}`,
  )
}

export function registerPayPages(app: FastifyInstance, ctx: Ctx): void {
  const notFound = page('Not found', `<h1>${t('找不到该订单', 'No such payment')}</h1>`)

  app.get<{ Params: unknown }>('/pay/:id', { config: { doc: { summary: 'Phone page: a pending purchase', tags: ['pages'], auth: 'none', hidden: true } } }, async (req, reply) => {
    if (!Value.Check(PayParamsSchema, req.params)) return html(reply, 404, notFound)
    const row = getPurchase(ctx, req.params.id)
    if (!row || row.method !== 'scan') return html(reply, 404, notFound)
    return html(reply, 200, view(ctx, row, null, true))
  })

  app.post<{ Params: unknown; Body: unknown }>(
    '/pay/:id',
    { config: { doc: { summary: 'Phone page: confirm or cancel a pending purchase', tags: ['pages'], auth: 'none', hidden: true } } },
    async (req, reply) => {
      if (!Value.Check(PayParamsSchema, req.params)) return html(reply, 404, notFound)
      const row = getPurchase(ctx, req.params.id)
      if (!row || row.method !== 'scan') return html(reply, 404, notFound)
      if (!Value.Check(PayFormSchema, req.body)) return html(reply, 400, view(ctx, row, t('无效的操作。', 'Unknown action.'), false))
      if (row.status !== 'pending') {
        return html(reply, 409, view(ctx, row, t('该订单已无法支付。', 'This payment can no longer be changed.'), false))
      }
      if (req.body.action === 'cancel') {
        const after = cancelPurchase(ctx, row.id) ?? row
        return html(reply, 200, view(ctx, after, t('已取消，未扣款。', 'Cancelled; you were not charged.'), true))
      }
      try {
        const done = completePurchase(ctx, row.id)
        return html(reply, 200, view(ctx, done, t('支付成功，请回到电视观看。', 'Paid. Go back to the TV to watch.'), true))
      } catch (err) {
        if (err instanceof ApiError && err.code === 'already_entitled') {
          const after = cancelPurchase(ctx, row.id) ?? row
          return html(reply, 409, view(ctx, after, t('您已拥有该内容，未扣款。', 'You already have this; you were not charged.'), false))
        }
        throw err
      }
    },
  )
}
