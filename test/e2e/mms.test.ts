// Pictures and group texts in Chromium against the demo (web mode, built-in demo phone, which
// sends MMS): a picture pasted into the compose box and another dropped on the window, sent as
// one group text to three new numbers, seen waiting for the phone's user, then sent and
// delivered with the pictures in the bubble; and a picture someone sent the phone opened full
// size and saved as a download. The demo phone texts every two seconds here, every fourth text a
// picture, so a received picture is there to open. One app and one browser, steps in order.
import { readFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { skipReason, startApp, type RunningApp } from './support/app'
import { launch, openApp, pairWithDemoPhone, SCREENSHOTS } from './support/browser'
import { messageLog } from './support/thread'

const reason = skipReason()
const STEP_MS = 90_000
// From the end of the drama range the demo keeps for the phone's own SIMs (numbers.ts), which
// none of its contacts has: a new conversation, not one of the history's.
const GROUP = ['+44 7700 900005', '+44 7700 900006', '+44 7700 900007']

/**
 * In the page: makes a PNG (noise, megabytes of it, that must be scaled; or a small gradient)
 * and hands it to the window the way a paste or a drop from a file manager does. Returns the
 * hint the window shows while a drag is over it. One function, as the page's CSP allows no eval.
 */
function giveFile(args: { kind: 'noise' | 'small'; how: 'paste' | 'drop' }): Promise<string> {
  return (async () => {
    const [w, h] = args.kind === 'noise' ? [1600, 1200] : [240, 160]
    const canvas = new OffscreenCanvas(w, h)
    const ctx = canvas.getContext('2d')
    if (ctx === null) throw new Error('no 2d canvas')
    const image = ctx.createImageData(w, h)
    for (let i = 0; i < image.data.length; i += 4) {
      image.data[i] = (i / 4) % w
      image.data[i + 1] = 120
      image.data[i + 2] = 200
      image.data[i + 3] = 255
    }
    if (args.kind === 'noise') {
      for (let i = 0; i < image.data.length; i += 65536)
        crypto.getRandomValues(image.data.subarray(i, i + 65536))
      for (let i = 3; i < image.data.length; i += 4) image.data[i] = 255
    }
    ctx.putImageData(image, 0, 0)
    const blob = await canvas.convertToBlob({ type: 'image/png' })
    const file = new File([blob], `${args.kind}.png`, { type: 'image/png' })
    const data = new DataTransfer()
    data.items.add(file)
    if (args.how === 'paste') {
      const box = document.querySelector('textarea[aria-label="Message"]')
      if (box === null) throw new Error('no compose box')
      const paste = { clipboardData: data, bubbles: true, cancelable: true }
      box.dispatchEvent(new ClipboardEvent('paste', paste))
      return ''
    }
    const target = document.querySelector('.main-pane') ?? document.body
    const fire = (type: string) =>
      target.dispatchEvent(
        new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }),
      )
    fire('dragenter')
    fire('dragover')
    // The hint is drawn on the next render; give React a frame.
    await new Promise((resolve) => requestAnimationFrame(resolve))
    const hint = document.querySelector('.file-drop')?.textContent ?? ''
    fire('drop')
    return hint
  })()
}

describe.skipIf(reason !== null)(
  `pictures and group texts${reason === null ? '' : ` (${reason})`}`,
  () => {
    let app: RunningApp
    let browser: Browser
    let page: Page

    beforeAll(async () => {
      app = await startApp({ chatterSeconds: 2 })
      browser = await launch()
      page = await openApp(browser, app.url)
    }, STEP_MS)

    afterAll(async () => {
      await browser.close()
      await app.stop()
    })

    it(
      'pairs with the demo phone, which can send pictures and group texts',
      async () => {
        await pairWithDemoPhone(page, app.url)
      },
      STEP_MS,
    )

    it(
      'attaches a pasted and a dropped picture to a new text to three people',
      async () => {
        await page.keyboard.press('Control+n')
        const to = page.getByRole('combobox', { name: 'To' })
        for (const number of GROUP) {
          await to.fill(number)
          await page.getByRole('option', { name: /Send to this number/ }).waitFor()
          await to.press('Enter')
        }
        await expect
          .poll(() => page.getByRole('list', { name: 'Recipients' }).getByRole('listitem').count())
          .toBe(3)
        await page.getByText('Sends one group text to 3 people.').waitFor()
        await page.evaluate(giveFile, { kind: 'noise', how: 'paste' } as const)
        const hint = await page.evaluate(giveFile, { kind: 'small', how: 'drop' } as const)
        expect(hint).toMatch(/attach/)
        const tray = page.getByRole('list', { name: 'Attachments' })
        await expect.poll(() => tray.getByRole('listitem').count()).toBe(2)
        // Both previewed with a Remove each; the large one made smaller, both sizes shown.
        await tray.getByRole('button', { name: 'Remove noise.png' }).waitFor()
        await tray.getByRole('button', { name: 'Remove small.png' }).waitFor()
        await expect
          .poll(() => tray.locator('[data-state="ready"]').count(), { timeout: 30_000 })
          .toBe(2)
        const noise = tray.locator('li').filter({ hasText: 'noise.png' })
        expect(await noise.locator('.draft-file-size').textContent()).toMatch(
          /^\d+(\.\d)? MB → \d+ KB$/,
        )
        const shown = await tray
          .locator('img.draft-thumb')
          .evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth > 0))
        expect(shown).toEqual([true, true])
        await page.screenshot({ path: `${SCREENSHOTS}/mms-compose-light.png` })
      },
      STEP_MS,
    )

    it(
      'sends them as one group text that waits for the phone, then is sent and delivered',
      async () => {
        const text = `Pictures for all [wait] ${Date.now()}`
        const box = page.getByRole('textbox', { name: 'Message' })
        await box.fill(text)
        // Every state the bubble shows, as it changes, without missing a short one.
        await page.evaluate((body) => {
          const seen: string[] = []
          ;(window as unknown as { seen: string[] }).seen = seen
          const note = () => {
            for (const b of document.querySelectorAll('[data-delivery]')) {
              if (!b.textContent.includes(body)) continue
              const state = b.getAttribute('data-delivery') ?? ''
              if (seen.at(-1) !== state) seen.push(state)
            }
          }
          new MutationObserver(note).observe(document.body, {
            subtree: true,
            childList: true,
            attributes: true,
            attributeFilter: ['data-delivery'],
          })
        }, text)
        await box.press('Enter')
        const bubble = messageLog(page).locator('[data-delivery]').filter({ hasText: text }).last()
        await bubble.waitFor()
        // The pending bubble already shows both pictures, from the window's own copies.
        expect(
          await bubble
            .locator('img.attachment-image')
            .evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).src.slice(0, 5))),
        ).toEqual(['blob:', 'blob:'])
        await expect
          .poll(() => bubble.textContent(), { timeout: 30_000 })
          .toContain('Waiting for you to allow sending on the phone')
        await expect
          .poll(() => bubble.getAttribute('data-delivery'), { timeout: 60_000 })
          .toBe('delivered')
        const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen)
        expect(seen).toContain('waiting')
        expect(seen.indexOf('waiting')).toBeLessThan(seen.indexOf('sent'))
        expect(seen.at(-1)).toBe('delivered')
        // The stored bubble draws the pictures from the archive, and the header names all three.
        await expect
          .poll(
            () =>
              bubble
                .locator('img.attachment-image')
                .evaluateAll(
                  (imgs) => imgs.filter((i) => (i as HTMLImageElement).naturalWidth > 0).length,
                ),
            { timeout: 30_000 },
          )
          .toBe(2)
        const header = await page.locator('.thread-title').textContent()
        for (const n of ['900005', '900006', '900007']) expect(header).toContain(n)
        await page.screenshot({ path: `${SCREENSHOTS}/mms-sent-light.png` })
      },
      STEP_MS,
    )

    it(
      'opens a received picture full size and saves it as a download',
      async () => {
        const search = page.getByRole('searchbox', { name: 'Search messages' })
        // Every fourth picture the demo phone receives has this caption (chatter.ts). Results are
        // a snapshot of when the words were typed, so type them again until one has arrived.
        const hit = page.locator('.search-hit').first()
        await expect
          .poll(
            async () => {
              await search.fill('')
              await search.fill('View from the top')
              await page.waitForTimeout(1000)
              return hit.count()
            },
            { timeout: 60_000, interval: 100 },
          )
          .toBeGreaterThan(0)
        const id = await hit.getAttribute('data-message-id')
        await hit.click()
        const open = messageLog(page)
          .locator(`[data-message-id="${id}"]`)
          .getByRole('button', { name: /^Open picture from / })
        await open.waitFor({ timeout: 30_000 })
        const name = (await open.getAttribute('aria-label'))!.replace('Open picture from ', '')
        await open.click()
        const dialog = page.getByRole('dialog', { name: `Picture from ${name}` })
        await dialog.waitFor()
        await expect
          .poll(() =>
            dialog
              .locator('img.lightbox-image')
              .evaluate((i) => (i as HTMLImageElement).naturalWidth),
          )
          .toBeGreaterThan(0)
        await page.screenshot({ path: `${SCREENSHOTS}/mms-lightbox-light.png` })
        const downloading = page.waitForEvent('download')
        await dialog.getByRole('button', { name: 'Save picture' }).click()
        const download = await downloading
        expect(download.suggestedFilename()).toMatch(/^IMG_[\d_]+\.png$/)
        const saved = readFileSync(await download.path())
        expect([...saved.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47])
        await page.keyboard.press('Escape')
        await expect.poll(() => page.getByRole('dialog').count()).toBe(0)
        expect((page as Page & { errors?: string[] }).errors).toEqual([])
      },
      STEP_MS,
    )
  },
)
