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
      version: 2,
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
    expect(pragma(raw, 'user_version')).toBe(1)
    const half = raw.prepare("SELECT name FROM sqlite_schema WHERE name = 'half_done'").get()
    expect(half).toBeUndefined()
    raw.close()
  })

  it('applies a later migration to an existing file, and only that one', () => {
    const path = join(dir, 'upgrade.db')
    openArchive(path, clock).close()
    let runs = 0
    const second: Migration = {
      version: 2,
      name: 'adds a table',
      up(db) {
        runs += 1
        db.exec('CREATE TABLE templates (id INTEGER PRIMARY KEY, text TEXT NOT NULL) STRICT')
      },
    }
    const upgraded = openArchiveWith(path, clock, [...MIGRATIONS, second])
    expect(upgraded.schemaVersion).toBe(2)
    upgraded.close()
    openArchiveWith(path, clock, [...MIGRATIONS, second]).close()
    expect(runs).toBe(1)
  })

  it('refuses a migration list with a gap (a programming error)', () => {
    const skipped: Migration = { version: 3, name: 'skips 2', up: () => undefined }
    expect(() => openArchiveWith(':memory:', clock, [...MIGRATIONS, skipped])).toThrow(/numbered/)
  })
})
