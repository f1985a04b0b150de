// A fresh process for the backup import rows: one SMS Backup & Restore file, read as the core
// reads it. Prints one JSON line {"result": …}. Modes:
//   import  importBackupFile into a new archive (archive.sqlite in --data), as `archive import`
//           does; the store's share (imports.writeBatch) is timed apart;
//   core    the import as the app runs it: the archive's threads (heaps capped as in the app)
//           with the import as a job on the writer; peak RSS is the whole process's;
//   read    the backup reader alone over the same file (no archive): the parse's share.
// Memory is sampled after every batch (heap, external, RSS); the peak RSS is the kernel's VmHWM.
// Usage: node --import tsx probes/import-process.ts --mode M --file FILE [--data DIR] [--region CC]
import { existsSync, statSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { instrument } from '../lib/instrument'
import { MemoryPeaks, peakRss, type MemoryNow } from '../lib/memory'

const { values } = parseArgs({
  options: {
    mode: { type: 'string', default: 'import' },
    file: { type: 'string', default: '' },
    data: { type: 'string', default: '' },
    region: { type: 'string', default: 'GB' },
  },
})

export interface ImportProbeResult {
  readonly mode: string
  readonly bytes: number
  readonly messages: number
  /** MMS parts the reader decoded (read mode). */
  readonly parts?: number
  readonly added: number
  readonly outcome: string
  /** From the first byte read to the last batch committed. */
  readonly ms: number
  /** imports.writeBatch (import mode): the store's share of `ms`. */
  readonly storeMs: number | null
  /** Before the file is opened: Node, tsx and the modules loaded. */
  readonly rssBefore: number
  readonly peakRss: number | null
  /** Largest of each figure over the samples. */
  readonly peaks: MemoryNow
  readonly archiveBytes: number | null
}

const file = values.file
const memory = new MemoryPeaks()
let result: ImportProbeResult
if (values.mode === 'import') {
  const { openArchive } = await import('../../../electron/core/store')
  const { importBackupFile } = await import('../../../electron/core/backup/import/import-file')
  const archivePath = join(values.data, 'archive.sqlite')
  const archive = openArchive(archivePath, { clock: Date.now })
  let storeMs = 0
  instrument(archive.imports, 'writeBatch', (ms) => {
    storeMs += ms
  })
  memory.sample()
  const rssBefore = memory.peaks.rss
  const start = performance.now()
  const imported = await importBackupFile(archive, file, {
    region: values.region,
    onProgress: () => {
      memory.sample()
    },
  })
  const ms = performance.now() - start
  archive.close()
  result = {
    mode: 'import',
    bytes: statSync(file).size,
    messages: imported.read,
    added: imported.added,
    outcome: imported.outcome,
    ms,
    storeMs,
    rssBefore,
    peakRss: peakRss(),
    peaks: memory.peaks,
    archiveBytes: statSync(archivePath).size,
  }
} else if (values.mode === 'core') {
  const { ArchiveHost } = await import('../../../electron/core/archive/host')
  const { silentLogger } = await import('../../../electron/core/log')
  const archivePath = join(values.data, 'archive.sqlite')
  // The threads run the bundle the app ships when it is built: the TypeScript entry would load
  // tsx into each thread, memory the app does not spend.
  const bundled = fileURLToPath(new URL('../../../out/main/archive-worker.js', import.meta.url))
  const host = await ArchiveHost.start({
    path: archivePath,
    now: Date.now,
    log: silentLogger,
    ...(existsSync(bundled) ? { workerEntry: bundled } : {}),
  })
  memory.sample()
  const rssBefore = memory.peaks.rss
  const start = performance.now()
  const job = host.job(
    'import',
    { path: file, fileName: 'backup.xml', deviceId: null, region: values.region },
    () => {
      memory.sample()
    },
  )
  const imported = await job.done
  const ms = performance.now() - start
  await host.close()
  result = {
    mode: 'core',
    bytes: statSync(file).size,
    messages: imported.read,
    added: imported.added,
    outcome: imported.outcome,
    ms,
    storeMs: null,
    rssBefore,
    peakRss: peakRss(),
    peaks: memory.peaks,
    archiveBytes: statSync(archivePath).size,
  }
} else if (values.mode === 'read') {
  const { readBackup } = await import('../../../electron/core/backup/sbr')
  memory.sample()
  const rssBefore = memory.peaks.rss
  const start = performance.now()
  const reader = readBackup(file)
  let messages = 0
  let parts = 0
  // The reader decodes every part's base64 before it yields the message.
  for await (const message of reader) {
    if (message.kind === 'mms') parts += message.parts.length
    if (++messages % 500 === 0) memory.sample()
  }
  result = {
    mode: 'read',
    bytes: statSync(file).size,
    messages,
    parts,
    added: 0,
    outcome: 'complete',
    ms: performance.now() - start,
    storeMs: null,
    rssBefore,
    peakRss: peakRss(),
    peaks: memory.peaks,
    archiveBytes: null,
  }
} else {
  throw new Error(`unknown mode ${values.mode}`)
}
process.stdout.write(`${JSON.stringify({ result })}\n`)
process.exit(0)
