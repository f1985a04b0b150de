// Target 4 in the window: from the web-mode host's process start (electron/web/main.ts on a data
// folder whose archive holds the big archive) to the conversation list drawn in Chromium. The
// browser is already running, as a web-mode user's is; each run gets a fresh context (no cache).
// "Drawn" is the frame after the first conversation row appeared in the DOM. Also reported: the
// host's share, process start until it prints its URL (Node and tsx starting, imports, createCore
// opening the archive, listening). Floor: a bare Node process serving one trivial page (a
// listbox with one option) to the same kind of fresh page, timed the same way.
import type { Browser } from 'playwright-core'
import { spawnUntil, startWebHost, type RunningHost } from '../lib/web-host'

export interface ColdStart {
  /** Process start → list drawn, and process start → host ready, in ms. */
  readonly drawn: number
  readonly ready: number
}

export interface ColdStarts {
  readonly app: ColdStart[]
  readonly floor: ColdStart[]
}

const FLOOR_READY = /floor at (http:\/\/127\.0\.0\.1:\d+\/)/
const FLOOR_PAGE =
  '<!doctype html><title>floor</title><div role="listbox" aria-label="Conversations"><div role="option">x</div></div>'
const FLOOR_SCRIPT = `const page = ${JSON.stringify(FLOOR_PAGE)};
const server = require('node:http').createServer((_, res) => {
  res.writeHead(200, { 'content-type': 'text/html' }); res.end(page)
});
server.listen(0, '127.0.0.1', () => console.log('floor at http://127.0.0.1:' + server.address().port + '/'));
process.on('SIGTERM', () => process.exit(0))`

/** A bare Node process serving the trivial page (the floor of the start and of memory). */
export function startFloorServer(): Promise<RunningHost> {
  return spawnUntil(['-e', FLOOR_SCRIPT], FLOOR_READY)
}

type DrawnWindow = typeof globalThis & { __listDrawnAt?: number }

/** Runs in the page before its own scripts: notes the frame after the first list row. */
function watchForList(): void {
  const selector = '[role="listbox"][aria-label="Conversations"] [role="option"]'
  const observer = new MutationObserver(() => {
    if (document.querySelector(selector) === null) return
    observer.disconnect()
    requestAnimationFrame(() => {
      setTimeout(() => {
        ;(window as DrawnWindow).__listDrawnAt = performance.timeOrigin + performance.now()
      }, 0)
    })
  })
  observer.observe(document, { childList: true, subtree: true })
}

async function once(browser: Browser, start: () => Promise<RunningHost>): Promise<ColdStart> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 } })
  const page = await context.newPage()
  await page.addInitScript(watchForList)
  let host: RunningHost | null = null
  try {
    host = await start()
    await page.goto(host.url)
    const handle = await page.waitForFunction(() => (window as DrawnWindow).__listDrawnAt, null, {
      timeout: 60_000,
    })
    const drawnAt = (await handle.jsonValue()) as number
    return { drawn: drawnAt - host.spawnedAt, ready: host.readyAt - host.spawnedAt }
  } finally {
    await context.close()
    await host?.stop()
  }
}

export async function measureColdStartWeb(
  browser: Browser,
  dataDir: string,
  historyFile: string,
  runs: number,
): Promise<ColdStarts> {
  const app = () => startWebHost(dataDir, historyFile)
  // Untimed first runs: tsx fills its compile cache, the OS its page cache.
  await once(browser, app)
  await once(browser, startFloorServer)
  const result: ColdStarts = { app: [], floor: [] }
  for (let i = 0; i < runs; i++) {
    result.app.push(await once(browser, app))
    result.floor.push(await once(browser, startFloorServer))
  }
  return result
}
