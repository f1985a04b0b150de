// Paging cursors are opaque to the renderer: it only hands back what a page gave it. They encode
// a position in the archive's time order (date, then arrival order for equal dates), never an
// OFFSET, so a page fetch is one index seek however deep the list is.
import { z } from 'zod'

declare const cursorBrand: unique symbol
export type Cursor = string & { readonly [cursorBrand]: true }

/** Which list a cursor belongs to; a cursor from one list is refused by the others. */
export type CursorList = 'message' | 'conversation' | 'search'
/** `older`: items strictly before the position; `newer`: strictly after it. */
export type CursorDirection = 'older' | 'newer'

export interface CursorParts {
  readonly list: CursorList
  readonly direction: CursorDirection
  readonly position: number
}

const LIST_CODE: Record<CursorList, string> = { message: 'm', conversation: 'c', search: 's' }
const DIRECTION_CODE: Record<CursorDirection, string> = { older: 'o', newer: 'n' }
const CURSOR_PATTERN = /^([mcs])([on])([0-9a-z]{1,11})$/

export const cursorSchema = z
  .string()
  .regex(CURSOR_PATTERN)
  .transform((s) => s as Cursor)

export function encodeCursor(parts: CursorParts): Cursor {
  if (!Number.isSafeInteger(parts.position) || parts.position < 0) {
    throw new RangeError('cursor position must be a non-negative safe integer')
  }
  const text = `${LIST_CODE[parts.list]}${DIRECTION_CODE[parts.direction]}${parts.position.toString(36)}`
  return text as Cursor
}

/** Returns null for anything that is not a well-formed cursor; callers raise their own error. */
export function decodeCursor(text: string): CursorParts | null {
  const m = CURSOR_PATTERN.exec(text)
  if (m === null) return null
  const [, listCode, dirCode, digits] = m
  const position = parseInt(digits ?? '', 36)
  if (!Number.isSafeInteger(position)) return null
  const list: CursorList =
    listCode === 'm' ? 'message' : listCode === 'c' ? 'conversation' : 'search'
  const direction: CursorDirection = dirCode === 'o' ? 'older' : 'newer'
  return { list, direction, position }
}
