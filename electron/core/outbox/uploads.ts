// The files of outgoing picture messages, on the archive's connection: each one's upload id and
// how far its upload to the phone got (outbox.parts_json), and its bytes, which are the bubble's
// own part (attachments/local-parts.ts). Progress is written as the phone confirms each chunk,
// so a dropped connection or a restart resumes where the phone said it was (PROTOCOL.md §9.14).
import { randomBytes } from 'node:crypto'
import type { OutgoingPart } from '../../../shared/model/outbox'
import type { LocalPart } from '../store/attachments/local-parts'
import { localPartId } from '../store/attachments/local-parts'
import type { StatementCache } from '../store/db/db'
import { NotFoundError, OutboxStateError } from '../store/errors'
import type { EntryRow, OutboxReader } from './reader'

/** A file to send, as the window staged it. */
export interface OutgoingFile {
  readonly mime: string
  readonly name: string | null
  readonly bytes: Uint8Array
}

/** 128 random bits as base64url, like a send key: what the protocol asks of an upload id. */
export function newUploadId(): string {
  return randomBytes(16).toString('base64url')
}

/** Fresh upload ids for files about to be enqueued: the bubble's parts and the outbox's list. */
export function newUploads(files: readonly OutgoingFile[]): {
  readonly local: LocalPart[]
  readonly parts: OutgoingPart[]
} {
  const local = files.map((f) => ({ uploadId: newUploadId(), ...f }))
  const parts = local.map((l) => ({
    uploadId: l.uploadId,
    mime: l.mime,
    name: l.name,
    size: l.bytes.length,
    received: 0,
  }))
  return { local, parts }
}

export class OutboxUploads {
  constructor(
    private readonly sql: StatementCache,
    private readonly reader: OutboxReader,
  ) {}

  /**
   * What the phone says it holds of one file. Only while the entry waits to be dispatched: a
   * discarded or finished text has nothing left to upload.
   */
  record(outboxId: number, uploadId: string, received: number): OutgoingPart {
    const row = this.reader.row(outboxId)
    if (row.state !== 'queued') {
      throw new OutboxStateError('not_allowed', `cannot upload for a ${row.state} text`)
    }
    const part = partOf(row, uploadId)
    if (!Number.isSafeInteger(received) || received < 0 || received > part.size) {
      throw new OutboxStateError('not_allowed', 'the phone reported an impossible upload')
    }
    const parts = row.parts.map((p) => (p.uploadId === uploadId ? { ...p, received } : p))
    this.write(row.id, parts)
    return { ...part, received }
  }

  /** One file's bytes, to upload. */
  bytes(outboxId: number, uploadId: string): Uint8Array {
    const row = this.reader.row(outboxId)
    partOf(row, uploadId)
    const data = this.sql
      .get<[number, string], { bytes: Buffer }>(
        `SELECT d.bytes FROM attachments a JOIN attachment_data d ON d.attachment_id = a.id
         WHERE a.message_id = ? AND a.part_id = ?`,
      )
      .get(row.message_id, localPartId(uploadId))
    if (data === undefined) throw new NotFoundError('attachment', 'the file is no longer stored')
    return new Uint8Array(data.bytes)
  }

  /**
   * A new key for the same bubble: the phone may have let go of the files once the old key
   * failed (§9.14), so every upload starts over at 0, and the phone answers the first chunk with
   * what it still holds. The ids stay: same file, same content.
   */
  restart(row: EntryRow): readonly OutgoingPart[] {
    return row.parts.map((p) => ({ ...p, received: 0 }))
  }

  /**
   * The files of a text the phone already has its own (failed) record of, for a new bubble:
   * read from the old bubble's parts in order, whichever rows now hold the bytes (the phone's
   * parts once its record arrived). Null when a file's bytes are gone.
   */
  filesOf(row: EntryRow): OutgoingFile[] | null {
    if (row.parts.length === 0) return []
    const stored = this.sql
      .get<[number], { mime: string; bytes: Buffer | null }>(
        `SELECT a.mime, d.bytes FROM attachments a
         LEFT JOIN attachment_data d ON d.attachment_id = a.id
         WHERE a.message_id = ? ORDER BY a.seq`,
      )
      .all(row.message_id)
    if (stored.length !== row.parts.length) return null
    const files: OutgoingFile[] = []
    for (const [i, part] of row.parts.entries()) {
      const bytes = stored[i]?.bytes ?? null
      if (bytes === null || bytes.length !== part.size) return null
      files.push({ mime: part.mime, name: part.name, bytes: new Uint8Array(bytes) })
    }
    return files
  }

  write(outboxId: number, parts: readonly OutgoingPart[]): void {
    this.sql
      .get<[string, number]>('UPDATE outbox SET parts_json = ? WHERE id = ?')
      .run(JSON.stringify(parts), outboxId)
  }
}

function partOf(row: EntryRow, uploadId: string): OutgoingPart {
  const part = row.parts.find((p) => p.uploadId === uploadId)
  if (part === undefined) throw new NotFoundError('attachment', 'no such file in this text')
  return part
}
