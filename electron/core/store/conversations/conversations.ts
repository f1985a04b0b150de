// The conversation list: read straight from the threads table (one index walk), each row joined
// with its last message by primary key. Desktop-local read state lives here too.
import type { Conversation } from '../../../../shared/model/conversation'
import type { Cursor } from '../../../../shared/model/cursor'
import type { ConversationId, DeviceId } from '../../../../shared/model/ids'
import type { Page } from '../../../../shared/model/page'
import type { StatementCache } from '../db/db'
import type { DeviceDirectory } from '../devices/devices'
import { NotFoundError } from '../errors'
import { parseJsonColumn } from '../db/json'
import { deliveryOf } from '../messages/message-rows'
import { participantKey } from '../text/numbers'
import { checkLimit, pageOf, readCursor } from '../db/paging'
import { snippetOf } from '../text/text'
import { participantsSchema } from './titles'

export const MAX_CONVERSATION_PAGE = 500

// The body head is cut in SQL so a 256 KiB body is never copied out for a 160-character line.
const SELECT = `
  SELECT t.id, t.device_key, t.participants_json, t.title, t.contact_ref, t.message_count,
    t.unread_count, t.last_sort_key AS sort_key, m.id AS message_id, m.box, m.status, m.date,
    m.phone_id, m.import_key IS NOT NULL AS imported,
    substr(m.body, 1, 640) AS head, m.part_count, m.sub_id,
    o.id AS outbox_id, o.state AS outbox_state, o.reason AS outbox_reason
  FROM threads t JOIN messages m ON m.sort_key = t.last_sort_key
  LEFT JOIN outbox o ON o.message_id = m.id`

interface ConversationRow {
  id: number
  device_key: number
  participants_json: string
  title: string
  contact_ref: string | null
  message_count: number
  unread_count: number
  sort_key: number
  message_id: number
  box: string
  status: string
  phone_id: string | null
  imported: number
  date: number
  head: string
  part_count: number
  sub_id: number | null
  outbox_id: number | null
  outbox_state: string | null
  outbox_reason: string | null
}

const PAGE_SQL = {
  older: `${SELECT} WHERE t.last_sort_key < @position AND (@device IS NULL OR t.device_key = @device)
    ORDER BY t.last_sort_key DESC LIMIT @limit`,
  newer: `${SELECT} WHERE t.last_sort_key > @position AND (@device IS NULL OR t.device_key = @device)
    ORDER BY t.last_sort_key ASC LIMIT @limit`,
}

export interface ConversationFilter {
  /** Only this phone's conversations; absent for the combined inbox of every paired phone. */
  readonly deviceId?: DeviceId
}

export class ConversationsRepository {
  constructor(
    private readonly sql: StatementCache,
    private readonly devices: DeviceDirectory,
  ) {}

  /** Conversations by latest activity, newest first. */
  readonly list = (
    filter: ConversationFilter,
    cursor: Cursor | null,
    limit: number,
  ): Page<Conversation> => {
    checkLimit(limit, MAX_CONVERSATION_PAGE)
    const device = filter.deviceId === undefined ? null : this.devices.get(filter.deviceId).key
    const { direction, position } =
      cursor === null
        ? { direction: 'older' as const, position: Number.MAX_SAFE_INTEGER }
        : readCursor(cursor, 'conversation')
    const rows = this.sql
      .get<[{ position: number; device: number | null; limit: number }], ConversationRow>(
        PAGE_SQL[direction],
      )
      .all({ position, device, limit: limit + 1 })
    const from = cursor === null ? null : position
    return pageOf('conversation', { rows, direction, limit, from }, 'descending', (r) =>
      r.map(this.toModel),
    )
  }

  readonly get = (id: ConversationId): Conversation => {
    const row = this.sql.get<[number], ConversationRow>(`${SELECT} WHERE t.id = ?`).get(id)
    if (row === undefined) throw new NotFoundError('conversation', 'no such conversation')
    return this.toModel(row)
  }

  /** Several conversations by id, in the given order; ids that no longer exist are skipped. */
  byIds(ids: readonly ConversationId[]): Conversation[] {
    if (ids.length === 0) return []
    const rows = this.sql
      .get<[string], ConversationRow>(`${SELECT} WHERE t.id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(ids))
    const byId = new Map(rows.map((r) => [r.id, this.toModel(r)]))
    return ids.flatMap((id) => byId.get(id) ?? [])
  }

  /** The existing conversation with exactly these participants (for a new compose), or null. */
  readonly find = (deviceId: DeviceId, addresses: readonly string[]): ConversationId | null => {
    const ctx = this.devices.get(deviceId)
    const key = participantKey(addresses.map((a) => ctx.numbers.normalize(a)))
    const row = this.sql
      .get<[number, string], { id: number }>(
        'SELECT id FROM threads WHERE device_key = ? AND participant_key = ?',
      )
      .get(ctx.key, key)
    return row?.id ?? null
  }

  /**
   * Marks everything in the conversation read on this desktop (a non-default SMS app cannot
   * mark it read on the phone). Messages that arrive later, even older ones from a back-fill,
   * are compared with the mark by their position.
   */
  readonly markRead = (id: ConversationId): Conversation => {
    const { changes } = this.sql
      .get<[number]>(
        `UPDATE threads SET read_up_to = max(read_up_to, last_sort_key), unread_count = 0
         WHERE id = ?`,
      )
      .run(id)
    if (changes !== 1) throw new NotFoundError('conversation', 'no such conversation')
    return this.get(id)
  }

  readonly unreadTotal = (filter: ConversationFilter): number => {
    const device = filter.deviceId === undefined ? null : this.devices.get(filter.deviceId).key
    const row = this.sql
      .get<[{ device: number | null }], { n: number }>(
        'SELECT coalesce(sum(unread_count), 0) AS n FROM threads WHERE (@device IS NULL OR device_key = @device)',
      )
      .get({ device })
    if (row === undefined) throw new Error('sum() returned no row')
    return row.n
  }

  private readonly toModel = (row: ConversationRow): Conversation => {
    const ctx = this.devices.byRowKey(row.device_key)
    const delivery = deliveryOf(row)
    return {
      id: row.id,
      deviceId: ctx.id,
      title: row.title,
      participants: parseJsonColumn(
        participantsSchema,
        row.participants_json,
        'threads.participants_json',
      ),
      contactId: row.contact_ref,
      lastMessage: {
        id: row.message_id,
        snippet: snippetOf(row.head),
        date: row.date,
        direction: row.box === 'inbox' ? 'incoming' : 'outgoing',
        delivery: delivery.state,
        attachmentCount: row.part_count,
      },
      unreadCount: row.unread_count,
      messageCount: row.message_count,
      sim: this.devices.simRef(ctx, row.sub_id),
    }
  }
}
