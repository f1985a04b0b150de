// What the user can do with a text that did not go: send it again under the same or a new key,
// or give up on it. Writes only the outbox table; the bubbles are the messages writer's.
import { randomBytes } from 'node:crypto'
import type { OutboxId } from '../../../shared/model/ids'
import type { OutboxEntry } from '../../../shared/model/outbox'
import type { StatementCache } from '../store/db/db'
import type { DeviceDirectory } from '../store/devices/devices'
import { OutboxStateError } from '../store/errors'
import type { MessageWriter } from '../store/messages/message-writer'
import type { OutboxReader } from './reader'
import { newUploads, type OutboxUploads } from './uploads'

/**
 * Retrying keeps or replaces the idempotency key:
 * - 'reuse' (only for `unknown`): asks the phone again under the same key. The phone never sends
 *   a key twice; it answers with what happened to it. Safe: can never cause a duplicate text.
 * - 'reissue': a new key, so the phone sends it again. Needed after `failed` (a failed key is
 *   final on the phone); after `unknown` it may duplicate a text that did go out.
 */
export type KeyPolicy = 'reuse' | 'reissue'

/** 128 random bits as base64url: 22 characters of [A-Za-z0-9_-], as the protocol requires. */
export function newSendKey(): string {
  return randomBytes(16).toString('base64url')
}

export class OutboxDecisions {
  constructor(
    private readonly sql: StatementCache,
    private readonly devices: DeviceDirectory,
    private readonly writer: MessageWriter,
    private readonly reader: OutboxReader,
    private readonly uploads: OutboxUploads,
    private readonly clock: () => number,
  ) {}

  /** Back to `queued` after `failed` or `unknown`, with the key policy the user chose. */
  retry(id: OutboxId, policy: KeyPolicy): OutboxEntry {
    const row = this.reader.row(id)
    if (row.state === 'failed' && policy === 'reuse') {
      throw new OutboxStateError('key_final', 'a failed key is final on the phone; reissue it')
    }
    if (row.state !== 'failed' && row.state !== 'unknown') {
      throw new OutboxStateError('not_allowed', `cannot retry a ${row.state} text`)
    }
    const ctx = this.devices.byRowKey(row.device_key)
    const now = this.clock()
    const files = policy === 'reissue' && row.phone_id !== null ? this.uploads.filesOf(row) : []
    if (files === null) {
      throw new OutboxStateError('files_gone', 'the files of this text are no longer stored')
    }
    this.writer.transaction('live', (s) => {
      let messageId = row.message_id
      let key = row.send_key
      let parts = row.parts
      if (policy === 'reissue') {
        key = newSendKey()
        if (row.phone_id === null) {
          this.writer.setSendKey(messageId, key)
          parts = this.uploads.restart(row)
        } else {
          // The phone keeps its record of the failed attempt; the new attempt gets its own
          // bubble (and its own copies of the files) so the phone's next record, with the new
          // key, merges into it.
          const fresh = newUploads(files)
          parts = fresh.parts
          const text = { to: row.to, body: row.body, subId: row.sub_id, parts: fresh.local }
          messageId = this.writer.insertOutgoing(s, ctx, { ...text, sendKey: key, date: now })
        }
      }
      this.sql
        .get<[number, string, string, number, number]>(
          `UPDATE outbox SET state = 'queued', reason = NULL, message_id = ?, send_key = ?,
             parts_json = ?, updated_at = ? WHERE id = ?`,
        )
        .run(messageId, key, JSON.stringify(parts), now, row.id)
    })
    return this.reader.get(id)
  }

  /**
   * Drops a text the user gave up on (queued, failed or unknown). The local bubble goes too,
   * unless the phone has its own record of it (that is the phone's to delete).
   */
  discard(id: OutboxId): void {
    const row = this.reader.row(id)
    if (row.state !== 'queued' && row.state !== 'failed' && row.state !== 'unknown') {
      throw new OutboxStateError('not_allowed', `cannot discard a ${row.state} text`)
    }
    this.writer.transaction('live', (s) => {
      this.sql.get<[number]>('DELETE FROM outbox WHERE id = ?').run(row.id)
      if (row.phone_id === null) this.writer.deleteById(s, row.message_id)
    })
  }
}
