// /activate: the phone page of the TV sign-in (RFC 8628 verification URI).
import type { FastifyInstance, FastifyReply } from 'fastify'
import { Type } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import type { Ctx } from '../lib/context'
import { randomId } from '../lib/tokens'
import { normalizeUserCode } from '../routes/auth'
import { esc, page, t } from './layout'

export const ActivateFormSchema = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 20 }),
    account: Type.String({ minLength: 3, maxLength: 64, pattern: '^[A-Za-z0-9_.+@-]+$' }),
    action: Type.Union([Type.Literal('approve'), Type.Literal('deny')]),
  },
  { additionalProperties: true },
)

function form(code: string, account: string, message: string | null): string {
  return page(
    'Sign in',
    `<h1>${t('在电视上登录', 'Sign in on your TV')}</h1>
<p>${t('输入电视上显示的代码，以及您的手机号或邮箱。', 'Enter the code shown on the TV and your phone number or email.')}</p>
${message ? `<div class="msg err">${message}</div>` : ''}
<form method="post" action="/activate">
  <label for="code">${t('电视代码', 'TV code')}</label>
  <input class="code" id="code" name="code" value="${esc(code)}" placeholder="XXXX-XXXX" autocomplete="off" autocapitalize="characters" required maxlength="20">
  <label for="account">${t('手机号或邮箱', 'Phone number or email')}</label>
  <input id="account" name="account" value="${esc(account)}" placeholder="demo" autocomplete="username" required maxlength="64">
  <div class="buttons">
    <button class="secondary" name="action" value="deny">${t('拒绝', 'Deny')}</button>
    <button class="primary" name="action" value="approve">${t('确认登录', 'Approve')}</button>
  </div>
</form>`,
  )
}

function html(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body)
}

export function registerActivatePages(app: FastifyInstance, ctx: Ctx): void {
  app.get<{ Querystring: Record<string, string | string[] | undefined> }>(
    '/activate',
    { config: { doc: { summary: 'Phone page: approve a TV sign-in', tags: ['pages'], auth: 'none', hidden: true } } },
    async (req, reply) => {
      const code = typeof req.query.code === 'string' ? req.query.code.slice(0, 20) : ''
      return html(reply, 200, form(code, '', null))
    },
  )

  app.post<{ Body: unknown }>(
    '/activate',
    { config: { doc: { summary: 'Phone page: approve or deny a TV sign-in', tags: ['pages'], auth: 'none', hidden: true } } },
    async (req, reply) => {
      const body = req.body
      const raw = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>
      const code = typeof raw.code === 'string' ? raw.code.slice(0, 20) : ''
      const account = typeof raw.account === 'string' ? raw.account.trim().slice(0, 64) : ''
      const input = { ...raw, account }
      if (!Value.Check(ActivateFormSchema, input)) {
        return html(reply, 400, form(code, account, t('请填写电视代码和手机号/邮箱（3–64 个字符）。', 'Enter the TV code and a phone number or email (3–64 characters).')))
      }
      const userCode = normalizeUserCode(code)
      const now = ctx.now()
      const row = userCode
        ? (ctx.db.prepare('SELECT device_code, status, expires_at FROM device_codes WHERE user_code = ?').get(userCode) as
            | { device_code: string; status: string; expires_at: number }
            | undefined)
        : undefined
      if (!row || row.status !== 'pending') {
        return html(reply, 404, form(code, account, t('代码无效或已使用，请查看电视上的新代码。', 'That code is not valid or was already used; check the TV for a new one.')))
      }
      if (row.expires_at <= now) {
        return html(reply, 410, form('', account, t('代码已过期，请在电视上重新开始。', 'The code has expired; start again on the TV.')))
      }
      if (input.action === 'deny') {
        ctx.db.prepare("UPDATE device_codes SET status = 'denied' WHERE device_code = ?").run(row.device_code)
        return html(reply, 200, page('Denied', `<h1>${t('已拒绝', 'Sign-in denied')}</h1><div class="msg ok">${t('电视不会登录。', 'The TV will not be signed in.')}</div>`))
      }
      ctx.db.transaction((): string => {
        const existing = ctx.db.prepare('SELECT id FROM accounts WHERE name = ?').get(account) as { id: string } | undefined
        const id = existing?.id ?? randomId('acc')
        if (!existing) ctx.db.prepare('INSERT INTO accounts (id, name, created_at) VALUES (?, ?, ?)').run(id, account, now)
        ctx.db.prepare("UPDATE device_codes SET status = 'approved', account_id = ? WHERE device_code = ? AND status = 'pending'").run(id, row.device_code)
        return id
      })()
      return html(
        reply,
        200,
        page('Signed in', `<h1>${t('登录成功', 'You are signed in')}</h1><div class="msg ok">${t(`电视将以 ${account} 登录，请回到电视继续。`, `The TV is signing in as ${account}. Go back to the TV.`)}</div>`),
      )
    },
  )
}
