// Target 3, window side: keystroke → results drawn, in Debian's Chromium against the web demo
// (its demo phone serving a generated history; the window pairs through the QR flow and syncs
// everything before typing starts). Each keystroke is timed from the input event to the frame
// after the search status turned 'ready' for that text. Floor: the same input event on a plain
// input the app does not listen to, to the same frame (what drawing anything at all costs).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Page } from 'playwright-core'
import { writeHistory } from '../../../electron/demo/generate'
import { CHROMIUM, CHROMIUM_ARGS, skipReason, startApp } from '../../e2e/support/app'
import { typeAndTime } from '../../e2e/support/search'
import type { Row } from '../lib/report'
import { SEED, type Sizes } from '../lib/sizes'
import { log, summarize } from '../lib/stats'

const PHRASES = [
  'see you tomorrow',
  'happy birthday',
  'charger',
  'parcel',
  'thanks so much',
  '07700 900',
]

export interface BrowserSamples {
  readonly keystrokes: number[]
  readonly floor: number[]
  readonly messages: number
}

/** Runs in the page: the same event on an input nobody listens to, to the same frame. */
async function bareFrames(count: number): Promise<number[]> {
  const input = document.createElement('input')
  document.body.appendChild(input)
  const out: number[] = []
  for (let i = 0; i < count; i++) {
    const start = performance.now()
    input.value = `x${i}`
    input.dispatchEvent(new Event('input', { bubbles: true }))
    await new Promise<void>((resolve) =>
      requestAnimationFrame(() => {
        setTimeout(resolve, 0)
      }),
    )
    out.push(performance.now() - start)
  }
  input.remove()
  return out
}

async function pairAndSync(page: Page): Promise<void> {
  await page.locator('[data-pairing-uri]').waitFor({ timeout: 60_000 })
  await page.getByRole('button', { name: 'Scan with the demo phone' }).click({ timeout: 60_000 })
  await page.locator('.sas').waitFor({ timeout: 60_000 })
  await page.getByRole('button', { name: 'Start texting' }).click({ timeout: 60_000 })
  await page.getByRole('listbox', { name: 'Conversations' }).waitFor({ timeout: 60_000 })
  // The initial sync ends (recent, history, index, contacts) when the phone reads 'connected'.
  await page.waitForFunction(
    () =>
      document.querySelector('[data-connection]')?.getAttribute('data-connection') === 'connected',
    undefined,
    { timeout: 900_000, polling: 250 },
  )
}

export async function measureBrowserSearch(
  sizes: NonNullable<Sizes['browser']>,
): Promise<BrowserSamples | string> {
  const reason = skipReason()
  if (reason !== null) return reason
  const dir = mkdtempSync(join(tmpdir(), 'tb-bench-web-'))
  const historyFile = join(dir, 'history.json')
  await writeHistory(historyFile, { ...sizes, seed: SEED })
  const app = await startApp({ history: historyFile })
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
  })
  try {
    const context = await browser.newContext({ viewport: { width: 1200, height: 800 } })
    const page = await context.newPage()
    // tsx compiles with keepNames: functions sent to the page call its __name helper.
    await page.addInitScript({ content: 'globalThis.__name = (f) => f' })
    await page.goto(app.url)
    log(`  web demo: pairing and syncing ${sizes.messages} messages`)
    await pairAndSync(page)
    const texts: string[] = []
    for (const phrase of PHRASES) {
      for (let n = 1; n <= phrase.length; n++) texts.push(phrase.slice(0, n))
      texts.push('')
    }
    log(`  web demo: typing ${texts.length} keystrokes`)
    // One untimed pass (the first queries compile statements and warm the caches).
    await page.evaluate(typeAndTime, texts.slice(0, 8).concat(''))
    const keystrokes = await page.evaluate(typeAndTime, texts)
    const floor = await page.evaluate(bareFrames, keystrokes.length)
    return { keystrokes, floor, messages: sizes.messages }
  } finally {
    await browser.close()
    await app.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

export function browserRows(result: BrowserSamples | string, messages: number): Row[] {
  const measure = `keystroke → results drawn, Chromium, ${messages / 1000}k archive, p95`
  if (typeof result === 'string') {
    return [
      {
        target: '3',
        measure,
        value: null,
        unit: 'ms',
        floor: null,
        goal: 50,
        goalText: '≤ 50 ms',
        note: result,
      },
    ]
  }
  const s = summarize(result.keystrokes)
  const f = summarize(result.floor)
  return [
    {
      target: '3',
      measure,
      value: s.p95,
      unit: 'ms',
      detail: `p50 ${s.p50.toFixed(1)}, max ${s.max.toFixed(0)}, n ${s.n}`,
      floor: f.p95,
      goal: 50,
      goalText: '≤ 50 ms',
      note: 'floor: an input event on a plain input to the next frame (rAF + task)',
    },
  ]
}
