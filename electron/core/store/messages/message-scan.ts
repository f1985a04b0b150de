// Reading the whole archive (or a slice of it) out in pages, for exports: conversation by
// conversation, each in time order, by key, so a walk over a million messages holds one page
// at a time and never repeats or skips a row however large the archive is.
import { z } from 'zod'
import type { ConversationId } from '../../../../shared/model/ids'
import type { ArchivedMessage } from '../../../../shared/model/message'
import type { StatementCache } from '../db/db'
import { enumColumn, parseJsonColumn } from '../db/json'
import { checkLimit } from '../db/paging'
import { InvalidInputError, NotFoundError } from '../errors'
import { RECORD_SELECT } from './message-rows'
import type { MessageMapper, MessageRow } from './message-rows'
import { baseKey } from './sort-key'

/** Which messages a walk covers. Every field is optional: nothing set is the whole archive. */
export interface MessageRange {
  readonly conversationId?: ConversationId | null
  /** Earliest date, inclusive, ms since the epoch. */
  readonly since?: number | null
  /** Latest date, exclusive, ms since the epoch. */
  readonly until?: number | null
  /**
   * Only messages whose id is at most this: the ones that existed when the walk was measured
   * (ids are never reused and only grow), so texts arriving meanwhile do not join it halfway.
   */
  readonly maxId?: number | null
}

/** Where a walk stopped: the next page starts after this message. */
export interface ScanPosition {
  readonly conversationId: ConversationId
  readonly sortKey: number
}

/** A message with what a faithful copy of it needs beyond the bubble the window shows. */
export interface MessageRecord {
  readonly message: ArchivedMessage
  /** The conversation's other members as the phone (or the backup) wrote them, unnormalised. */
  readonly addresses: readonly string[]
  /** Who sent a received text, as written; null for sent ones. */
  readonly senderAddress: string | null
  /** The phone's read flag (not this desktop's). */
  readonly read: boolean
  /** The SMS delivery report as the phone has it. */
  readonly status: 'none' | 'pending' | 'complete' | 'failed'
  readonly subId: number | null
}

export interface ScanPage {
  /** Ordered by conversation id, then by time within each conversation. */
  readonly items: readonly MessageRecord[]
  /** Pass back for the next page; null when the walk is complete. */
  readonly next: ScanPosition | null
}

export interface RangeSize {
  readonly messages: number
  /** Conversations with at least one message in the range. */
  readonly conversations: number
  /** The largest message id there is now: the walk's `maxId`, so it sees what was counted. */
  readonly maxId: number
}

type RecordRow = MessageRow & { addresses_json: string }

const addressList = z.array(z.string())
const STATUSES = ['none', 'pending', 'complete', 'failed'] as const

// One conversation's slice: a seek in the (thread_id, sort_key) index, stopping after a page.
const IN_THREAD = `${RECORD_SELECT}
  WHERE m.thread_id = ? AND m.sort_key >= ? AND m.sort_key < ? AND m.id <= ?
  ORDER BY m.sort_key LIMIT ?`
const NEXT_THREAD = 'SELECT id FROM threads WHERE id > ? ORDER BY id LIMIT 1'
// Two statements, not one with "thread IS NULL OR": the OR would keep the planner off the
// thread index and count a conversation by scanning the whole date range.
const SIZE = 'SELECT count(*) AS messages, count(DISTINCT thread_id) AS conversations FROM messages'
const SIZE_ALL = `${SIZE} WHERE sort_key >= ? AND sort_key < ?`
const SIZE_OF_THREAD = `${SIZE} WHERE thread_id = ? AND sort_key >= ? AND sort_key < ?`
const MAX_SCAN_PAGE = 500

interface Bounds {
  readonly low: number
  readonly high: number
  readonly maxId: number
}

function boundsOf(range: MessageRange): Bounds {
  const since = range.since ?? null
  const until = range.until ?? null
  const maxId = range.maxId ?? null
  for (const value of [since, until, maxId]) {
    if (value !== null && !Number.isSafeInteger(value)) {
      throw new InvalidInputError('bad_range', 'range bounds must be whole numbers')
    }
  }
  return {
    // Sort keys are date * 1024 + slot, so a date bound is a key bound and the index does it.
    low: since === null ? 0 : baseKey(since),
    high: until === null ? Number.MAX_SAFE_INTEGER : baseKey(until),
    maxId: maxId ?? Number.MAX_SAFE_INTEGER,
  }
}

/** Throws NotFoundError unless the conversation exists. */
export function requireConversation(sql: StatementCache, id: ConversationId): void {
  const row = sql.get<[number], { id: number }>('SELECT id FROM threads WHERE id = ?').get(id)
  if (row === undefined) throw new NotFoundError('conversation', 'no such conversation')
}

export class MessageScanner {
  constructor(
    private readonly sql: StatementCache,
    private readonly mapper: () => MessageMapper,
  ) {}

  /**
   * How many messages (and conversations) the range holds now, and the id bound to walk it.
   * Two statements: run it in a snapshot when another connection may be writing.
   */
  measure(range: MessageRange): RangeSize {
    const { low, high } = boundsOf(range)
    const thread = range.conversationId ?? null
    type Size = Omit<RangeSize, 'maxId'>
    let size: Size | undefined
    if (thread === null) {
      size = this.sql.get<[number, number], Size>(SIZE_ALL).get(low, high)
    } else {
      requireConversation(this.sql, thread)
      size = this.sql.get<[number, number, number], Size>(SIZE_OF_THREAD).get(thread, low, high)
    }
    const top = this.sql.get<[], { id: number | null }>('SELECT max(id) AS id FROM messages').get()
    return {
      messages: size?.messages ?? 0,
      conversations: size?.conversations ?? 0,
      maxId: top?.id ?? 0,
    }
  }

  /**
   * Up to `limit` messages of the range after `after` (from the start when null). Conversations
   * with nothing in the range cost one index seek each and are passed over.
   */
  scan(range: MessageRange, after: ScanPosition | null, limit: number): ScanPage {
    checkLimit(limit, MAX_SCAN_PAGE)
    const bounds = boundsOf(range)
    const only = range.conversationId ?? null
    if (only !== null && after === null) requireConversation(this.sql, only)
    let thread: number | null = after?.conversationId ?? only ?? this.nextThread(0)
    let from = after === null ? bounds.low : Math.max(after.sortKey + 1, bounds.low)
    const rows: RecordRow[] = []
    while (thread !== null && rows.length < limit) {
      const found = this.sql
        .get<[number, number, number, number, number], RecordRow>(IN_THREAD)
        .all(thread, from, bounds.high, bounds.maxId, limit - rows.length)
      rows.push(...found)
      if (rows.length < limit) {
        thread = only === null ? this.nextThread(thread) : null
        from = bounds.low
      }
    }
    const last = rows[rows.length - 1]
    const next =
      thread !== null && last !== undefined
        ? { conversationId: last.thread_id, sortKey: last.sort_key }
        : null
    const messages = this.mapper().map(rows)
    return { items: rows.map((row, k) => this.record(row, messages[k])), next }
  }

  private record(row: RecordRow, message: ArchivedMessage | undefined): MessageRecord {
    if (message === undefined) throw new Error('mapping lost a row')
    return {
      message,
      addresses: parseJsonColumn(addressList, row.addresses_json, 'messages.addresses_json'),
      senderAddress: message.direction === 'incoming' ? row.sender : null,
      read: row.phone_read === 1,
      status: enumColumn(STATUSES, row.status, 'messages.status'),
      subId: row.sub_id,
    }
  }

  private nextThread(after: number): number | null {
    return this.sql.get<[number], { id: number }>(NEXT_THREAD).get(after)?.id ?? null
  }
}
