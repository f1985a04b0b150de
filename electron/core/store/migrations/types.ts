import type { Db } from '../db/db'

/** One schema step. Only up: a release never edits a shipped migration, it adds the next one. */
export interface Migration {
  readonly version: number
  readonly name: string
  up(db: Db): void
}
