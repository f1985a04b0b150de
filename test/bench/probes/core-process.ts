// A fresh process for targets 4 (cold start) and 6 (memory at idle). Prints one JSON line
// {"result": …}. Modes:
//   store  open the archive (migrations check, pragmas) and read the first conversation page;
//   floor  open the same file with plain better-sqlite3 and read the same number of rows raw;
//   core   createCore (static finder, no phone reachable) and list conversations through the API,
//          with the archive thread from the app's bundle when it is built (as the app runs it);
//   bare   nothing (what Node and the tsx loader alone take).
// With --idle-ms, waits that long afterwards and reports memory at idle.
// Usage: node --import tsx probes/core-process.ts --mode M --path FILE|DIR [--idle-ms N]
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { memoryNow, peakRss } from '../lib/memory'

const { values } = parseArgs({
  options: {
    mode: { type: 'string' },
    path: { type: 'string', default: '' },
    'idle-ms': { type: 'string', default: '0' },
  },
})
const PAGE = 100
const BUILT_WORKER = fileURLToPath(new URL('../../../out/main/archive-worker.js', import.meta.url))
const RAW_LIST = `SELECT t.*, m.id AS message_id, m.box, m.status, m.date, substr(m.body, 1, 640) AS head
  FROM threads t JOIN messages m ON m.sort_key = t.last_sort_key
  ORDER BY t.last_sort_key DESC LIMIT ${PAGE + 1}`

interface Result {
  mode: string
  /** ms since this process started (performance.timeOrigin), at each step. */
  importedAt: number
  readyAt: number
  importMs: number
  /** The database share (store, floor) or the core's whole start (core). */
  workMs: number
  openMs?: number
  listMs?: number
  rows?: number
  memory?: { rss: number; heapUsed: number; external: number; peakRss: number | null }
}

async function run(mode: string, path: string): Promise<{ result: Result; done: () => unknown }> {
  const start = performance.now()
  /** The fields every mode reports: when its imports and its work finished. */
  const timing = (imported: number, ready: number) => ({
    mode,
    importedAt: imported,
    readyAt: ready,
    importMs: imported - start,
    workMs: ready - imported,
  })
  switch (mode) {
    case 'store': {
      const { openArchive } = await import('../../../electron/core/store')
      const imported = performance.now()
      const archive = openArchive(path, { clock: Date.now })
      const opened = performance.now()
      const page = archive.conversations.list({}, null, PAGE)
      const ready = performance.now()
      return {
        result: {
          ...timing(imported, ready),
          openMs: opened - imported,
          listMs: ready - opened,
          rows: page.items.length,
        },
        done: () => {
          archive.close()
        },
      }
    }
    case 'floor': {
      const { default: Database } = await import('better-sqlite3')
      const imported = performance.now()
      const db = new Database(path)
      const rows = db.prepare(RAW_LIST).all()
      const ready = performance.now()
      return {
        result: {
          ...timing(imported, ready),
          rows: rows.length,
        },
        done: () => {
          db.close()
        },
      }
    }
    case 'core': {
      const { createCore } = await import('../../../electron/core/create-core')
      const { dispatch } = await import('../../../electron/core/api/dispatch')
      const { StaticFinder } = await import('../../../electron/core/discovery/discovery')
      const { FileKeyVault } = await import('../../../electron/core/identity/key-vault')
      const { silentLogger } = await import('../../../electron/core/log')
      const imported = performance.now()
      const core = await createCore({
        dataDir: path,
        vault: new FileKeyVault(join(path, 'identity.key')),
        finder: new StaticFinder(),
        host: 'web',
        demo: false,
        version: 'bench',
        log: silentLogger,
        desktopName: 'Bench desktop',
        ...(existsSync(BUILT_WORKER) ? { archiveWorker: BUILT_WORKER } : {}),
      })
      core.start()
      const listed = await dispatch(
        core.api.handlers,
        'conversations.list',
        { limit: PAGE },
        silentLogger,
      )
      if (!listed.ok) throw new Error(listed.error.message)
      const ready = performance.now()
      return {
        result: {
          ...timing(imported, ready),
          rows: (listed.value as { items: unknown[] }).items.length,
        },
        done: () => core.stop(),
      }
    }
    case 'bare': {
      const ready = performance.now()
      return {
        result: timing(ready, ready),
        done: () => undefined,
      }
    }
    default:
      throw new Error(`unknown mode ${mode}`)
  }
}

const { result, done } = await run(values.mode ?? '', values.path)
const idle = Number(values['idle-ms'])
if (idle > 0) {
  await new Promise((resolve) => setTimeout(resolve, idle))
  const { rss, heapUsed, external } = memoryNow()
  result.memory = { rss, heapUsed, external, peakRss: peakRss() }
}
process.stdout.write(`${JSON.stringify({ result })}\n`)
await done()
process.exit(0)
