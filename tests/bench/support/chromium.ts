// The Chromium benchmarks' setting: the real server (temp SQLite, the built app, the packaged media) on loopback,
// Debian's headless Chromium through the e2e launcher, and pages opened with the probe, a chosen Storage and CPU
// throttling through the DevTools protocol.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { CDPSession, Page } from 'playwright-core'
import type { DeviceCodeResponse, RegisterDeviceResponse, TokenResponse } from '../../../server/contract'
import { buildServer } from '../../../server/app'
import { ensureMedia } from '../../../scripts/media'
import { launchBrowser, type LaunchedBrowser } from '../../e2e/support/browser'
import { call, postForm, registerDevice } from '../../server/helpers'
import type { BenchContext } from '../types'
import { buildBenchPages } from './pages'
import { PROBE_SCRIPT, type ProbeWindow } from './probe'

/** What the app keeps after a sign-in on the TV (src/storage keys). */
export interface StoredSession {
  device: RegisterDeviceResponse
  account: { token: string; expiresAt: string; account: TokenResponse['account'] } | null
}

export interface BenchPage {
  page: Page
  cdp: CDPSession
  errors: string[]
}

export interface ChromiumBench {
  origin: string
  mediaDir: string
  /** `viewport`: the window's CSS size, 1920×1080 unless given. */
  open(url: string, opts: { throttle: number; storage?: StoredSession | null | 'keep'; viewport?: { width: number; height: number } }): Promise<BenchPage>
  /** A device signed in to `account` through the device-code flow, as after a sign-in on the TV. */
  signedIn(account: string): Promise<StoredSession>
  close(): Promise<void>
}

let pagesBuilt: string | null = null

/** Runs a section's measurements against the real server and Chromium, closing both however they end. */
export async function withChromiumBench<T>(ctx: BenchContext, measure: (bench: ChromiumBench) => Promise<T>): Promise<T> {
  const bench = await startChromiumBench(ctx)
  try {
    return await measure(bench)
  } finally {
    await bench.close()
  }
}

export async function startChromiumBench(ctx: BenchContext): Promise<ChromiumBench> {
  const dist = await ctx.ensureBuild()
  if (pagesBuilt !== dist) {
    ctx.log('building the baselines’ pages (bare Lightning, bare Shaka)')
    await buildBenchPages(ctx.root, dist)
    pagesBuilt = dist
  }
  const mediaDir = path.resolve(ctx.root, process.env.MARQUEE_MEDIA_DIR ?? 'test-output/media')
  await ensureMedia({ outDir: mediaDir, log: ctx.log })
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'marquee-bench-'))
  let server: FastifyInstance | null = null
  let browser: LaunchedBrowser | null = null
  try {
    server = await buildServer({ dataDir, mediaDir, appDir: dist, secret: 'bench-secret-not-for-production' })
    const origin = await server.listen({ port: 0, host: '127.0.0.1' })
    browser = await launchBrowser()
    const launched = browser
    const running = server
    return {
      origin,
      mediaDir,
      async open(url, { throttle, storage = null, viewport }) {
        const page = await launched.context.newPage()
        if (viewport) await page.setViewportSize(viewport)
        const errors: string[] = []
        page.on('pageerror', (error) => errors.push(error.message))
        await page.addInitScript(PROBE_SCRIPT)
        if (storage !== 'keep') {
          await page.addInitScript((stored: StoredSession | null) => {
            localStorage.clear()
            if (!stored) return
            localStorage.setItem('auth.device', JSON.stringify(stored.device))
            if (stored.account) localStorage.setItem('auth.account', JSON.stringify(stored.account))
          }, storage)
        }
        const cdp = await launched.context.newCDPSession(page)
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle })
        await page.goto(`${origin}${url}`)
        return { page, cdp, errors }
      },
      async signedIn(account) {
        const device = await registerDevice(origin)
        const code = await call<DeviceCodeResponse>(origin, 'POST', '/v1/auth/device-code', { token: device.token })
        const approve = await postForm(origin, '/activate', { code: code.body.userCode, account, action: 'approve' })
        const token = await call<TokenResponse>(origin, 'POST', '/v1/auth/token', { body: { deviceCode: code.body.deviceCode } })
        if (code.status !== 200 || approve.status !== 200 || token.status !== 200) throw new Error(`sign-in of ${account} failed`)
        return { device, account: { token: token.body.accessToken, expiresAt: token.body.expiresAt, account: token.body.account } }
      },
      async close() {
        await launched.close()
        await running.close()
        fs.rmSync(dataDir, { recursive: true, force: true })
      },
    }
  } catch (error) {
    await browser?.close()
    await server?.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
    throw error
  }
}

/**
 * Runs `read` on the probe in the page, with `arg` (JSON). `read` is sent as source: it may use only its parameters,
 * and no inner named functions (tsx's keepNames would wrap them in a helper the page lacks).
 */
export function probe<T, A = null>(page: Page, read: (bench: ProbeWindow['__bench'], arg: A) => T | Promise<T>, arg?: A): Promise<T> {
  return page.evaluate(`(${read.toString()})(window.__bench, ${JSON.stringify(arg ?? null)})`) as Promise<T>
}

/** Waits until `test` holds on the probe, polling; throws with `what` after `timeoutMs`. */
export async function waitForProbe<A = null>(page: Page, what: string, test: (bench: ProbeWindow['__bench'], arg: A) => boolean, timeoutMs = 20_000, arg?: A): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await probe(page, test, arg))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await page.waitForTimeout(50)
  }
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}

/** Milliseconds to one decimal, as the Chromium benchmarks report them. */
export function roundMs(ms: number): number {
  return Math.round(ms * 10) / 10
}

export function median(values: readonly number[]): number {
  return percentile(values, 50)
}
