// Makes the README's picture of the main window from the real demo in Debian's Chromium:
//   npx tsx test/tools/readme-screenshot.ts
import { fileURLToPath } from 'node:url'
import { startApp } from '../e2e/support/app'
import { launch, openApp } from '../e2e/support/browser'

const out = fileURLToPath(new URL('../e2e/screenshots/main-window.png', import.meta.url))
const app = await startApp()
const browser = await launch()
try {
  const page = await openApp(browser, app.url, 'light')
  await page.getByRole('button', { name: 'Scan with the demo phone' }).click({ timeout: 30_000 })
  await page.getByRole('button', { name: 'Start texting' }).click({ timeout: 30_000 })
  const list = page.getByRole('listbox', { name: 'Conversations' })
  await list.waitFor({ timeout: 30_000 })
  // Let the history back-fill finish so the status line reads "Connected".
  await page.getByText('Connected', { exact: true }).waitFor({ timeout: 60_000 })
  await list.getByRole('option').nth(2).click()
  await page.getByRole('log', { name: 'Messages' }).locator('[data-message-id]').first().waitFor()
  await page
    .getByRole('textbox', { name: 'Message' })
    .fill('Running 10 minutes late, order for me? 🙏')
  await page.waitForTimeout(500)
  await page.screenshot({ path: out })
  console.log(`wrote ${out}`)
} finally {
  await browser.close()
  await app.stop()
}
