// Reading a conversation: pages by key in both directions, and the page around one message
// (to open a thread scrolled to a search hit).
import type { Cursor } from '../../../../shared/model/cursor'
import { encodeCursor } from '../../../../shared/model/cursor'
import type { ConversationId, MessageId } from '../../../../shared/model/ids'
import type { ArchivedMessage, MessageBox } from '../../../../shared/model/message'
import { MESSAGE_BOXES } from '../../../../shared/model/message'
import type { Page } from '../../../../shared/model/page'
import type { StatementCache } from '../db/db'
import { NotFoundError } from '../errors'
import { MESSAGE_SELECT } from './message-rows'
import type { MessageMapper, MessageRow } from './message-rows'
import { MessageScanner, requireConversation } from './message-scan'
import type { MessageRange, RangeSize, ScanPage, ScanPosition } from './message-scan'
import { checkLimit, pageOf, readCursor } from '../db/paging'

export const MAX_MESSAGE_PAGE = 500

const OLDER = `${MESSAGE_SELECT} WHERE m.thread_id = ? AND m.sort_key < ? ORDER BY m.sort_key DESC LIMIT ?`
const NEWER = `${MESSAGE_SELECT} WHERE m.thread_id = ? AND m.sort_key > ? ORDER BY m.sort_key ASC LIMIT ?`
const AT_OR_OLDER = `${MESSAGE_SELECT} WHERE m.thread_id = ? AND m.sort_key <= ? ORDER BY m.sort_key DESC LIMIT ?`

/** How much the archive holds: MMS count as messages; conversations with any message. */
export interface ArchiveCounts {
  readonly messages: number
  readonly conversations: number
  readonly byType: Readonly<Record<MessageBox, number>>
  readonly imported: number
}

export class MessagesRepository {
  private readonly scanner: MessageScanner

  constructor(
    private readonly sql: StatementCache,
    private readonly mapper: () => MessageMapper,
  ) {
    this.scanner = new MessageScanner(sql, mapper)
  }

  readonly get = (id: MessageId): ArchivedMessage => {
    const row = this.sql.get<[number], MessageRow>(`${MESSAGE_SELECT} WHERE m.id = ?`).get(id)
    if (row === undefined) throw new NotFoundError('message', 'no such message')
    const [message] = this.mapper().map([row])
    if (message === undefined) throw new Error('mapping lost a row')
    return message
  }

  /**
   * A page of a conversation, oldest first. Without a cursor: the newest `limit` messages.
   * With a cursor from a previous page: the adjacent page in the cursor's direction.
   */
  readonly page = (
    conversationId: ConversationId,
    cursor: Cursor | null,
    limit: number,
  ): Page<ArchivedMessage> => {
    checkLimit(limit, MAX_MESSAGE_PAGE)
    if (cursor === null) {
      requireConversation(this.sql, conversationId)
      return this.fetch(conversationId, 'older', Number.MAX_SAFE_INTEGER, limit, null)
    }
    const { direction, position } = readCursor(cursor, 'message')
    return this.fetch(conversationId, direction, position, limit, position)
  }

  /**
   * The message with `before` older and `after` newer messages of its conversation around it,
   * oldest first, with cursors to keep scrolling either way.
   */
  readonly around = (
    id: MessageId,
    before: number,
    after: number,
  ): { readonly page: Page<ArchivedMessage>; readonly index: number } => {
    checkLimit(before + 1, MAX_MESSAGE_PAGE)
    checkLimit(after + 1, MAX_MESSAGE_PAGE)
    const target = this.sql
      .get<[number], { sort_key: number; thread_id: number }>(
        'SELECT sort_key, thread_id FROM messages WHERE id = ?',
      )
      .get(id)
    if (target === undefined) throw new NotFoundError('message', 'no such message')
    const olderRows = this.sql
      .get<[number, number, number], MessageRow>(AT_OR_OLDER)
      .all(target.thread_id, target.sort_key, before + 2)
    const newerRows = this.sql
      .get<[number, number, number], MessageRow>(NEWER)
      .all(target.thread_id, target.sort_key, after + 1)
    const olderPart = olderRows.slice(0, before + 1).reverse()
    const newerPart = newerRows.slice(0, after)
    const rows = [...olderPart, ...newerPart]
    const first = rows[0]
    const last = rows[rows.length - 1]
    const page: Page<ArchivedMessage> = {
      items: this.mapper().map(rows),
      older:
        olderRows.length > before + 1 && first !== undefined
          ? encodeCursor({ list: 'message', direction: 'older', position: first.sort_key })
          : null,
      newer:
        newerRows.length > after && last !== undefined
          ? encodeCursor({ list: 'message', direction: 'newer', position: last.sort_key })
          : null,
    }
    return { page, index: olderPart.length - 1 }
  }

  private fetch(
    conversationId: ConversationId,
    direction: 'older' | 'newer',
    position: number,
    limit: number,
    from: number | null,
  ): Page<ArchivedMessage> {
    const rows = this.sql
      .get<[number, number, number], MessageRow>(direction === 'older' ? OLDER : NEWER)
      .all(conversationId, position, limit + 1)
    return pageOf('message', { rows, direction, limit, from }, 'ascending', (r) =>
      this.mapper().map(r),
    )
  }

  /**
   * A page of the messages in `range` (one conversation or all, a span of dates), ordered by
   * conversation and then by time, with what copying them out needs: for exports.
   */
  readonly scan = (range: MessageRange, after: ScanPosition | null, limit: number): ScanPage =>
    this.scanner.scan(range, after, limit)

  /** The size of `range` now, and the `maxId` that keeps a later scan of it to those rows. */
  readonly measure = (range: MessageRange): RangeSize => this.scanner.measure(range)

  /** One pass over the table: a count per box and of imported rows (seconds at 1M, for a CLI). */
  readonly counts = (): ArchiveCounts => {
    const rows = this.sql
      .get<[], { box: string; n: number; imported: number }>(
        `SELECT box, count(*) AS n, count(import_key) AS imported FROM messages GROUP BY box`,
      )
      .all()
    const byType = Object.fromEntries(MESSAGE_BOXES.map((b) => [b, 0])) as Record<
      MessageBox,
      number
    >
    let imported = 0
    for (const row of rows) {
      if ((MESSAGE_BOXES as readonly string[]).includes(row.box))
        byType[row.box as MessageBox] += row.n
      imported += row.imported
    }
    const conversations =
      this.sql
        .get<[], { n: number }>('SELECT count(*) AS n FROM threads WHERE message_count > 0')
        .get()?.n ?? 0
    const messages = Object.values(byType).reduce((a, b) => a + b, 0)
    return { messages, conversations, byType, imported }
  }
}
