import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext } from 'playwright-core'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/**
 * Debian's Chromium, headless, as the README documents: no background traffic
 * (this network refuses it), WebGL through SwiftShader (no GPU here), autoplay
 * allowed for playback tests, and a fresh profile per launch.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--autoplay-policy=no-user-gesture-required',
]

export interface LaunchedBrowser {
  browser: Browser
  context: BrowserContext
  close(): Promise<void>
}

export function assertChromium(): void {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install Debian's package: apt-get update && apt-get install -y chromium ` +
        '(npm test does this itself when run as root), or set CHROMIUM_PATH.',
    )
  }
}

/** A browser with one context of a 1920×1080 viewport (the scene's size) and a fresh user dir. */
export async function launchBrowser(options: { viewport?: { width: number; height: number } } = {}): Promise<LaunchedBrowser> {
  assertChromium()
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'marquee-chromium-'))
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: options.viewport ?? { width: 1920, height: 1080 },
  })
  const browser = context.browser()
  return {
    browser: browser as Browser,
    context,
    async close() {
      await context.close()
      fs.rmSync(userDataDir, { recursive: true, force: true })
    },
  }
}
