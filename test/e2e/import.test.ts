// Importing old backups in Chromium against the demo: a big file chosen in Settings → Data shows
// its progress and a summary, a backup dropped on the window lands too, and an old text from it
// is found by search and opens marked as imported.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeHistorySbr } from '../../electron/demo/generate/sbr'
import { ROOT, skipReason, startApp, type RunningApp } from './support/app'
import { launch, openApp, pairWithDemoPhone } from './support/browser'
import { messageLog } from './support/thread'

const reason = skipReason()
const STEP_MS = 120_000
const SAMPLE = join(ROOT, 'test/fixtures/sbr/sample.xml')
const BIG_MESSAGES = 30_000

describe.skipIf(reason !== null)(
  `importing backups in Chromium${reason === null ? '' : ` (${reason})`}`,
  () => {
    let app: RunningApp
    let browser: Browser
    let page: Page
    let dir: string
    let big: string

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'textbridge-e2e-import-'))
      big = join(dir, 'sms-20180301.xml')
      await writeHistorySbr(big, { messages: BIG_MESSAGES, conversations: 150, seed: 5 })
      app = await startApp()
      browser = await launch()
      page = await openApp(browser, app.url)
    }, STEP_MS)

    afterAll(async () => {
      await browser.close()
      await app.stop()
      rmSync(dir, { recursive: true, force: true })
    })

    const data = () =>
      page.getByRole('dialog', { name: 'Settings' }).getByRole('region', { name: 'Data' })

    it(
      'pairs with the demo phone',
      async () => {
        await pairWithDemoPhone(page, app.url)
      },
      STEP_MS,
    )

    it(
      'imports a chosen backup with a progress bar, then sums it up',
      async () => {
        await page.getByRole('button', { name: 'Settings' }).click()
        await expect.poll(() => data().locator('.archive-row').count()).toBe(1)
        // The bar is up while the file is sent and read, however quickly that goes.
        await page.evaluate(() => {
          const seen = new Set<string>()
          ;(window as unknown as { progressSeen: Set<string> }).progressSeen = seen
          new MutationObserver(() => {
            const bar = document.querySelector<HTMLElement>('.import-status progress')
            if (bar !== null) seen.add(bar.getAttribute('aria-label') ?? '')
          }).observe(document.body, { subtree: true, childList: true, attributes: true })
        })
        await data().getByLabel('Backup file to import').setInputFiles(big)
        const status = data().getByRole('status', { name: 'Import' })
        await expect
          .poll(() => status.textContent(), { timeout: 90_000 })
          .toMatch(/^Imported sms-20180301\.xml: [\d,]+ new, [\d,]+ already there\.$/)
        const text = (await status.textContent()) ?? ''
        const [added, present] = [...text.matchAll(/([\d,]+) (?:new|already)/g)].map((m) =>
          Number(m[1]?.replaceAll(',', '')),
        )
        expect((added ?? 0) + (present ?? 0)).toBe(BIG_MESSAGES)
        expect(await data().getByRole('progressbar').count()).toBe(0)
        const seen = await page.evaluate(() => [
          ...(window as unknown as { progressSeen: Set<string> }).progressSeen,
        ])
        expect(seen).toContain('Importing')
        await expect
          .poll(() => data().locator('.archive-row').textContent())
          .toMatch(/imported from backups/)
      },
      STEP_MS,
    )

    it(
      'imports a backup dropped on the window',
      async () => {
        await page.getByRole('button', { name: 'Done' }).click()
        const bytes = readFileSync(SAMPLE).toString('base64')
        // What a file dragged from the desktop delivers: a drop whose dataTransfer holds it.
        await page.evaluate((b64: string) => {
          const file = new File(
            [Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))],
            'sms-old.xml',
            {
              type: 'text/xml',
            },
          )
          const transfer = new DataTransfer()
          transfer.items.add(file)
          for (const type of ['dragenter', 'dragover', 'drop']) {
            document.body.dispatchEvent(
              new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }),
            )
          }
        }, bytes)
        try {
          await expect
            .poll(() => data().getByRole('status', { name: 'Import' }).textContent(), {
              timeout: 30_000,
            })
            .toMatch(/^Imported sms-old\.xml: [1-9][\d,]* new/)
        } catch (e) {
          await page.screenshot({ path: 'test-results/import-drop.png' })
          throw e
        }
        await page.getByRole('button', { name: 'Done' }).click()
      },
      STEP_MS,
    )

    it(
      'finds an old text from the backup by search and shows it as imported',
      async () => {
        const search = page.getByRole('searchbox', { name: 'Search messages' })
        // A quoted phrase, in that order: the demo phone has bills of its own worded otherwise.
        await search.fill('"your bill is ready"')
        const hit = page.locator('.search-hit', { hasText: '£12.50' })
        await hit.waitFor({ timeout: 15_000 })
        await hit.click()
        const bubble = messageLog(page).locator('.bubble-row.highlight')
        await bubble.waitFor({ timeout: 15_000 })
        expect(await bubble.textContent()).toMatch(/Your bill is ready – £12\.50/)
        expect(await bubble.locator('.imported-badge').textContent()).toBe('Imported')
      },
      STEP_MS,
    )

    it(
      'exports the archive as a download that holds the imported texts',
      async () => {
        await page.getByRole('button', { name: 'Settings' }).click()
        const downloaded = page.waitForEvent('download', { timeout: 60_000 })
        await data().getByRole('button', { name: 'Export' }).click()
        const file = await downloaded
        expect(file.suggestedFilename()).toMatch(/^sms-\d{14}\.xml$/)
        const path = join(dir, 'export.xml')
        await file.saveAs(path)
        const xml = readFileSync(path, 'utf8')
        expect(xml).toContain('Your bill is ready &#8211; &#163;12.50')
        await expect
          .poll(() => data().getByRole('status', { name: 'Export' }).textContent())
          .toMatch(/^Exported [\d,]+ messages from [\d,]+ conversations/)
      },
      STEP_MS,
    )
  },
)
