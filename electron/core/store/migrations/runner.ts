// Numbered, forward-only migrations: each runs in its own transaction
// together with the user_version it reaches, so a crash leaves the file at a whole version.
// A file from a newer build is refused, never "repaired" downwards.
import type { Db } from '../db/db'
import { ArchiveOpenError } from '../errors'
import type { Migration } from './types'

/** PRAGMA application_id of a Textbridge archive ('TBar'): tells our files from others. */
export const APPLICATION_ID = 0x54426172

function pragmaInt(db: Db, name: 'user_version' | 'application_id' | 'foreign_keys'): number {
  const value = db.pragma(name, { simple: true })
  if (typeof value !== 'number') throw new Error(`PRAGMA ${name} returned ${typeof value}`)
  return value
}

function checkList(migrations: readonly Migration[]): number {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${i + 1} is numbered ${m.version}`)
  })
  return migrations.length
}

/** With foreign keys off, nothing else notices a dangling reference: look before committing. */
function checkReferences(db: Db): void {
  const broken = db.prepare<[], { table: string }>('PRAGMA foreign_key_check').get()
  if (broken !== undefined) throw new Error(`a reference from ${broken.table} would dangle`)
}

function isEmptyDatabase(db: Db): boolean {
  const row = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM sqlite_schema').get()
  return row?.n === 0
}

/** Brings the schema up to the newest version. Returns the version the file is now at. */
export function migrate(db: Db, migrations: readonly Migration[]): number {
  const latest = checkList(migrations)
  const appId = pragmaInt(db, 'application_id')
  const current = pragmaInt(db, 'user_version')
  const ours = appId === APPLICATION_ID || (appId === 0 && current === 0 && isEmptyDatabase(db))
  if (!ours) throw new ArchiveOpenError('not_an_archive', `application_id ${appId}`)
  if (current > latest) {
    throw new ArchiveOpenError(
      'future_schema',
      `archive schema ${current} is newer than this build's ${latest}`,
    )
  }
  for (const m of migrations.slice(current)) {
    const step = db.transaction(() => {
      m.up(db)
      if (m.foreignKeysOff === true) checkReferences(db)
      // Pragmas take no parameters; both values are integers from this module.
      db.pragma(`application_id = ${APPLICATION_ID}`)
      db.pragma(`user_version = ${m.version}`)
    })
    const restoreKeys = m.foreignKeysOff === true && pragmaInt(db, 'foreign_keys') === 1
    if (restoreKeys) db.pragma('foreign_keys = OFF')
    try {
      step.immediate()
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error)
      const failure = new ArchiveOpenError(
        'migration_failed',
        `migration ${m.version} (${m.name}) failed: ${detail}`,
      )
      failure.cause = error
      throw failure
    } finally {
      if (restoreKeys) db.pragma('foreign_keys = ON')
    }
  }
  return latest
}

/**
 * For a second connection to a file another connection has already migrated: checks that it is
 * ours and at exactly this build's version, without writing anything.
 */
export function expectVersion(db: Db, migrations: readonly Migration[]): number {
  const latest = checkList(migrations)
  const appId = pragmaInt(db, 'application_id')
  const current = pragmaInt(db, 'user_version')
  if (appId !== APPLICATION_ID)
    throw new ArchiveOpenError('not_an_archive', `application_id ${appId}`)
  if (current > latest) throw new ArchiveOpenError('future_schema', `archive schema ${current}`)
  if (current < latest) throw new ArchiveOpenError('migration_failed', 'not migrated yet')
  return latest
}
