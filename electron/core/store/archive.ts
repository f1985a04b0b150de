// openArchive: the composition of the store. Opens the file, migrates it, and wires the
// repositories; nothing else happens here.
import { AttachmentsRepository } from './attachments/attachments'
import { ContactsRepository } from './contacts/contacts'
import { ConversationsRepository } from './conversations/conversations'
import type { Db } from './db/db'
import { StatementCache, openConnection, writeTx } from './db/db'
import { DeviceDirectory, DevicesRepository } from './devices/devices'
import type { DeviceContext } from './devices/devices'
import { MessageMapper } from './messages/message-rows'
import { ImportWriter } from './messages/import-writer'
import { MessageWriter } from './messages/message-writer'
import { ImportsRepository } from './imports/imports'
import { FtsSync } from './search/fts-sync'
import { MessagesRepository } from './messages/messages'
import { MIGRATIONS, expectVersion, migrate } from './migrations'
import type { Migration } from './migrations'
import { OutboxLinks } from '../outbox/links'
import { OutboxRepository } from '../outbox/repository'
import { SearchRepository } from './search/search'
import { SearchIndex } from './search/search-index'
import { SyncRepository } from './sync/sync'
import { TermExpander } from './search/term-expander'
import { ThreadStore } from './conversations/threads'
import { TitleResolver } from './conversations/titles'

export interface ArchiveOptions {
  /** Milliseconds since the epoch. Injected so tests and benchmarks control time. */
  readonly clock: () => number
  /**
   * A reader beside the connection that writes: the file must already be migrated, and SQLite
   * refuses any write on this connection (query_only), so a write sent to it by mistake fails
   * loudly instead of racing the writer.
   */
  readonly readOnly?: boolean
}

export interface Archive {
  readonly schemaVersion: number
  readonly devices: DevicesRepository
  /** Sync positions, and the atomic application of what the phone sends. */
  readonly sync: SyncRepository
  readonly conversations: ConversationsRepository
  readonly messages: MessagesRepository
  readonly contacts: ContactsRepository
  readonly outbox: OutboxRepository
  readonly attachments: AttachmentsRepository
  readonly search: SearchRepository
  readonly searchIndex: SearchIndex
  /** Backup files imported into a phone's archive, and their progress. */
  readonly imports: ImportsRepository
  /**
   * Runs `fn` in one read transaction, so a read made of several statements (a search page, its
   * total and its conversations) sees one state of the file while another connection writes.
   */
  snapshot<T>(fn: () => T): T
  /** Changes whenever this connection re-read the devices table (see `reloadDevices`). */
  devicesVersion(): number
  /** Re-reads the devices table: another connection changed it. */
  reloadDevices(): void
  close(): void
}

/**
 * Deletes one device's rows in one transaction. The index is marked dirty first, so the
 * deleted rows need no row-by-row index deletes; it is rebuilt at once unless another phone's
 * back-fill is still loading (that one's end rebuilds it).
 */
function removeDevice(db: Db, sql: StatementCache, index: SearchIndex, ctx: DeviceContext): void {
  writeTx(db, () => {
    index.markDirtyInTransaction()
    const tables = ['outbox', 'attachment_data', 'attachments', 'messages', 'threads']
    for (const table of [...tables, 'contact_numbers', 'contacts', 'sync_state']) {
      sql.get<[number]>(`DELETE FROM ${table} WHERE device_key = ?`).run(ctx.key)
    }
    sql.get<[number]>('DELETE FROM devices WHERE key = ?').run(ctx.key)
    if (index.state().backfillsPending.length === 0) index.rebuildInTransaction()
  })()
}

// The raw connection of an open archive, for tests and benchmarks that inspect the file
// (integrity checks, invariants recomputed with GROUP BY). Not part of the public surface.
const connections = new WeakMap<Archive, Db>()

export function databaseOf(archive: Archive): Db {
  const db = connections.get(archive)
  if (db === undefined) throw new Error('not an open archive')
  return db
}

/** For tests of the migration runner: open with a given list of migrations. */
export function openArchiveWith(
  path: string,
  options: ArchiveOptions,
  migrations: readonly Migration[],
): Archive {
  const db = openConnection(path)
  const readOnly = options.readOnly === true
  let schemaVersion: number
  try {
    if (readOnly) {
      schemaVersion = expectVersion(db, migrations)
    } else {
      schemaVersion = migrate(db, migrations)
      // Recommended for long-lived connections: refresh planner statistics where they are stale.
      db.pragma('optimize = 0x10002')
    }
  } catch (error) {
    db.close()
    throw error
  }
  const { clock } = options
  const sql = new StatementCache(db)
  const directory = new DeviceDirectory(sql)
  const titles = new TitleResolver(sql)
  const searchIndex = new SearchIndex(db, sql, clock)
  // The outbox follows what the messages writer records of texts sent from here.
  const links = new OutboxLinks(sql, clock)
  const threads = new ThreadStore(sql, titles)
  const writer = new MessageWriter(db, sql, threads, searchIndex, links)
  const mapper = (): MessageMapper => new MessageMapper(sql, directory, titles)
  const messages = new MessagesRepository(sql, mapper)
  const conversations = new ConversationsRepository(sql, directory)
  const contacts = new ContactsRepository(db, sql, directory, titles, clock)
  const devices = new DevicesRepository(db, sql, directory, (ctx) => {
    removeDevice(db, sql, searchIndex, ctx)
  })
  const importer = new ImportWriter(sql, new FtsSync(sql), threads)
  const archive: Archive = {
    schemaVersion,
    devices,
    imports: new ImportsRepository(
      db,
      sql,
      directory,
      devices,
      writer,
      importer,
      searchIndex,
      clock,
    ),
    sync: new SyncRepository(sql, directory, writer, searchIndex, contacts),
    conversations,
    messages,
    contacts,
    outbox: new OutboxRepository(db, sql, directory, writer, messages, clock),
    attachments: new AttachmentsRepository(sql, directory, clock),
    search: new SearchRepository(
      sql,
      directory,
      conversations,
      searchIndex,
      mapper,
      new TermExpander(db, sql),
    ),
    searchIndex,
    snapshot: (fn) => db.transaction(fn).deferred(),
    devicesVersion: () => directory.version,
    reloadDevices: () => {
      directory.reload()
    },
    close: () => {
      if (!readOnly) db.pragma('optimize')
      db.close()
    },
  }
  // After the repositories are built: the search keeps a per-connection temp table.
  if (readOnly) db.pragma('query_only = ON')
  connections.set(archive, db)
  return archive
}

/**
 * Opens (creating if needed) the archive at `path`, or an in-memory one for ':memory:'.
 * Throws ArchiveOpenError for a file from a newer build or from another application.
 * A search index left dirty by an interrupted back-fill is not rebuilt here (that takes
 * seconds on large archives); call `searchIndex.rebuildIfDirty()` when the app can afford it.
 */
export function openArchive(path: string, options: ArchiveOptions): Archive {
  return openArchiveWith(path, options, MIGRATIONS)
}
