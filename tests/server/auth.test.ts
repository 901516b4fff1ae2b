import type { DeviceCodeResponse, MeResponse, TokenResponse, DevicesResponse } from '../../server/contract'
import { USER_CODE_ALPHABET } from '../../server/routes/auth'
import { call, postForm, registerDevice, signIn, startServer, type TestServer } from './helpers'

let server: TestServer

beforeAll(async () => {
  server = await startServer()
})
afterAll(async () => {
  await server.close()
})

const poll = (deviceCode: string) => call<TokenResponse & { error?: { code: string } }>(server.base, 'POST', '/v1/auth/token', { body: { deviceCode } })

describe('devices', () => {
  test('POST /v1/devices returns an anonymous device token that browses and reports anonymous', async () => {
    const device = await registerDevice(server.base)
    expect(device.deviceId).toMatch(/^dev_/)
    expect(device.token.split('.')).toHaveLength(2)
    const me = await call<MeResponse>(server.base, 'GET', '/v1/me', { token: device.token })
    expect(me.body).toEqual({ viewer: 'anonymous', deviceId: device.deviceId, account: null, subscription: null })
  })

  test('a tampered device token is refused', async () => {
    const device = await registerDevice(server.base)
    const [payload, sig] = device.token.split('.')
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), dev: 'dev_other' })).toString('base64url')
    const res = await call(server.base, 'GET', '/v1/me', { token: `${forged}.${sig}` })
    expect(res.status).toBe(401)
    expect(res.body).toMatchObject({ error: { code: 'token_invalid' } })
  })

  test('device tokens expire', async () => {
    const device = await registerDevice(server.base)
    server.clock.now += 366 * 24 * 3600 * 1000
    try {
      const res = await call(server.base, 'GET', '/v1/me', { token: device.token })
      expect(res.status).toBe(401)
      expect(res.body).toMatchObject({ error: { code: 'token_expired' } })
    } finally {
      server.clock.now -= 366 * 24 * 3600 * 1000
    }
  })
})

describe('device-code sign-in (RFC 8628)', () => {
  test('end to end: code, QR, pending, slow_down, /activate form, token, account', async () => {
    const device = await registerDevice(server.base)
    const res = await call<DeviceCodeResponse>(server.base, 'POST', '/v1/auth/device-code', { token: device.token })
    expect(res.status).toBe(200)
    const code = res.body
    expect(code.userCode).toMatch(new RegExp(`^[${USER_CODE_ALPHABET}]{4}-[${USER_CODE_ALPHABET}]{4}$`))
    expect(code.verificationUri).toBe(`${server.base}/activate`)
    expect(code.verificationUriComplete).toBe(`${server.base}/activate?code=${code.userCode}`)
    expect(code.expiresIn).toBe(600)
    expect(code.interval).toBe(5)
    const qr = await fetch(code.qrUrl)
    expect(qr.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await qr.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG')

    let p = await poll(code.deviceCode)
    expect(p.status).toBe(400)
    expect(p.body.error?.code).toBe('authorization_pending')
    p = await poll(code.deviceCode) // immediately again: too fast
    expect(p.body.error?.code).toBe('slow_down')

    const page = await fetch(code.verificationUriComplete)
    const html = await page.text()
    expect(page.headers.get('content-type')).toMatch(/text\/html/)
    expect(html).toContain(`value="${code.userCode}"`)
    expect(html).toContain('name="viewport"')
    expect(html).toMatch(/在电视上登录/)
    expect(html).toMatch(/Sign in on your TV/)

    // The code is typed in lower case with a space on the phone: still accepted.
    const typed = code.userCode.toLowerCase().replace('-', ' ')
    const approved = await postForm(server.base, '/activate', { code: typed, account: 'new.viewer@example.com', action: 'approve' })
    expect(approved.status).toBe(200)
    expect(approved.text).toMatch(/登录成功/)

    server.clock.now += 11_000
    p = await poll(code.deviceCode)
    expect(p.status).toBe(200)
    expect(p.body.account).toMatchObject({ name: 'new.viewer@example.com', hasPin: false, storedPaymentMethod: null })
    const me = await call<MeResponse>(server.base, 'GET', '/v1/me', { token: p.body.accessToken })
    expect(me.body.viewer).toBe('account')
    expect(me.body.deviceId).toBe(device.deviceId)
    // The code is single use.
    expect((await poll(code.deviceCode)).body.error?.code).toBe('invalid_grant')
    // Reusing the user code on the phone fails.
    const again = await postForm(server.base, '/activate', { code: code.userCode, account: 'someone', action: 'approve' })
    expect(again.status).toBe(404)
  })

  test('denied on the phone → access_denied', async () => {
    const code = (await call<DeviceCodeResponse>(server.base, 'POST', '/v1/auth/device-code')).body
    const denied = await postForm(server.base, '/activate', { code: code.userCode, account: 'demo', action: 'deny' })
    expect(denied.status).toBe(200)
    expect((await poll(code.deviceCode)).body.error?.code).toBe('access_denied')
  })

  test('expired codes → expired_token, and the phone page says so', async () => {
    const code = (await call<DeviceCodeResponse>(server.base, 'POST', '/v1/auth/device-code')).body
    server.clock.now += 601_000
    expect((await poll(code.deviceCode)).body.error?.code).toBe('expired_token')
    const late = await postForm(server.base, '/activate', { code: code.userCode, account: 'demo', action: 'approve' })
    expect(late.status).toBe(410)
  })

  test('the /activate form rejects bad input with a 4xx page', async () => {
    expect((await postForm(server.base, '/activate', { code: '', account: '', action: 'approve' })).status).toBe(400)
    expect((await postForm(server.base, '/activate', { code: 'ABCD-EFGH', account: '<script>', action: 'approve' })).status).toBe(400)
    expect((await postForm(server.base, '/activate', { code: 'ZZZZ-ZZZZ', account: 'demo', action: 'approve' })).status).toBe(404)
    expect((await postForm(server.base, '/activate', { code: 'ABCD-EFGH', account: 'demo', action: 'explode' })).status).toBe(400)
  })
})

describe('revocation', () => {
  test('a revoked device is refused everywhere, other devices keep working', async () => {
    const a = await signIn(server, 'revoker')
    const b = await signIn(server, 'revoker')
    const list = await call<DevicesResponse>(server.base, 'GET', '/v1/me/devices', { token: a.token })
    expect(list.body.items.map((d) => d.id)).toEqual(expect.arrayContaining([a.deviceId, b.deviceId]))
    expect(list.body.items.find((d) => d.id === a.deviceId)?.current).toBe(true)
    const revoke = await call(server.base, 'POST', `/v1/me/devices/${b.deviceId}/revoke`, { token: a.token })
    expect(revoke.status).toBe(200)
    for (const token of [b.token, b.deviceToken]) {
      const res = await call(server.base, 'GET', '/v1/me', { token })
      expect(res.status).toBe(401)
      expect(res.body).toMatchObject({ error: { code: 'device_revoked' } })
    }
    expect((await call(server.base, 'GET', '/v1/me', { token: a.token })).status).toBe(200)
    // Another account cannot revoke a's device.
    const other = await signIn(server, 'stranger')
    expect((await call(server.base, 'POST', `/v1/me/devices/${a.deviceId}/revoke`, { token: other.token })).status).toBe(404)
  })
})
