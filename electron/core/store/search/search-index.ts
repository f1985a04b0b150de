// The FTS5 index's lifecycle: the dirty flag of the bulk path, the one 'rebuild' that ends it,
// and the integrity checks.
//
// Why this is safe: the index is external-content, so FTS5 trusts us to 'delete' exactly the
// values it indexed. While fts_dirty = 1 the writer issues nothing at all to it (no inserts, no
// deletes: fts-sync.ts), so no 'delete' can ever name a row the index did not see; the index
// only goes stale. 'rebuild' then discards it and re-reads the content table, in the same transaction
// that clears the flag, so a crash leaves either the old dirty state or the finished index.
// Deletes and changes while dirty are therefore harmless, and a dirty flag that survives a
// crash is found again at startup.
import type { DeviceId } from '../../../../shared/model/ids'
import type { Db, StatementCache } from '../db/db'
import { writeTx } from '../db/db'

export interface SearchIndexState {
  /** Rows exist that the index does not cover; search results may be incomplete. */
  readonly dirty: boolean
  readonly dirtySince: number | null
  readonly rebuiltAt: number | null
  /**
   * Devices in their initial or reset sync: a bulk pass started and the history pass has not
   * finished. The index is rebuilt once none is left, not after every phone's pass.
   */
  readonly backfillsPending: readonly DeviceId[]
}

export interface IntegrityReport {
  /** PRAGMA integrity_check lines: ['ok'] when the file is sound. */
  readonly sqlite: readonly string[]
  /** 'ok', 'stale' (dirty: not comparable with the content until rebuilt), or FTS5's error. */
  readonly fts: string
}

interface StateRow {
  fts_dirty: number
  fts_dirty_since: number | null
  fts_rebuilt_at: number | null
}

export class SearchIndex {
  constructor(
    private readonly db: Db,
    private readonly sql: StatementCache,
    private readonly clock: () => number,
  ) {}

  readonly state = (): SearchIndexState => {
    const row = this.sql
      .get<[], StateRow>(
        'SELECT fts_dirty, fts_dirty_since, fts_rebuilt_at FROM archive_state WHERE id = 1',
      )
      .get()
    if (row === undefined) throw new Error('archive_state row is missing')
    const pending = this.sql
      .get<[], { id: string }>(
        `SELECT d.id FROM sync_state s JOIN devices d ON d.key = s.device_key
         WHERE s.history_done = 0
           AND (s.recent_done = 1 OR s.recent_cursor IS NOT NULL OR s.history_started = 1)
         ORDER BY d.key`,
      )
      .all()
    return {
      dirty: row.fts_dirty === 1,
      dirtySince: row.fts_dirty_since,
      rebuiltAt: row.fts_rebuilt_at,
      backfillsPending: pending.map((p) => p.id),
    }
  }

  readonly isDirty = (): boolean => {
    const row = this.sql
      .get<[], { fts_dirty: number }>('SELECT fts_dirty FROM archive_state WHERE id = 1')
      .get()
    if (row === undefined) throw new Error('archive_state row is missing')
    return row.fts_dirty === 1
  }

  /**
   * Rebuilds the whole index from the messages table and clears the flag, in one transaction.
   * Synchronous: under 1 s per 100k messages on a 2-core machine, 7-11 s for 1M.
   */
  readonly rebuild = (): void => {
    writeTx(this.db, () => {
      this.rebuildInTransaction()
    })()
  }

  /** For startup: repairs an index left dirty by a back-fill that a crash or quit cut short. */
  readonly rebuildIfDirty = (): boolean => {
    if (!this.isDirty()) return false
    this.rebuild()
    return true
  }

  /**
   * Merges the index's segments into one. Live writes add a small segment per transaction
   * (FTS5 automerges them, but a few dozen remain), and each costs every query a seek per
   * term. Worth calling when the app is idle; slow on a big archive (see rebuildInTransaction).
   */
  readonly optimize = (): void => {
    writeTx(this.db, () => {
      this.sql.get("INSERT INTO messages_fts (messages_fts) VALUES ('optimize')").run()
    })()
  }

  /** Part of a larger transaction (device removal, end of back-fill). */
  rebuildInTransaction(): void {
    // No 'optimize' after it: the rebuild's 32 MiB flushes leave few segments (one per 100k
    // messages or so), and merging a 1M-message index into one took 29 s of the 40 s this
    // transaction lasted (the merge spills a 32 MiB page cache), for searches 5-15% faster.
    this.sql.get("INSERT INTO messages_fts (messages_fts) VALUES ('rebuild')").run()
    this.sql
      .get<[number]>(
        'UPDATE archive_state SET fts_dirty = 0, fts_dirty_since = NULL, fts_rebuilt_at = ? WHERE id = 1',
      )
      .run(this.clock())
  }

  /** Marks the index dirty inside the caller's transaction. */
  markDirtyInTransaction(): void {
    this.sql
      .get<[number]>(
        'UPDATE archive_state SET fts_dirty = 1, fts_dirty_since = coalesce(fts_dirty_since, ?) WHERE id = 1',
      )
      .run(this.clock())
  }

  /** Full checks; slow on large archives (seconds per million rows): diagnostics and tests. */
  readonly check = (): IntegrityReport => {
    const sqlite = this.db
      .prepare<[], { integrity_check: string }>('PRAGMA integrity_check')
      .all()
      .map((r) => r.integrity_check)
    if (this.isDirty()) return { sqlite, fts: 'stale' }
    try {
      // rank = 1 also compares the index with the external content table.
      this.db
        .prepare("INSERT INTO messages_fts (messages_fts, rank) VALUES ('integrity-check', 1)")
        .run()
      return { sqlite, fts: 'ok' }
    } catch (error) {
      return { sqlite, fts: error instanceof Error ? error.message : String(error) }
    }
  }
}
