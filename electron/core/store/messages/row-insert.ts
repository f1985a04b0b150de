// The one INSERT of a messages row, shared by the phone's write path and the import of backup
// files, so both take slots of a date the same way and keep the search index in step.
import { sqliteErrorCode } from '../db/db'
import type { StatementCache } from '../db/db'
import type { FtsSync } from '../search/fts-sync'
import { BY_PHONE_ID, INSERT_AT, INSERT_NEW, columns, indexed } from './message-sql'
import type { Row } from './message-sql'
import type { MessageValues, StoredMessage } from './message-values'
import { allocateSortKey } from './sort-key'
import type { WriteSession } from './write-session'

/** Inserts at the next free slot of the date; the sort key, or null if the phone id exists. */
export function insertRow(
  sql: StatementCache,
  fts: FtsSync,
  s: WriteSession,
  values: MessageValues,
): number | null {
  let sortKey: number
  try {
    const info = sql
      .get<Row>(INSERT_NEW)
      .run(values.base, values.base, values.base, ...columns(values))
    if (info.changes === 0) return null
    sortKey = Number(info.lastInsertRowid)
  } catch (error) {
    // The date's 1024 slots are full and the next key is taken: use the first gap above.
    if (sqliteErrorCode(error) !== 'SQLITE_CONSTRAINT_PRIMARYKEY') throw error
    if (values.phone_id !== null) {
      const taken = sql
        .get<[number, string], StoredMessage>(BY_PHONE_ID)
        .get(values.device_key, values.phone_id)
      if (taken !== undefined) return null
    }
    sortKey = allocateSortKey(sql, values.date)
    sql.get<Row>(INSERT_AT).run(sortKey, ...columns(values))
  }
  if (s.indexLive) fts.add(indexed(sortKey, values))
  return sortKey
}
