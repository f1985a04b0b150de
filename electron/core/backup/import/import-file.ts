// Imports one SMS Backup & Restore file into a phone's archive: read as a stream, written in
// batches that each commit with the file position they reach, so a kill at any point loses
// nothing committed and the next run of the same file starts after it.
import { createHash } from 'node:crypto'
import { open, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import type { DeviceId } from '../../../../shared/model'
import type { Archive } from '../../store'
import type { ImportedText } from '../../store/messages/import-writer'
import { BackupDamaged, readBackup } from '../sbr'
import { toImportedText } from './to-text'

/** Messages per transaction: big enough to amortise the commit, small enough to cancel fast. */
const BATCH = 500
/**
 * From this size on the search index is left to one rebuild at the end instead of being kept
 * row by row: past a few hundred thousand messages each batch's index segment costs merges
 * that read far more of the index than the batch writes (measured: 18k/s falling to 3-5k/s on
 * a 1 GB file, against 25-30k/s and a rebuild of 9 s). A smaller file stays searchable as it
 * goes; a big one is searchable when it ends, and a crash before then leaves the index marked
 * for the rebuild at the next start.
 */
const DEFERRED_INDEX_BYTES = 64 * 1024 * 1024
/** The file's identity is its size and its first bytes, so a moved or renamed file resumes. */
const HEAD_BYTES = 64 * 1024

export interface ImportProgress {
  /** Messages read from the file (including ones a resumed run skipped). */
  readonly read: number
  readonly added: number
  /** Already in the archive: from the phone, an earlier import, or twice in this file. */
  readonly present: number
  readonly bytesRead: number
  readonly totalBytes: number | null
  /** Messages read per second in this run. */
  readonly rate: number
}

export interface ImportResult extends ImportProgress {
  readonly deviceId: DeviceId
  readonly outcome: 'complete' | 'damaged' | 'cancelled'
  /** Well-formed messages with no place in the archive (an unknown box, no address). */
  readonly skipped: number
  /** Where and why the file could not be read to its end. */
  readonly damage: {
    readonly line: number
    readonly column: number
    readonly reason: string
    readonly message: string
  } | null
}

export interface ImportOptions {
  /** The phone to import into; null picks the only one, or makes an archive of its own. */
  readonly deviceId?: DeviceId | null
  /** The country numbers are read in when the archive has to be made. */
  readonly region?: string | null
  readonly signal?: AbortSignal
  readonly onProgress?: (progress: ImportProgress) => void
  readonly clock?: () => number
  /** The name the user knows the file by (an upload is stored under a name of its own). */
  readonly fileName?: string
  /** From which file size the index is rebuilt at the end instead of row by row (tests). */
  readonly deferIndexFromBytes?: number
}

async function fileKey(path: string): Promise<string> {
  const file = await open(path, 'r')
  try {
    const { size } = await file.stat()
    const head = Buffer.alloc(Math.min(HEAD_BYTES, size))
    await file.read(head, 0, head.length, 0)
    return `${size}:${createHash('sha256').update(head).digest('hex').slice(0, 32)}`
  } finally {
    await file.close()
  }
}

export async function importBackupFile(
  archive: Archive,
  path: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const clock = options.clock ?? Date.now
  const deviceId = archive.imports.target(options.deviceId ?? null, options.region ?? null)
  const run = archive.imports.begin(
    deviceId,
    await fileKey(path),
    options.fileName ?? basename(path),
  )
  const reader = readBackup(path)
  const started = clock()
  let read = 0
  let added = 0
  let present = 0
  let batch: ImportedText[] = []
  const progress = (): ImportProgress => {
    const seconds = Math.max((clock() - started) / 1000, 0.001)
    return {
      read,
      added,
      present,
      bytesRead: reader.progress.bytesRead,
      totalBytes: reader.progress.totalBytes,
      rate: (read - run.resumeAfter) / seconds,
    }
  }
  const deferred = (await stat(path)).size >= (options.deferIndexFromBytes ?? DEFERRED_INDEX_BYTES)
  const flush = () => {
    const totals = archive.imports.writeBatch(run, batch, read, deferred ? 'deferred' : 'live')
    added += totals.added
    present += totals.present
    batch = []
    options.onProgress?.(progress())
  }
  const finish = (outcome: ImportResult['outcome'], damage: ImportResult['damage']) => {
    if (batch.length > 0 || read > run.resumeAfter) flush()
    archive.imports.finish(run, outcome, damage?.message ?? null, deferred)
    return { ...progress(), deviceId, outcome, skipped: reader.progress.skipped, damage }
  }
  try {
    for await (const message of reader) {
      read += 1
      if (read <= run.resumeAfter) continue
      batch.push(toImportedText(message))
      if (batch.length >= BATCH) flush()
      if (options.signal?.aborted === true) return finish('cancelled', null)
    }
  } catch (error) {
    if (!(error instanceof BackupDamaged)) throw error
    const { line, column, reason, message } = error
    return finish('damaged', { line, column, reason, message })
  }
  return finish('complete', null)
}
