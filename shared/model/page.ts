import type { Cursor } from './cursor'

/**
 * One page of a list, in the order the list is shown. `older` fetches the adjacent page towards
 * the past, `newer` the one towards the present; each is null when nothing more lies that way.
 * A conversation's messages are shown oldest first; conversations and search hits newest first.
 */
export interface Page<T> {
  readonly items: readonly T[]
  readonly older: Cursor | null
  readonly newer: Cursor | null
}
