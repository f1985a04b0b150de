// Importing an SMS Backup & Restore file (electron/core/backup/import): a generated backup (SMS,
// MMS with pictures, group texts, emoji and other non-Latin text) imported into a fresh archive
// in a fresh process (probes/import-process.ts, the path `npm run archive -- import` takes).
//   rate: messages/s from the first byte read to the last batch committed; floor: the same
//     messages into the minimal schema in the importer's batches, then its rebuild (the bulk
//     row's floor: raw inserts, no parse, no conversations);
//   memory: the import process's peak RSS; in full runs also for a file of about 1 GB, against
//     the target "a 1 GB file imports with the core under 250 MB RSS", beside the reader alone
//     over the same file.
// Generated files are kept in the work folder with the options that made them, so a run with
// --data DIR generates each size once.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createHistory } from '../../../electron/demo/generate'
import { writeHistorySbr } from '../../../electron/demo/generate/sbr'
import type { ImportProbeResult } from '../probes/import-process'
import { timeMinimalBulk } from '../floor/minimal'
import { benchFile, runTs } from '../lib/proc'
import type { Row } from '../lib/report'
import type { BackupSizes } from '../lib/sizes'
import { log, now } from '../lib/stats'
import { rate } from './bulk'

/** The importer's own batch (import-file.ts), so the floor commits as often. */
const BATCH = 500
const PROBE = benchFile('probes/import-process.ts')
const REGION = 'GB'
/** A 1 GB import takes minutes on two cores; the probe is stopped only when it is stuck. */
const PROBE_TIMEOUT_MS = 3_600_000
const MEMORY_GOAL_MB = 250

export interface BackupFile {
  readonly path: string
  readonly sizes: BackupSizes
  readonly seed: number
  readonly bytes: number
  readonly messages: number
  readonly pictures: number
  readonly conversations: number
  /** Seconds the generator took; null when the file came from an earlier run. */
  readonly generatedSeconds: number | null
}

const options = (sizes: BackupSizes, seed: number) => ({ ...sizes, region: REGION, seed }) as const

/** The backup for `sizes`, generated into `dir` unless an earlier run left the same one there. */
async function backupFile(dir: string, sizes: BackupSizes, seed: number): Promise<BackupFile> {
  mkdirSync(dir, { recursive: true })
  const path = join(dir, `sbr-${sizes.messages}.xml`)
  const metaPath = `${path}.json`
  if (existsSync(metaPath) && existsSync(path)) {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as BackupFile
    if (
      JSON.stringify(meta.sizes) === JSON.stringify(sizes) &&
      meta.seed === seed &&
      statSync(path).size === meta.bytes
    ) {
      log(`  reusing ${path} (${(meta.bytes / 1e6).toFixed(0)} MB)`)
      return { ...meta, path, generatedSeconds: null }
    }
  }
  log(`  generating ${sizes.messages} messages as a backup file`)
  const t = now()
  const written = await writeHistorySbr(path, options(sizes, seed))
  const file: BackupFile = {
    path,
    sizes,
    seed,
    bytes: written.bytes,
    messages: written.messages,
    pictures: written.pictures,
    conversations: written.conversations,
    generatedSeconds: (now() - t) / 1000,
  }
  writeFileSync(metaPath, JSON.stringify(file, null, 2))
  return file
}

type ProbeMode = 'import' | 'core' | 'read'

function probe(mode: ProbeMode, file: string, data = ''): Promise<ImportProbeResult> {
  const args = ['--mode', mode, '--file', file, '--region', REGION]
  return runTs<ImportProbeResult>(
    PROBE,
    data === '' ? args : [...args, '--data', data],
    PROBE_TIMEOUT_MS,
  )
}

/** Imports the file into a fresh archive in `dir` (removed afterwards: it is as big as the file). */
async function importOnce(
  file: BackupFile,
  dir: string,
  mode: 'import' | 'core',
): Promise<ImportProbeResult> {
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  try {
    const result = await probe(mode, file.path, dir)
    if (result.added !== file.messages) {
      throw new Error(`imported ${result.added} of ${file.messages} messages (${result.outcome})`)
    }
    return result
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export interface ImportSamples {
  readonly file: BackupFile
  readonly store: ImportProbeResult
  readonly reader: ImportProbeResult
}

export interface ImportRateSamples extends ImportSamples {
  /** The minimal schema's bulk insert of the same messages, and its rebuild. */
  readonly floorMs: number
}

/**
 * The file imported into a fresh archive, then read by the reader alone; both in fresh
 * processes. `core` runs the import as the app does (the archive's threads, the import a job on
 * the writer), so its peak RSS is the core's; `import` runs it on the probe's own thread, where
 * the store's share of the time can be measured.
 */
export async function measureImportMemory(
  work: string,
  sizes: BackupSizes,
  seed: number,
  mode: 'import' | 'core' = 'core',
): Promise<ImportSamples> {
  const file = await backupFile(join(work, 'backups'), sizes, seed)
  log(`  importing ${(file.bytes / 1e6).toFixed(0)} MB (fresh process, ${mode})`)
  const store = await importOnce(file, join(work, 'import-archive'), mode)
  log('  the reader alone')
  const reader = await probe('read', file.path)
  return { file, store, reader }
}

/** The import row's figures: the above, and the minimal floor on the same messages. */
export async function measureImport(
  work: string,
  sizes: BackupSizes,
  seed: number,
): Promise<ImportRateSamples> {
  const samples = await measureImportMemory(work, sizes, seed, 'import')
  log('  the floor (minimal schema)')
  // The same message stream the file was written from (the generator is deterministic).
  const history = createHistory(options(sizes, seed))
  const floor = timeMinimalBulk(join(work, 'import-minimal.sqlite'), history.messages, BATCH)
  return { ...samples, floorMs: floor.insertMs + floor.rebuildMs }
}

const mb = (n: number | null) => (n === null ? '?' : n.toFixed(0))
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

/** What the file holds and where the import's time and memory went. */
function describe({ file, store, reader }: ImportSamples): string {
  const generated =
    file.generatedSeconds === null
      ? 'from an earlier run'
      : `in ${file.generatedSeconds.toFixed(1)} s`
  return (
    `${(file.bytes / 1e6).toFixed(0)} MB file (${file.messages} messages, ${file.conversations} ` +
    `conversations, ${file.pictures} pictures; generated ${generated}). Import: ${seconds(store.ms)}, ` +
    `the store's writeBatch ${seconds(store.storeMs ?? 0)} of it; RSS ${mb(store.rssBefore)} MB ` +
    `before the file is opened (Node, tsx, the core's modules); largest samples heap ` +
    `${mb(store.peaks.heapUsed)} MB, external ${mb(store.peaks.external)} MB. The reader alone: ` +
    `${seconds(reader.ms)} (${reader.parts ?? '?'} MMS parts decoded), peak RSS ${mb(reader.peakRss)} MB. MiB throughout`
  )
}

export function importRows(s: ImportRateSamples): Row[] {
  const { file, store, reader } = s
  return [
    {
      target: 'import',
      measure: `import SMS Backup & Restore ${file.messages / 1000}k`,
      value: rate(store.ms, store.messages),
      unit: 'rows/s',
      higherIsBetter: true,
      detail: `peak RSS ${mb(store.peakRss)} MB, ${seconds(store.ms)}; reader alone ${(rate(reader.ms, reader.messages) / 1000).toFixed(0)}k/s`,
      floor: rate(s.floorMs, file.messages),
      goal: null,
      goalText: '',
      note: `messages/s. Floor: the same messages into the minimal schema in batches of ${BATCH}, then its rebuild (the bulk rows' floor). ${describe(s)}`,
    },
  ]
}

export function importMemoryRows(s: ImportSamples): Row[] {
  const { file, store } = s
  return [
    {
      target: 'import',
      measure: `import SMS Backup & Restore ${(file.bytes / 1e9).toFixed(1)} GB: peak RSS`,
      value: store.peakRss,
      unit: 'MB',
      detail: `${file.messages / 1e6}M messages in ${seconds(store.ms)} (${(rate(store.ms, store.messages) / 1000).toFixed(1)}k/s)`,
      // The reader alone over the same file: what the parse itself holds.
      floor: s.reader.peakRss,
      goal: MEMORY_GOAL_MB,
      goalText: `≤ ${MEMORY_GOAL_MB} MB (core)`,
      note: `floor: the reader alone over the same file. ${describe(s)}`,
    },
  ]
}
