// Reading the open thread from the page: which rows are shown, where they are, and when a
// scroll has come to rest.
import type { Locator, Page } from 'playwright-core'

export const messageLog = (page: Page): Locator => page.getByRole('log', { name: 'Messages' })

/** The message row at the top edge of the thread's view, and where it is. */
export function topVisibleRow(page: Page): Promise<{ id: string; top: number }> {
  return messageLog(page).evaluate((s) => {
    const view = s.getBoundingClientRect()
    for (const row of s.querySelectorAll('[data-message-id]')) {
      const box = row.getBoundingClientRect()
      if (box.bottom > view.top + 1) {
        return { id: row.getAttribute('data-message-id') ?? '', top: box.top }
      }
    }
    throw new Error('no row in view')
  })
}

/** Where a row is on screen now, or null once it has left the DOM. */
export function rowTop(page: Page, id: string): Promise<number | null> {
  return messageLog(page).evaluate(
    (s, rowId) =>
      s.querySelector(`[data-message-id="${rowId}"]`)?.getBoundingClientRect().top ?? null,
    id,
  )
}

/** The dates of the rows shown. Ids follow arrival, not date (history comes after recent texts). */
export function datesShown(page: Page): Promise<number[]> {
  return messageLog(page)
    .locator('[data-message-id]')
    .evaluateAll((els) =>
      els.map((e) => Date.parse(e.querySelector('time')?.getAttribute('datetime') ?? '')),
    )
}

/** Waits until the thread's scroll position stops changing (a wheel scroll eases out). */
export async function scrollSettled(page: Page): Promise<void> {
  let last = -1
  for (let k = 0; k < 40; k++) {
    const top = await messageLog(page).evaluate((s) => s.scrollTop)
    if (top === last) return
    last = top
    await page.waitForTimeout(60)
  }
}
