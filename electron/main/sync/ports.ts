// What the sync engine and the outbox dispatcher need from the archive, and nothing more. The
// core implements this over the SQLite archive; every write here is one transaction, so a crash
// between two calls loses nothing that was acknowledged (PROTOCOL.md §8: a watermark or cursor is
// stored only with what came with it).
import type { BodyOf, Contact, SmsMessage, SyncChange } from '../../../shared/protocol'
import type { ConversationId, MessageId } from '../../../shared/model/ids'
import type { OutboxEntry } from '../../../shared/model/outbox'

export interface SyncState {
  readonly watermark: string | null
  readonly recentCursor: string | null
  readonly recentDone: boolean
  readonly historyCursor: string | null
  readonly historyDone: boolean
  readonly contactsDone: boolean
}

/** What changed in the archive, for UI events and notifications. */
export interface Applied {
  readonly conversations: readonly ConversationId[]
  readonly messages: readonly {
    readonly conversationId: ConversationId
    readonly messageId: MessageId
  }[]
  /** Incoming messages that were not in the archive before this write. */
  readonly newIncoming: readonly {
    readonly conversationId: ConversationId
    readonly messageId: MessageId
    readonly title: string
    readonly snippet: string
  }[]
}

export interface SyncArchive {
  syncState(deviceId: string): SyncState
  updateDevice(deviceId: string, hello: BodyOf<'hello'>): void
  /** Catch-up pages and live pushes: applied with the watermark in one transaction. */
  applyChanges(deviceId: string, changes: readonly SyncChange[], watermark: string): Applied
  /** The phone's journal no longer reaches our watermark: run the history pass again. */
  resetHistory(deviceId: string, watermark: string): void
  applyRecent(deviceId: string, messages: readonly SmsMessage[], cursor: string | null): Applied
  /** History back-fill (bulk path, index deferred) with its cursor, in one transaction. */
  applyHistory(deviceId: string, messages: readonly SmsMessage[], cursor: string | null): Applied
  /** Rebuilds the search index once the back-fill is complete. */
  finishHistory(deviceId: string): void
  replaceContacts(deviceId: string, contacts: readonly Contact[]): Applied
}

export interface OutboxArchive {
  /** Entries to (re)send when the phone is connected, oldest first: queued and dispatching. */
  pending(deviceId: string): readonly OutboxEntry[]
  /** Recorded before the request goes out (brief: "written before anything is sent"). */
  markDispatching(outboxId: number): void
  /** Applies the phone's report; returns what changed, or null for a key we do not know. */
  applyStatus(deviceId: string, status: BodyOf<'send.status'>): Applied | null
}
