// Shared setup for the server tests: a real server on loopback over a real SQLite file in a temp dir.
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { buildServer } from '../../server/app'
import type { DeviceCodeResponse, RegisterDeviceResponse, TokenResponse } from '../../server/contract'
import { ApiClient } from '../../src/api/http'
import { AppError } from '../../src/api/errors'
import { INTRO } from '../../scripts/media'

export const SECRET = 'test-secret-0123456789'

export interface FakeAsset {
  id: string
  encrypted: boolean
  kid: string | null
  key: string | null
}

/** A small media catalog in the shape scripts/media writes (the media content itself is not under test here). */
export function writeFakeMedia(mediaDir: string): FakeAsset[] {
  const hex = (): string => crypto.randomBytes(16).toString('hex')
  const assets = ['clear-1', 'clear-2', 'enc-1', 'enc-2', 'enc-3'].map((id) => {
    const encrypted = id.startsWith('enc')
    return {
      id,
      encrypted,
      kid: encrypted ? hex() : null,
      key: encrypted ? hex() : null,
      durationSeconds: 24,
      dash: `${id}/manifest.mpd`,
      hls: `${id}/master.m3u8`,
      audioLanguages: ['zh', 'en'],
      subtitleLanguages: ['zh', 'en'],
      hlsKeyUri: encrypted ? `/v1/license/clearkey/hls/${id}` : null,
      renditions: [],
      intro: INTRO,
    }
  })
  fs.mkdirSync(mediaDir, { recursive: true })
  for (const a of assets) {
    fs.mkdirSync(path.join(mediaDir, a.id), { recursive: true })
    fs.writeFileSync(path.join(mediaDir, a.dash), `<?xml version="1.0"?><MPD id="${a.id}"></MPD>\n`)
    fs.writeFileSync(path.join(mediaDir, a.hls), '#EXTM3U\n')
    // A JPEG's start and end markers: the seek preview sheet.
    fs.writeFileSync(path.join(mediaDir, a.id, 'thumbnails.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xd9]))
  }
  fs.writeFileSync(path.join(mediaDir, 'catalog.json'), JSON.stringify({ version: 3, generatedAt: new Date().toISOString(), assets }, null, 2))
  return assets
}

export interface TestServer {
  app: FastifyInstance
  base: string
  dataDir: string
  clock: { now: number }
  assets: FakeAsset[]
  close: () => Promise<void>
  restart: () => Promise<void>
}

export async function startServer(opts: { dataDir?: string; appDir?: string; now?: number } = {}): Promise<TestServer> {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'marquee-test-'))
  const mediaDir = path.join(dataDir, 'media')
  const assets = fs.existsSync(path.join(mediaDir, 'catalog.json'))
    ? (JSON.parse(fs.readFileSync(path.join(mediaDir, 'catalog.json'), 'utf8')) as { assets: FakeAsset[] }).assets
    : writeFakeMedia(mediaDir)
  const clock = { now: opts.now ?? Date.parse('2026-11-25T12:00:00Z') }
  const server: TestServer = {
    app: null as unknown as FastifyInstance,
    base: '',
    dataDir,
    clock,
    assets,
    close: async () => {
      await server.app.close()
    },
    restart: async () => {
      await server.app.close()
      await boot()
    },
  }
  const boot = async (): Promise<void> => {
    server.app = await buildServer({ dataDir, mediaDir, appDir: opts.appDir, secret: SECRET, now: () => clock.now })
    const address = await server.app.listen({ port: 0, host: '127.0.0.1' })
    server.base = address
  }
  await boot()
  return server
}

export interface Res<T = unknown> {
  status: number
  body: T
  headers: Headers
  text: string
}

export async function call<T = unknown>(
  base: string,
  method: string,
  url: string,
  opts: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<Res<T>> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) }
  if (opts.token) headers.authorization = `Bearer ${opts.token}`
  let body: string | undefined
  if (opts.rawBody !== undefined) body = opts.rawBody
  else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body)
    headers['content-type'] ??= 'application/json'
  }
  const res = await fetch(base + url, { method, headers, body })
  const text = await res.text()
  let parsed: unknown = text
  try {
    parsed = JSON.parse(text)
  } catch {
    // not JSON
  }
  return { status: res.status, body: parsed as T, headers: res.headers, text }
}

export async function registerDevice(base: string): Promise<RegisterDeviceResponse> {
  const res = await call<RegisterDeviceResponse>(base, 'POST', '/v1/devices', { body: { platform: 'browser', model: 'jest' } })
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${res.text}`)
  return res.body
}

export async function postForm(base: string, url: string, form: Record<string, string>): Promise<Res<string>> {
  const res = await fetch(base + url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  })
  const text = await res.text()
  return { status: res.status, body: text, headers: res.headers, text }
}

/** The whole TV sign-in: device token → device code → /activate form → account token. */
export async function signIn(server: TestServer, account = 'demo'): Promise<{ deviceId: string; deviceToken: string; token: string }> {
  return signInAt(server.base, account)
}

/** signIn() against any server origin (a spawned process, the e2e app server), on a new device or on `device`. */
export async function signInAt(
  base: string,
  account = 'demo',
  device?: RegisterDeviceResponse,
): Promise<{ deviceId: string; deviceToken: string; token: string }> {
  device ??= await registerDevice(base)
  const code = await call<DeviceCodeResponse>(base, 'POST', '/v1/auth/device-code', { token: device.token })
  if (code.status !== 200) throw new Error(`device-code failed: ${code.text}`)
  const approve = await postForm(base, '/activate', { code: code.body.userCode, account, action: 'approve' })
  if (approve.status !== 200) throw new Error(`activate failed: ${approve.status}`)
  const tok = await call<TokenResponse>(base, 'POST', '/v1/auth/token', { body: { deviceCode: code.body.deviceCode } })
  if (tok.status !== 200) throw new Error(`token failed: ${tok.text}`)
  return { deviceId: device.deviceId, deviceToken: device.token, token: tok.body.accessToken }
}

/**
 * The app's own ApiClient against a test server (`base` is its origin), sending `token` as the
 * bearer and `language` (fixed, or read at each request) as Accept-Language. No retries, so a
 * failing request shows at once instead of after backoff.
 */
export function appApiClient(
  base: string,
  options: { token?: string | null; language?: string | (() => string) } = {},
): ApiClient {
  const { token = null, language = 'en' } = options
  return new ApiClient({
    baseUrl: `${base}/v1`,
    timeoutMs: 5000,
    getToken: () => token,
    getLanguage: typeof language === 'function' ? language : () => language,
    retry: { retries: 0, baseDelayMs: 1, maxDelayMs: 1 },
  })
}

/** The AppError a request through the app's ApiClient rejects with; fails the test when it resolves. */
export async function appErrorFrom(request: Promise<unknown>): Promise<AppError> {
  try {
    await request
  } catch (error) {
    if (error instanceof AppError) return error
    throw error
  }
  throw new Error('expected the request to fail')
}

export function idemKey(): string {
  return `test-${crypto.randomUUID()}`
}

/** Gives an account a stored payment method (and a PIN) directly in the database, as an operator back office would. */
export async function giveStoredPayment(server: Pick<TestServer, 'dataDir'>, account: string, pin = '1234'): Promise<void> {
  const { default: Database } = await import('better-sqlite3')
  const { hashPinSync } = await import('../../server/lib/pin')
  const db = new Database(path.join(server.dataDir, 'marquee.db'))
  try {
    db.pragma('busy_timeout = 5000')
    const { hash, salt } = hashPinSync(pin)
    db.prepare("UPDATE accounts SET stored_payment = 'card:4242', pin_hash = ?, pin_salt = ? WHERE name = ?").run(hash, salt, account)
  } finally {
    db.close()
  }
}
