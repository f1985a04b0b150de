// The outbox's side of a messages write: a phone record that names a desktop-written text moves
// its entry forward, and a text that moved to the phone's own row takes its entry along. Runs
// inside the messages writer's transaction, and writes only the outbox table.
import { OUTBOX_STATES } from '../../../shared/model/outbox'
import type { StatementCache } from '../store/db/db'
import { enumColumn } from '../store/db/json'
import type { OutgoingObserver } from '../store/messages/outgoing'
import type { StoredBox } from '../store/messages/message-values'
import { afterRecord } from './states'

export class OutboxLinks implements OutgoingObserver {
  constructor(
    private readonly sql: StatementCache,
    private readonly clock: () => number,
  ) {}

  recorded(messageId: number, box: StoredBox, status: string): void {
    const entry = this.sql
      .get<[number], { id: number; state: string }>(
        'SELECT id, state FROM outbox WHERE message_id = ?',
      )
      .get(messageId)
    if (entry === undefined) return
    const next = afterRecord(enumColumn(OUTBOX_STATES, entry.state, 'outbox.state'), box, status)
    if (next === null) return
    this.sql
      .get<[string, number, number]>(
        'UPDATE outbox SET state = ?, reason = NULL, updated_at = ? WHERE id = ?',
      )
      .run(next, this.clock(), entry.id)
  }

  moved(fromMessageId: number, toMessageId: number): void {
    this.sql
      .get<[number, number]>('UPDATE outbox SET message_id = ? WHERE message_id = ?')
      .run(toMessageId, fromMessageId)
  }
}
