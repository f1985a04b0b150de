// Debian's Chromium driven by playwright-core (never a downloaded browser), and the steps
// every spec shares: open the app, pair with the demo phone (checking the QR on screen really
// encodes the pairing URI), open a conversation.
import jsQR from 'jsqr'
import { chromium, type Browser, type Page } from 'playwright-core'
import { expect } from 'vitest'
import { CHROMIUM } from './app'

export const SCREENSHOTS = 'test-results/screenshots'

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

export async function openApp(
  browser: Browser,
  url: string,
  colorScheme: 'light' | 'dark' = 'light',
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 }, colorScheme })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  ;(page as Page & { errors?: string[] }).errors = errors
  await page.goto(url)
  return page
}

/** Decodes the QR from a screenshot of the page (as a phone camera would see it). */
export async function decodeQrFromScreen(page: Page): Promise<string> {
  const png = await page.locator('.qr-frame svg').screenshot()
  // Decode the PNG to pixels in a blank page: Node has no image decoder without an extra
  // dependency, and the app page's CSP (rightly) forbids the data: URL this would need.
  const blank = await page.context().newPage()
  const pixels = await blank.evaluate(async (b64: string) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }))
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height)
    const ctx = canvas.getContext('2d')
    if (ctx === null) throw new Error('no 2d context')
    ctx.drawImage(bitmap, 0, 0)
    const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height)
    return { width: data.width, height: data.height, rgba: Array.from(data.data) }
  }, png.toString('base64'))
  await blank.close()
  const code = jsQR(Uint8ClampedArray.from(pixels.rgba), pixels.width, pixels.height)
  if (code === null) throw new Error('no QR code found in the screenshot')
  return code.data
}

export async function pairWithDemoPhone(page: Page): Promise<void> {
  const frame = page.locator('[data-pairing-uri]')
  await frame.waitFor({ timeout: 20_000 })
  const shown = await frame.getAttribute('data-pairing-uri')
  expect(await decodeQrFromScreen(page)).toBe(shown)
  await expect.poll(() => page.getByText(/New code in \d:\d\d/).count()).toBe(1)
  await page.getByRole('button', { name: 'Scan with the demo phone' }).click()
  await page.locator('.sas').waitFor({ timeout: 20_000 })
  expect(await page.locator('.sas').textContent()).toMatch(/^\d{3} \d{3}$/)
  await page.getByRole('button', { name: 'Start texting' }).click({ timeout: 30_000 })
  await page.getByRole('listbox', { name: 'Conversations' }).waitFor({ timeout: 30_000 })
}

export async function openFirstConversation(page: Page): Promise<void> {
  await page.getByRole('listbox', { name: 'Conversations' }).getByRole('option').first().click()
  await page.getByRole('log', { name: 'Messages' }).locator('[data-message-id]').first().waitFor()
}
