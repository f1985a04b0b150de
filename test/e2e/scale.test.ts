// 5,000 conversations in Chromium, against the web demo serving a generated history of that
// size: the list opens with only the rows near the viewport in the DOM, and the keyboard walks
// it to the oldest conversation, page by page, without the DOM growing.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeHistory } from '../../electron/demo/generate'
import { skipReason, startApp, useFake, type RunningApp } from './support/app'
import { launch, openApp, pairWithDemoPhone } from './support/browser'

const reason = skipReason() ?? (useFake ? 'needs the real demo phone' : null)
const CONVERSATIONS = 5_000
const STEP_MS = 180_000
/** A generous bound: a virtual list keeps a screenful plus its overscan, never thousands. */
const MAX_ROWS_IN_DOM = 60

describe.skipIf(reason !== null)(`${CONVERSATIONS} conversations in Chromium`, () => {
  let dir: string
  let app: RunningApp
  let browser: Browser
  let page: Page
  const list = () => page.getByRole('listbox', { name: 'Conversations' })
  const rowsInDom = () => list().getByRole('option').count()
  const positions = () =>
    list()
      .getByRole('option')
      .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('aria-posinset'))))

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'textbridge-scale-'))
    const history = join(dir, 'history.json')
    await writeHistory(history, { messages: 12_000, conversations: CONVERSATIONS, seed: 7 })
    app = await startApp({ history })
    browser = await launch()
    page = await openApp(browser, app.url)
  }, STEP_MS)

  afterAll(async () => {
    await browser.close()
    await app.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  it(
    'pairs and syncs the whole history',
    async () => {
      await pairWithDemoPhone(page, app.url)
      await expect
        .poll(() => page.locator('[data-connection]').first().getAttribute('data-connection'), {
          timeout: STEP_MS,
        })
        .toBe('connected')
    },
    STEP_MS,
  )

  it('opens the list with only the rows near the viewport in the DOM', async () => {
    await page.reload()
    await list().getByRole('option').first().waitFor({ timeout: 30_000 })
    const count = await rowsInDom()
    expect(count).toBeGreaterThan(5)
    expect(count).toBeLessThanOrEqual(MAX_ROWS_IN_DOM)
    expect(Math.min(...(await positions()))).toBe(1)
    // More pages remain: the total is not known yet.
    expect(await list().getByRole('option').first().getAttribute('aria-setsize')).toBe('-1')
  })

  it(
    'walks to the oldest conversation by keyboard, loading page after page',
    async () => {
      await list().focus()
      let last = 0
      for (let presses = 0; presses < 200; presses++) {
        await page.keyboard.press('End')
        const reached = await expect
          .poll(async () => Math.max(...(await positions())), { timeout: 10_000 })
          .toBeGreaterThanOrEqual(last)
          .then(() => positions())
        last = Math.max(...reached)
        expect(await rowsInDom()).toBeLessThanOrEqual(MAX_ROWS_IN_DOM)
        const size = await list().getByRole('option').last().getAttribute('aria-setsize')
        if (size === String(CONVERSATIONS) && last === CONVERSATIONS) break
      }
      expect(last).toBe(CONVERSATIONS)
      const oldest = list().locator(`[aria-posinset="${CONVERSATIONS}"]`)
      await expect.poll(() => oldest.getAttribute('aria-setsize')).toBe(String(CONVERSATIONS))
      await oldest.click()
      await page
        .getByRole('log', { name: 'Messages' })
        .locator('[data-message-id]')
        .first()
        .waitFor()
    },
    STEP_MS,
  )
})
