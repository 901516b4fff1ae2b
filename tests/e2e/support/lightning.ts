import type { Page } from 'playwright-core'
import { waitFor } from './wait'

/**
 * Reading the screen through Lightning's inspector DOM (`?inspector=1`): every
 * element is mirrored as a DOM node with its ref, its text as `texture-text`,
 * `visible`/`alpha` attributes, and `focused="true"` on the focused component.
 */

/** Texts of elements that are on screen: no hidden or fully transparent ancestor. */
export function visibleTexts(page: Page): Promise<string[]> {
  return page.$$eval('[texture-text]', (elements) =>
    elements
      .filter((el) => {
        for (let node: Element | null = el; node && node !== document.body; node = node.parentElement) {
          if (node.getAttribute('visible') === 'false' || node.getAttribute('alpha') === '0') return false
        }
        return true
      })
      .map((el) => el.getAttribute('texture-text') ?? ''),
  )
}

/** The refs along the focus path, innermost last. */
export function focusedRefs(page: Page): Promise<string[]> {
  return page.$$eval('[focused="true"]', (elements) => elements.map((el) => el.getAttribute('ref') ?? el.getAttribute('type') ?? ''))
}

export async function waitForText(page: Page, text: string, timeoutMs = 15_000): Promise<void> {
  await waitForTexts(page, `"${text}"`, (texts) => texts.find((t) => t.includes(text)), timeoutMs)
}

/**
 * `text` as the whole text of an element on screen (a badge's "Free", not "Free to watch"). Polled even
 * right after another text of the same page showed: the inspector writes a text once its texture is
 * made, and texts of one page can be made in different frames.
 */
export async function waitForWholeText(page: Page, text: string, timeoutMs = 15_000): Promise<void> {
  await waitForTexts(page, `"${text}" as a whole text`, (texts) => texts.find((t) => t === text), timeoutMs)
}

/** The first text on screen that matches `pattern` (a user code, a link), once one does. */
export function waitForTextMatching(page: Page, pattern: RegExp, timeoutMs = 15_000): Promise<string> {
  return waitForTexts(page, `a text matching ${pattern}`, (texts) => texts.find((t) => pattern.test(t)), timeoutMs)
}

/** Whichever of `candidates` shows first (as part of a text on screen). */
export function waitForAnyText(page: Page, candidates: string[], timeoutMs = 15_000): Promise<string> {
  return waitForTexts(page, `any of ${JSON.stringify(candidates)}`, (texts) => candidates.find((c) => texts.some((t) => t.includes(c))), timeoutMs)
}

/** Polls the texts on screen until `pick` finds one; the timeout's error lists what was on screen. */
function waitForTexts(page: Page, what: string, pick: (texts: string[]) => string | undefined, timeoutMs: number): Promise<string> {
  let texts: string[] = []
  return waitFor(() => `${what}; on screen: ${JSON.stringify(texts)}`, async () => pick((texts = await visibleTexts(page))) ?? null, timeoutMs, 100)
}

export async function waitForNoText(page: Page, text: string, timeoutMs = 5_000): Promise<void> {
  await waitFor(`"${text}" to leave the screen`, async () => ((await visibleTexts(page)).some((t) => t.includes(text)) ? null : true), timeoutMs, 100)
}

/** Home's first frame with the feed shown and focus on it (the app's `marquee:home-interactive` mark). */
export async function waitForHomeInteractive(page: Page, timeoutMs = 30_000): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('marquee:home-interactive').length > 0, null, { timeout: timeoutMs })
}

/** A remote key press (keyboard stand-in), then a frame or two for Lightning to settle. */
export async function press(page: Page, key: string, settleMs = 250): Promise<void> {
  await page.keyboard.press(key)
  await page.waitForTimeout(settleMs)
}

/** Collects uncaught page errors and console errors so a test can fail on any. */
export function collectPageErrors(page: Page, ignore: RegExp[] = []): string[] {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() !== 'error') return
    const text = message.text()
    if (!ignore.some((pattern) => pattern.test(text))) errors.push(`console: ${text}`)
  })
  return errors
}

/**
 * Records every text the page draws on a canvas, and the fonts it is drawn in, from its first script on (call before
 * `goto`). Lightning draws a wrapped text a line at a time, so a line cut to its lines is recorded as drawn, suffix included.
 */
export async function recordDrawnTexts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const drawn: string[] = []
    const fonts = new Set<string>()
    Object.assign(window, { drawnTexts: drawn, drawnFonts: fonts })
    const fillText = CanvasRenderingContext2D.prototype.fillText
    CanvasRenderingContext2D.prototype.fillText = function (this: CanvasRenderingContext2D, text: string, x: number, y: number, maxWidth?: number) {
      drawn.push(text)
      fonts.add(this.font)
      if (maxWidth === undefined) fillText.call(this, text, x, y)
      else fillText.call(this, text, x, y, maxWidth)
    }
  })
}

/** The texts drawn so far, in order (`recordDrawnTexts`). */
export function drawnTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { drawnTexts: string[] }).drawnTexts)
}

/** The canvas fonts texts were drawn in so far (`recordDrawnTexts`). */
export function drawnFonts(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(window as unknown as { drawnFonts: Set<string> }).drawnFonts])
}

export interface Box {
  selector: string
  top: number
  bottom: number
  left: number
  right: number
}

/** Where the elements at `selectors` are on screen (Lightning's inspector mirrors each element's box). */
export function boxesOf(page: Page, selectors: string[]): Promise<Box[]> {
  return page.evaluate((list) => list.map((selector) => {
    const box = document.querySelector(selector)?.getBoundingClientRect()
    return { selector, top: box?.top ?? NaN, bottom: box?.bottom ?? NaN, left: box?.left ?? NaN, right: box?.right ?? NaN }
  }), selectors)
}

/** Waits until each element at `selectors` stands `where` the one before it, none running into the next; returns their boxes. */
export async function waitForPlaced(page: Page, selectors: string[], where: 'below' | 'right of' = 'below'): Promise<Box[]> {
  let last: Box[] = []
  return waitFor(() => `${selectors.join(', ')} each ${where} the one before, read ${JSON.stringify(last)}`, async () => {
    last = await boxesOf(page, selectors)
    const placed = last.every((box, i) => i === 0 || (where === 'below' ? box.top >= last[i - 1]!.bottom : box.left >= last[i - 1]!.right))
    return placed ? last : null
  })
}

/** With voice guidance on (`?announce=1`), what the app says is recorded in `window.spoken`, not spoken; returns its reader. */
export async function recordSpeech(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const spoken: string[] = []
    Object.assign(window, { spoken })
    window.speechSynthesis.speak = (utterance) => void spoken.push(utterance.text)
  })
  return () => page.evaluate(() => (window as unknown as { spoken: string[] }).spoken)
}
