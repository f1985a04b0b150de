import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { databaseOf, openArchive, openArchiveWith } from '../archive'
import { ArchiveOpenError } from '../errors'
import { MIGRATIONS, APPLICATION_ID } from '../migrations'
import type { Migration } from '../migrations'
import { DEVICE_A, addDevice, openTestArchive, sms } from './support'

const clock = { clock: () => 1_700_000_000_000 }
let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'textbridge-archive-'))
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

function pragma(db: Database.Database, name: string): unknown {
  return db.pragma(name, { simple: true })
}

describe('migrations', () => {
  it('creates the schema in memory with the connection pragmas', () => {
    const { archive } = openTestArchive()
    const db = databaseOf(archive)
    expect(archive.schemaVersion).toBe(MIGRATIONS.length)
    expect(pragma(db, 'user_version')).toBe(MIGRATIONS.length)
    expect(pragma(db, 'application_id')).toBe(APPLICATION_ID)
    expect(pragma(db, 'foreign_keys')).toBe(1)
    expect(pragma(db, 'journal_mode')).toBe('memory')
    archive.close()
  })

  it('makes every ordinary table STRICT', () => {
    const { archive } = openTestArchive()
    const tables = databaseOf(archive)
      .prepare<[], { name: string; strict: number }>(
        `SELECT name, strict FROM pragma_table_list
         WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'
           AND name NOT LIKE 'messages_fts%'`,
      )
      .all()
    expect(tables.length).toBeGreaterThan(8)
    for (const t of tables)
      expect({ table: t.name, strict: t.strict }).toEqual({ table: t.name, strict: 1 })
    archive.close()
  })

  it('creates a WAL file, and reopening it keeps the data without migrating again', () => {
    const path = join(dir, 'archive.db')
    const first = openArchive(path, clock)
    expect(pragma(databaseOf(first), 'journal_mode')).toBe('wal')
    expect(pragma(databaseOf(first), 'synchronous')).toBe(1) // NORMAL
    expect(pragma(databaseOf(first), 'busy_timeout')).toBe(5000)
    addDevice(first)
    first.sync.applyPush(DEVICE_A, {
      type: 'message.new',
      body: { message: sms(1), watermark: 'w1' },
    })
    first.close()

    const second = openArchive(path, clock)
    expect(second.schemaVersion).toBe(MIGRATIONS.length)
    expect(second.sync.state(DEVICE_A).watermark).toBe('w1')
    expect(second.conversations.list({}, null, 10).items).toHaveLength(1)
    second.close()
  })

  it('upgrades a version-1 archive to imports and drafts, keeping every row and reference', () => {
    const path = join(dir, 'v1.db')
    // Written with SQL of the first schema: today's write path already needs the second.
    openArchiveWith(path, clock, MIGRATIONS.slice(0, 1)).close()
    const raw = new Database(path)
    raw.exec(`
      INSERT INTO devices (key, id, name, public_key, sims_json, paired_at, contacts_generation)
        VALUES (1, '${DEVICE_A}', 'Phone', zeroblob(32), '[]', 0, 0);
      INSERT INTO threads (id, device_key, participant_key, participants_json, title, title_fold,
          number_terms, message_count, unread_count, read_up_to, last_sort_key)
        VALUES (1, 1, '["+447700900123"]', '[]', 'A', 'a', '', 2, 0, 0, 2048);
      INSERT INTO messages (sort_key, id, device_key, thread_id, phone_id, kind, box,
          addresses_json, date, body, search_keys, phone_read, status, part_count)
        VALUES (1024, 1, 1, 1, 'sms:1', 'sms', 'inbox', '[]', 1, 'hello', '', 1, 'none', 0),
          (2048, 2, 1, 1, 'mms:2', 'mms', 'inbox', '[]', 2, 'coffee at noon', '', 1, 'none', 1);
      INSERT INTO messages_fts (rowid, body, search_keys)
        SELECT sort_key, body, search_keys FROM messages;
      INSERT INTO attachments (device_key, message_id, part_id, seq, mime) VALUES (1, 2, 'p1', 0, 'image/png');
      INSERT INTO outbox (device_key, message_id, send_key, state, recipients_json, attempts,
          created_at, updated_at) VALUES (1, 1, 'k1', 'sent', '[]', 1, 0, 0);`)
    raw.close()

    const upgraded = openArchive(path, clock)
    const db = databaseOf(upgraded)
    expect(upgraded.schemaVersion).toBe(MIGRATIONS.length)
    expect(pragma(db, 'foreign_keys')).toBe(1)
    expect(db.prepare('SELECT count(*) AS n FROM messages').get()).toEqual({ n: 2 })
    expect(db.prepare('SELECT count(*) AS n FROM attachments').get()).toEqual({ n: 1 })
    expect(db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 1 })
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([])
    expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' })
    // The search index still points at the same rows: sort keys survive the rebuild.
    const page = upgraded.search.query({ text: 'coffee', limit: 10, withTotal: true })
    expect(page.hits.map((h) => h.segments.map((seg) => seg.text).join(''))).toEqual([
      'coffee at noon',
    ])
    upgraded.close()
  })

  it('refuses a file whose schema is newer than this build, and leaves it untouched', () => {
    const path = join(dir, 'future.db')
    openArchive(path, clock).close()
    const raw = new Database(path)
    raw.pragma('user_version = 99')
    raw.close()

    expect(() => openArchive(path, clock)).toThrow(ArchiveOpenError)
    try {
      openArchive(path, clock)
    } catch (error) {
      expect(error).toMatchObject({ name: 'ArchiveOpenError', code: 'future_schema' })
    }
    const check = new Database(path)
    expect(pragma(check, 'user_version')).toBe(99)
    check.close()
  })

  it("refuses another application's database", () => {
    const path = join(dir, 'other.db')
    const raw = new Database(path)
    raw.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)')
    raw.close()
    expect(() => openArchive(path, clock)).toThrow(
      expect.objectContaining({ code: 'not_an_archive' }),
    )
  })

  it('runs each migration in one transaction with its user_version', () => {
    const path = join(dir, 'partial.db')
    const failing: Migration = {
      version: MIGRATIONS.length + 1,
      name: 'fails half-way',
      up(db) {
        db.exec('CREATE TABLE half_done (id INTEGER PRIMARY KEY) STRICT')
        throw new Error('disk on fire')
      },
    }
    expect(() => openArchiveWith(path, clock, [...MIGRATIONS, failing])).toThrow(
      expect.objectContaining({ code: 'migration_failed' }),
    )
    const raw = new Database(path)
    expect(pragma(raw, 'user_version')).toBe(MIGRATIONS.length)
    const half = raw.prepare("SELECT name FROM sqlite_schema WHERE name = 'half_done'").get()
    expect(half).toBeUndefined()
    raw.close()
  })

  it('applies a later migration to an existing file, and only that one', () => {
    const path = join(dir, 'upgrade.db')
    openArchive(path, clock).close()
    let runs = 0
    const second: Migration = {
      version: MIGRATIONS.length + 1,
      name: 'adds a table',
      up(db) {
        runs += 1
        db.exec('CREATE TABLE templates (id INTEGER PRIMARY KEY, text TEXT NOT NULL) STRICT')
      },
    }
    const upgraded = openArchiveWith(path, clock, [...MIGRATIONS, second])
    expect(upgraded.schemaVersion).toBe(MIGRATIONS.length + 1)
    upgraded.close()
    openArchiveWith(path, clock, [...MIGRATIONS, second]).close()
    expect(runs).toBe(1)
  })

  it('refuses a migration list with a gap (a programming error)', () => {
    const skipped: Migration = {
      version: MIGRATIONS.length + 2,
      name: 'skips one',
      up: () => undefined,
    }
    expect(() => openArchiveWith(':memory:', clock, [...MIGRATIONS, skipped])).toThrow(/numbered/)
  })
})
