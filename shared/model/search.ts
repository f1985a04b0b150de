// Search as the renderer asks for it and sees it. The query crosses the trust boundary from the
// renderer, so it has a schema; the results are built by the core.
import { z } from 'zod'
import { timestamp } from '../protocol/messages/common'
import type { Conversation } from './conversation'
import { cursorSchema } from './cursor'
import type { Cursor } from './cursor'
import { deviceIdSchema, rowIdSchema } from './ids'
import type { ConversationId, DeviceId, MessageId } from './ids'
import type { Direction, Participant } from './message'

export const MAX_SEARCH_TEXT = 256
export const MAX_SEARCH_PAGE = 100

export const searchQuerySchema = z
  .object({
    /** Raw text as typed; never interpreted as query syntax. */
    text: z.string().max(MAX_SEARCH_TEXT),
    deviceId: deviceIdSchema.optional(),
    conversationId: rowIdSchema.optional(),
    /** Inclusive lower bound on the message date. */
    from: timestamp.optional(),
    /** Exclusive upper bound on the message date. */
    to: timestamp.optional(),
    direction: z.enum(['incoming', 'outgoing']).optional(),
    /** From a previous page's `older`; absent for the first page. */
    cursor: cursorSchema.optional(),
    limit: z.int().min(1).max(MAX_SEARCH_PAGE),
    /** Count the hits (capped); ask on the first page only. */
    withTotal: z.boolean(),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from < q.to, {
    message: 'from must be before to',
  })

export type SearchQuery = z.infer<typeof searchQuerySchema>

/** A run of snippet text; `match` runs are the parts to highlight. Plain text, never markup. */
export interface Segment {
  readonly text: string
  readonly match: boolean
}

export interface SearchHit {
  readonly messageId: MessageId
  /** With messageId, what `messages.around` needs to open the thread scrolled to the hit. */
  readonly conversationId: ConversationId
  readonly deviceId: DeviceId
  readonly conversationTitle: string
  readonly date: number
  readonly direction: Direction
  readonly sender: Participant | null
  readonly segments: readonly Segment[]
  /** The snippet starts after the start of the body / ends before its end (show an ellipsis). */
  readonly truncatedStart: boolean
  readonly truncatedEnd: boolean
}

/**
 * A conversation found by a contact's name or a participant's number (first page only; a few,
 * exact matches first, then the most recent).
 */
export interface ConversationHit {
  readonly conversation: Conversation
  readonly matchedBy: 'name' | 'number'
}

export interface SearchTotal {
  readonly count: number
  /** True when counting stopped at the cap: show "10,000+". */
  readonly capped: boolean
}

export interface SearchPage {
  readonly hits: readonly SearchHit[]
  readonly older: Cursor | null
  readonly total: SearchTotal | null
  readonly conversations: readonly ConversationHit[]
  /**
   * True while the history back-fill is loading without index maintenance (or a rebuild is
   * pending): results may miss messages until the index is rebuilt.
   */
  readonly indexing: boolean
  /** The text held nothing searchable (only spaces or punctuation). */
  readonly empty: boolean
}
