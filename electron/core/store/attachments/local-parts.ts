// Parts of MMS written on this desktop. Each is stored with its bytes the moment the text is
// enqueued (so the bubble shows its picture at once, and every retry and restart still has the
// file to upload), under a part id of its own that no phone uses: `up:` and the upload id the
// phone will know the file by (PROTOCOL.md §9.14).
import type { MessagePart } from '../../../../shared/protocol/messages/common'
import type { StatementCache } from '../db/db'

const LOCAL_PREFIX = 'up:'

export const localPartId = (uploadId: string): string => `${LOCAL_PREFIX}${uploadId}`
export const isLocalPart = (partId: string): boolean => partId.startsWith(LOCAL_PREFIX)

export interface LocalPart {
  readonly uploadId: string
  readonly mime: string
  readonly name: string | null
  readonly bytes: Uint8Array
}

/** Inserts a message's files with their bytes, in order. */
export function insertLocalParts(
  sql: StatementCache,
  deviceKey: number,
  messageId: number,
  parts: readonly LocalPart[],
  at: number,
): void {
  const meta = sql.get<unknown[]>(
    `INSERT INTO attachments (device_key, message_id, part_id, seq, mime, size, name)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  )
  const data = sql.get<[number, number, Buffer, number]>(
    'INSERT INTO attachment_data (attachment_id, device_key, bytes, fetched_at) VALUES (?, ?, ?, ?)',
  )
  parts.forEach((p, seq) => {
    const { lastInsertRowid } = meta.run(
      deviceKey,
      messageId,
      localPartId(p.uploadId),
      seq,
      p.mime,
      p.bytes.length,
      p.name,
    )
    data.run(Number(lastInsertRowid), deviceKey, Buffer.from(p.bytes), at)
  })
}

/** A local file's bytes, to be copied to the phone's part for the same file. */
export interface CarriedPart {
  readonly fromAttachmentId: number
  readonly toPartId: string
}

/**
 * Pairs the phone's parts with the local files of a message, in order: the phone lists a sent
 * MMS's files as they were uploaded (PROTOCOL.md §9.9, byte for byte, in order) but under its
 * own ids and possibly cleaned-up names, so a pair is the same type and, when the phone says
 * it, the same size.
 */
export function matchLocalParts(
  sql: StatementCache,
  messageId: number,
  phoneParts: readonly MessagePart[],
): CarriedPart[] {
  const local = sql
    .get<[number], { id: number; part_id: string; mime: string; size: number | null }>(
      `SELECT a.id, a.part_id, a.mime, a.size FROM attachments a
       WHERE a.message_id = ? AND EXISTS (SELECT 1 FROM attachment_data d WHERE d.attachment_id = a.id)
       ORDER BY a.seq`,
    )
    .all(messageId)
    .filter((p) => isLocalPart(p.part_id))
  const used = new Set<number>()
  const carried: CarriedPart[] = []
  for (const part of phoneParts) {
    const from = local.find(
      (l) =>
        !used.has(l.id) &&
        l.mime.toLowerCase() === part.mime.toLowerCase() &&
        (part.size === null || part.size === l.size),
    )
    if (from === undefined) continue
    used.add(from.id)
    carried.push({ fromAttachmentId: from.id, toPartId: part.partId })
  }
  return carried
}
