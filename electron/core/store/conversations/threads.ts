// The threads table, maintained on write so the list stays fast at any archive size: one row per
// normalised participant set within a device, with counts kept by deltas and the last message
// found by one index seek, so listing conversations never groups over messages.
import type { DeviceContext } from '../devices/devices'
import type { StatementCache } from '../db/db'
import type { NormalizedAddress } from '../text/numbers'
import { participantKey } from '../text/numbers'
import { numberTerms } from './titles'
import type { TitleResolver } from './titles'

/** A conversation as the write path needs it. */
export interface ThreadState {
  readonly id: number
  readonly readUpTo: number
  readonly lastSortKey: number
}

/** The part of a message row that thread aggregates depend on. */
export interface TallyRow {
  readonly sortKey: number
  readonly incoming: boolean
  readonly phoneRead: boolean
}

/** Unread here: incoming, unread on the phone, and after the desktop's read mark. */
export function isUnread(row: TallyRow, thread: ThreadState): boolean {
  return row.incoming && !row.phoneRead && row.sortKey > thread.readUpTo
}

interface ThreadRow {
  id: number
  read_up_to: number
  last_sort_key: number
}

/** Per-transaction caches of conversations (a WriteSession provides them). */
export interface ThreadCache {
  readonly threadsByKey: Map<string, ThreadState>
  readonly threadsById: Map<number, ThreadState>
}

export class ThreadStore {
  constructor(
    private readonly sql: StatementCache,
    private readonly titles: TitleResolver,
  ) {}

  /**
   * The conversation of these participants, created if new. The cache lives for one write
   * transaction so a batch resolves each conversation once.
   */
  resolve(ctx: DeviceContext, addresses: readonly string[], cache: ThreadCache): ThreadState {
    const normalized = this.normalizeAll(ctx, addresses)
    const key = participantKey(normalized)
    const cached = cache.threadsByKey.get(key)
    if (cached !== undefined) return cached
    const state = this.find(ctx.key, key) ?? this.create(ctx, key, normalized)
    cache.threadsByKey.set(key, state)
    cache.threadsById.set(state.id, state)
    return state
  }

  /**
   * Loads the existing conversations of a batch with one query: a back-fill batch touches
   * hundreds of them, and one lookup each would cost more than the inserts.
   */
  prefetch(ctx: DeviceContext, lists: readonly (readonly string[])[], cache: ThreadCache): void {
    const keys = new Set<string>()
    for (const addresses of lists) {
      const key = participantKey(this.normalizeAll(ctx, addresses))
      if (!cache.threadsByKey.has(key)) keys.add(key)
    }
    if (keys.size === 0) return
    const rows = this.sql
      .get<[number, string], ThreadRow & { participant_key: string }>(
        `SELECT id, participant_key, read_up_to, last_sort_key FROM threads
         WHERE device_key = ? AND participant_key IN (SELECT value FROM json_each(?))`,
      )
      .all(ctx.key, JSON.stringify([...keys]))
    for (const row of rows) {
      const state = toState(row)
      cache.threadsByKey.set(row.participant_key, state)
      cache.threadsById.set(state.id, state)
    }
  }

  /** The conversation a stored message belongs to (it exists while the message does). */
  byId(id: number, cache: ThreadCache): ThreadState {
    const cached = cache.threadsById.get(id)
    if (cached !== undefined) return cached
    const row = this.sql
      .get<[number], ThreadRow>('SELECT id, read_up_to, last_sort_key FROM threads WHERE id = ?')
      .get(id)
    if (row === undefined) throw new Error('a message refers to a missing conversation')
    const state = toState(row)
    cache.threadsById.set(id, state)
    return state
  }

  private normalizeAll(ctx: DeviceContext, addresses: readonly string[]): NormalizedAddress[] {
    const seen = new Map<string, NormalizedAddress>()
    for (const raw of addresses) {
      const n = ctx.numbers.normalize(raw)
      if (!seen.has(n.key)) seen.set(n.key, n)
    }
    return [...seen.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  }

  private find(deviceKey: number, key: string): ThreadState | null {
    const row = this.sql
      .get<[number, string], ThreadRow>(
        `SELECT id, read_up_to, last_sort_key FROM threads
         WHERE device_key = ? AND participant_key = ?`,
      )
      .get(deviceKey, key)
    return row === undefined ? null : toState(row)
  }

  private create(ctx: DeviceContext, key: string, addresses: NormalizedAddress[]): ThreadState {
    const labels = this.titles.labels(
      ctx,
      addresses.map((a) => ({ key: a.key, address: a.display })),
    )
    // Counts start at zero and last_sort_key at 0; the tally of the same transaction sets them
    // (and deletes the row again if no message ended up in it).
    const row = this.sql
      .get<unknown[], ThreadRow>(
        `INSERT INTO threads (device_key, participant_key, participants_json, title, title_fold,
           number_terms, contact_ref, message_count, unread_count, read_up_to, last_sort_key)
         VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0)
         RETURNING id, read_up_to, last_sort_key`,
      )
      .get(
        ctx.key,
        key,
        JSON.stringify(labels.participants),
        labels.title,
        labels.titleFold,
        numberTerms(addresses),
        labels.contactRef,
      )
    if (row === undefined) throw new Error('INSERT ... RETURNING gave no row')
    return toState(row)
  }
}

function toState(row: ThreadRow): ThreadState {
  return { id: row.id, readUpTo: row.read_up_to, lastSortKey: row.last_sort_key }
}

interface Delta {
  readonly thread: ThreadState
  count: number
  unread: number
  newest: number
  recompute: boolean
}

/** Aggregate changes of one write transaction, applied once per conversation at the end. */
export class ThreadTally {
  private readonly deltas = new Map<number, Delta>()

  added(thread: ThreadState, row: TallyRow): void {
    const d = this.delta(thread)
    d.count += 1
    if (isUnread(row, thread)) d.unread += 1
    d.newest = Math.max(d.newest, row.sortKey)
  }

  removed(thread: ThreadState, row: TallyRow): void {
    const d = this.delta(thread)
    d.count -= 1
    if (isUnread(row, thread)) d.unread -= 1
    if (row.sortKey === thread.lastSortKey || row.sortKey === d.newest) d.recompute = true
  }

  get touched(): number[] {
    return [...this.deltas.keys()]
  }

  /** Writes the deltas; returns the ids of conversations that no longer exist. */
  flush(sql: StatementCache): number[] {
    if (this.deltas.size === 0) return []
    const deltas = [...this.deltas.values()].map((d) => [
      d.thread.id,
      d.count,
      d.unread,
      d.recompute ? 1 : 0,
      d.newest,
    ])
    this.deltas.clear()
    // One statement for the whole transaction: counts by delta, and the last message either
    // re-found by one seek of (thread_id, sort_key) or advanced to the newest row added.
    const after = sql
      .get<[string], { id: number; message_count: number }>(
        `UPDATE threads SET message_count = message_count + d.dc,
           unread_count = unread_count + d.du,
           last_sort_key = CASE WHEN d.rc
             THEN coalesce((SELECT max(sort_key) FROM messages WHERE thread_id = threads.id), 0)
             ELSE max(threads.last_sort_key, d.nw) END
         FROM (SELECT value ->> 0 AS id, value ->> 1 AS dc, value ->> 2 AS du, value ->> 3 AS rc,
                 value ->> 4 AS nw FROM json_each(?)) AS d
         WHERE threads.id = d.id
         RETURNING threads.id, threads.message_count`,
      )
      .all(JSON.stringify(deltas))
    if (after.length !== deltas.length) throw new Error('a conversation vanished during a write')
    const empty = after.filter((r) => r.message_count === 0).map((r) => r.id)
    const drop = sql.get<[number]>('DELETE FROM threads WHERE id = ?')
    for (const id of empty) drop.run(id)
    return empty
  }

  private delta(thread: ThreadState): Delta {
    let d = this.deltas.get(thread.id)
    if (d === undefined) {
      d = { thread, count: 0, unread: 0, newest: 0, recompute: false }
      this.deltas.set(thread.id, d)
    }
    return d
  }
}
