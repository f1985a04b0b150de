// State of one write transaction: conversation caches, aggregate deltas, counters, and a block
// of reserved message ids.
import type { ConversationId, MessageId } from '../../../../shared/model/ids'
import type { StatementCache } from '../db/db'
import { ThreadTally } from '../conversations/threads'
import type { ThreadState } from '../conversations/threads'

/** What a write did; enough for the UI to refresh and for notifications to find new texts. */
export interface WriteSummary {
  readonly inserted: number
  readonly updated: number
  readonly unchanged: number
  /** Phone records merged into the desktop's own copy of a text it sent (by sendKey). */
  readonly merged: number
  readonly deleted: number
  readonly ignoredDrafts: number
  /**
   * Newly stored incoming messages, oldest first. During a back-fill these are history:
   * notify only for live pushes.
   */
  readonly newIncoming: readonly MessageId[]
  /** Conversations whose list row changed and that still exist. */
  readonly conversations: readonly ConversationId[]
  /** Conversations that lost their last message and were removed. */
  readonly removedConversations: readonly ConversationId[]
}

const ID_BLOCK = 1024

export class WriteSession {
  readonly tally = new ThreadTally()
  readonly threadsByKey = new Map<string, ThreadState>()
  readonly threadsById = new Map<number, ThreadState>()
  inserted = 0
  updated = 0
  unchanged = 0
  merged = 0
  deleted = 0
  ignoredDrafts = 0
  readonly newIncoming: MessageId[] = []
  private idNext = 0
  private idEnd = 0

  /**
   * @param indexLive false while the search index is dirty: row-by-row index maintenance is
   *   then skipped entirely (see fts-sync.ts).
   */
  constructor(
    private readonly sql: StatementCache,
    readonly indexLive: boolean,
  ) {}

  /** Ids come from archive_state in blocks, so an id is never reused even after deletes. */
  nextId(): number {
    if (this.idNext === this.idEnd) {
      const row = this.sql
        .get<[number], { next_message_id: number }>(
          `UPDATE archive_state SET next_message_id = next_message_id + ? WHERE id = 1
           RETURNING next_message_id`,
        )
        .get(ID_BLOCK)
      if (row === undefined) throw new Error('archive_state row is missing')
      this.idEnd = row.next_message_id
      this.idNext = this.idEnd - ID_BLOCK
    }
    return this.idNext++
  }

  finish(): WriteSummary {
    const touched = this.tally.touched
    const removed = new Set(this.tally.flush(this.sql))
    return {
      inserted: this.inserted,
      updated: this.updated,
      unchanged: this.unchanged,
      merged: this.merged,
      deleted: this.deleted,
      ignoredDrafts: this.ignoredDrafts,
      newIncoming: this.newIncoming,
      conversations: touched.filter((id) => !removed.has(id)),
      removedConversations: [...removed],
    }
  }
}
