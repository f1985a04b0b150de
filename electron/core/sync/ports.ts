// What the sync engine needs from the archive and where it reports what changed, defined here by
// the engine (the consumer) and implemented by the archive (store/sync) and the event layer
// (events/change-events.ts). Each archive call is one transaction, and a watermark or cursor is
// committed together with the messages that came with it (PROTOCOL.md §8), so a crash between
// calls loses nothing that was acknowledged to the phone.
import type { ConversationId, MessageId } from '../../../shared/model/ids'
import type { BodyOf, Contact, SmsMessage } from '../../../shared/protocol'

export interface SyncState {
  /** The phone's change-journal position, stored only after its changes were committed. */
  readonly watermark: string | null
  readonly recent: { readonly cursor: string | null; readonly done: boolean }
  readonly history: {
    readonly cursor: string | null
    readonly started: boolean
    readonly done: boolean
    /** The phone's count for the scope (for progress), or null before the first batch. */
    readonly total: number | null
    readonly received: number
  }
  readonly contactsSyncedAt: number | null
}

/** `sync.batch` (PROTOCOL.md §9.4) as the archive takes it; the codec's bodies fit as they are. */
export interface SyncBatch {
  readonly scope: BodyOf<'sync.batch'>['scope']
  readonly messages: readonly SmsMessage[]
  readonly cursor: string | null
  readonly total: number
}

/** `sync.changes` (PROTOCOL.md §9.3) as the archive takes it. */
export interface ChangesPage {
  readonly changes: readonly BodyOf<'sync.changes'>['changes'][number][]
  readonly watermark: string
  readonly reset: boolean
}

export type MessagePush =
  | { readonly type: 'message.new' | 'message.changed'; readonly body: BodyOf<'message.new'> }
  | { readonly type: 'message.deleted'; readonly body: BodyOf<'message.deleted'> }

/** A text that arrived live, with what a notification shows, read inside the write itself. */
export interface IncomingText {
  readonly conversationId: ConversationId
  readonly messageId: MessageId
  readonly title: string
  readonly snippet: string
}

/** What one archive write did: enough for the window to refresh and to notify of new texts. */
export interface ApplyResult {
  readonly inserted: number
  readonly updated: number
  readonly unchanged: number
  /** Phone records merged into the desktop's own copy of a text it sent (by sendKey). */
  readonly merged: number
  readonly deleted: number
  readonly ignoredDrafts: number
  /**
   * Newly stored incoming texts of a live write (catch-up and pushes), oldest first. Bulk
   * history writes leave it empty: those texts are old news, not notifications.
   */
  readonly incoming: readonly IncomingText[]
  /** Conversations whose list row changed and that still exist. */
  readonly conversations: readonly ConversationId[]
  /** Conversations that lost their last message and were removed. */
  readonly removedConversations: readonly ConversationId[]
  /** True when this write finished the last pending back-fill and rebuilt the search index. */
  readonly indexRebuilt: boolean
}

/** A write that only changed how some conversations look (titles, delivery states). */
export function touchedOnly(conversations: readonly ConversationId[]): ApplyResult {
  return {
    inserted: 0,
    updated: 0,
    unchanged: 0,
    merged: 0,
    deleted: 0,
    ignoredDrafts: 0,
    incoming: [],
    conversations,
    removedConversations: [],
    indexRebuilt: false,
  }
}

/**
 * The archive answers at once in process and with a promise from its thread; the engine awaits
 * either, and calls are applied in the order they were made.
 */
export type Awaitable<T> = T | Promise<T>

export interface SyncArchive {
  state(deviceId: string): Awaitable<SyncState>
  /** Catch-up pages; with `reset` the history pass starts again from the top. */
  applyChanges(deviceId: string, page: ChangesPage): Awaitable<ApplyResult>
  applyPush(deviceId: string, push: MessagePush): Awaitable<ApplyResult>
  /**
   * The newest message of each conversation, so all of them are listed first. No position is
   * kept: after an interruption the pass runs again, which costs one message per conversation.
   */
  applyHeads(deviceId: string, batch: SyncBatch): Awaitable<ApplyResult>
  applyRecent(deviceId: string, batch: SyncBatch): Awaitable<ApplyResult>
  /** History back-fill (index deferred); the last batch rebuilds the search index. */
  applyHistory(deviceId: string, batch: SyncBatch): Awaitable<ApplyResult>
  /** The whole address book; conversation titles follow it. */
  replaceContacts(deviceId: string, contacts: readonly Contact[]): Awaitable<ApplyResult>
}

/** Where every committed change goes, once: the event layer turns it into window events. */
export interface ChangeSink {
  applied(deviceId: string, change: ApplyResult): void
}
