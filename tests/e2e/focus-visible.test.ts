import fs from 'node:fs'
import type { ElementHandle, Page } from 'playwright-core'
import { launchBrowser, type LaunchedBrowser } from './support/browser'
import { startAppServer, type AppServer } from './support/app-server'
import { outputDir } from './support/paths'
import { collectPageErrors, focusedRefs, press, waitForText } from './support/lightning'

jest.setTimeout(180_000)

// The app asks for settings.local.json on every start (operators add it; the build has none).
const expectedNoise = [/Failed to load resource: the server responded with a status of 404/]

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

/** The innermost focused component's node in the inspector DOM. */
async function focusedNode(page: Page): Promise<ElementHandle<Element>> {
  const nodes = await page.$$('[focused="true"]')
  const innermost = nodes[nodes.length - 1]
  if (!innermost) throw new Error('nothing has focus')
  return innermost
}

/**
 * How a component looks, as the inspector mirrors it: every element under it
 * with its colour, alpha, scale, size and texture attributes (its position in
 * its parent included, the parent's scrolling not).
 */
function looks(node: ElementHandle<Element>): Promise<string> {
  return node.evaluate((el) => {
    // Sorted, so attributes set in another order do not count as a change.
    const describe = (e: Element): string =>
      Array.from(e.attributes)
        .filter((a) => a.name !== 'focused')
        .map((a) => `${a.name}=${a.value}`)
        .sort()
        .join(' ')
    return [el, ...Array.from(el.querySelectorAll('*'))].map(describe).join('\n')
  })
}

/**
 * Focus is visible when a component looks different focused and unfocused.
 * `away` moves focus off it, `back` returns it there.
 */
async function expectVisibleFocus(page: Page, name: string, away: string, back: string): Promise<void> {
  const node = await focusedNode(page)
  await page.waitForTimeout(600) // focus animations settle
  const focused = await looks(node)
  await press(page, away, 800)
  expect(await node.evaluate((el) => el.getAttribute('focused'))).not.toBe('true')
  const unfocused = await looks(node)
  expect({ name, same: focused === unfocused }).toEqual({ name, same: false })
  await press(page, back, 800)
  expect(await node.evaluate((el) => el.getAttribute('focused'))).toBe('true')
}

test('focus is visible on the hero, a rail tile and the menu', async () => {
  const page = await browser.context.newPage()
  const errors = collectPageErrors(page, expectedNoise)
  await page.goto(`${server.origin}/?inspector=1&lang=en`)
  await waitForText(page, 'More info')

  // The hero's first button holds the focus.
  expect(await page.$('[type="Hero"] [focused="true"]')).not.toBeNull()
  await expectVisibleFocus(page, 'hero', 'ArrowUp', 'ArrowDown')

  await press(page, 'ArrowDown', 800)
  expect((await focusedRefs(page)).join('/')).toMatch(/Tile/)
  await expectVisibleFocus(page, 'tile', 'ArrowUp', 'ArrowDown')

  await press(page, 'ArrowUp', 800)
  await press(page, 'ArrowUp', 800)
  expect(await focusedRefs(page)).toContain('Menu')
  await expectVisibleFocus(page, 'menu', 'ArrowDown', 'ArrowUp')
  expect(errors).toEqual([])
  await page.close()
})
