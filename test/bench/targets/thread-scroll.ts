// Target 5 in the window: the heavy conversation (100k messages in the full run) opened and
// scrolled with the mouse wheel from its newest message towards its oldest, older pages loading
// as the reader goes, until the start of the conversation or the time budget. Frame times are
// recorded in the page (lib/frames.ts). Floor: the same wheel steps over a plain static list of
// similar rows in a scroller of the same size, in the same Chromium.
import Database from 'better-sqlite3'
import type { Browser, Page } from 'playwright-core'
import { messageLog, topVisibleRow } from '../../e2e/support/thread'
import type { BigArchive } from '../lib/big-archive'
import { newPage } from '../lib/chromium'
import { wheelUp, type FrameStats } from '../lib/frames'
import { sleep } from '../lib/stats'

/** Pixels per wheel step: a brisk flick, several notches at once. */
const STEP = 800
const FLOOR_ROWS = 20_000

export interface ScrollResult {
  readonly app: FrameStats & { readonly finished: boolean }
  readonly floor: FrameStats & { readonly finished: boolean }
  /** Messages of the thread at or after the top row reached. */
  readonly covered: number
  readonly threadSize: number
}

/** Opens a conversation from the list (the search box cleared) and waits for its rows. */
export async function openConversation(page: Page, id: number): Promise<void> {
  await page.locator(`[data-conversation-id="${id}"]`).click({ timeout: 30_000 })
  await messageLog(page).locator('[data-message-id]').first().waitFor({ timeout: 30_000 })
}

function atStart(page: Page): Promise<boolean> {
  return messageLog(page).evaluate(
    (s) => s.scrollTop < 2 && s.textContent.includes('Start of the conversation'),
  )
}

function staticList(rows: number, height: number): string {
  const texts = [
    'See you at half 7',
    'Do you still have my charger?',
    'I’ve been thinking about the trip again and I reckon we should do Lisbon first, then Porto.',
    'haha',
    'Bin day tomorrow, don’t forget',
  ]
  const items = Array.from(
    { length: rows },
    (_, i) =>
      `<div style="padding:4px 16px"><div style="display:inline-block;max-width:70%;padding:8px 12px;border-radius:16px;background:#e8e8ee">${texts[i % texts.length] ?? ''}</div></div>`,
  )
  return `<!doctype html><body style="margin:0;font:15px sans-serif"><div id="list" style="height:${height}px;overflow-y:auto">${items.join('')}</div></body>`
}

async function floorScroll(browser: Browser, height: number, steps: number) {
  const page = await newPage(browser)
  try {
    await page.setContent(staticList(FLOOR_ROWS, height))
    // setContent replaces the document without the init scripts: the page functions' helper.
    await page.evaluate('globalThis.__name = (f) => f')
    const list = page.locator('#list')
    await list.evaluate((el) => {
      el.scrollTop = el.scrollHeight
    })
    await sleep(300)
    return await wheelUp(page, list, {
      step: STEP,
      budgetMs: Infinity,
      maxSteps: steps,
      done: () => list.evaluate((el) => el.scrollTop < 2),
    })
  } finally {
    await page.context().close()
  }
}

export async function measureThreadScroll(
  browser: Browser,
  page: Page,
  big: BigArchive,
  budgetMs: number,
): Promise<ScrollResult> {
  await openConversation(page, big.heavyThreadId)
  await sleep(500)
  const log = messageLog(page)
  const app = await wheelUp(page, log, { step: STEP, budgetMs, done: () => atStart(page) })
  const top = await topVisibleRow(page)
  const db = new Database(big.archivePath, { readonly: true })
  let covered: number
  try {
    covered =
      db
        .prepare<[number, number], { n: number }>(
          `SELECT count(*) AS n FROM messages WHERE thread_id = ?
             AND sort_key >= (SELECT sort_key FROM messages WHERE id = ?)`,
        )
        .get(big.heavyThreadId, Number(top.id))?.n ?? 0
  } finally {
    db.close()
  }
  const box = await log.boundingBox()
  const floor = await floorScroll(browser, Math.round(box?.height ?? 600), app.steps)
  return { app, floor, covered, threadSize: big.heavyThreadSize }
}
