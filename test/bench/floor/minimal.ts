// The floors' minimal archive: one base table keyed by the same time-ordered sort key, the
// (thread, key) index, and an external-content FTS5 table with the archive's tokenizer, prefix
// index and hash size. Nothing else: no conversations, no ids, no checks, no foreign keys.
import { rmSync } from 'node:fs'
import Database from 'better-sqlite3'
import { chunks } from '../lib/history'

export const MINIMAL_SCHEMA = `
CREATE TABLE m (sort_key INTEGER PRIMARY KEY, thread_id INTEGER NOT NULL, date INTEGER NOT NULL,
  body TEXT NOT NULL);
CREATE INDEX m_thread ON m (thread_id, sort_key);
CREATE VIRTUAL TABLE m_fts USING fts5 (body, content = 'm', content_rowid = 'sort_key',
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3', columnsize = 0);
INSERT INTO m_fts (m_fts, rank) VALUES ('hashsize', 33554432);
`

export interface MinimalRow {
  readonly threadId: number
  readonly date: number
  readonly body: string
}

export class MinimalStore {
  readonly db: Database.Database
  private readonly slots = new Map<number, number>()
  private readonly insert: Database.Statement<[number, number, number, string]>
  private readonly index: Database.Statement<[number, string]>

  constructor(path: string) {
    this.db = new Database(path)
    // The archive's durability settings, so commits cost the same.
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('synchronous = NORMAL')
    this.db.pragma('cache_size = -32768')
    this.db.exec(MINIMAL_SCHEMA)
    this.insert = this.db.prepare('INSERT INTO m VALUES (?, ?, ?, ?)')
    this.index = this.db.prepare('INSERT INTO m_fts (rowid, body) VALUES (?, ?)')
  }

  private key(date: number): number {
    const slot = this.slots.get(date) ?? 0
    this.slots.set(date, slot + 1)
    return date * 1024 + slot
  }

  /** One transaction, no index maintenance (the bulk path). */
  insertBatch(rows: readonly MinimalRow[]): void {
    this.db.transaction(() => {
      for (const r of rows) this.insert.run(this.key(r.date), r.threadId, r.date, r.body)
    })()
  }

  /** One row and its index entry, committed (the live path). */
  insertLive(row: MinimalRow): void {
    this.db.transaction(() => {
      const key = this.key(row.date)
      this.insert.run(key, row.threadId, row.date, row.body)
      this.index.run(key, row.body)
    })()
  }

  rebuild(): void {
    this.db.exec("INSERT INTO m_fts (m_fts) VALUES ('rebuild')")
  }

  close(): void {
    this.db.close()
  }
}

export interface MinimalBulk {
  readonly rows: number
  readonly insertMs: number
  readonly rebuildMs: number
}

/** The bulk floor: `rows` into a fresh minimal archive at `path` in batches, then its rebuild. */
export function timeMinimalBulk(
  path: string,
  rows: Iterable<MinimalRow>,
  batch: number,
): MinimalBulk {
  removeDatabase(path)
  const minimal = new MinimalStore(path)
  let count = 0
  let t = performance.now()
  for (const slice of chunks(rows, batch)) {
    minimal.insertBatch(slice)
    count += slice.length
  }
  const insertMs = performance.now() - t
  t = performance.now()
  minimal.rebuild()
  const rebuildMs = performance.now() - t
  minimal.close()
  removeDatabase(path)
  return { rows: count, insertMs, rebuildMs }
}

/** Deletes a database file with its WAL and shared-memory files. */
export function removeDatabase(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true })
}
