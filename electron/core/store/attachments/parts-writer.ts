// Keeps the attachments rows of a message in step with its record's parts. Cached bytes of a
// part survive an update that leaves the part as it was, and the bytes of a file sent from this
// desktop move over to the phone's own part for it when the phone's record arrives, so the
// picture never has to be fetched back from the phone that was given it.
import type { MessagePart } from '../../../../shared/protocol/messages/common'
import type { StatementCache } from '../db/db'
import type { StoredPart } from '../messages/message-values'
import { samePart } from '../messages/message-values'
import { isLocalPart, matchLocalParts, type CarriedPart } from './local-parts'

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

/**
 * A desktop-written MMS the phone lists without parts is most likely its record caught before
 * the parts were written: the files sent from here stay until the phone names its own.
 */
function keepsLocal(stored: readonly StoredPart[], parts: readonly MessagePart[]): boolean {
  return parts.length === 0 && stored.length > 0 && stored.every((p) => isLocalPart(p.part_id))
}

/** How many parts the row keeps once `parts` are applied (see keepsLocal). */
export function partCountAfter(stored: readonly StoredPart[], parts: readonly MessagePart[]) {
  return keepsLocal(stored, parts) ? stored.length : parts.length
}

export function partsUnchanged(
  stored: readonly StoredPart[],
  parts: readonly MessagePart[],
): boolean {
  if (keepsLocal(stored, parts)) return true
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
  const stored = storedParts(sql, messageId)
  if (keepsLocal(stored, parts)) return
  const before = new Map(stored.map((p) => [p.part_id, p]))
  const keep = new Set(parts.map((p) => p.partId))
  const forget = sql.get<[number, string]>(
    `DELETE FROM attachment_data WHERE attachment_id =
       (SELECT id FROM attachments WHERE device_key = ? AND part_id = ?)`,
  )
  for (const p of parts)
    if (before.has(p.partId) && !samePart(before.get(p.partId), p)) forget.run(deviceKey, p.partId)
  const carried = matchLocalParts(
    sql,
    messageId,
    parts.filter((p) => !before.has(p.partId)),
  )
  insertParts(sql, deviceKey, messageId, parts)
  carryBytes(sql, deviceKey, carried)
  const drop = sql.get<[number, string]>(
    'DELETE FROM attachments WHERE message_id = ? AND part_id = ?',
  )
  for (const id of before.keys()) if (!keep.has(id)) drop.run(messageId, id)
}

/**
 * The phone's record of a text sent from here arrived as a row of its own, and the local copy
 * is about to go: its files' bytes move to the phone's parts first.
 */
export function carryLocalBytes(
  sql: StatementCache,
  deviceKey: number,
  fromMessageId: number,
  toMessageId: number,
): void {
  const uncached = sql
    .get<[number], StoredPart>(
      `SELECT a.part_id, a.mime, a.size, a.name FROM attachments a
       WHERE a.message_id = ?
         AND NOT EXISTS (SELECT 1 FROM attachment_data d WHERE d.attachment_id = a.id)
       ORDER BY a.seq`,
    )
    .all(toMessageId)
  const targets = uncached.map((p) => ({
    partId: p.part_id,
    mime: p.mime,
    size: p.size,
    name: p.name,
  }))
  carryBytes(sql, deviceKey, matchLocalParts(sql, fromMessageId, targets))
}

function carryBytes(sql: StatementCache, deviceKey: number, carried: readonly CarriedPart[]) {
  const copy = sql.get<[number, string, number]>(
    `INSERT INTO attachment_data (attachment_id, device_key, bytes, fetched_at)
     SELECT (SELECT id FROM attachments WHERE device_key = ? AND part_id = ?), device_key,
       bytes, fetched_at
     FROM attachment_data WHERE attachment_id = ?
     ON CONFLICT (attachment_id) DO NOTHING`,
  )
  for (const c of carried) copy.run(deviceKey, c.toPartId, c.fromAttachmentId)
}
