// Row-by-row maintenance of the external-content FTS index, done explicitly by the message
// writer inside its transaction (no triggers: see migrations/001-initial.ts).
//
// The rule that keeps the index uncorrupted: FTS5 trusts every 'delete' to carry exactly the
// values it indexed for that rowid. So while the index is dirty (a bulk back-fill is loading
// rows it has not seen) nothing at all is written to it, neither inserts nor deletes; the
// 'rebuild' that clears the flag re-reads the whole content table. While it is clean, every
// insert, change and delete of a messages row is mirrored here with the row's old values.
// Every statement that writes the messages table lives in message-writer.ts (and the device
// removal in archive.ts, which marks the index dirty first).
import type { StatementCache } from '../db/db'

export interface Indexed {
  readonly sortKey: number
  readonly body: string
  readonly searchKeys: string | null
}

export class FtsSync {
  constructor(private readonly sql: StatementCache) {}

  add(row: Indexed): void {
    this.sql
      .get<[number, string, string | null]>(
        'INSERT INTO messages_fts (rowid, body, search_keys) VALUES (?, ?, ?)',
      )
      .run(row.sortKey, row.body, row.searchKeys)
  }

  remove(row: Indexed): void {
    this.sql
      .get<[number, string, string | null]>(
        "INSERT INTO messages_fts (messages_fts, rowid, body, search_keys) VALUES ('delete', ?, ?, ?)",
      )
      .run(row.sortKey, row.body, row.searchKeys)
  }

  /** A changed row: only if what the index holds for it changed. */
  replace(before: Indexed, after: Indexed): void {
    if (
      before.sortKey === after.sortKey &&
      before.body === after.body &&
      before.searchKeys === after.searchKeys
    ) {
      return
    }
    this.remove(before)
    this.add(after)
  }
}
