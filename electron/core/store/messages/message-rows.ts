// Reading messages rows into the shared view model (ArchivedMessage and its parts).
import type {
  AttachmentMeta,
  ArchivedMessage,
  Delivery,
  Participant,
} from '../../../../shared/model/message'
import { MESSAGE_BOXES } from '../../../../shared/model/message'
import { OUTBOX_STATES } from '../../../../shared/model/outbox'
import { SEND_FAILURE_REASONS } from '../../../../shared/protocol/messages/catalogue'
import type { StatementCache } from '../db/db'
import type { DeviceContext, DeviceDirectory } from '../devices/devices'
import { enumColumn } from '../db/json'
import type { TitleResolver } from '../conversations/titles'

const MESSAGE_COLUMNS = `m.sort_key, m.id, m.device_key, m.thread_id, m.phone_id, m.kind, m.box, m.sender,
    m.date, m.date_sent, m.body, m.phone_read, m.status, m.sub_id, m.part_count,
    m.import_key IS NOT NULL AS imported, t.read_up_to, o.id AS outbox_id, o.state AS outbox_state, o.reason AS outbox_reason`
const MESSAGE_TABLES = `FROM messages m JOIN threads t ON t.id = m.thread_id LEFT JOIN outbox o ON o.message_id = m.id`

/** The columns every message read selects (alias m = messages, t = threads, o = outbox). */
export const MESSAGE_SELECT = `
  SELECT ${MESSAGE_COLUMNS}
  ${MESSAGE_TABLES}`

/** The same, and the stored addresses: for reads that copy messages out of the archive. */
export const RECORD_SELECT = `
  SELECT ${MESSAGE_COLUMNS}, m.addresses_json
  ${MESSAGE_TABLES}`

export interface MessageRow {
  sort_key: number
  id: number
  device_key: number
  thread_id: number
  phone_id: string | null
  kind: string
  box: string
  sender: string | null
  date: number
  date_sent: number | null
  body: string
  phone_read: number
  status: string
  sub_id: number | null
  part_count: number
  imported: number
  read_up_to: number
  outbox_id: number | null
  outbox_state: string | null
  outbox_reason: string | null
}

type DeliveryInput = Pick<
  MessageRow,
  'box' | 'status' | 'outbox_id' | 'outbox_state' | 'outbox_reason' | 'imported' | 'phone_id'
>

/** Outbox state for texts written here; the phone's box and delivery status otherwise. */
export function deliveryOf(row: DeliveryInput): Delivery {
  if (row.box === 'inbox') return { state: 'received', reason: null, outboxId: null }
  if (row.outbox_id !== null && row.outbox_state !== null) {
    const state = enumColumn(OUTBOX_STATES, row.outbox_state, 'outbox.state')
    const reason =
      row.outbox_reason === null
        ? null
        : enumColumn(SEND_FAILURE_REASONS, row.outbox_reason, 'outbox.reason')
    return { state, reason, outboxId: row.outbox_id }
  }
  const failed = { state: 'failed', reason: null, outboxId: null } as const
  switch (row.box) {
    case 'draft':
      return { state: 'draft', reason: null, outboxId: null }
    case 'outbox':
    case 'queued':
      // Waiting to go out on the phone, unless only a backup says so: a text from an earlier
      // phone's outbox may or may not have left it.
      return {
        state: row.imported === 1 && row.phone_id === null ? 'unknown' : 'sending',
        reason: null,
        outboxId: null,
      }
    case 'failed':
      return failed
    default:
      if (row.status === 'failed') return failed
      return {
        state: row.status === 'complete' ? 'delivered' : 'sent',
        reason: null,
        outboxId: null,
      }
  }
}

interface PartRow {
  message_id: number
  part_id: string
  mime: string
  size: number | null
  name: string | null
  cached: number
}

/** Builds bubbles for rows of one read; caches sender lookups across the page. */
export class MessageMapper {
  private readonly senders = new Map<string, Participant>()

  constructor(
    private readonly sql: StatementCache,
    private readonly devices: DeviceDirectory,
    private readonly titles: TitleResolver,
  ) {}

  map(rows: readonly MessageRow[]): ArchivedMessage[] {
    const parts = this.partsOf(rows.filter((r) => r.part_count > 0).map((r) => r.id))
    return rows.map((row) => this.one(row, parts.get(row.id) ?? []))
  }

  sender(ctx: DeviceContext, raw: string): Participant {
    const cacheKey = `${ctx.key}\u0000${raw}`
    let p = this.senders.get(cacheKey)
    if (p === undefined) {
      const n = ctx.numbers.normalize(raw)
      p = { key: n.key, address: n.display, name: this.titles.contactFor(ctx, n.key)?.name ?? null }
      this.senders.set(cacheKey, p)
    }
    return p
  }

  private one(row: MessageRow, attachments: readonly AttachmentMeta[]): ArchivedMessage {
    const ctx = this.devices.byRowKey(row.device_key)
    const incoming = row.box === 'inbox'
    return {
      id: row.id,
      conversationId: row.thread_id,
      deviceId: ctx.id,
      phoneId: row.phone_id,
      kind: row.kind === 'mms' ? 'mms' : 'sms',
      direction: incoming ? 'incoming' : 'outgoing',
      sender: incoming && row.sender !== null ? this.sender(ctx, row.sender) : null,
      body: row.body,
      date: row.date,
      dateSent: row.date_sent,
      sim: this.devices.simRef(ctx, row.sub_id),
      delivery: deliveryOf(row),
      unread: incoming && row.phone_read === 0 && row.sort_key > row.read_up_to,
      attachments,
      imported: row.imported === 1,
      box: enumColumn(MESSAGE_BOXES, row.box, 'messages.box'),
    }
  }

  private partsOf(messageIds: readonly number[]): Map<number, AttachmentMeta[]> {
    const byMessage = new Map<number, AttachmentMeta[]>()
    if (messageIds.length === 0) return byMessage
    const rows = this.sql
      .get<[string], PartRow>(
        `SELECT a.message_id, a.part_id, a.mime, a.size, a.name,
           (d.attachment_id IS NOT NULL) AS cached
         FROM attachments a LEFT JOIN attachment_data d ON d.attachment_id = a.id
         WHERE a.message_id IN (SELECT value FROM json_each(?)) ORDER BY a.message_id, a.seq`,
      )
      .all(JSON.stringify(messageIds))
    for (const r of rows) {
      const list = byMessage.get(r.message_id) ?? []
      list.push({
        partId: r.part_id,
        mime: r.mime,
        size: r.size,
        name: r.name,
        cached: r.cached === 1,
      })
      byMessage.set(r.message_id, list)
    }
    return byMessage
  }
}
