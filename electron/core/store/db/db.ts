// The SQLite connection: pragmas, prepared-statement cache and write transactions.
import Database from 'better-sqlite3'
import { ArchiveOpenError } from '../errors'

export type Db = Database.Database
export type Statement<P extends unknown[], R> = Database.Statement<P, R>

/** SQLite error codes we react to (better-sqlite3 exposes the extended code as a string). */
export function sqliteErrorCode(error: unknown): string | null {
  return error instanceof Database.SqliteError ? error.code : null
}

export function openConnection(path: string): Db {
  const db = new Database(path)
  try {
    // WAL: readers never block the writer, and a crash loses at most uncommitted work. With WAL,
    // synchronous=NORMAL stays consistent after a power cut (it may lose the last commits, which
    // the phone re-sends because watermarks and cursors are stored in the same transactions).
    const mode = db.pragma('journal_mode = WAL', { simple: true })
    if (!db.memory && mode !== 'wal') {
      throw new ArchiveOpenError('no_wal', `journal_mode is ${String(mode)}`)
    }
    db.pragma('synchronous = NORMAL')
    db.pragma('foreign_keys = ON')
    // Another connection (a benchmark, a second window in development) may hold the write lock
    // briefly; wait rather than fail with SQLITE_BUSY.
    db.pragma('busy_timeout = 5000')
    // Nothing in this schema needs functions with side effects inside triggers or views.
    db.pragma('trusted_schema = OFF')
    db.pragma('temp_store = MEMORY')
    // 32 MiB page cache: the hot indexes of a 1M-message archive fit; the memory target is 250 MB.
    db.pragma('cache_size = -32768')
    // Bound the WAL file after a large back-fill instead of leaving it at its high-water mark.
    db.pragma('journal_size_limit = 67108864')
    // Checkpoint every ~40 MB of WAL instead of every 4 MB: a back-fill rewrites the same index
    // pages batch after batch, and copying them to the file ten times less often is ~7% of the
    // bulk path; reads stay fast because the WAL index is in shared memory.
    db.pragma('wal_autocheckpoint = 10000')
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

/** Prepares each SQL text once per connection. Statements are only ever built from constants. */
export class StatementCache {
  private readonly cache = new Map<string, Statement<unknown[], unknown>>()

  constructor(readonly db: Db) {}

  get<P extends unknown[] = [], R = never>(sql: string): Statement<P, R> {
    let stmt = this.cache.get(sql)
    if (stmt === undefined) {
      stmt = this.db.prepare(sql)
      this.cache.set(sql, stmt)
    }
    return stmt as unknown as Statement<P, R>
  }
}

/**
 * Wraps `fn` in a write transaction (BEGIN IMMEDIATE, so it never fails half-way on a lock
 * upgrade). Called inside another transaction it becomes a savepoint of that one.
 */
export function writeTx<A extends unknown[], T>(db: Db, fn: (...args: A) => T): (...args: A) => T {
  const tx = db.transaction(fn)
  return (...args: A) => tx.immediate(...args)
}

/** SQLite booleans are 0/1 integers in STRICT tables. */
export function bit(value: boolean): 0 | 1 {
  return value ? 1 : 0
}
