// Texts written on this desktop, as the messages table sees them. The outbox module owns the
// outbox table; this module owns the messages table. Where a write to one concerns the other,
// it goes through this small interface, so each table has exactly one writer.
import type { LocalPart } from '../attachments/local-parts'
import { insertLocalParts } from '../attachments/local-parts'
import type { ThreadStore } from '../conversations/threads'
import type { StatementCache } from '../db/db'
import type { DeviceContext } from '../devices/devices'
import type { FtsSync } from '../search/fts-sync'
import { searchKeysFor } from '../search/search-keys'
import { tallyRow } from './message-values'
import type { MessageValues, StoredBox } from './message-values'
import { insertRow } from './row-insert'
import { baseKey } from './sort-key'
import type { WriteSession } from './write-session'

/** What the outbox learns from the messages writer about texts this desktop wrote. */
export interface OutgoingObserver {
  /** The phone's record of a desktop-written text arrived: its box and status may move it on. */
  recorded(messageId: number, box: StoredBox, status: string): void
  /** The text now lives in another row (the phone's own record replaced the local copy). */
  moved(fromMessageId: number, toMessageId: number): void
}

/** A text the user sent from here, before the phone has a record of it. */
export interface OutgoingText {
  readonly to: readonly string[]
  readonly body: string
  readonly subId: number | null
  /** The idempotency key the phone will see. */
  readonly sendKey: string
  readonly date: number
  /** Files of a picture message, stored with their bytes beside the bubble. */
  readonly parts: readonly LocalPart[]
}

/**
 * Files or several recipients make one MMS (PROTOCOL.md §9.9); anything else goes as an SMS.
 * The bubble says so from the start, as the phone's record will.
 */
export function isMms(text: Pick<OutgoingText, 'to' | 'parts'>): boolean {
  return text.parts.length > 0 || text.to.length > 1
}

export function outgoingValues(
  deviceKey: number,
  text: OutgoingText,
): Omit<MessageValues, 'id' | 'thread_id' | 'search_keys'> {
  return {
    base: baseKey(text.date),
    device_key: deviceKey,
    phone_id: null,
    send_key: text.sendKey,
    kind: isMms(text) ? 'mms' : 'sms',
    box: 'outbox',
    addresses_json: JSON.stringify(text.to),
    sender: null,
    date: text.date,
    date_sent: null,
    body: text.body,
    phone_read: 1,
    status: 'none',
    sub_id: text.subId,
    phone_thread_id: null,
    part_count: text.parts.length,
  }
}

/** The bubble of a text sent from here, with its files, in the writer's transaction. */
export function insertOutgoing(
  sql: StatementCache,
  fts: FtsSync,
  threads: ThreadStore,
  s: WriteSession,
  ctx: DeviceContext,
  text: OutgoingText,
): number {
  const values = outgoingValues(ctx.key, text)
  const thread = threads.resolve(ctx, text.to, s)
  const row: MessageValues = {
    ...values,
    id: s.nextId(),
    thread_id: thread.id,
    search_keys: searchKeysFor(values.body, thread.id, ctx.numbers),
  }
  const sortKey = insertRow(sql, fts, s, row)
  if (sortKey === null) throw new Error('a local row cannot conflict on the phone id')
  s.tally.added(thread, tallyRow({ sort_key: sortKey, box: row.box, phone_read: row.phone_read }))
  insertLocalParts(sql, ctx.key, row.id, text.parts, text.date)
  return row.id
}

export function setSendKey(sql: StatementCache, messageId: number, sendKey: string): void {
  sql.get<[string, number]>('UPDATE messages SET send_key = ? WHERE id = ?').run(sendKey, messageId)
}

/**
 * The phone's record of a failed send sits in its 'failed' box; our copy says so too, so the
 * bubble stays right if the user discards the entry before that record arrives (the record,
 * when it comes, overwrites the row anyway).
 */
export function markSendFailed(sql: StatementCache, messageId: number): void {
  sql
    .get<[number]>(
      "UPDATE messages SET box = 'failed' WHERE id = ? AND box IN ('outbox', 'queued')",
    )
    .run(messageId)
}
