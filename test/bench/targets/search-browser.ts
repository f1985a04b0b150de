// Target 3, window side: keystroke → results drawn, in Debian's Chromium against the web-mode
// host on the big archive (targets/browser.ts starts both). Each keystroke is timed from the
// input event to the frame after the search status turned 'ready' for that text. Floor: the
// same input event on a plain input the app does not listen to, to the same frame (what drawing
// anything at all costs).
import type { Page } from 'playwright-core'
import { typeAndTime } from '../../e2e/support/search'
import type { Row } from '../lib/report'
import { summarize } from '../lib/stats'

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

export async function measureKeystrokes(page: Page): Promise<BrowserSamples> {
  const texts: string[] = []
  for (const phrase of PHRASES) {
    for (let n = 1; n <= phrase.length; n++) texts.push(phrase.slice(0, n))
    texts.push('')
  }
  // One untimed pass (the first queries compile statements and warm the caches).
  await page.evaluate(typeAndTime, texts.slice(0, 8).concat(''))
  const keystrokes = await page.evaluate(typeAndTime, texts)
  const floor = await page.evaluate(bareFrames, keystrokes.length)
  return { keystrokes, floor }
}

export function browserRows(result: BrowserSamples | string, size: string): Row[] {
  const measure = `keystroke → results drawn, Chromium, ${size} archive, p95`
  if (typeof result === 'string') {
    return [
      {
        target: '3',
        measure,
        value: null,
        unit: 'ms',
        floor: null,
        goal: 30,
        goalText: '≤ 30 ms',
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
      goal: 30,
      goalText: '≤ 30 ms',
      note: 'floor: an input event on a plain input to the next frame (rAF + task)',
    },
  ]
}
