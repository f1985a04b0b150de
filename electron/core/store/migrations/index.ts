// The ordered list of schema versions; append, never edit a shipped one.
import { migration001 } from './001-initial'
import { migration002 } from './002-imports'
import { migration003 } from './003-picture-messages'
import type { Migration } from './types'

export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003]
export { expectVersion, migrate, APPLICATION_ID } from './runner'
export type { Migration } from './types'
