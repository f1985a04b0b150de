// Hostile names and bodies from a phone, in Chromium: everything arrives as text, nothing the
// texts contain becomes an element or runs, javascript: never becomes a link, a right-to-left
// override stays inside its own isolate, and a 100 KB text does not stall the thread.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { skipReason, startApp, useFake, type RunningApp } from './support/app'
import { launch, openApp, pairWithDemoPhone } from './support/browser'
import { HOSTILE, HUGE_END, RLO, writeHostileHistory } from './support/hostile-history'

// The stand-in core has no history loader: this spec needs the real demo.
const reason = skipReason() ?? (useFake ? 'needs the real demo (--history)' : null)

describe.skipIf(reason !== null)(`hostile history${reason === null ? '' : ` (${reason})`}`, () => {
  let dir: string
  let app: RunningApp
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'textbridge-xss-'))
    const history = join(dir, 'hostile.json')
    writeHostileHistory(history)
    app = await startApp({ history })
    browser = await launch()
    page = await openApp(browser, app.url)
  }, 120_000)

  afterAll(async () => {
    await browser.close()
    await app.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  /** Nothing from the corpus became markup, and nothing ran. */
  async function assertInert(p: Page) {
    const found = await p.evaluate(() => ({
      pwned: (window as { __pwned?: unknown }).__pwned ?? null,
      scripts: [...document.scripts].filter((s) => !s.src.includes('/assets/')).length,
      injected: document.querySelectorAll('iframe, style, b, i, svg[onload], [onerror], [onload]')
        .length,
      links: [...document.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? ''),
    }))
    expect(found.pwned).toBeNull()
    expect(found.scripts).toBe(0)
    expect(found.injected).toBe(0)
    for (const href of found.links) expect(href).toMatch(/^https?:\/\//)
  }

  it('shows hostile contact names in the list as text', async () => {
    await pairWithDemoPhone(page, app.url)
    const list = page.getByRole('listbox', { name: 'Conversations' })
    await expect
      .poll(() => list.getByRole('option').count(), { timeout: 60_000 })
      .toBeGreaterThanOrEqual(HOSTILE.length)
    const titles = await list.locator('.conversation-title').allTextContents()
    for (const name of HOSTILE) expect(titles).toContain(name)
    await assertInert(page)
  }, 90_000)

  it('keeps a right-to-left override inside the name’s isolate', async () => {
    const name = page.locator('.conversation-title bdi').filter({ hasText: RLO })
    expect(await name.count()).toBeGreaterThan(0)
    expect(await name.first().evaluate((el) => getComputedStyle(el).unicodeBidi)).toBe('isolate')
    // The time beside it is still laid out after the name, not pulled into it.
    const row = page.getByRole('option').filter({ has: name.first() })
    const [nameBox, timeBox] = await Promise.all([
      row.locator('.conversation-title').boundingBox(),
      row.locator('.conversation-time').boundingBox(),
    ])
    expect(timeBox!.x).toBeGreaterThan(nameBox!.x)
  })

  it('renders every hostile body in its thread as text', async () => {
    const options = page.getByRole('listbox', { name: 'Conversations' }).getByRole('option')
    const count = await options.count()
    const log = page.getByRole('log', { name: 'Messages' })
    const bodies: string[] = []
    for (let i = 0; i < count; i++) {
      await options.nth(i).click()
      await log.locator('[data-message-id]').first().waitFor()
      bodies.push(...(await log.locator('.message-text').allTextContents()))
      await assertInert(page)
    }
    for (const body of HOSTILE) expect(bodies.some((b) => b.includes(body))).toBe(true)
  }, 90_000)

  it('clamps a 100 KB text and expands it on request without stalling', async () => {
    const log = page.getByRole('log', { name: 'Messages' })
    const options = page.getByRole('listbox', { name: 'Conversations' }).getByRole('option')
    const huge = log.locator('[data-message-id]').filter({ hasText: 'This is a very long text.' })
    for (let i = 0; (await huge.count()) === 0 && i < (await options.count()); i++) {
      await options.nth(i).click()
      await log.locator('[data-message-id]').first().waitFor()
    }
    expect(await huge.count()).toBe(1)
    expect((await huge.textContent())!.length).toBeLessThan(3000)
    const started = Date.now()
    await huge.getByRole('button', { name: /Show more/ }).click()
    await expect.poll(() => huge.textContent()).toContain(HUGE_END)
    expect(Date.now() - started).toBeLessThan(2000)
    await assertInert(page)
  }, 60_000)

  it('finds hostile text with search and shows the snippet as text', async () => {
    await page.getByRole('searchbox', { name: 'Search messages' }).fill('script')
    await page.locator('.search-hit mark').first().waitFor({ timeout: 15_000 })
    await assertInert(page)
    await page.getByRole('searchbox', { name: 'Search messages' }).press('Escape')
  }, 30_000)
})
