// Debian's Chromium for the window's rows (the e2e drivers' flags), and the memory of the
// renderer process drawing a page. The browser's own CDP session lists its processes
// (SystemInfo.getProcessInfo: type, pid, CPU time); the page's renderer is the one whose CPU
// time grows while the page spins for a moment, and its memory is read from /proc.
import { readFileSync } from 'node:fs'
import { chromium, type Browser, type Page } from 'playwright-core'
import { CHROMIUM, CHROMIUM_ARGS } from '../../e2e/support/app'

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
}

/** A fresh context and page at the e2e specs' window size. */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 } })
  const page = await context.newPage()
  // tsx compiles with keepNames: functions sent to the page call its __name helper.
  await page.addInitScript({ content: 'globalThis.__name = (f) => f' })
  return page
}

interface ProcessInfo {
  readonly type: string
  readonly id: number
  readonly cpuTime: number
}

async function processes(browser: Browser): Promise<ProcessInfo[]> {
  const cdp = await browser.newBrowserCDPSession()
  try {
    const info = await cdp.send('SystemInfo.getProcessInfo')
    return info.processInfo.map((p) => ({ type: p.type, id: p.id, cpuTime: p.cpuTime }))
  } finally {
    await cdp.detach()
  }
}

/** Spins the page's main thread for `ms` (runs in the page). */
function spin(ms: number): void {
  const end = performance.now() + ms
  while (performance.now() < end) {
    // busy on purpose
  }
}

/** The pid of the renderer process drawing `page`. */
export async function rendererOf(browser: Browser, page: Page): Promise<number> {
  const before = new Map(
    (await processes(browser)).filter((p) => p.type === 'renderer').map((p) => [p.id, p.cpuTime]),
  )
  await page.evaluate(spin, 400)
  const grown = (await processes(browser))
    .filter((p) => p.type === 'renderer')
    .map((p) => ({ id: p.id, grew: p.cpuTime - (before.get(p.id) ?? p.cpuTime) }))
    .sort((a, b) => b.grew - a.grew)
  const best = grown[0]
  // Another renderer busy at the same time would make the answer a guess: refuse it.
  if (best === undefined || best.grew < 0.3 || (grown[1]?.grew ?? 0) > best.grew / 2) {
    throw new Error(`cannot tell the page's renderer: ${JSON.stringify(grown)}`)
  }
  return best.id
}

export interface Memory {
  /** Resident set size and proportional set size (shared pages split among sharers), MiB. */
  readonly rss: number
  readonly pss: number | null
}

function kib(text: string, field: string): number | null {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)
  return m?.[1] === undefined ? null : Number(m[1]) / 1024
}

export function memoryOf(pid: number): Memory {
  const rss = kib(readFileSync(`/proc/${pid}/status`, 'utf8'), 'VmRSS')
  if (rss === null) throw new Error(`no VmRSS for ${pid}`)
  let pss: number | null = null
  try {
    pss = kib(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'), 'Pss')
  } catch {
    // Older kernels have no smaps_rollup; RSS alone is still the figure.
  }
  return { rss, pss }
}
