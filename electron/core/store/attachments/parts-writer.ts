// Keeps the attachments rows of a message in step with its record's parts. Cached bytes of a
// part survive an update that leaves the part as it was.
import type { MessagePart } from '../../../../shared/protocol/messages/common'
import type { StatementCache } from '../db/db'
import type { StoredPart } from '../messages/message-values'
import { samePart } from '../messages/message-values'

const INSERT = `
  INSERT INTO attachments (device_key, message_id, part_id, seq, mime, size, name)
  VALUES (?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (device_key, part_id) DO UPDATE SET message_id = excluded.message_id,
    seq = excluded.seq, mime = excluded.mime, size = excluded.size, name = excluded.name`

export function storedParts(sql: StatementCache, messageId: number): StoredPart[] {
  return sql
    .get<[number], StoredPart>(
      'SELECT part_id, mime, size, name FROM attachments WHERE message_id = ? ORDER BY seq',
    )
    .all(messageId)
}

export function partsUnchanged(
  stored: readonly StoredPart[],
  parts: readonly MessagePart[],
): boolean {
  return (
    stored.length === parts.length &&
    parts.every((p, i) => samePart(stored[i], p) && stored[i]?.part_id === p.partId)
  )
}

export function insertParts(
  sql: StatementCache,
  deviceKey: number,
  messageId: number,
  parts: readonly MessagePart[],
): void {
  const stmt = sql.get<unknown[]>(INSERT)
  parts.forEach((p, seq) => stmt.run(deviceKey, messageId, p.partId, seq, p.mime, p.size, p.name))
}

/** Replaces the parts of a message, dropping cached bytes only of parts that changed. */
export function replaceParts(
  sql: StatementCache,
  deviceKey: number,
  messageId: number,
  parts: readonly MessagePart[],
): void {
  const before = new Map(storedParts(sql, messageId).map((p) => [p.part_id, p]))
  const keep = new Set(parts.map((p) => p.partId))
  const drop = sql.get<[number, string]>(
    'DELETE FROM attachments WHERE message_id = ? AND part_id = ?',
  )
  for (const id of before.keys()) if (!keep.has(id)) drop.run(messageId, id)
  const forget = sql.get<[number, string]>(
    `DELETE FROM attachment_data WHERE attachment_id =
       (SELECT id FROM attachments WHERE device_key = ? AND part_id = ?)`,
  )
  for (const p of parts)
    if (before.has(p.partId) && !samePart(before.get(p.partId), p)) forget.run(deviceKey, p.partId)
  insertParts(sql, deviceKey, messageId, parts)
}
