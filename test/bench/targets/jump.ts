// Target 5 in the window: a search hit about five years old in the heavy thread (lib/jump-terms)
// is found by typing its words, then clicked; timed in the page from the click to the frame after
// the thread shows that message inside its view. Between jumps the "Newest messages" button
// takes the thread back to its newest page, as a reader would. A second after each jump the
// message must still be in view: one the view has since moved off counts as lost. Floor: the same page of messages
// fetched over a bare WebSocket to the same bridge (`messages.around`, the window's 61 rows) and
// put into the page as plain divs, to the frame after (the round trip and a DOM replacement of
// the same size, without the app).
import type { Page } from 'playwright-core'
import { messageLog } from '../../e2e/support/thread'
import type { JumpTerm } from '../lib/jump-terms'
import { sleep } from '../lib/stats'

export interface JumpSamples {
  /** The jumps that showed the message, click → drawn. */
  readonly app: number[]
  /** Jumps whose message never came into view, and those whose view moved off it after. */
  readonly never: number
  readonly lost: number
  readonly floor: number[]
  readonly ageDays: number[]
}

/** The window's page around a hit (renderer/store/threads-slice.ts). */
const AROUND_LIMIT = 61

/** Runs in the page: sets the search box as a keystroke would. */
function setSearch(text: string): void {
  const input = document.querySelector<HTMLInputElement>('#search-input')
  const descriptor = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')
  if (input === null || descriptor?.set === undefined) throw new Error('no search input')
  // React tracks the value it last set: the native setter makes this a real edit.
  descriptor.set.call(input, text)
  input.dispatchEvent(new Event('input', { bubbles: true }))
}

/** Runs in the page: whether the thread shows the message inside its view now. */
function inView(messageId: number): boolean {
  const log = document.querySelector('[role="log"][aria-label="Messages"]')
  const row = log?.querySelector(`[data-message-id="${messageId}"]`) ?? null
  if (log === null || row === null) return false
  const view = log.getBoundingClientRect()
  const box = row.getBoundingClientRect()
  return box.bottom > view.top && box.top < view.bottom
}

/**
 * Runs in the page: clicks the hit, then checks every frame for its message inside the thread's
 * view; the time to the frame after it first is, or null if it never is within `giveUpMs`.
 */
async function clickAndTime(args: { messageId: number; giveUpMs: number }): Promise<number | null> {
  // The same test as inView(): functions sent to the page cannot share helpers.
  const shown = (id: number) => {
    const log = document.querySelector('[role="log"][aria-label="Messages"]')
    const row = log?.querySelector(`[data-message-id="${id}"]`) ?? null
    if (log === null || row === null) return false
    const view = log.getBoundingClientRect()
    const box = row.getBoundingClientRect()
    return box.bottom > view.top && box.top < view.bottom
  }
  const hit = document.querySelector<HTMLElement>(
    `.search-hit[data-message-id="${args.messageId}"]`,
  )
  if (hit === null) throw new Error('hit not shown')
  const start = performance.now()
  hit.click()
  while (!shown(args.messageId)) {
    if (performance.now() - start > args.giveUpMs) return null
    await new Promise((resolve) => requestAnimationFrame(resolve))
  }
  await new Promise<void>((resolve) =>
    requestAnimationFrame(() => {
      setTimeout(resolve, 0)
    }),
  )
  return performance.now() - start
}

/** Runs in the page: the floor, over a socket of its own to the same bridge. */
async function bareJump(args: {
  conversationId: number
  messageId: number
  limit: number
}): Promise<number> {
  // The app moves its token from the address bar into sessionStorage as it loads.
  const token = sessionStorage.getItem('textbridge.token') ?? ''
  const ws = new WebSocket(`ws://${location.host}/bridge?token=${encodeURIComponent(token)}`)
  await new Promise((resolve, reject) => {
    ws.onopen = resolve
    ws.onerror = reject
  })
  const box = document.createElement('div')
  document.body.appendChild(box)
  try {
    const start = performance.now()
    const reply = new Promise<{ items: { id: number; body: string }[] }>((resolve, reject) => {
      ws.onmessage = (e: MessageEvent<string>) => {
        const frame = JSON.parse(e.data) as {
          id?: number
          result?: { ok: boolean; value: { items: { id: number; body: string }[] } }
        }
        if (frame.id !== 1) return
        if (frame.result?.ok === true) resolve(frame.result.value)
        else reject(new Error('messages.around failed'))
      }
    })
    ws.send(JSON.stringify({ id: 1, method: 'messages.around', args }))
    const page = await reply
    box.replaceChildren(
      ...page.items.map((m) => {
        const div = document.createElement('div')
        div.textContent = m.body
        return div
      }),
    )
    await new Promise<void>((resolve) =>
      requestAnimationFrame(() => {
        setTimeout(resolve, 0)
      }),
    )
    return performance.now() - start
  } finally {
    ws.close()
    box.remove()
  }
}

interface Jump {
  /** Click → drawn with the message in view, or null if it never was within GIVE_UP_MS. */
  readonly ms: number | null
  /** The message is still in view a second later (the view did not move off it). */
  readonly kept: boolean
}

const GIVE_UP_MS = 5000

async function jumpOnce(page: Page, term: JumpTerm): Promise<Jump> {
  await page.evaluate(setSearch, term.text)
  await page
    .locator(`.search-hit[data-message-id="${term.messageId}"]`)
    .waitFor({ timeout: 30_000 })
  const ms = await page.evaluate(clickAndTime, { messageId: term.messageId, giveUpMs: GIVE_UP_MS })
  await sleep(1000)
  const kept = await page.evaluate(inView, term.messageId)
  // Back to the newest page, so the next jump starts where a reader would.
  const newest = page.locator('.jump-button')
  if ((await newest.count()) > 0) {
    await newest.click()
    await messageLog(page).locator(`[data-message-id="${term.messageId}"]`).waitFor({
      state: 'detached',
      timeout: 30_000,
    })
  }
  await sleep(200)
  return { ms, kept }
}

export async function measureJump(
  page: Page,
  conversationId: number,
  terms: readonly JumpTerm[],
): Promise<JumpSamples> {
  const [warm, ...timed] = terms
  if (warm === undefined || timed.length === 0) throw new Error('too few jump terms')
  // One untimed jump: the first compiles the statements and code paths involved.
  await jumpOnce(page, warm)
  const jumps: Jump[] = []
  for (const term of timed) jumps.push(await jumpOnce(page, term))
  const floor: number[] = []
  for (const term of timed) {
    floor.push(
      await page.evaluate(bareJump, {
        conversationId,
        messageId: term.messageId,
        limit: AROUND_LIMIT,
      }),
    )
  }
  await page.evaluate(setSearch, '')
  const day = 86_400_000
  return {
    app: jumps.flatMap((j) => (j.ms === null ? [] : [j.ms])),
    never: jumps.filter((j) => j.ms === null).length,
    lost: jumps.filter((j) => j.ms !== null && !j.kept).length,
    floor,
    ageDays: timed.map((t) => (Date.now() - t.date) / day),
  }
}
