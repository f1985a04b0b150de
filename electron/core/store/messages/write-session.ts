// State of one write transaction: conversation caches, aggregate deltas, counters, and a block
// of reserved message ids.
import type { ApplyResult, IncomingText } from '../../sync/ports'
import { snippetOf } from '../text/text'
import type { StatementCache } from '../db/db'
import { ThreadTally } from '../conversations/threads'
import type { ThreadState } from '../conversations/threads'

/** What a write did (the port's result, less what only the sync repository knows). */
export type WriteSummary = Omit<ApplyResult, 'indexRebuilt'>

const ID_BLOCK = 1024

export class WriteSession {
  readonly tally = new ThreadTally()
  readonly threadsByKey = new Map<string, ThreadState>()
  readonly threadsById = new Map<number, ThreadState>()
  /** Per phone: whether its archive holds imported texts (the phone's copy may merge into one). */
  readonly importsOnDevice = new Map<number, boolean>()
  inserted = 0
  updated = 0
  unchanged = 0
  merged = 0
  deleted = 0
  ignoredDrafts = 0
  private readonly incoming: { messageId: number; threadId: number; body: string }[] = []
  private idNext = 0
  private idEnd = 0

  /**
   * @param indexLive false while the search index is dirty: row-by-row index maintenance is
   *   then skipped entirely (see fts-sync.ts).
   * @param live a live write (catch-up, pushes): its new incoming texts are reported with what a
   *   notification shows, read here in the same transaction so nobody reads them back.
   */
  constructor(
    private readonly sql: StatementCache,
    readonly indexLive: boolean,
    private readonly live: boolean,
  ) {}

  /** A newly stored incoming text. */
  noteIncoming(messageId: number, threadId: number, body: string): void {
    if (this.live) this.incoming.push({ messageId, threadId, body })
  }

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
      incoming: this.describeIncoming(removed),
      conversations: touched.filter((id) => !removed.has(id)),
      removedConversations: [...removed],
    }
  }

  /** Titles of the conversations the new texts landed in (one query), skipping removed ones. */
  private describeIncoming(removed: ReadonlySet<number>): IncomingText[] {
    if (this.incoming.length === 0) return []
    const ids = [...new Set(this.incoming.map((t) => t.threadId))]
    const titles = new Map(
      this.sql
        .get<[string], { id: number; title: string }>(
          'SELECT id, title FROM threads WHERE id IN (SELECT value FROM json_each(?))',
        )
        .all(JSON.stringify(ids))
        .map((r) => [r.id, r.title]),
    )
    const out: IncomingText[] = []
    for (const t of this.incoming) {
      const title = titles.get(t.threadId)
      if (title === undefined || removed.has(t.threadId)) continue
      out.push({
        conversationId: t.threadId,
        messageId: t.messageId,
        title,
        snippet: snippetOf(t.body),
      })
    }
    return out
  }
}
