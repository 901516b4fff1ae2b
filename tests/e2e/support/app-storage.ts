import type { Page } from 'playwright-core'

/**
 * Home stores the feed it drew in an idle moment after drawing it (2 s at the latest): waits until one saved at or
 * after `since` (ms epoch, this machine's clock) is in localStorage, under the Storage plugin's `cache.home` key.
 */
export async function waitForStoredFeed(page: Page, since: number, timeoutMs = 10_000): Promise<void> {
  await page.waitForFunction(
    (after) => ((JSON.parse(localStorage.getItem('cache.home') ?? '{}') as { savedAt?: number }).savedAt ?? 0) >= after,
    since,
    { timeout: timeoutMs },
  )
}
