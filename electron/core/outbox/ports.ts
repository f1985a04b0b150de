// What the dispatcher needs from the archive, defined here by the dispatcher and implemented by
// the outbox repository on the archive's connection.
import type { OutboxEntry, OutgoingPart } from '../../../shared/model/outbox'
import type { BodyOf } from '../../../shared/protocol'
import type { ApplyResult, Awaitable } from '../sync/ports'

export interface StatusApplied {
  /** The entry the status was for, or null if no entry has that key (an old or foreign key). */
  readonly entry: OutboxEntry | null
  readonly changed: boolean
  /** What the window needs to redraw. */
  readonly change: ApplyResult
}

export interface OutboxArchive {
  /** Entries to send when the phone is connected, oldest first. */
  queued(deviceId: string): Awaitable<readonly OutboxEntry[]>
  /** Recorded before the request goes out: a text is written down before anything is sent. */
  markDispatching(outboxId: number): Awaitable<unknown>
  /**
   * The connection dropped while texts were in flight: back to queued under the same key, so the
   * next connection asks again and the phone answers from its record (never a second send).
   */
  requeueInFlight(deviceId: string): Awaitable<number>
  /** Applies the phone's report (forward only; see states.ts). */
  applyStatus(deviceId: string, status: BodyOf<'send.status'>): Awaitable<StatusApplied>
  /** Entries the phone holds while its user decides; asked about again after a reconnect. */
  waiting(deviceId: string): Awaitable<readonly OutboxEntry[]>
  /** One file's bytes (the bubble's own part), to upload. */
  uploadBytes(outboxId: number, uploadId: string): Awaitable<Uint8Array>
  /** What the phone said it holds of a file; written before the next chunk goes. */
  recordUpload(outboxId: number, uploadId: string, received: number): Awaitable<OutgoingPart>
}
