// Turning a phone record (PROTOCOL.md §8, already validated by the protocol codec) into the
// column values of a messages row, and comparing a stored row with a new record.
import type { MessagePart, SmsMessage } from '../../../../shared/protocol/messages/common'
import type { DeviceContext } from '../devices/devices'
import { searchKeysFor } from '../search/search-keys'
import { baseKey } from './sort-key'
import type { TallyRow, ThreadState } from '../conversations/threads'

/**
 * The boxes the archive keeps. A phone's draft is its unsent compose text and is not synced; a
 * draft in a backup file is kept as what it was.
 */
export type StoredBox = 'inbox' | 'sent' | 'outbox' | 'queued' | 'failed' | 'draft'

export interface MessageValues {
  base: number
  id: number
  device_key: number
  thread_id: number
  phone_id: string | null
  send_key: string | null
  kind: 'sms' | 'mms'
  box: StoredBox
  addresses_json: string
  sender: string | null
  date: number
  date_sent: number | null
  body: string
  search_keys: string
  phone_read: 0 | 1
  status: SmsMessage['status']
  sub_id: number | null
  phone_thread_id: number | null
  part_count: number
}

/** A stored row, as the write path reads it back for comparison. */
export interface StoredMessage extends Omit<MessageValues, 'base' | 'phone_read'> {
  sort_key: number
  phone_read: number
}

export const STORED_COLUMNS = `sort_key, id, device_key, thread_id, phone_id, send_key, kind, box,
  addresses_json, sender, date, date_sent, body, search_keys, phone_read, status, sub_id,
  phone_thread_id, part_count`

export function valuesOf(
  ctx: DeviceContext,
  rec: SmsMessage & { box: StoredBox },
  thread: ThreadState,
  id: number,
): MessageValues {
  return {
    base: baseKey(rec.date),
    id,
    device_key: ctx.key,
    thread_id: thread.id,
    phone_id: rec.id,
    send_key: rec.sendKey,
    kind: rec.kind,
    box: rec.box,
    addresses_json: JSON.stringify(rec.addresses),
    sender: rec.sender,
    date: rec.date,
    date_sent: rec.dateSent,
    body: rec.body,
    search_keys: searchKeysFor(rec.body, thread.id, ctx.numbers),
    phone_read: rec.read ? 1 : 0,
    status: rec.status,
    sub_id: rec.subId,
    phone_thread_id: rec.threadId,
    part_count: rec.parts.length,
  }
}

const COMPARED = [
  'thread_id',
  'kind',
  'box',
  'addresses_json',
  'sender',
  'date',
  'date_sent',
  'body',
  'phone_read',
  'status',
  'sub_id',
  'phone_thread_id',
  'part_count',
] as const

/** True when applying `next` would change nothing visible in the stored row. */
export function sameContent(stored: StoredMessage, next: MessageValues): boolean {
  return COMPARED.every((column) => stored[column] === next[column])
}

export function tallyRow(row: { sort_key: number; box: string; phone_read: number }): TallyRow {
  return { sortKey: row.sort_key, incoming: row.box === 'inbox', phoneRead: row.phone_read === 1 }
}

export interface StoredPart {
  part_id: string
  mime: string
  size: number | null
  name: string | null
}

export function samePart(stored: StoredPart | undefined, part: MessagePart): boolean {
  return (
    stored !== undefined &&
    stored.mime === part.mime &&
    stored.size === part.size &&
    stored.name === part.name
  )
}
