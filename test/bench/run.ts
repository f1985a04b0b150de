// The benchmark behind README's performance table: measures each target with
// its floor in the same run, prints one table and writes it to test-results/bench.json. Timing
// never fails the run: these machines are noisy.
//
//   npm run bench                 full sizes (100k sync, 1M archive): about twenty minutes, ten
//                                 of them the window's scripted session before memory at idle,
//                                 and the 1 GB backup import (fifteen minutes, December 2026)
//   npm run bench -- --quick      small sizes, the smoke run CI does (two to three minutes)
// Options: --only sync,bulk,backfill,big,browser,import,import-1gb (sections to run; import-1gb,
// the 1 GB backup's memory check, runs in full runs only); --data DIR keeps the work files there
// and reuses a big archive and backup files already built with the same sizes; --out FILE.
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'
import { generateHistory, writeHistory } from '../../electron/demo/generate'
import { measurePipelineFloor, type PipelineFloor } from './floor/pipeline'
import { buildBigArchive } from './lib/big-archive'
import { finish, table, writeJson, type Row } from './lib/report'
import { FULL, QUICK, SEED, type Sizes } from './lib/sizes'
import { load, log } from './lib/stats'
import { backfillRows, measureBackfillApi } from './targets/backfill-api'
import { bigBuildRow, bulkRows, measureBulk } from './targets/bulk'
import { measureBareOneWay, measureIncoming, measureSend } from './targets/live'
import { incomingRows, sendRows } from './targets/live-rows'
import { measurePaging, pagingRows } from './targets/paging'
import { measureBrowser } from './targets/browser'
import { importMemoryRows, importRows, measureImport, measureImportMemory } from './targets/import'
import { windowRows } from './targets/browser-rows'
import { measureSearch, searchRows } from './targets/search'
import { measureStartup, startupRows } from './targets/startup'
import { syncRows, syncWithDemoPhone, syncWithJavaPhone } from './targets/sync'

const SECTIONS = ['sync', 'bulk', 'backfill', 'big', 'browser', 'import', 'import-1gb'] as const
type Section = (typeof SECTIONS)[number]

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    data: { type: 'string' },
    out: { type: 'string', default: 'test-results/bench.json' },
  },
})
const quick = values.quick
const sizes: Sizes = quick ? QUICK : FULL
const sections = new Set<Section>(
  values.only === undefined
    ? SECTIONS
    : values.only.split(',').map((s) => {
        if (!(SECTIONS as readonly string[]).includes(s)) throw new Error(`--only: unknown ${s}`)
        return s as Section
      }),
)
const work = values.data ?? mkdtempSync(join(tmpdir(), 'tb-bench-'))
const rows: Row[] = []
const failures: string[] = []
const loadBefore = load()
const started = new Date()

/** Runs one part; a failure becomes a note in the report, not the end of the run. */
async function part(name: string, fn: () => Promise<void> | void): Promise<void> {
  log(`${name}…`)
  try {
    await fn()
  } catch (error) {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error)
    failures.push(`${name}: ${text.split('\n').slice(0, 6).join('\n')}`)
    log(`${name} FAILED: ${text}`)
  }
}

try {
  if (sections.has('sync') || sections.has('bulk')) {
    const history = generateHistory({ ...sizes.sync, seed: SEED })
    const historyFile = join(work, 'sync-history.json')
    await writeHistory(historyFile, { ...sizes.sync, seed: SEED })
    if (sections.has('sync')) {
      let floor: PipelineFloor | null = null
      let recentMessages = 0
      await part(
        `target 1 with the TypeScript demo phone, ${sizes.sync.messages} messages; targets 2 and 7`,
        async () => {
          const { h, demo, milestones } = await syncWithDemoPhone(history)
          try {
            recentMessages = milestones.headsMessages
            log(
              `  synced in ${((milestones.searchableAt - milestones.pairedAt) / 1000).toFixed(2)} s; texts arriving`,
            )
            const incoming = await measureIncoming(
              h,
              demo,
              milestones.deviceId,
              sizes.incomingTexts,
            )
            log('  sending')
            const conversation = (await h.core.archive.conversations.list({}, null, 1)).items[0]
            if (conversation === undefined) throw new Error('no conversation to send to')
            const sends = await measureSend(h, demo, conversation.id, sizes.sends)
            const bare = await measureBareOneWay(h, demo, milestones.deviceId, sizes.sends)
            await h.stop()
            await demo.stop()
            log('  floor pipeline (two processes)')
            floor = await measurePipelineFloor({
              historyFile,
              dir: work,
              recentCount: recentMessages,
              liveCount: sizes.incomingTexts,
            })
            rows.push(...syncRows('TS demo phone', milestones, floor, sizes.sync.messages))
            rows.push(...incomingRows(incoming, floor, sizes.sync.messages))
            rows.push(...sendRows(sends, bare))
          } finally {
            await h.stop().catch(() => undefined)
            await demo.stop().catch(() => undefined)
          }
        },
      )
      await part('target 1 with the Java phone core (JVM runner, own process)', async () => {
        const result = await syncWithJavaPhone(historyFile, work, !quick)
        if (floor === null) {
          floor = await measurePipelineFloor({
            historyFile,
            dir: work,
            recentCount: typeof result === 'string' ? 1 : result.headsMessages,
            liveCount: 10,
          })
        }
        rows.push(...syncRows('Java phone', result, floor, sizes.sync.messages))
      })
    }
    if (sections.has('bulk')) {
      await part(`store bulk path, ${sizes.sync.messages} messages`, () => {
        rows.push(...bulkRows(measureBulk(history, work)))
      })
    }
  }

  if (sections.has('backfill')) {
    const { messages } = sizes.backfill
    await part(`API calls during a ${messages}-message back-fill`, async () => {
      const historyFile = join(work, 'backfill-history.json')
      await writeHistory(historyFile, { ...sizes.backfill, seed: SEED })
      const samples = await measureBackfillApi(historyFile, work, sizes.backfill, SEED, !quick)
      rows.push(...backfillRows(samples))
    })
  }
  if (sections.has('big')) {
    await part(`targets 3-6 on a ${sizes.big.messages}-message archive`, async () => {
      log(`  building the archive (bulk path) and the minimal floor archive`)
      const big = buildBigArchive(join(work, 'big'), sizes.big)
      rows.push(bigBuildRow(big))
      log('  search')
      rows.push(...searchRows(measureSearch(big, sizes.searchRepeats), big.messages))
      log('  paging')
      rows.push(...pagingRows(measurePaging(big, sizes.pageSamples), big))
      log('  cold start and memory (fresh processes)')
      rows.push(...startupRows(await measureStartup(big, sizes.coldStarts), big))
    })
  }

  if (sections.has('browser') && sizes.browser !== null) {
    const browserSizes = sizes.browser
    await part(`targets 3-6 in Chromium on the ${sizes.big.messages}-message archive`, async () => {
      // The same archive as the big section's (built once, reused with --data).
      const big = buildBigArchive(join(work, 'big'), sizes.big)
      rows.push(...windowRows(await measureBrowser(big, browserSizes, work), big))
    })
  }

  if (sections.has('import')) {
    const { messages } = sizes.backup
    await part(`import of a ${messages}-message SMS Backup & Restore file`, async () => {
      rows.push(...importRows(await measureImport(work, sizes.backup, SEED)))
    })
  }
  // Full runs only (quick sizes have none): generating and importing 1 GB takes minutes.
  const large = sizes.backupLarge
  if (sections.has('import-1gb') && large !== null) {
    await part(`memory while importing a ${large.messages}-message (1 GB) backup`, async () => {
      rows.push(...importMemoryRows(await measureImportMemory(work, large, SEED)))
    })
  }
} finally {
  if (values.data === undefined) rmSync(work, { recursive: true, force: true })
}

const order = ['1', '2', '3', '4', '5', '6', '7', 'bulk', 'import']
rows.sort((a, b) => order.indexOf(a.target) - order.indexOf(b.target))
const reported = finish(rows)
const sqlite = new Database(':memory:')
  .prepare<[], { v: string }>('SELECT sqlite_version() AS v')
  .get()?.v
const machine = {
  cpus: cpus().length,
  cpu: cpus()[0]?.model ?? '?',
  node: process.version,
  sqlite,
  loadBefore,
  loadAfter: load(),
}
const heading = `Textbridge benchmark (${quick ? 'quick' : 'full'}), ${started.toISOString()}, ${machine.cpus} cores, load average before ${machine.loadBefore}, after ${machine.loadAfter}, Node ${machine.node}, SQLite ${sqlite ?? '?'}`
console.log(`\n${heading}\n\n${table(reported)}`)
if (failures.length > 0) {
  console.log(`\nparts that failed:\n${failures.join('\n')}`)
  // A part that throws is broken code, not a slow machine: CI's smoke run must see it.
  process.exitCode = 1
}
writeJson(values.out, {
  mode: quick ? 'quick' : 'full',
  started: started.toISOString(),
  finished: new Date().toISOString(),
  machine,
  sizes,
  rows: reported,
  failures,
})
console.log(`\nwritten to ${values.out}`)
