// A loaded window of one conversation: message ids oldest first, with cursors to grow it either
// way. Merging keeps the order by (date, id) and counts what lands before the first row, because
// the virtual list keeps the reader's place across a prepend only if it is told how many rows
// were added above (react-virtuoso's firstItemIndex).
import type { ArchivedMessage, ConversationId, Cursor, MessageId, Page } from '../../shared/model'
import { without } from './records'

/** Large enough that a 1M-message thread can be prepended page by page without reaching 0. */
export const FIRST_INDEX = 10_000_000

export interface Thread {
  readonly conversationId: ConversationId
  readonly ids: readonly MessageId[]
  readonly byId: Readonly<Record<MessageId, ArchivedMessage>>
  readonly older: Cursor | null
  readonly newer: Cursor | null
  /** The virtual index of ids[0]; it decreases by the number of rows prepended. */
  readonly firstIndex: number
  readonly status: 'loading' | 'ready' | 'error'
  readonly error: string | null
  readonly loadingOlder: boolean
  readonly loadingNewer: boolean
  /** A message to show scrolled into view and highlighted (a search hit). */
  readonly focusId: MessageId | null
  /** Bumped whenever the window is replaced, so the view starts again at the right place. */
  readonly version: number
}

export function loadingThread(conversationId: ConversationId, version: number): Thread {
  return {
    conversationId,
    ids: [],
    byId: {},
    older: null,
    newer: null,
    firstIndex: FIRST_INDEX,
    status: 'loading',
    error: null,
    loadingOlder: false,
    loadingNewer: false,
    focusId: null,
    version,
  }
}

export function threadFromPage(
  conversationId: ConversationId,
  page: Page<ArchivedMessage>,
  focusId: MessageId | null,
  version: number,
): Thread {
  const base = { ...loadingThread(conversationId, version), older: page.older, newer: page.newer }
  return { ...mergeMessages(base, page.items, false), status: 'ready', focusId }
}

const before = (a: ArchivedMessage, b: ArchivedMessage) =>
  a.date !== b.date ? a.date < b.date : a.id < b.id

/**
 * Upserts messages. With `bounded`, a new message outside the loaded window is left for paging
 * to bring (it would otherwise leave a gap in the middle of the list).
 */
export function mergeMessages(
  thread: Thread,
  messages: readonly ArchivedMessage[],
  bounded: boolean,
): Thread {
  if (messages.length === 0) return thread
  const byId: Record<MessageId, ArchivedMessage> = { ...thread.byId }
  const ids = [...thread.ids]
  const anchor = thread.ids[0]
  for (const m of messages) {
    if (m.conversationId !== thread.conversationId) continue
    if (byId[m.id] !== undefined) {
      byId[m.id] = m
      continue
    }
    const first = ids.length > 0 ? byId[ids[0] ?? -1] : undefined
    const last = ids.length > 0 ? byId[ids[ids.length - 1] ?? -1] : undefined
    if (bounded && first !== undefined && thread.older !== null && before(m, first)) continue
    if (bounded && last !== undefined && thread.newer !== null && before(last, m)) continue
    ids.splice(insertionPoint(ids, byId, m), 0, m.id)
    byId[m.id] = m
  }
  // The old first row keeps its virtual index: everything that landed above it is counted.
  const prepended = anchor === undefined ? 0 : ids.indexOf(anchor)
  return { ...thread, ids, byId, firstIndex: thread.firstIndex - prepended }
}

function insertionPoint(
  ids: readonly MessageId[],
  byId: Readonly<Record<MessageId, ArchivedMessage>>,
  m: ArchivedMessage,
): number {
  let lo = 0
  let hi = ids.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    const other = byId[ids[mid] ?? -1]
    if (other !== undefined && before(other, m)) lo = mid + 1
    else hi = mid
  }
  return lo
}

export function removeMessage(thread: Thread, id: MessageId): Thread {
  if (thread.byId[id] === undefined) return thread
  return { ...thread, ids: thread.ids.filter((x) => x !== id), byId: without(thread.byId, id) }
}
