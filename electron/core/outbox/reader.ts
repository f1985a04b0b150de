// Reading outbox entries (with their message's body and conversation) into the shared model.
import { z } from 'zod'
import type {
  OutboxCounts,
  OutboxEntry,
  OutboxState,
  OutgoingPart,
} from '../../../shared/model/outbox'
import { OUTBOX_STATES } from '../../../shared/model/outbox'
import {
  MAX_SEND_ATTACHMENTS,
  MAX_UPLOAD_BYTES,
  SEND_FAILURE_REASONS,
} from '../../../shared/protocol/messages/catalogue'
import { address, fileName, mimeType, uploadId } from '../../../shared/protocol/messages/common'
import type { StatementCache } from '../store/db/db'
import type { DeviceDirectory } from '../store/devices/devices'
import { InvalidInputError, NotFoundError } from '../store/errors'
import { enumColumn, parseJsonColumn } from '../store/db/json'

// send.request limits (PROTOCOL.md §9.9): 1-20 recipients, at most 5000 characters, which may
// be none when files are attached; at most 10 files, each an upload of 1 byte to 5 MiB (§9.14).
const recipients = z.array(address).min(1).max(20)
const MAX_SEND_BODY = 5000

export function checkSend(to: readonly string[], body: string, files: readonly number[]): void {
  if (!recipients.safeParse(to).success) throw new InvalidInputError('bad_recipients')
  if (body.length > MAX_SEND_BODY || (body.length === 0 && files.length === 0))
    throw new InvalidInputError('bad_body')
  if (files.length > MAX_SEND_ATTACHMENTS || files.some((n) => n < 1 || n > MAX_UPLOAD_BYTES))
    throw new InvalidInputError('bad_attachment')
}

const outgoingParts = z
  .array(
    z
      .object({
        uploadId,
        mime: mimeType,
        name: fileName,
        size: z.int().min(1).max(MAX_UPLOAD_BYTES),
        received: z.int().min(0),
      })
      .refine((p) => p.received <= p.size),
  )
  .max(MAX_SEND_ATTACHMENTS)

const SELECT = `
  SELECT o.id, o.device_key, o.message_id, o.send_key, o.state, o.reason, o.recipients_json,
    o.sub_id, o.attempts, o.created_at, o.updated_at, o.parts_json, m.thread_id, m.body,
    m.phone_id
  FROM outbox o JOIN messages m ON m.id = o.message_id`

interface RawRow {
  id: number
  device_key: number
  message_id: number
  send_key: string
  state: string
  reason: string | null
  recipients_json: string
  sub_id: number | null
  attempts: number
  created_at: number
  updated_at: number
  parts_json: string
  thread_id: number
  body: string
  phone_id: string | null
}

/** An outbox row with its enum and JSON columns checked. */
export interface EntryRow extends Omit<RawRow, 'state' | 'recipients_json' | 'parts_json'> {
  readonly state: OutboxState
  readonly to: readonly string[]
  readonly parts: readonly OutgoingPart[]
}

export class OutboxReader {
  constructor(
    private readonly sql: StatementCache,
    private readonly devices: DeviceDirectory,
  ) {}

  row(id: number): EntryRow {
    const raw = this.sql.get<[number], RawRow>(`${SELECT} WHERE o.id = ?`).get(id)
    if (raw === undefined) throw new NotFoundError('outbox_entry', 'no such outbox entry')
    return this.check(raw)
  }

  rowByKey(deviceKey: number, key: string): EntryRow | null {
    const raw = this.sql
      .get<[number, string], RawRow>(`${SELECT} WHERE o.device_key = ? AND o.send_key = ?`)
      .get(deviceKey, key)
    return raw === undefined ? null : this.check(raw)
  }

  get(id: number): OutboxEntry {
    return this.toEntry(this.row(id))
  }

  byKey(deviceKey: number, key: string): OutboxEntry | null {
    const row = this.rowByKey(deviceKey, key)
    return row === null ? null : this.toEntry(row)
  }

  byMessage(messageId: number): OutboxEntry {
    const raw = this.sql.get<[number], RawRow>(`${SELECT} WHERE o.message_id = ?`).get(messageId)
    if (raw === undefined) throw new NotFoundError('outbox_entry', 'no outbox entry for message')
    return this.toEntry(this.check(raw))
  }

  list(deviceKey: number, states: readonly OutboxState[]): OutboxEntry[] {
    return this.sql
      .get<[number, string], RawRow>(
        `${SELECT} WHERE o.device_key = ? AND o.state IN (SELECT value FROM json_each(?))
         ORDER BY o.id`,
      )
      .all(deviceKey, JSON.stringify(states))
      .map((r) => this.toEntry(this.check(r)))
  }

  queued(deviceKey: number): OutboxEntry[] {
    return this.sql
      .get<[number], RawRow>(
        `${SELECT} WHERE o.device_key = ? AND o.state = 'queued' ORDER BY o.id`,
      )
      .all(deviceKey)
      .map((r) => this.toEntry(this.check(r)))
  }

  counts(deviceKey: number | null): OutboxCounts {
    const rows = this.sql
      .get<[{ device: number | null }], { state: string; n: number }>(
        `SELECT state, count(*) AS n FROM outbox
         WHERE state IN ('queued', 'dispatching', 'waiting', 'failed', 'unknown')
           AND (@device IS NULL OR device_key = @device)
         GROUP BY state`,
      )
      .all({ device: deviceKey })
    const n = (state: OutboxState): number => rows.find((r) => r.state === state)?.n ?? 0
    return {
      queued: n('queued'),
      // Held by the phone while its user decides: still on its way, as far as the bar can say.
      dispatching: n('dispatching') + n('waiting'),
      failed: n('failed'),
      unknown: n('unknown'),
    }
  }

  private check(raw: RawRow): EntryRow {
    return {
      ...raw,
      state: enumColumn(OUTBOX_STATES, raw.state, 'outbox.state'),
      to: parseJsonColumn(recipients, raw.recipients_json, 'outbox.recipients_json'),
      parts: parseJsonColumn(outgoingParts, raw.parts_json, 'outbox.parts_json'),
    }
  }

  private toEntry(row: EntryRow): OutboxEntry {
    return {
      id: row.id,
      deviceId: this.devices.byRowKey(row.device_key).id,
      messageId: row.message_id,
      conversationId: row.thread_id,
      sendKey: row.send_key,
      state: row.state,
      reason:
        row.reason === null ? null : enumColumn(SEND_FAILURE_REASONS, row.reason, 'outbox.reason'),
      to: row.to,
      body: row.body,
      subId: row.sub_id,
      parts: row.parts,
      attempts: row.attempts,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    }
  }
}
