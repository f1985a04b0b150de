// Writes phone records into the archive exactly once: upsert by (device, phone id), so a record
// received twice changes nothing; a record carrying the sendKey of a text written here merges
// into the desktop's own row instead of adding a second bubble (PROTOCOL.md §8, `sendKey`).
// This is the only code that writes the messages table (see fts-sync.ts for why that matters);
// what such a write means for the outbox is told to it through OutgoingObserver.
import type { SmsMessage } from '../../../../shared/protocol/messages/common'
import type { Db, StatementCache } from '../db/db'
import { writeTx } from '../db/db'
import type { DeviceContext } from '../devices/devices'
import { FtsSync } from '../search/fts-sync'
import { sameContent, tallyRow, valuesOf } from './message-values'
import { insertOutgoing, markSendFailed, setSendKey } from './outgoing'
import type { OutgoingObserver, OutgoingText } from './outgoing'
import type { MessageValues, StoredBox, StoredMessage } from './message-values'
import { BY_PHONE_ID, LOCAL_BY_KEY, UPDATE, columns, indexed } from './message-sql'
import { importedTwin } from './import-writer'
import { insertRow } from './row-insert'
import type { Row } from './message-sql'
import {
  carryLocalBytes,
  insertParts,
  partCountAfter,
  partsUnchanged,
  replaceParts,
  storedParts,
} from '../attachments/parts-writer'
import type { SearchIndex } from '../search/search-index'
import { allocateSortKey } from './sort-key'
import type { ThreadStore } from '../conversations/threads'
import { WriteSession } from './write-session'
import type { WriteSummary } from './write-session'

/**
 * `live` keeps the search index current row by row. `deferred` is the bulk path of the
 * back-fill: it marks the index dirty in the same transaction, which stops row-by-row
 * maintenance, and leaves the work to one 'rebuild' later.
 */
export type IndexMode = 'live' | 'deferred'

type Record = SmsMessage & { box: Exclude<StoredBox, 'draft'> }

function isStored(rec: SmsMessage): rec is Record {
  return rec.box !== 'draft'
}

export class MessageWriter {
  private readonly fts: FtsSync

  constructor(
    private readonly db: Db,
    private readonly sql: StatementCache,
    private readonly threads: ThreadStore,
    private readonly index: SearchIndex,
    private readonly outgoing: OutgoingObserver,
  ) {
    this.fts = new FtsSync(sql)
  }

  /** Runs `fn` in one write transaction and applies the conversation deltas at its end. */
  transaction<T>(mode: IndexMode, fn: (s: WriteSession) => T): { value: T; summary: WriteSummary } {
    return writeTx(this.db, () => {
      if (mode === 'deferred') this.index.markDirtyInTransaction()
      const session = new WriteSession(this.sql, !this.index.isDirty(), mode === 'live')
      const value = fn(session)
      return { value, summary: session.finish() }
    })()
  }

  /** Optional: resolves the conversations of a batch in one query before its upserts. */
  prefetch(s: WriteSession, ctx: DeviceContext, records: readonly SmsMessage[]): void {
    this.threads.prefetch(
      ctx,
      records.map((r) => r.addresses),
      s,
    )
  }

  upsert(s: WriteSession, ctx: DeviceContext, rec: SmsMessage): void {
    if (!isStored(rec)) {
      // A draft is the phone's compose box, not a message. If a stored message became a draft
      // (the provider allows it) it leaves the conversation.
      s.ignoredDrafts += 1
      this.deleteByPhoneId(s, ctx, rec.id)
      return
    }
    if (rec.sendKey !== null) {
      const local = this.stored(LOCAL_BY_KEY, ctx.key, rec.sendKey)
      if (local !== undefined && this.mergeLocal(s, ctx, rec, local)) return
    }
    const thread = this.threads.resolve(ctx, rec.addresses, s)
    const twin = importedTwin(this.sql, s, ctx.key, thread.id, rec)
    if (twin !== null) {
      // The text came from a backup first: the phone's record takes over that row.
      this.sql
        .get<[string, number]>('UPDATE messages SET phone_id = ? WHERE id = ?')
        .run(rec.id, twin)
    }
    const values = valuesOf(ctx, rec, thread, s.nextId())
    // Insert first: in a back-fill nearly every record is new, and the conflict clause tells
    // the rare duplicate apart without a lookup per row.
    const sortKey = insertRow(this.sql, this.fts, s, values)
    if (sortKey === null) {
      const existing = this.stored(BY_PHONE_ID, ctx.key, rec.id)
      if (existing === undefined) throw new Error('insert conflicted but no row has the phone id')
      this.updateExisting(s, ctx, rec, existing, values)
      return
    }
    s.tally.added(
      thread,
      tallyRow({ sort_key: sortKey, box: rec.box, phone_read: values.phone_read }),
    )
    if (rec.parts.length > 0) insertParts(this.sql, ctx.key, values.id, rec.parts)
    s.inserted += 1
    if (rec.box === 'inbox') s.noteIncoming(values.id, thread.id, rec.body)
  }

  deleteByPhoneId(s: WriteSession, ctx: DeviceContext, phoneId: string): void {
    // A text that is also in a backup stays: the phone only lets go of it.
    const kept = this.sql
      .get<[number, string]>(
        `UPDATE messages SET phone_id = NULL
         WHERE device_key = ? AND phone_id = ? AND import_key IS NOT NULL`,
      )
      .run(ctx.key, phoneId)
    if (kept.changes > 0) return
    const row = this.stored(BY_PHONE_ID, ctx.key, phoneId)
    if (row === undefined) return
    this.deleteById(s, row.id)
    s.deleted += 1
  }

  /** Inserts a text the user sent from here (the phone has no record of it yet). */
  insertOutgoing(s: WriteSession, ctx: DeviceContext, text: OutgoingText): number {
    return insertOutgoing(this.sql, this.fts, this.threads, s, ctx, text)
  }

  /** A new attempt under a new key, in the same bubble (the phone has no record of the old). */
  setSendKey(messageId: number, sendKey: string): void {
    setSendKey(this.sql, messageId, sendKey)
  }

  /** The phone failed the send: the bubble says so at once (see outgoing.ts). */
  markSendFailed(messageId: number): void {
    markSendFailed(this.sql, messageId)
  }

  /**
   * Gives a desktop-written row the phone's id as soon as a `send.status` names it. If the
   * phone's record already arrived on its own, that row is kept and the local copy goes.
   * Returns the id of the row that now holds the text.
   */
  linkPhoneId(s: WriteSession, ctx: DeviceContext, localId: number, phoneId: string): number {
    const existing = this.stored(BY_PHONE_ID, ctx.key, phoneId)
    if (existing === undefined) {
      this.sql
        .get<[string, number]>('UPDATE messages SET phone_id = ? WHERE id = ? AND phone_id IS NULL')
        .run(phoneId, localId)
      return localId
    }
    if (existing.id === localId) return localId
    carryLocalBytes(this.sql, ctx.key, localId, existing.id)
    this.outgoing.moved(localId, existing.id)
    // Not counted as a deletion: the text is still there, in one row instead of two.
    this.deleteById(s, localId)
    s.merged += 1
    return existing.id
  }

  deleteById(s: WriteSession, messageId: number): void {
    const gone = this.sql
      .get<
        [number],
        {
          sort_key: number
          thread_id: number
          box: string
          phone_read: number
          body: string
          search_keys: string | null
        }
      >(
        `DELETE FROM messages WHERE id = ?
         RETURNING sort_key, thread_id, box, phone_read, body, search_keys`,
      )
      .get(messageId)
    if (gone === undefined) return
    if (s.indexLive) this.fts.remove(indexed(gone.sort_key, gone))
    s.tally.removed(this.threads.byId(gone.thread_id, s), tallyRow(gone))
  }

  private updateExisting(
    s: WriteSession,
    ctx: DeviceContext,
    rec: Record,
    existing: StoredMessage,
    values: MessageValues,
  ): void {
    values.id = existing.id
    values.send_key = rec.sendKey ?? existing.send_key
    const stored = storedParts(this.sql, existing.id)
    values.part_count = partCountAfter(stored, rec.parts)
    const partsSame = partsUnchanged(stored, rec.parts)
    if (sameContent(existing, values) && partsSame && values.send_key === existing.send_key) {
      s.unchanged += 1
      return
    }
    this.rewrite(s, ctx, rec, existing, values, partsSame)
    s.updated += 1
  }

  /** Moves the phone's record into the desktop's own row; false if the phone id is taken. */
  private mergeLocal(
    s: WriteSession,
    ctx: DeviceContext,
    rec: Record,
    local: StoredMessage,
  ): boolean {
    if (this.stored(BY_PHONE_ID, ctx.key, rec.id) !== undefined) {
      // The phone reported this text earlier without its key: keep the phone's row, move the
      // outbox entry to it and drop the local copy, so one bubble remains.
      this.linkPhoneId(s, ctx, local.id, rec.id)
      return false
    }
    const thread = this.threads.resolve(ctx, rec.addresses, s)
    const stored = storedParts(this.sql, local.id)
    const values = valuesOf(ctx, rec, thread, local.id)
    values.part_count = partCountAfter(stored, rec.parts)
    this.rewrite(s, ctx, rec, local, values, partsUnchanged(stored, rec.parts))
    s.merged += 1
    return true
  }

  private rewrite(
    s: WriteSession,
    ctx: DeviceContext,
    rec: Record,
    before: StoredMessage,
    values: MessageValues,
    partsSame: boolean,
  ): void {
    // Same date keeps the slot (and so the place among equal dates); a new date moves it.
    const sortKey =
      before.date === values.date ? before.sort_key : allocateSortKey(this.sql, values.date)
    // columns() without id and device_key, which an update never changes.
    this.sql.get<Row>(UPDATE).run(sortKey, ...columns(values).slice(2), values.id)
    if (s.indexLive) this.fts.replace(indexed(before.sort_key, before), indexed(sortKey, values))
    s.tally.removed(this.threads.byId(before.thread_id, s), tallyRow(before))
    const thread = this.threads.byId(values.thread_id, s)
    s.tally.added(
      thread,
      tallyRow({ sort_key: sortKey, box: values.box, phone_read: values.phone_read }),
    )
    if (!partsSame) replaceParts(this.sql, ctx.key, values.id, rec.parts)
    if (values.send_key !== null) this.outgoing.recorded(values.id, rec.box, rec.status)
  }

  private stored(sqlText: string, deviceKey: number, key: string): StoredMessage | undefined {
    return this.sql.get<[number, string], StoredMessage>(sqlText).get(deviceKey, key)
  }
}
