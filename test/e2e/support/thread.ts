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

export interface DeepMessage {
  readonly id: string
  /** Its words of four letters or more, longest first. */
  readonly words: string[]
}

/** The oldest message drawn with at least two words of four letters or more, if any. */
function oldestWithWords(page: Page): Promise<DeepMessage | null> {
  return messageLog(page).evaluate((s) => {
    for (const row of s.querySelectorAll('[data-message-id]')) {
      const words = (row.querySelector('.message-text')?.textContent ?? '')
        .split(/\s+/)
        .filter((w) => /^[\p{L}\p{N}]{4,}$/u.test(w))
      const id = row.getAttribute('data-message-id')
      if (words.length >= 2 && id !== null) {
        return { id, words: words.sort((a, b) => b.length - a.length) }
      }
    }
    return null
  })
}

/**
 * In the open thread, a message with more than a page of older texts before it: the thread is
 * scrolled to the top of what is loaded until one more older page still does not reach the
 * start of the conversation. Null if the thread is too short.
 */
export async function messageWithOlderPages(page: Page): Promise<DeepMessage | null> {
  const atStart = async () =>
    (await messageLog(page).getByText('Start of the conversation').count()) > 0
  let candidate: DeepMessage | null = null
  for (let step = 0; step < 6; step++) {
    await messageLog(page).evaluate((s) => {
      s.scrollTo(0, 0)
    })
    await page.waitForTimeout(500)
    if (await atStart()) return null
    // One page further and still not at the start: the previous candidate has a page before it.
    if (candidate !== null && step >= 2) return candidate
    candidate = await oldestWithWords(page)
  }
  return candidate
}

/** The first of the list's first ten conversations that has a message with older pages. */
export async function findDeepMessage(page: Page): Promise<DeepMessage | null> {
  const options = page.getByRole('listbox', { name: 'Conversations' }).getByRole('option')
  const count = Math.min(10, await options.count())
  for (let i = 0; i < count; i++) {
    await options.nth(i).click()
    await messageLog(page).locator('[data-message-id]').first().waitFor()
    const found = await messageWithOlderPages(page)
    if (found !== null) return found
  }
  return null
}
