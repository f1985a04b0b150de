// The archive's time order. sort_key = date * 1024 + slot: equal dates (common in imports and
// MMS) get consecutive slots in arrival order, so (date, arrival) is one integer that is the
// messages rowid, the thread index order, the FTS rowid and every paging cursor.
import type { StatementCache } from '../db/db'

export const SLOTS_PER_MS = 1024
// The largest date whose keys stay below 2^53 (year 2248); later dates sort as that date.
export const MAX_SORT_DATE = Math.floor(Number.MAX_SAFE_INTEGER / SLOTS_PER_MS) - 1

export function baseKey(date: number): number {
  return Math.min(Math.max(date, 0), MAX_SORT_DATE) * SLOTS_PER_MS
}

/** The SQL expression the insert uses to take the next free slot of a date in one statement. */
export const NEXT_SLOT_SQL =
  '(SELECT coalesce(max(sort_key) + 1, @base) FROM messages WHERE sort_key BETWEEN @base AND @base + 1023)'

/**
 * A free key for `date`, for updates and for the rare insert whose date already has 1024
 * messages: then the first gap above the date's range is used, which keeps the order by date.
 */
export function allocateSortKey(sql: StatementCache, date: number): number {
  const base = baseKey(date)
  const next = sql
    .get<[{ base: number }], { k: number }>(`SELECT ${NEXT_SLOT_SQL} AS k`)
    .get({ base })
  if (next === undefined) throw new Error('SELECT of an expression returned no row')
  const candidate = next.k
  const taken = sql.get<[number], { one: number }>(
    'SELECT 1 AS one FROM messages WHERE sort_key = ?',
  )
  if (taken.get(candidate) === undefined) return candidate
  const gap = sql
    .get<[number], { k: number }>(
      `SELECT m.sort_key + 1 AS k FROM messages m
       WHERE m.sort_key >= ? AND NOT EXISTS (SELECT 1 FROM messages n WHERE n.sort_key = m.sort_key + 1)
       ORDER BY m.sort_key LIMIT 1`,
    )
    .get(candidate)
  if (gap === undefined) throw new Error('no free sort key above an occupied one')
  return gap.k
}
