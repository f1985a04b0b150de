// Where the sync engine stands with each phone, and the atomic application of what the phone
// sends: every batch commits together with the cursor or watermark that follows it, so after a
// crash the engine resumes exactly after the last committed batch (PROTOCOL.md §8 Watermark,
// §9.4 "stores the returned cursor after committing the batch").
import type { DeviceId } from '../../../../shared/model/ids'
import type { Contact } from '../../../../shared/protocol/messages/catalogue'
import type { SmsMessage } from '../../../../shared/protocol/messages/common'
import { touchedOnly } from '../../sync/ports'
import type {
  ApplyResult,
  ChangesPage,
  MessagePush,
  SyncArchive,
  SyncBatch,
  SyncState,
} from '../../sync/ports'
import type { ContactsRepository } from '../contacts/contacts'
import type { StatementCache } from '../db/db'
import type { DeviceContext, DeviceDirectory } from '../devices/devices'
import { InvalidInputError } from '../errors'
import type { IndexMode, MessageWriter } from '../messages/message-writer'
import type { SearchIndex } from '../search/search-index'
import type { WriteSession, WriteSummary } from '../messages/write-session'

interface SyncRow {
  watermark: string | null
  recent_cursor: string | null
  recent_done: number
  history_cursor: string | null
  history_started: number
  history_done: number
  history_total: number | null
  history_received: number
  contacts_synced_at: number | null
}

/**
 * A back-fill batch: the last copy of each id wins (as later records supersede earlier ones),
 * then oldest first, so the table and the index are written in ascending key order.
 */
function forBulk(records: readonly SmsMessage[]): SmsMessage[] {
  const latest = new Map<string, SmsMessage>()
  for (const r of records) {
    latest.delete(r.id)
    latest.set(r.id, r)
  }
  return [...latest.values()].sort((a, b) => a.date - b.date)
}

/** The sync engine's port (sync/ports.ts), on the archive. */
export class SyncRepository implements SyncArchive {
  constructor(
    private readonly sql: StatementCache,
    private readonly devices: DeviceDirectory,
    private readonly writer: MessageWriter,
    private readonly index: SearchIndex,
    private readonly contacts: ContactsRepository,
  ) {}

  readonly state = (deviceId: DeviceId): SyncState => {
    const ctx = this.devices.get(deviceId)
    const row = this.sql
      .get<[number], SyncRow>('SELECT * FROM sync_state WHERE device_key = ?')
      .get(ctx.key)
    if (row === undefined) throw new Error('a device has no sync_state row')
    return {
      watermark: row.watermark,
      recent: { cursor: row.recent_cursor, done: row.recent_done === 1 },
      history: {
        cursor: row.history_cursor,
        started: row.history_started === 1,
        done: row.history_done === 1,
        total: row.history_total,
        received: row.history_received,
      },
      contactsSyncedAt: row.contacts_synced_at,
    }
  }

  /** A `sync.batch` of scope `recent`: the newest messages of every conversation (bulk path). */
  /** Heads (one message per conversation) are written like recent ones, with no position. */
  readonly applyHeads = (deviceId: DeviceId, batch: SyncBatch): ApplyResult => {
    this.requireScope(batch, 'recent')
    return this.applyBatch(deviceId, batch, () => undefined)
  }

  readonly applyRecent = (deviceId: DeviceId, batch: SyncBatch): ApplyResult => {
    this.requireScope(batch, 'recent')
    return this.applyBatch(deviceId, batch, (ctx) => {
      this.sql
        .get<[string | null, number, number]>(
          'UPDATE sync_state SET recent_cursor = ?, recent_done = ? WHERE device_key = ?',
        )
        .run(batch.cursor, batch.cursor === null ? 1 : 0, ctx.key)
    })
  }

  /** A `sync.batch` of scope `history`: the back-fill, newest first (bulk path). */
  readonly applyHistory = (deviceId: DeviceId, batch: SyncBatch): ApplyResult => {
    this.requireScope(batch, 'history')
    return this.applyBatch(deviceId, batch, (ctx) => {
      this.sql
        .get<[string | null, number, number, number, number]>(
          `UPDATE sync_state SET history_started = 1, history_cursor = ?, history_done = ?,
             history_total = ?, history_received = history_received + ? WHERE device_key = ?`,
        )
        .run(
          batch.cursor,
          batch.cursor === null ? 1 : 0,
          batch.total,
          batch.messages.length,
          ctx.key,
        )
    })
  }

  /** A `sync.changes` page, applied in order, with the watermark it carries. */
  readonly applyChanges = (deviceId: DeviceId, page: ChangesPage): ApplyResult => {
    const ctx = this.devices.get(deviceId)
    return this.live(ctx, page.watermark, (s) => {
      for (const change of page.changes) {
        if (change.op === 'upsert') this.writer.upsert(s, ctx, change.message)
        else this.writer.deleteByPhoneId(s, ctx, change.id)
      }
      if (page.reset) {
        // The phone's journal no longer reaches our watermark: a history pass from the start
        // must run (PROTOCOL.md §9.3); recording that here makes it survive a restart.
        this.sql
          .get<[number]>(
            `UPDATE sync_state SET history_cursor = NULL, history_started = 0, history_done = 0,
               history_received = 0 WHERE device_key = ?`,
          )
          .run(ctx.key)
      }
    })
  }

  /** A live `message.new`, `message.changed` or `message.deleted` push. */
  readonly applyPush = (deviceId: DeviceId, push: MessagePush): ApplyResult => {
    const ctx = this.devices.get(deviceId)
    return this.live(ctx, push.body.watermark, (s) => {
      if (push.type === 'message.deleted') this.writer.deleteByPhoneId(s, ctx, push.body.id)
      else this.writer.upsert(s, ctx, push.body.message)
    })
  }

  /** The phone's whole address book; conversation titles follow it. */
  readonly replaceContacts = (deviceId: DeviceId, contacts: readonly Contact[]): ApplyResult =>
    touchedOnly(this.contacts.replaceAll(deviceId, contacts).retitled)

  /** Messages outside any sync exchange (imports, benchmarks), with an explicit index mode. */
  readonly upsertMessages = (
    deviceId: DeviceId,
    records: readonly SmsMessage[],
    mode: IndexMode,
  ): WriteSummary => {
    const ctx = this.devices.get(deviceId)
    const ordered = mode === 'deferred' ? forBulk(records) : records
    return this.writer.transaction(mode, (s) => {
      this.writer.prefetch(s, ctx, ordered)
      for (const r of ordered) this.writer.upsert(s, ctx, r)
    }).summary
  }

  readonly deleteMessages = (deviceId: DeviceId, phoneIds: readonly string[]): WriteSummary => {
    const ctx = this.devices.get(deviceId)
    return this.writer.transaction('live', (s) => {
      for (const id of phoneIds) this.writer.deleteByPhoneId(s, ctx, id)
    }).summary
  }

  private applyBatch(
    deviceId: DeviceId,
    batch: SyncBatch,
    position: (ctx: DeviceContext) => void,
  ): ApplyResult {
    const ctx = this.devices.get(deviceId)
    const records = forBulk(batch.messages)
    const { summary } = this.writer.transaction('deferred', (s) => {
      this.writer.prefetch(s, ctx, records)
      for (const r of records) this.writer.upsert(s, ctx, r)
      position(ctx)
    })
    // The rebuild runs after the batch committed: a crash in between leaves the dirty flag,
    // which startup recovery finds.
    const finished = batch.cursor === null
    const rebuild =
      finished && this.index.isDirty() && this.index.state().backfillsPending.length === 0
    if (rebuild) this.index.rebuild()
    return { ...summary, indexRebuilt: rebuild }
  }

  private live(
    ctx: DeviceContext,
    watermark: string,
    apply: (s: WriteSession) => void,
  ): ApplyResult {
    const { summary } = this.writer.transaction('live', (s) => {
      apply(s)
      this.sql
        .get<[string, number]>('UPDATE sync_state SET watermark = ? WHERE device_key = ?')
        .run(watermark, ctx.key)
    })
    return { ...summary, indexRebuilt: false }
  }

  private requireScope(batch: SyncBatch, scope: 'recent' | 'history'): void {
    if (batch.scope !== scope)
      throw new InvalidInputError('wrong_scope', `expected a ${scope} batch`)
  }
}

/** The address book was replaced in full at `at` (the contacts module commits it). */
export function markContactsSynced(sql: StatementCache, deviceKey: number, at: number): void {
  sql
    .get<[number, number]>('UPDATE sync_state SET contacts_synced_at = ? WHERE device_key = ?')
    .run(at, deviceKey)
}
