// Frame times in the page while the mouse wheel scrolls something: every requestAnimationFrame
// delta, and the long animation frames Chromium reports (work that held a frame past 50 ms).
// A frame counts as on time when its delta is within one refresh (16.7 ms) give or take the
// timestamps' jitter: deltas read 16.6-16.8 at 60 Hz, and a missed refresh shows as ~33 ms,
// so the line is drawn halfway, at 1.5 refreshes.
import type { Locator, Page } from 'playwright-core'
import { now, percentile } from './stats'

export const REFRESH_MS = 16.7
export const ON_TIME_MS = REFRESH_MS * 1.5
export const LONG_MS = 50

interface FrameState {
  readonly deltas: number[]
  readonly long: number[]
  longSupported: boolean
  running: boolean
  stop: () => void
}
type FrameWindow = typeof globalThis & { __benchFrames?: FrameState }

/** Runs in the page: starts recording. */
function startFrames(): void {
  const w = window as FrameWindow
  const state: FrameState = {
    deltas: [],
    long: [],
    longSupported: false,
    running: true,
    stop: () => undefined,
  }
  w.__benchFrames = state
  let last = -1
  const tick = (t: number) => {
    if (!state.running) return
    if (last >= 0) state.deltas.push(t - last)
    last = t
    requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
  if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
    state.longSupported = true
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) state.long.push(e.duration)
    })
    observer.observe({ type: 'long-animation-frame' })
    state.stop = () => {
      observer.disconnect()
    }
  }
}

/** Runs in the page: stops recording and hands the samples over. */
function stopFrames(): { deltas: number[]; long: number[] | null } {
  const state = (window as FrameWindow).__benchFrames
  if (state === undefined) throw new Error('frames were not being recorded')
  state.running = false
  state.stop()
  return { deltas: state.deltas, long: state.longSupported ? state.long : null }
}

export interface FrameStats {
  readonly frames: number
  /** Share of frames on time, percent. */
  readonly onTime: number
  /** Frames whose delta was over 50 ms. */
  readonly over50: number
  readonly p95: number
  readonly max: number
  /** Long animation frames over 50 ms as Chromium reports them, or null where unsupported. */
  readonly longFrames: number | null
  readonly steps: number
  readonly ms: number
}

export function frameStats(
  samples: { deltas: number[]; long: number[] | null },
  steps: number,
  ms: number,
): FrameStats {
  const d = samples.deltas
  return {
    frames: d.length,
    onTime:
      d.length === 0 ? Number.NaN : (100 * d.filter((x) => x <= ON_TIME_MS).length) / d.length,
    over50: d.filter((x) => x > LONG_MS).length,
    p95: percentile(d, 95),
    max: d.length === 0 ? Number.NaN : Math.max(...d),
    longFrames: samples.long === null ? null : samples.long.filter((x) => x > LONG_MS).length,
    steps,
    ms,
  }
}

/**
 * Wheels upwards over `target` in steps of `step` pixels, one after another as fast as the
 * browser takes them, until `done` says so (asked every few steps) or the budget runs out, or
 * after `maxSteps`. Returns the frames recorded meanwhile.
 */
export async function wheelUp(
  page: Page,
  target: Locator,
  options: {
    readonly step: number
    readonly budgetMs: number
    readonly maxSteps?: number
    readonly done: () => Promise<boolean>
  },
): Promise<FrameStats & { readonly finished: boolean }> {
  const box = await target.boundingBox()
  if (box === null) throw new Error('nothing to scroll')
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await page.evaluate(startFrames)
  const start = now()
  let steps = 0
  let finished = false
  while (now() - start < options.budgetMs && steps < (options.maxSteps ?? Infinity)) {
    await page.mouse.wheel(0, -options.step)
    steps++
    if (steps % 10 === 0 && (await options.done())) {
      finished = true
      break
    }
  }
  const ms = now() - start
  return { ...frameStats(await page.evaluate(stopFrames), steps, ms), finished }
}
