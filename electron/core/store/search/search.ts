// Full-text search as the user types: newest first (the FTS rowid is the time-ordered sort key,
// so a page is a backwards walk of the index that stops after `limit` hits; no bm25, which
// costs ~166 ms on short prefixes), paged by key, filtered, counted up to a cap.
import { encodeCursor } from '../../../../shared/model/cursor'
import { searchQuerySchema } from '../../../../shared/model/search'
import type {
  SearchHit,
  SearchPage,
  SearchQuery,
  SearchTotal,
} from '../../../../shared/model/search'
import type { StatementCache } from '../db/db'
import type { DeviceContext, DeviceDirectory } from '../devices/devices'
import type { ConversationsRepository } from '../conversations/conversations'
import { participantsSchema } from '../conversations/titles'
import type { Participant } from '../../../../shared/model/message'
import { parseJsonColumn } from '../db/json'
import { InvalidInputError } from '../errors'
import { snippetFor } from './highlight'
import type { MessageMapper } from '../messages/message-rows'
import { readCursor } from '../db/paging'
import { PeopleSearch } from './people'
import type { SearchIndex } from './search-index'
import { conversationTerm } from './search-keys'
import { compileQuery } from './search-query'
import type { CompiledQuery } from './search-query'
import type { TermExpander } from './term-expander'
import { MAX_SORT_DATE, SLOTS_PER_MS, baseKey } from '../messages/sort-key'

/** Counting stops here; the UI shows "10,000+". */
export const TOTAL_CAP = 10_000

// The largest sort key a message can have: a range up to it with no lower bound holds them all.
const LAST_KEY = (MAX_SORT_DATE + 1) * SLOTS_PER_MS - 1

interface Statements {
  readonly hits: string
  readonly probe: string
  readonly count: string
  readonly countIndex: string
}

// A rowid range costs FTS5 a check on every row it walks (counting 10,000 hits of "th": 0.87 ms
// with an all-keys range, 0.63 ms without), so the range is only written when it bounds.
function statements(bounded: boolean): Statements {
  const range = bounded ? ' AND f.rowid BETWEEN @lo AND @hi' : ''
  const filters = `messages_fts MATCH @match${range}
  AND (@device IS NULL OR m.device_key = @device)
  AND (@thread IS NULL OR m.thread_id = @thread)
  AND (@incoming IS NULL OR (m.box = 'inbox') = @incoming)`
  return {
    // CROSS JOIN keeps the FTS index as the outer loop: results come out in rowid order and the
    // walk stops at the limit, whatever the filters.
    hits: `SELECT m.sort_key, m.id, m.thread_id, m.device_key, m.box, m.sender, m.date, m.body,
    t.title, t.participants_json
  FROM messages_fts f CROSS JOIN messages m ON m.sort_key = f.rowid
  JOIN threads t ON t.id = m.thread_id
  WHERE ${filters} ORDER BY f.rowid DESC LIMIT @limit`,
    // The same matches oldest first, rowids only: see page().
    probe: `SELECT f.rowid FROM messages_fts f CROSS JOIN messages m ON m.sort_key = f.rowid
  JOIN threads t ON t.id = m.thread_id
  WHERE ${filters} ORDER BY f.rowid ASC LIMIT @limit`,
    count: `SELECT count(*) AS n FROM (SELECT 1 FROM messages_fts f CROSS JOIN messages m
  ON m.sort_key = f.rowid WHERE ${filters} LIMIT ${TOTAL_CAP + 1})`,
    // Without device or direction filters a clean index can be counted without the join.
    countIndex: `SELECT count(*) AS n FROM (SELECT 1 FROM messages_fts f
  WHERE messages_fts MATCH @match${range} LIMIT ${TOTAL_CAP + 1})`,
  }
}
const BOUNDED = statements(true)
const UNBOUNDED = statements(false)
const statementsFor = (p: { lo: number; hi: number }): Statements =>
  p.lo <= 0 && p.hi >= LAST_KEY ? UNBOUNDED : BOUNDED
const BY_KEYS = `SELECT m.sort_key, m.id, m.thread_id, m.device_key, m.box, m.sender, m.date, m.body,
    t.title, t.participants_json
  FROM messages m JOIN threads t ON t.id = m.thread_id
  WHERE m.sort_key IN (SELECT value FROM json_each(?)) ORDER BY m.sort_key DESC`
interface Params {
  match: string
  lo: number
  hi: number
  device: number | null
  thread: number | null
  incoming: number | null
}

interface HitRow {
  sort_key: number
  id: number
  thread_id: number
  device_key: number
  box: string
  sender: string | null
  date: number
  body: string
  title: string
  participants_json: string
}

export class SearchRepository {
  private readonly people: PeopleSearch

  constructor(
    private readonly sql: StatementCache,
    private readonly devices: DeviceDirectory,
    conversations: ConversationsRepository,
    private readonly index: SearchIndex,
    private readonly mapper: () => MessageMapper,
    private readonly terms: TermExpander,
  ) {
    this.people = new PeopleSearch(sql, conversations)
  }

  /** `input` is checked against the shared schema: it comes from the renderer. */
  readonly query = (input: SearchQuery): SearchPage => {
    const parsed = searchQuerySchema.safeParse(input)
    if (!parsed.success) throw new InvalidInputError('bad_query', parsed.error.issues[0]?.message)
    const q = parsed.data
    const scope = q.deviceId === undefined ? this.devices.all() : [this.devices.get(q.deviceId)]
    const compiled = compileQuery(q.text, [...new Set(scope.map((d) => d.numbers))], (prefix) =>
      this.terms.expand(prefix),
    )
    const indexing = this.index.isDirty()
    const firstPage = q.cursor === undefined
    const conversations =
      firstPage && q.conversationId === undefined && compiled.people !== null
        ? this.people.find(scope, compiled.people)
        : []
    if (compiled.match === null) {
      return {
        hits: [],
        older: null,
        total: null,
        conversations,
        indexing,
        empty: conversations.length === 0,
      }
    }
    // Inside one conversation, its index term makes FTS5 intersect doclists instead of walking
    // every match in the archive (the thread filter below stays for a dirty index).
    const match =
      q.conversationId === undefined
        ? compiled.match
        : `(${compiled.match}) AND ({search_keys} : "${conversationTerm(q.conversationId)}")`
    const params = this.params(q, match)
    const { rows, complete } = this.page(params, q.limit)
    const page = rows.slice(0, q.limit)
    const last = page[page.length - 1]
    return {
      hits: this.hits(page, compiled),
      older:
        rows.length > q.limit && last !== undefined
          ? encodeCursor({ list: 'search', direction: 'older', position: last.sort_key })
          : null,
      total:
        q.withTotal && firstPage
          ? complete
            ? { count: rows.length, capped: false }
            : this.total(params, indexing)
          : null,
      conversations,
      indexing,
      empty: false,
    }
  }

  private params(q: SearchQuery, match: string): Params {
    let lo = q.from === undefined ? 0 : baseKey(q.from)
    let hi = q.to === undefined ? LAST_KEY : baseKey(q.to) - 1
    if (q.cursor !== undefined) {
      const c = readCursor(q.cursor, 'search')
      if (c.direction !== 'older') throw new InvalidInputError('bad_cursor')
      hi = Math.min(hi, c.position - 1)
    }
    if (q.conversationId !== undefined) {
      // Bound the walk to the conversation's own time span.
      const span = this.sql
        .get<[number, number], { lo: number | null; hi: number | null }>(
          `SELECT (SELECT min(sort_key) FROM messages WHERE thread_id = ?) AS lo,
                  (SELECT max(sort_key) FROM messages WHERE thread_id = ?) AS hi`,
        )
        .get(q.conversationId, q.conversationId)
      // An unknown or empty conversation has no span: nothing can match.
      lo = Math.max(lo, span?.lo ?? Number.MAX_SAFE_INTEGER)
      hi = Math.min(hi, span?.hi ?? -1)
    }
    return {
      match,
      lo,
      hi,
      device: q.deviceId === undefined ? null : this.devices.get(q.deviceId).key,
      thread: q.conversationId ?? null,
      incoming: q.direction === undefined ? null : q.direction === 'incoming' ? 1 : 0,
    }
  }

  /**
   * Up to limit + 1 hits, newest first; `complete` when they are all the matches there are.
   * A query with few matches walks all its doclists whichever way it goes, and FTS5 walks an
   * intersection backwards about half as fast as forwards (a three-word query with no match
   * on 1M messages: 9 ms newest first, 5 ms oldest first). So a forward walk that gives up
   * after limit + 1 matches goes first: a few matches come from it (and their count is the
   * total), many cost it a few dozen rows before the usual newest-first page.
   */
  private page(params: Params, limit: number): { rows: HitRow[]; complete: boolean } {
    const sql = statementsFor(params)
    const keys = this.sql
      .get<[Params & { limit: number }], number>(sql.probe)
      .pluck()
      .all({ ...params, limit: limit + 1 })
    if (keys.length <= limit) {
      const rows =
        keys.length === 0 ? [] : this.sql.get<[string], HitRow>(BY_KEYS).all(JSON.stringify(keys))
      return { rows, complete: true }
    }
    const rows = this.sql
      .get<[Params & { limit: number }], HitRow>(sql.hits)
      .all({ ...params, limit: limit + 1 })
    return { rows, complete: false }
  }

  private total(params: Params, indexing: boolean): SearchTotal {
    const joinNeeded = indexing || params.device !== null || params.incoming !== null
    const sql = statementsFor(params)
    const row = this.sql
      .get<[Params], { n: number }>(joinNeeded ? sql.count : sql.countIndex)
      .get(params)
    if (row === undefined) throw new Error('count(*) returned no row')
    return { count: Math.min(row.n, TOTAL_CAP), capped: row.n > TOTAL_CAP }
  }

  private hits(rows: readonly HitRow[], compiled: CompiledQuery): SearchHit[] {
    const mapper = this.mapper()
    const people = new Map<number, readonly Participant[]>()
    return rows.map((row) => {
      const ctx: DeviceContext = this.devices.byRowKey(row.device_key)
      const incoming = row.box === 'inbox'
      let participants = people.get(row.thread_id)
      if (participants === undefined) {
        participants = parseJsonColumn(
          participantsSchema,
          row.participants_json,
          'threads.participants_json',
        )
        people.set(row.thread_id, participants)
      }
      return {
        messageId: row.id,
        conversationId: row.thread_id,
        deviceId: ctx.id,
        conversationTitle: row.title,
        date: row.date,
        direction: incoming ? 'incoming' : 'outgoing',
        sender:
          incoming && row.sender !== null ? senderOf(ctx, row.sender, participants, mapper) : null,
        ...snippetFor(row.body, compiled.highlight, ctx.numbers),
      }
    })
  }
}

/**
 * A hit's sender is named from its conversation's participants, the labels its title was made
 * from, so the hit says what the conversation list says; a sender who is not one of them (a
 * group text relayed by someone else) is looked up in the address book.
 */
function senderOf(
  ctx: DeviceContext,
  raw: string,
  participants: readonly Participant[],
  mapper: MessageMapper,
): Participant {
  const key = ctx.numbers.normalize(raw).key
  return participants.find((p) => p.key === key) ?? mapper.sender(ctx, raw)
}
