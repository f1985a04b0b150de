// Imports of backup files: which phone's archive they go into, and their progress, committed in
// the same transaction as the texts of each batch. A run killed at any point and started again
// on the same file resumes after the last batch it committed; and since every text carries its
// import key (messages/import-writer.ts), reading a batch twice still stores each text once.
import { randomBytes } from 'node:crypto'
import type { Db, StatementCache } from '../db/db'
import { writeTx } from '../db/db'
import type { DeviceDirectory, DevicesRepository } from '../devices/devices'
import type { DeviceId } from '../../../../shared/model'
import { InvalidInputError } from '../errors'
import type { ImportedText, ImportWriter } from '../messages/import-writer'
import type { IndexMode, MessageWriter } from '../messages/message-writer'
import type { SearchIndex } from '../search/search-index'

export type ImportOutcome = 'complete' | 'damaged' | 'cancelled'

export interface ImportRun {
  readonly id: number
  readonly deviceId: DeviceId
  /** Messages of the file already committed by an earlier run of this import: skip them. */
  readonly resumeAfter: number
}

export interface ImportTotals {
  readonly read: number
  readonly added: number
  readonly present: number
}

export interface ImportRecord extends ImportTotals {
  readonly id: number
  readonly deviceId: DeviceId
  readonly fileName: string
  readonly startedAt: number
  readonly finishedAt: number | null
  readonly outcome: ImportOutcome | null
  readonly detail: string | null
}

/** The name given to the archive of backups imported before any phone is paired. */
export const IMPORTED_DEVICE_NAME = 'Imported backups'

interface Row {
  id: number
  device_id: string
  file_name: string
  started_at: number
  finished_at: number | null
  read_count: number
  added: number
  present: number
  outcome: ImportOutcome | null
  detail: string | null
}

export class ImportsRepository {
  constructor(
    private readonly db: Db,
    private readonly sql: StatementCache,
    private readonly directory: DeviceDirectory,
    private readonly devices: DevicesRepository,
    private readonly writer: MessageWriter,
    private readonly importer: ImportWriter,
    private readonly index: SearchIndex,
    private readonly clock: () => number,
  ) {}

  /**
   * The phone whose archive a backup goes into: the one named, else the only one there is;
   * with none, an archive of its own that no phone connects to (numbers read in `region`).
   */
  readonly target = (deviceId: DeviceId | null, region: string | null): DeviceId => {
    if (deviceId !== null) return this.devices.get(deviceId).id
    const all = this.devices.list()
    const [only] = all
    if (only !== undefined && all.length === 1) return only.id
    if (all.length > 1) {
      throw new InvalidInputError('wrong_scope', 'several phones: say which one to import into')
    }
    const id = randomBytes(16).toString('hex')
    const now = this.clock()
    // A key of zeros belongs to no phone, and the archive is born unpaired: nothing can
    // connect as it.
    this.devices.add({
      id,
      name: IMPORTED_DEVICE_NAME,
      model: null,
      publicKey: new Uint8Array(32),
      region,
      sims: [],
      pairedAt: now,
    })
    this.devices.markUnpaired(id, now)
    return id
  }

  /** Starts an import of one file, or resumes the unfinished one of the same file. */
  readonly begin = (deviceId: DeviceId, fileKey: string, fileName: string): ImportRun => {
    const ctx = this.directory.get(deviceId)
    return writeTx(this.db, () => {
      const row = this.sql
        .get<[number, string], { id: number; read_count: number; outcome: string | null }>(
          'SELECT id, read_count, outcome FROM imports WHERE device_key = ? AND file_key = ?',
        )
        .get(ctx.key, fileKey)
      const now = this.clock()
      if (row !== undefined) {
        const resumeAfter = row.outcome === 'complete' ? 0 : row.read_count
        this.sql
          .get<[string, number, number]>(
            `UPDATE imports SET file_name = ?, started_at = ?, finished_at = NULL, outcome = NULL,
               detail = NULL WHERE id = ?`,
          )
          .run(fileName, now, row.id)
        return { id: row.id, deviceId, resumeAfter }
      }
      const info = this.sql
        .get<[number, string, string, number]>(
          `INSERT INTO imports (device_key, file_key, file_name, started_at, read_count, added,
             present) VALUES (?, ?, ?, ?, 0, 0, 0)`,
        )
        .run(ctx.key, fileKey, fileName, now)
      return { id: Number(info.lastInsertRowid), deviceId, resumeAfter: 0 }
    })()
  }

  /**
   * Writes one batch and the file position it reaches (`readCount` messages read) in one
   * transaction, kept searchable row by row so the texts are found as soon as they land.
   */
  readonly writeBatch = (
    run: ImportRun,
    texts: readonly ImportedText[],
    readCount: number,
    mode: IndexMode = 'live',
  ): ImportTotals => {
    const ctx = this.directory.get(run.deviceId)
    const { value } = this.writer.transaction(mode, (s) => {
      let added = 0
      for (const text of texts) if (this.importer.write(s, ctx, text) === 'added') added += 1
      const present = texts.length - added
      this.sql
        .get<[number, number, number, number]>(
          `UPDATE imports SET read_count = max(read_count, ?), added = added + ?,
             present = present + ? WHERE id = ?`,
        )
        .run(readCount, added, present, run.id)
      return { read: readCount, added, present }
    })
    return value
  }

  /**
   * Records how the run ended. After batches written 'deferred' the index is rebuilt here, in
   * the same transaction, unless a phone's back-fill is still loading (its end rebuilds it).
   */
  readonly finish = (
    run: ImportRun,
    outcome: ImportOutcome,
    detail: string | null,
    rebuildIndex = false,
  ): void => {
    writeTx(this.db, () => {
      this.sql
        .get<[string, string | null, number, number]>(
          'UPDATE imports SET outcome = ?, detail = ?, finished_at = ? WHERE id = ?',
        )
        .run(outcome, detail, this.clock(), run.id)
      if (rebuildIndex && this.index.isDirty() && this.index.state().backfillsPending.length === 0)
        this.index.rebuildInTransaction()
    })()
  }

  readonly list = (): ImportRecord[] =>
    this.sql
      .get<[], Row>(
        `SELECT i.*, d.id AS device_id FROM imports i JOIN devices d ON d.key = i.device_key
         ORDER BY i.started_at DESC, i.id DESC`,
      )
      .all()
      .map((r) => ({
        id: r.id,
        deviceId: r.device_id,
        fileName: r.file_name,
        startedAt: r.started_at,
        finishedAt: r.finished_at,
        read: r.read_count,
        added: r.added,
        present: r.present,
        outcome: r.outcome,
        detail: r.detail,
      }))
}
