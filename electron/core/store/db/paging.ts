// Keyset paging helpers: cursors are positions in sort_key order, pages fetch one extra row to
// learn whether more lie beyond them.
import { decodeCursor, encodeCursor } from '../../../../shared/model/cursor'
import type { Cursor, CursorList, CursorParts } from '../../../../shared/model/cursor'
import type { Page } from '../../../../shared/model/page'
import { InvalidInputError } from '../errors'

export function readCursor(cursor: string, list: CursorList): CursorParts {
  const parts = decodeCursor(cursor)
  if (parts === null || parts.list !== list) throw new InvalidInputError('bad_cursor')
  return parts
}

export function checkLimit(limit: number, max: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > max) {
    throw new InvalidInputError('bad_limit', `limit must be 1..${max}`)
  }
}

/**
 * Assembles a page from rows fetched `limit + 1` at a time in one direction. `rows` are in
 * fetch order (descending for `older`, ascending for `newer`); the page is returned in display
 * order, chronological (`ascending`) or newest first.
 */
export function pageOf<R extends { sort_key: number }, T>(
  list: CursorList,
  fetched: { rows: readonly R[]; direction: 'older' | 'newer'; limit: number; from: number | null },
  display: 'ascending' | 'descending',
  map: (rows: readonly R[]) => T[],
): Page<T> {
  const { direction, limit, from } = fetched
  const more = fetched.rows.length > limit
  const rows = fetched.rows.slice(0, limit)
  const asc = direction === 'older' ? [...rows].reverse() : rows
  const first = asc[0]
  const last = asc[asc.length - 1]
  const cursor = (dir: 'older' | 'newer', position: number): Cursor =>
    encodeCursor({ list, direction: dir, position })
  // Beyond the oldest row: more if the fetch went older and found an extra row, or if it went
  // newer from a position (everything at or before `from` lies that way).
  const olderExists = direction === 'older' ? more : from !== null
  const newerExists = direction === 'newer' ? more : from !== null
  const older = first !== undefined && olderExists ? cursor('older', first.sort_key) : null
  const newer = last !== undefined && newerExists ? cursor('newer', last.sort_key) : null
  return { items: map(display === 'ascending' ? asc : [...asc].reverse()), older, newer }
}
