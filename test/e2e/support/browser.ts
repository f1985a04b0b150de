// Debian's Chromium driven by playwright-core (never a downloaded browser), and the steps
// every spec shares: open the app, pair with the demo phone (checking the QR on screen really
// encodes the pairing URI), open a conversation.
import jsQR from 'jsqr'
import { chromium, type Browser, type Page } from 'playwright-core'
import WebSocket from 'ws'
import { expect } from 'vitest'
import { CHROMIUM, CHROMIUM_ARGS } from './app'

export const SCREENSHOTS = 'test-results/screenshots'

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
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

/**
 * Pairs the way a phone would: the QR is read from a screenshot and what the "camera" decoded is
 * handed to the demo phone (through the same bridge the page uses, with the page's token and
 * origin). The on-screen "Scan with the demo phone" button is the newcomer's shortcut for this.
 */
export async function pairWithDemoPhone(page: Page, appUrl: string): Promise<void> {
  const frame = page.locator('[data-pairing-uri]')
  await frame.waitFor({ timeout: 20_000 })
  const decoded = await decodeQrFromScreen(page)
  expect(decoded).toBe(await frame.getAttribute('data-pairing-uri'))
  await expect.poll(() => page.getByText(/New code in \d:\d\d/).count()).toBe(1)
  await giveToDemoPhone(appUrl, decoded)
  await page.locator('.sas').waitFor({ timeout: 20_000 })
  expect(await page.locator('.sas').textContent()).toMatch(/^\d{3} \d{3}$/)
  await page.getByRole('button', { name: 'Start texting' }).click({ timeout: 30_000 })
  await page.getByRole('listbox', { name: 'Conversations' }).waitFor({ timeout: 30_000 })
}

async function giveToDemoPhone(pageUrl: string, uri: string): Promise<void> {
  const url = new URL(pageUrl)
  const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? ''
  const ws = new WebSocket(`ws://${url.host}/bridge?token=${encodeURIComponent(token)}`, {
    origin: url.origin,
  })
  try {
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject))
    // The bridge also pushes events; wait for the reply to this request.
    const reply = new Promise<unknown>((resolve) => {
      ws.on('message', (d: Buffer) => {
        const frame = JSON.parse(d.toString()) as { id?: number }
        if (frame.id === 1) resolve(frame)
      })
    })
    ws.send(JSON.stringify({ id: 1, method: 'demo.scanQr', args: { uri } }))
    expect(await reply).toEqual({ id: 1, result: { ok: true, value: null } })
  } finally {
    ws.close()
  }
}

export async function openFirstConversation(page: Page): Promise<void> {
  await page.getByRole('listbox', { name: 'Conversations' }).getByRole('option').first().click()
  await page.getByRole('log', { name: 'Messages' }).locator('[data-message-id]').first().waitFor()
}
