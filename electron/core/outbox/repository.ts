// The durable outbox, on the archive's connection (dispatching is dispatcher.ts's). Enqueueing
// writes the local bubble and the outbox entry in one transaction, so a text the user sent is
// either fully recorded or not at all, and it shows as "queued" within the same frame. This
// module writes only the outbox table; the bubble is the messages writer's.
import type { ArchivedMessage } from '../../../shared/model/message'
import type { DeviceId, OutboxId } from '../../../shared/model/ids'
import type {
  OutboxCounts,
  OutboxEntry,
  OutboxState,
  OutgoingPart,
} from '../../../shared/model/outbox'
import type { BodyOf } from '../../../shared/protocol/messages/catalogue'
import type { Db, StatementCache } from '../store/db/db'
import { writeTx } from '../store/db/db'
import type { DeviceDirectory } from '../store/devices/devices'
import { InvalidInputError, OutboxStateError } from '../store/errors'
import type { MessageWriter } from '../store/messages/message-writer'
import type { MessagesRepository } from '../store/messages/messages'
import type { OutboxArchive, StatusApplied } from './ports'
import { afterReport } from './states'
import { touchedOnly } from '../sync/ports'
import { OutboxReader, checkSend } from './reader'
import type { EntryRow } from './reader'
import { OutboxUploads, newUploads, type OutgoingFile } from './uploads'
import { OutboxDecisions, newSendKey, type KeyPolicy } from './decisions'

export interface EnqueueInput {
  readonly deviceId: DeviceId
  /** One address, or several with the phone's `send.group` capability (PROTOCOL.md §9.9). */
  readonly to: readonly string[]
  /** May be empty when files are attached. */
  readonly body: string
  /** null: the conversation's own SIM, else the phone's default (the phone decides). */
  readonly subId: number | null
  /** Pictures and files, in order: they make the text one MMS (PROTOCOL.md §9.9). */
  readonly attachments?: readonly OutgoingFile[]
}

/** Kept under its old name for callers of the archive. */
export type StatusResult = StatusApplied

export { newSendKey }
export type { KeyPolicy }

/** The dispatcher's port (ports.ts) and the window's outbox calls, on the archive. */
export class OutboxRepository implements OutboxArchive {
  private readonly reader: OutboxReader

  constructor(
    private readonly db: Db,
    private readonly sql: StatementCache,
    private readonly devices: DeviceDirectory,
    private readonly writer: MessageWriter,
    private readonly messages: MessagesRepository,
    private readonly clock: () => number,
  ) {
    this.reader = new OutboxReader(sql, devices)
    this.uploads = new OutboxUploads(sql, this.reader)
    this.decisions = new OutboxDecisions(sql, devices, writer, this.reader, this.uploads, clock)
  }

  private readonly uploads: OutboxUploads
  private readonly decisions: OutboxDecisions

  /**
   * Writes the bubble (with its files' bytes, so it shows its picture at once and every retry
   * has them) and the entry in one transaction.
   */
  readonly enqueue = (input: EnqueueInput): { entry: OutboxEntry; message: ArchivedMessage } => {
    const files = input.attachments ?? []
    checkSend(
      input.to,
      input.body,
      files.map((f) => f.bytes.length),
    )
    const ctx = this.devices.get(input.deviceId)
    const now = this.clock()
    const key = newSendKey()
    const { local, parts } = newUploads(files)
    const { value: messageId } = this.writer.transaction('live', (s) => {
      const text = { to: input.to, body: input.body, subId: input.subId, parts: local }
      const id = this.writer.insertOutgoing(s, ctx, { ...text, sendKey: key, date: now })
      this.insertEntry(ctx.key, id, key, input, parts, now)
      return id
    })
    return { entry: this.reader.byMessage(messageId), message: this.messages.get(messageId) }
  }

  /** How much of one file the phone holds, as it just said (`attachment.stored`). */
  readonly recordUpload = (id: OutboxId, uploadId: string, received: number): OutgoingPart =>
    this.uploads.record(id, uploadId, received)

  /** One file's bytes, for the dispatcher to upload. */
  readonly uploadBytes = (id: OutboxId, uploadId: string): Uint8Array =>
    this.uploads.bytes(id, uploadId)

  /** Entries the phone holds while its user decides: asked about again on each connection. */
  readonly waiting = (deviceId: DeviceId): OutboxEntry[] => this.list(deviceId, ['waiting'])

  readonly get = (id: OutboxId): OutboxEntry => this.reader.get(id)

  readonly byKey = (deviceId: DeviceId, key: string): OutboxEntry | null =>
    this.reader.byKey(this.devices.get(deviceId).key, key)

  /** This phone's entries in the given states, oldest first. */
  readonly list = (deviceId: DeviceId, states: readonly OutboxState[]): OutboxEntry[] =>
    this.reader.list(this.devices.get(deviceId).key, states)

  /** Entries waiting for this phone, oldest first: dispatch them in this order. */
  readonly queued = (deviceId: DeviceId): OutboxEntry[] =>
    this.reader.queued(this.devices.get(deviceId).key)

  readonly counts = (deviceId?: DeviceId): OutboxCounts =>
    this.reader.counts(deviceId === undefined ? null : this.devices.get(deviceId).key)

  /** queued → dispatching, just before the `send.request` goes out. */
  readonly markDispatching = (id: OutboxId): OutboxEntry =>
    this.move(id, ['queued'], (row) => ({ state: 'dispatching', attempts: row.attempts + 1 }))

  /** Every entry of this phone still in flight goes back to queued (see requeue). */
  readonly requeueInFlight = (deviceId: DeviceId): number => {
    const inFlight = this.list(deviceId, ['dispatching'])
    for (const entry of inFlight) this.requeue(entry.id)
    return inFlight.length
  }

  /**
   * dispatching → queued, when the connection dropped before any status. The key is unchanged,
   * so sending it again is answered from the phone's record of the key, never sent twice.
   */
  readonly requeue = (id: OutboxId): OutboxEntry =>
    this.move(id, ['dispatching'], () => ({ state: 'queued' }))

  /** Applies a `send.status` from the phone (forward only; see outbox-states.ts). */
  readonly applyStatus = (deviceId: DeviceId, status: BodyOf<'send.status'>): StatusResult => {
    const ctx = this.devices.get(deviceId)
    const row = this.reader.rowByKey(ctx.key, status.key)
    if (row === null) return { entry: null, changed: false, change: touchedOnly([]) }
    const { value: changed } = this.writer.transaction('live', (s) => {
      let changedAny = false
      if (status.messageId !== null) {
        const holder = this.writer.linkPhoneId(s, ctx, row.message_id, status.messageId)
        changedAny = holder !== row.message_id
      }
      const next = afterReport(row.state, status.state)
      if (next === 'failed' && status.reason === undefined) {
        // The protocol schema pairs `failed` with a reason; a body without one never gets here.
        throw new InvalidInputError('bad_status', 'failed status without a reason')
      }
      if (next === 'failed') this.writer.markSendFailed(row.message_id)
      if (next !== null) {
        this.sql
          .get<[string, string | null, number, number]>(
            'UPDATE outbox SET state = ?, reason = ?, updated_at = ? WHERE id = ?',
          )
          .run(next, next === 'failed' ? (status.reason ?? null) : null, this.clock(), row.id)
        changedAny = true
      }
      return changedAny
    })
    const entry = this.reader.get(row.id)
    return { entry, changed, change: touchedOnly(changed ? [entry.conversationId] : []) }
  }

  /**
   * After a crash or quit: entries left in `dispatching` may or may not have reached the phone.
   * They become `unknown` for the user to decide; nothing is resent automatically.
   */
  readonly recoverAfterCrash = (): number =>
    this.sql
      .get<[number]>(
        "UPDATE outbox SET state = 'unknown', updated_at = ? WHERE state = 'dispatching'",
      )
      .run(this.clock()).changes

  /** Back to `queued` after `failed` or `unknown`, with the key policy the user chose. */
  readonly retry = (id: OutboxId, policy: KeyPolicy): OutboxEntry =>
    this.decisions.retry(id, policy)

  /** Drops a text the user gave up on (queued, failed or unknown); see decisions.ts. */
  readonly discard = (id: OutboxId): void => {
    this.decisions.discard(id)
  }

  private insertEntry(
    deviceKey: number,
    messageId: number,
    key: string,
    input: EnqueueInput,
    parts: readonly OutgoingPart[],
    now: number,
  ): void {
    this.sql
      .get<unknown[]>(
        `INSERT INTO outbox (device_key, message_id, send_key, state, reason, recipients_json,
           sub_id, attempts, created_at, updated_at, parts_json)
         VALUES (?, ?, ?, 'queued', NULL, ?, ?, 0, ?, ?, ?)`,
      )
      .run(
        deviceKey,
        messageId,
        key,
        JSON.stringify(input.to),
        input.subId,
        now,
        now,
        JSON.stringify(parts),
      )
  }

  private move(
    id: OutboxId,
    from: readonly string[],
    change: (row: EntryRow) => { state: string; attempts?: number },
  ): OutboxEntry {
    writeTx(this.db, () => {
      const row = this.reader.row(id)
      if (!from.includes(row.state)) {
        throw new OutboxStateError('not_allowed', `cannot leave ${row.state} this way`)
      }
      const next = change(row)
      this.sql
        .get<[string, number, number, number]>(
          'UPDATE outbox SET state = ?, attempts = ?, updated_at = ? WHERE id = ?',
        )
        .run(next.state, next.attempts ?? row.attempts, this.clock(), id)
    })()
    return this.reader.get(id)
  }
}
