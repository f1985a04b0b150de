import type { Db } from '../db/db'

/** One schema step. Only up: a release never edits a shipped migration, it adds the next one. */
export interface Migration {
  readonly version: number
  readonly name: string
  /**
   * Rebuilds a table others reference: runs with foreign keys off (they cannot be switched
   * inside a transaction) and checks every reference before it commits.
   */
  readonly foreignKeysOff?: boolean
  up(db: Db): void
}
