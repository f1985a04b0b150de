// The main flows in Chromium against the demo (web mode, built-in demo phone): pair by the QR,
// read, scroll back through history, send, fail and retry, search, and screenshots of the main
// screens in both themes. One app and one browser for the file, steps in order.
import { mkdirSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { skipReason, startApp, type RunningApp } from './support/app'
import {
  launch,
  openApp,
  openFirstConversation,
  pairWithDemoPhone,
  SCREENSHOTS,
} from './support/browser'
import { SEARCH_KEYSTROKES, typeAndTime } from './support/search'
import {
  datesShown,
  findDeepMessage,
  messageLog,
  rowTop,
  scrollSettled,
  topVisibleRow,
} from './support/thread'

const reason = skipReason()
const STEP_MS = 90_000

describe.skipIf(reason !== null)(`demo in Chromium${reason === null ? '' : ` (${reason})`}`, () => {
  let app: RunningApp
  let browser: Browser
  let page: Page
  const log = () => messageLog(page)
  const rows = () => log().locator('[data-message-id]')

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true })
    app = await startApp()
    browser = await launch()
    page = await openApp(browser, app.url)
  }, STEP_MS)

  afterAll(async () => {
    await browser.close()
    await app.stop()
  })

  it('moves the token out of the address bar', () => {
    expect(page.url()).not.toContain('token=')
  })

  it(
    'pairs with the demo phone through the QR on screen',
    async () => {
      await page.screenshot({ path: `${SCREENSHOTS}/pairing-light.png` })
      await pairWithDemoPhone(page, app.url)
    },
    STEP_MS,
  )

  it(
    'lists the demo conversations with the phone connected',
    async () => {
      const list = page.getByRole('listbox', { name: 'Conversations' })
      await expect
        .poll(() => list.getByRole('option').count(), { timeout: 30_000 })
        .toBeGreaterThan(3)
      const first = list.getByRole('option').first()
      expect((await first.locator('.conversation-title').textContent())?.length).toBeGreaterThan(0)
      expect(await first.locator('time').textContent()).not.toBe('')
      await expect
        .poll(() => page.locator('[data-connection]').first().getAttribute('data-connection'), {
          timeout: 60_000,
        })
        .toMatch(/connected|syncing/)
      // Contact photos come with the contacts, after the history: some rows show one, decoded.
      await expect
        .poll(
          () =>
            list
              .locator('img.avatar-photo')
              .evaluateAll(
                (imgs) =>
                  imgs.filter((i) => i instanceof HTMLImageElement && i.naturalWidth === 48).length,
              ),
          { timeout: 60_000 },
        )
        .toBeGreaterThan(0)
    },
    STEP_MS,
  )

  it(
    'opens a thread at its newest message and scrolls back through history',
    async () => {
      const options = page.getByRole('listbox', { name: 'Conversations' }).getByRole('option')
      // The first conversation that has more than one page of history.
      let found = false
      for (let i = 0; i < Math.min(8, await options.count()) && !found; i++) {
        await options.nth(i).click()
        await rows().first().waitFor()
        found = (await log().getByText('Loading older messages…').count()) > 0
      }
      expect(found).toBe(true)
      const scroller = log()
      const gap = await scroller.evaluate((s) => s.scrollHeight - s.scrollTop - s.clientHeight)
      expect(gap).toBeLessThan(2)
      const datesBefore = await datesShown(page)
      // Scroll up a screen at a time with the wheel, as a person does. Older pages load above
      // while the reader pauses; what is on screen must not move by itself while they do.
      let oldestSeen = Math.min(...datesBefore)
      for (let i = 0; i < 12; i++) {
        const view = await scroller.boundingBox()
        await page.mouse.move(view!.x + view!.width / 2, view!.y + view!.height / 2)
        await page.mouse.wheel(0, -(view!.height - 40))
        await scrollSettled(page)
        const anchor = await topVisibleRow(page)
        await page.waitForTimeout(700)
        const after = await rowTop(page, anchor.id)
        if (after !== null) {
          const shift = Math.round(after - anchor.top)
          expect(Math.abs(shift), `row ${anchor.id} moved ${shift}px on step ${i}`).toBeLessThan(2)
        }
        oldestSeen = Math.min(oldestSeen, ...(await datesShown(page)))
        expect(await page.locator('[data-message-id]').count()).toBeLessThanOrEqual(200)
      }
      expect(oldestSeen).toBeLessThan(Math.min(...datesBefore))
      await page.screenshot({ path: `${SCREENSHOTS}/thread-history-light.png` })
    },
    STEP_MS,
  )

  it(
    'sends a text that goes from sending to delivered',
    async () => {
      await openFirstConversation(page)
      const text = `Hello from the e2e spec ${Date.now()}`
      const box = page.getByRole('textbox', { name: 'Message' })
      await box.fill(text)
      // The bubble is in the DOM at the next animation frame after the key press, so it is
      // painted in the frame that follows the press.
      const shownInFrame = await box.evaluate(async (el, body) => {
        el.dispatchEvent(
          new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }),
        )
        await new Promise((resolve) => requestAnimationFrame(resolve))
        return [...document.querySelectorAll('[data-delivery]')].some(
          (b) =>
            b.textContent.includes(body) &&
            /sending|queued|dispatching/.test(b.getAttribute('data-delivery') ?? ''),
        )
      }, text)
      expect(shownInFrame).toBe(true)
      const bubble = log().locator('[data-delivery]').filter({ hasText: text })
      await expect
        .poll(() => bubble.last().getAttribute('data-delivery'), { timeout: 60_000 })
        .toBe('delivered')
    },
    STEP_MS,
  )

  it(
    'shows a "[fail]" text as not sent with its reason, and Retry sends it again',
    async () => {
      const box = page.getByRole('textbox', { name: 'Message' })
      const text = `This one will not go [fail] ${Date.now()}`
      await box.fill(text)
      await box.press('Enter')
      const bubble = log().locator('[data-delivery]').filter({ hasText: text }).last()
      await expect
        .poll(() => bubble.getAttribute('data-delivery'), { timeout: 60_000 })
        .toBe('failed')
      await expect.poll(() => bubble.textContent()).toContain('Not sent')
      const problem = bubble.locator('.delivery-problem')
      expect((await problem.textContent())?.length).toBeGreaterThan(12)
      await page.screenshot({ path: `${SCREENSHOTS}/send-failed-light.png` })
      await problem.getByRole('button', { name: 'Retry' }).click()
      await expect
        .poll(() => bubble.getAttribute('data-delivery'), { timeout: 30_000 })
        .toMatch(/queued|dispatching|sending|failed/)
      // The demo phone fails "[fail]" texts every time: back to failed, with Retry offered again.
      await expect
        .poll(() => bubble.getAttribute('data-delivery'), { timeout: 60_000 })
        .toBe('failed')
    },
    STEP_MS,
  )

  it(
    'finds an old message as you type and opens it in place',
    async () => {
      // A message with more than a page of older texts before it: opening its hit must not let
      // those older pages, loading above, carry the view away from it.
      const candidate = await findDeepMessage(page)
      expect(candidate).not.toBeNull()
      const oldId = candidate!.id
      // Its longest words: specific enough that the hit is near the top of the results.
      const words = candidate!.words
      const search = page.getByRole('searchbox', { name: 'Search messages' })
      await search.fill(words.slice(0, 3).join(' '))
      const hit = page.locator(`.search-hit[data-message-id="${oldId}"]`)
      await expect
        .poll(
          async () => {
            if ((await hit.count()) > 0) return true
            // Less than a screenful at a time: the results are virtualised, and a longer step
            // could skip the rows between two positions without ever drawing them.
            await page.locator('.search-hits').evaluate((s) => {
              s.scrollBy(0, Math.max(100, s.clientHeight * 0.8))
            })
            return false
          },
          { timeout: 30_000 },
        )
        .toBe(true)
      await expect
        .poll(() => page.locator('.search-summary').textContent())
        .toMatch(/\d+\+? messages?/)
      await page.locator('mark').first().waitFor()
      await page.screenshot({ path: `${SCREENSHOTS}/search-light.png` })
      await hit.click()
      const target = log().locator(`[data-message-id="${oldId}"]`)
      await target.waitFor({ timeout: 15_000 })
      expect(await target.getAttribute('class')).toContain('highlight')
      const inView = async () => {
        const box = await target.boundingBox()
        const view = await log().boundingBox()
        return (
          box !== null &&
          view !== null &&
          box.y >= view.y - 1 &&
          box.y + box.height <= view.y + view.height + 1
        )
      }
      await expect.poll(inView, { timeout: 5000 }).toBe(true)
      // Newer pages load below the hit meanwhile, and older ones may above it; the view must
      // stay on it, not follow them.
      await page.waitForTimeout(1500)
      expect(await inView()).toBe(true)
      expect(await log().getByText('Start of the conversation').count()).toBe(0)
      await search.press('Escape')
    },
    STEP_MS,
  )

  it(
    'measures keystroke to results drawn while typing a search',
    async () => {
      const search = page.getByRole('searchbox', { name: 'Search messages' })
      await search.fill('')
      // Type words a key at a time; for each key, the time from the input event to the frame
      // that shows results for the text typed so far.
      const timings = await page.evaluate(typeAndTime, SEARCH_KEYSTROKES)
      const sorted = [...timings].sort((a, b) => a - b)
      const p95 = sorted[Math.ceil(sorted.length * 0.95) - 1]!
      console.log(
        `search keystroke → results drawn: p50 ${sorted[sorted.length >> 1]!.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`,
      )
      // Performance target 3 is a benchmark (measured and reported, not a timed test); this
      // bound only catches a pathological regression on a loaded machine.
      expect(p95).toBeLessThan(250)
      await search.press('Escape')
    },
    STEP_MS,
  )

  it(
    'takes screenshots of the main screens in both themes',
    async () => {
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme })
        await openFirstConversation(page)
        await page.waitForTimeout(300)
        await page.screenshot({ path: `${SCREENSHOTS}/inbox-${scheme}.png` })
        await page.getByRole('searchbox', { name: 'Search messages' }).fill('the')
        await page.locator('.search-summary').waitFor()
        await page.waitForTimeout(300)
        await page.screenshot({ path: `${SCREENSHOTS}/search-${scheme}.png` })
        await page.getByRole('searchbox', { name: 'Search messages' }).press('Escape')
        await page.getByRole('button', { name: 'Settings' }).click()
        await page.getByRole('dialog', { name: 'Settings' }).waitFor()
        await page.screenshot({ path: `${SCREENSHOTS}/settings-${scheme}.png` })
        await page.keyboard.press('Escape')
        await page.keyboard.press('Control+n')
        await page.getByRole('combobox', { name: 'To' }).waitFor()
        await page.screenshot({ path: `${SCREENSHOTS}/new-message-${scheme}.png` })
        await page.keyboard.press('Escape')
      }
      const fresh = await openApp(browser, app.url.replace(/#.*/, ''), 'dark')
      await fresh.close()
      expect((page as Page & { errors?: string[] }).errors).toEqual([])
    },
    STEP_MS,
  )
})
