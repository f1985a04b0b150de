// Texts from backup files (SMS Backup & Restore), written so that each is stored once however
// often it is imported and whether or not the phone still has it.
//
// What identifies a text across a backup, a second backup and the phone's own copy: its
// conversation (the same normalised participants), whether it was received or sent, SMS or MMS,
// its date to the millisecond (backups copy the phone's own date field), and its body. Not the
// box: a text backed up while in the outbox is the same text once sent. Not the phone's row id:
// a backup from an earlier phone has ids from another database.
import { createHash } from 'node:crypto'
import type { StatementCache } from '../db/db'
import type { ThreadStore } from '../conversations/threads'
import type { DeviceContext } from '../devices/devices'
import type { FtsSync } from '../search/fts-sync'
import { searchKeysFor } from '../search/search-keys'
import { tallyRow } from './message-values'
import type { MessageValues } from './message-values'
import { insertRow } from './row-insert'
import { baseKey, SLOTS_PER_MS } from './sort-key'
import type { WriteSession } from './write-session'

export type ImportBox = 'inbox' | 'sent' | 'draft' | 'outbox' | 'failed' | 'queued'

export interface ImportedPart {
  readonly mime: string
  readonly name: string | null
  /** The file's bytes, or null when the backup kept only the part's description. */
  readonly bytes: Uint8Array | null
}

/** A text as a backup file holds it, already validated by its reader. */
export interface ImportedText {
  readonly kind: 'sms' | 'mms'
  readonly box: ImportBox
  /** Everyone else in the conversation (for a group MMS, every member but this phone). */
  readonly addresses: readonly string[]
  /** Who sent a received text; null for sent ones. */
  readonly sender: string | null
  readonly date: number
  readonly dateSent: number | null
  readonly body: string
  readonly read: boolean
  readonly subId: number | null
  readonly parts: readonly ImportedPart[]
}

export type ImportOutcome = 'added' | 'present'

interface Twin {
  readonly id: number
  readonly kind: string
  readonly box: string
  readonly body: string
  readonly import_key: string | null
  readonly phone_id: string | null
}

const incoming = (box: string) => box === 'inbox'

function importKey(threadId: number, text: Pick<ImportedText, 'kind' | 'box' | 'date' | 'body'>) {
  const digest = createHash('sha256')
    .update(`${text.kind}\n${incoming(text.box) ? 'in' : 'out'}\n${text.date}\n${text.body}`)
    .digest('base64url')
    .slice(0, 22)
  return `${threadId}:${digest}`
}

/** Rows of the conversation at the same millisecond: the only ones that can be the same text. */
function sameMoment(sql: StatementCache, threadId: number, date: number): Twin[] {
  const base = baseKey(date)
  return sql
    .get<[number, number, number], Twin>(
      `SELECT id, kind, box, body, import_key, phone_id FROM messages
       WHERE thread_id = ? AND sort_key BETWEEN ? AND ?`,
    )
    .all(threadId, base, base + SLOTS_PER_MS - 1)
}

function isTwin(row: Twin, text: Pick<ImportedText, 'kind' | 'box' | 'body'>): boolean {
  return (
    row.kind === text.kind && incoming(row.box) === incoming(text.box) && row.body === text.body
  )
}

/**
 * For the phone's write path: the imported row that is this phone record's text, not yet linked
 * to any phone row. Only asked for on a phone whose archive has imported texts at all.
 */
export function importedTwin(
  sql: StatementCache,
  s: WriteSession,
  deviceKey: number,
  threadId: number,
  text: Pick<ImportedText, 'kind' | 'box' | 'body' | 'date'>,
): number | null {
  let any = s.importsOnDevice.get(deviceKey)
  if (any === undefined) {
    any =
      sql
        .get<[number], { one: number }>(
          'SELECT 1 AS one FROM messages WHERE device_key = ? AND import_key IS NOT NULL LIMIT 1',
        )
        .get(deviceKey) !== undefined
    s.importsOnDevice.set(deviceKey, any)
  }
  if (!any) return null
  const twin = sameMoment(sql, threadId, text.date).find(
    (row) => row.import_key !== null && row.phone_id === null && isTwin(row, text),
  )
  return twin?.id ?? null
}

export class ImportWriter {
  constructor(
    private readonly sql: StatementCache,
    private readonly fts: FtsSync,
    private readonly threads: ThreadStore,
  ) {}

  write(s: WriteSession, ctx: DeviceContext, text: ImportedText): ImportOutcome {
    const thread = this.threads.resolve(ctx, text.addresses, s)
    const key = importKey(thread.id, text)
    const known = this.sql
      .get<[number, string], { one: number }>(
        'SELECT 1 AS one FROM messages WHERE device_key = ? AND import_key = ?',
      )
      .get(ctx.key, key)
    if (known !== undefined) return 'present'
    // The phone's own copy, synced before this import: mark it as backed up too, so it stays
    // when the phone no longer has it.
    const twin = sameMoment(this.sql, thread.id, text.date).find((row) => isTwin(row, text))
    if (twin !== undefined) {
      if (twin.import_key === null) this.setKey(twin.id, key)
      return 'present'
    }
    const values: MessageValues = {
      base: baseKey(text.date),
      id: s.nextId(),
      device_key: ctx.key,
      thread_id: thread.id,
      phone_id: null,
      send_key: null,
      kind: text.kind,
      box: text.box,
      addresses_json: JSON.stringify(text.addresses),
      sender: incoming(text.box) ? text.sender : null,
      date: text.date,
      date_sent: text.dateSent,
      body: text.body,
      search_keys: searchKeysFor(text.body, thread.id, ctx.numbers),
      phone_read: text.read ? 1 : 0,
      status: 'none',
      sub_id: text.subId,
      phone_thread_id: null,
      part_count: text.parts.length,
    }
    const sortKey = insertRow(this.sql, this.fts, s, values)
    if (sortKey === null) throw new Error('an imported row cannot conflict on the phone id')
    this.setKey(values.id, key)
    s.tally.added(
      thread,
      tallyRow({ sort_key: sortKey, box: text.box, phone_read: values.phone_read }),
    )
    this.insertParts(ctx.key, values.id, key, text.parts)
    s.inserted += 1
    return 'added'
  }

  private setKey(messageId: number, key: string): void {
    this.sql
      .get<[string, number]>('UPDATE messages SET import_key = ? WHERE id = ?')
      .run(key, messageId)
  }

  /** Parts with their bytes: a backup carries the pictures themselves, the phone is not asked. */
  private insertParts(
    deviceKey: number,
    messageId: number,
    key: string,
    parts: readonly ImportedPart[],
  ) {
    const meta = this.sql.get<
      [number, number, string, number, string, number | null, string | null]
    >(
      `INSERT INTO attachments (device_key, message_id, part_id, seq, mime, size, name)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    const data = this.sql.get<[number, number, Uint8Array, number]>(
      'INSERT INTO attachment_data (attachment_id, device_key, bytes, fetched_at) VALUES (?, ?, ?, ?)',
    )
    parts.forEach((part, seq) => {
      const size = part.bytes?.byteLength ?? null
      const info = meta.run(
        deviceKey,
        messageId,
        `import:${key}:${seq}`,
        seq,
        part.mime,
        size,
        part.name,
      )
      if (part.bytes !== null) data.run(Number(info.lastInsertRowid), deviceKey, part.bytes, 0)
    })
  }
}
