// The SQL of the message writer, and the column order its positional parameters follow.
import type { Indexed } from '../search/fts-sync'
import { STORED_COLUMNS } from './message-values'
import type { MessageValues } from './message-values'

export type Row = (string | number | null)[]

const COLUMNS = STORED_COLUMNS.replace('sort_key, ', '')
const COLUMN_COUNT = COLUMNS.split(',').length
const HOLES = Array.from({ length: COLUMN_COUNT }, () => '?').join(', ')
// Positional parameters: binding 19 named ones costs ~5 us per row more in better-sqlite3.
// The first three are the date's base key: the row takes the next free slot of its date.
export const INSERT_NEW = `INSERT INTO messages (sort_key, ${COLUMNS}) VALUES (
    (SELECT coalesce(max(sort_key) + 1, ?) FROM messages WHERE sort_key BETWEEN ? AND ? + 1023),
    ${HOLES})
  ON CONFLICT (device_key, phone_id) WHERE phone_id IS NOT NULL DO NOTHING`
export const INSERT_AT = `INSERT INTO messages (sort_key, ${COLUMNS}) VALUES (?, ${HOLES})`
export const UPDATE = `UPDATE messages SET sort_key = ?, thread_id = ?, phone_id = ?, send_key = ?, kind = ?,
  box = ?, addresses_json = ?, sender = ?, date = ?, date_sent = ?, body = ?, search_keys = ?,
  phone_read = ?, status = ?, sub_id = ?, phone_thread_id = ?, part_count = ? WHERE id = ?`
export const BY_PHONE_ID = `SELECT ${STORED_COLUMNS} FROM messages WHERE device_key = ? AND phone_id = ?`
export const LOCAL_BY_KEY = `SELECT ${STORED_COLUMNS} FROM messages
  WHERE device_key = ? AND send_key = ? AND phone_id IS NULL ORDER BY id LIMIT 1`

/** Column values in COLUMNS order (everything but sort_key). */
export function columns(v: MessageValues): Row {
  return [
    v.id,
    v.device_key,
    v.thread_id,
    v.phone_id,
    v.send_key,
    v.kind,
    v.box,
    v.addresses_json,
    v.sender,
    v.date,
    v.date_sent,
    v.body,
    v.search_keys,
    v.phone_read,
    v.status,
    v.sub_id,
    v.phone_thread_id,
    v.part_count,
  ]
}

export function indexed(sortKey: number, v: { body: string; search_keys: string | null }): Indexed {
  return { sortKey, body: v.body, searchKeys: v.search_keys }
}
