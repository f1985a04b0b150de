// What the sync engine and the outbox dispatcher need from the archive, and nothing more. Each
// call is one transaction in the archive, and a watermark or cursor is committed together with
// the messages that came with it (PROTOCOL.md §8), so a crash between calls loses nothing that
// was acknowledged to the phone.
import type { BodyOf, Contact } from '../../../shared/protocol'
import type {
  ApplyResult,
  ChangesPage,
  MessagePush,
  SyncBatch,
  SyncState,
} from '../store/sync/sync'
import type { OutboxEntry } from '../../../shared/model/outbox'

export type { ApplyResult, ChangesPage, MessagePush, SyncBatch, SyncState }

export interface SyncArchive {
  state(deviceId: string): SyncState
  /** The phone's hello: its name, model and SIMs. */
  updateDevice(deviceId: string, hello: BodyOf<'hello'>): void
  /** Catch-up pages; with `reset` the history pass starts again from the top. */
  applyChanges(deviceId: string, page: ChangesPage): ApplyResult
  applyPush(deviceId: string, push: MessagePush): ApplyResult
  applyRecent(deviceId: string, batch: SyncBatch): ApplyResult
  /** History back-fill (index deferred); the last batch rebuilds the search index. */
  applyHistory(deviceId: string, batch: SyncBatch): ApplyResult
  replaceContacts(deviceId: string, contacts: readonly Contact[]): ApplyResult | null
}

export interface OutboxArchive {
  /** Entries to send when the phone is connected, oldest first. */
  pending(deviceId: string): readonly OutboxEntry[]
  /** Recorded before the request goes out (brief: "written before anything is sent"). */
  markDispatching(outboxId: number): void
  /**
   * The connection dropped while texts were in flight: back to queued under the same key, so the
   * next connection asks again and the phone answers from its record (never a second send).
   */
  requeueInFlight(deviceId: string): number
  /** Applies the phone's report; null for a key this desktop does not know. */
  applyStatus(deviceId: string, status: BodyOf<'send.status'>): ApplyResult | null
}
