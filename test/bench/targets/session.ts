// Target 6 in the window: memory at idle after a scripted session of use (opening conversations
// down the list, scrolling back in them, searching as you type and opening hits, and now and
// then a long scroll in the heavy thread), in a loop for the session's length. Then a few
// seconds idle, and the resident memory of the web host's process (the core) and of the page's
// renderer process (lib/chromium: found by CPU time through CDP, read from /proc). Floor: a bare
// Node process serving a trivial page, and that page's renderer, in the same Chromium.
import type { Browser, Page } from 'playwright-core'
import { messageLog } from '../../e2e/support/thread'
import { memoryOf, newPage, rendererOf, type Memory } from '../lib/chromium'
import { now, sleep } from '../lib/stats'
import { startFloorServer } from './cold-start-web'
import { openConversation } from './thread-scroll'

const WORDS = ['dinner', 'tickets', 'charger', 'birthday', 'parcel', 'tomorrow', 'weekend']
const IDLE_MS = 5000

export interface SessionMemory {
  readonly loops: number
  readonly sessionMs: number
  readonly host: Memory
  readonly renderer: Memory
  readonly floorHost: Memory
  readonly floorRenderer: Memory
}

async function wheel(page: Page, steps: number, delta: number): Promise<void> {
  const box = await messageLog(page).boundingBox()
  if (box === null) return
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  for (let i = 0; i < steps; i++) await page.mouse.wheel(0, delta)
}

async function searchAndOpen(page: Page, word: string, pick: number): Promise<void> {
  const box = page.locator('#search-input')
  await box.click()
  await box.pressSequentially(word, { delay: 30 })
  await page.locator('[data-search-status="ready"]').waitFor({ timeout: 30_000 })
  const hits = page.locator('.search-hit')
  const count = await hits.count()
  if (count > 0) {
    await hits.nth(pick % Math.min(count, 8)).click()
    await messageLog(page).locator('[data-message-id]').first().waitFor({ timeout: 30_000 })
    await wheel(page, 5, -400)
    await wheel(page, 5, 400)
  }
  await box.fill('')
  await page.getByRole('listbox', { name: 'Conversations' }).waitFor({ timeout: 30_000 })
}

async function oneLoop(page: Page, loop: number, heavyId: number): Promise<void> {
  const options = page.locator('[data-conversation-id]')
  const shown = await options.count()
  const id = Number(
    await options.nth(loop % Math.max(1, shown)).getAttribute('data-conversation-id'),
  )
  await openConversation(page, loop % 10 === 9 ? heavyId : id)
  await wheel(page, loop % 10 === 9 ? 150 : 15, -800)
  await searchAndOpen(page, WORDS[loop % WORDS.length] ?? 'dinner', loop)
}

async function floorMemory(browser: Browser): Promise<{ host: Memory; renderer: Memory }> {
  const server = await startFloorServer()
  const page = await newPage(browser)
  try {
    await page.goto(server.url)
    await sleep(IDLE_MS)
    return { host: memoryOf(server.pid), renderer: memoryOf(await rendererOf(browser, page)) }
  } finally {
    await page.context().close()
    await server.stop()
  }
}

export async function measureSession(
  browser: Browser,
  page: Page,
  hostPid: number,
  heavyId: number,
  sessionMs: number,
): Promise<SessionMemory> {
  const start = now()
  let loops = 0
  while (now() - start < sessionMs) await oneLoop(page, loops++, heavyId)
  const ms = now() - start
  await sleep(IDLE_MS)
  const renderer = memoryOf(await rendererOf(browser, page))
  const host = memoryOf(hostPid)
  const floor = await floorMemory(browser)
  return {
    loops,
    sessionMs: ms,
    host,
    renderer,
    floorHost: floor.host,
    floorRenderer: floor.renderer,
  }
}
