import fs from 'node:fs'
import type { Page } from 'playwright-core'
import { launchBrowser, type LaunchedBrowser } from './support/browser'
import { startAppServer, type AppServer } from './support/app-server'
import { outputDir } from './support/paths'
import { press, waitForText } from './support/lightning'

jest.setTimeout(180_000)

/**
 * 10-foot guidance: no text under 24 px on the 1920×1080 scene (about 1/45 of
 * the screen height, readable from three metres on a 40" panel).
 */
const MIN_FONT_SIZE = 24
/** Lightning's TextTexture default, which the inspector leaves out. */
const DEFAULT_FONT_SIZE = 40

let server: AppServer
let browser: LaunchedBrowser

beforeAll(async () => {
  fs.mkdirSync(outputDir, { recursive: true })
  server = await startAppServer()
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

/** Visible texts that are too small, as "size|text". */
function tooSmall(page: Page): Promise<string[]> {
  return page.$$eval(
    '[texture-text]',
    (elements, limits) =>
      elements
        .filter((el) => {
          for (let node: Element | null = el; node && node !== document.body; node = node.parentElement) {
            if (node.getAttribute('visible') === 'false' || node.getAttribute('alpha') === '0') return false
          }
          return (el.getAttribute('texture-text') ?? '').trim() !== ''
        })
        .map((el) => ({ size: Number(el.getAttribute('texture-font_size') ?? limits.fallback), text: el.getAttribute('texture-text') ?? '' }))
        .filter((t) => t.size < limits.min)
        .map((t) => `${t.size}|${t.text}`),
    { min: MIN_FONT_SIZE, fallback: DEFAULT_FONT_SIZE },
  )
}

test.each(['en', 'zh-CN'])('no text under 24 px on Home, Details and the exit question (%s)', async (lang) => {
  const page = await browser.context.newPage()
  await page.goto(`${server.origin}/?inspector=1&lang=${lang}`)
  await waitForText(page, lang === 'en' ? 'More info' : '首页')
  await page.waitForTimeout(1000)
  expect(await tooSmall(page)).toEqual([])

  await press(page, 'ArrowRight') // the hero's More info: its details
  await press(page, 'Enter', 2000)
  expect(await page.evaluate(() => window.location.hash)).toMatch(/^#details\//)
  expect(await tooSmall(page)).toEqual([])

  await press(page, 'Escape', 1000)
  await press(page, 'Escape', 1000)
  await waitForText(page, lang === 'en' ? 'Exit Marquee?' : '要退出 Marquee 吗？')
  expect(await tooSmall(page)).toEqual([])
  await page.close()
})
