// Conversations found by the people in them, shown above the message hits: a contact's name
// (every typed word starts a word of the title; accents and case folded) or a number in any
// format (its digits start a participant's number, or end it). One phone's conversations are
// walked newest first in the covering index threads_device_recent (title_fold and number_terms
// are in it, so no row is read) with a cheap substring test in SQL; the few rows that pass are
// checked here and ranked: exact matches first, then the most recent. On 5,000 conversations
// with names: 0.15-0.2 ms for a name prefix, 0.3 ms for text that matches no one (the whole
// index is read), 0.5 ms for a full number (the same, with one match).
import type { ConversationHit } from '../../../../shared/model/search'
import type { ConversationsRepository } from '../conversations/conversations'
import type { StatementCache } from '../db/db'
import type { DeviceContext } from '../devices/devices'
import { WORD_PATTERN } from '../text/text'
import type { PeopleQuery } from './search-query'

/** People shown on the first page: enough to pick from, few enough to keep messages in view. */
export const MAX_PEOPLE = 5
/**
 * The shortest run of trailing digits that finds a number. Three would match one number in a
 * thousand, several strangers in a large archive; from four, "the one ending 0708" is nearly
 * always the one meant, and body numbers are indexed from four digits too (search-keys.ts).
 * Leading digits match from three (search-query.ts): typing a number from its start narrows
 * down with every key.
 */
export const MIN_SUFFIX_DIGITS = 4
// Ranking sees this many of a phone's newest matches, so the walk stops early on a short prefix.
// An exact match older than 50 newer partial ones is not lifted above them: a full number has
// no partial matches, and fifty "Anna…" newer than the one "Ann" is a rare address book.
const CANDIDATES = 50

// A superset of the matches (the longest word anywhere in the title, a digit form anywhere in
// the numbers); matchPerson decides.
const CANDIDATES_SQL = `SELECT id, last_sort_key, title_fold, number_terms FROM threads
  WHERE device_key = @device
    AND ((@probe IS NOT NULL AND instr(title_fold, @probe) > 0)
      OR (@d1 IS NOT NULL AND instr(number_terms, @d1) > 0)
      OR (@d2 IS NOT NULL AND instr(number_terms, @d2) > 0)
      OR (@d3 IS NOT NULL AND instr(number_terms, @d3) > 0))
  ORDER BY last_sort_key DESC`

interface CandidateParams {
  device: number
  probe: string | null
  d1: string | null
  d2: string | null
  d3: string | null
}

interface CandidateRow {
  id: number
  last_sort_key: number
  title_fold: string
  number_terms: string
}

export interface PersonMatch {
  readonly by: 'name' | 'number'
  /** Every word is a whole word of the title, or the digits are a whole number. */
  readonly exact: boolean
}

// Names in these scripts are written without spaces ("王小明"): a word start would only find
// the family name, so any part of the word matches.
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u

/** How a conversation matches, from its folded title and its number terms; null if not. */
export function matchPerson(
  query: PeopleQuery,
  titleFold: string,
  numberTerms: string,
): PersonMatch | null {
  if (query.words.length > 0) {
    const words: readonly string[] = titleFold.match(WORD_PATTERN) ?? []
    let exact = true
    for (const w of query.words) {
      if (words.includes(w)) continue
      exact = false
      const found = UNSPACED.test(w)
        ? words.some((t) => t.includes(w))
        : words.some((t) => t.startsWith(w))
      if (!found) return null
    }
    return { by: 'name', exact }
  }
  // ' 447700900708 7700900708 ': E.164 digits and the national number of each participant.
  const terms = numberTerms.split(' ').filter((t) => t !== '')
  let partial = false
  for (const d of query.digits) {
    for (const t of terms) {
      if (t === d) return { by: 'number', exact: true }
      if (t.startsWith(d) || (d.length >= MIN_SUFFIX_DIGITS && t.endsWith(d))) partial = true
    }
  }
  return partial ? { by: 'number', exact: false } : null
}

interface Found extends PersonMatch {
  readonly id: number
  readonly lastSortKey: number
}

export class PeopleSearch {
  constructor(
    private readonly sql: StatementCache,
    private readonly conversations: ConversationsRepository,
  ) {}

  find(scope: readonly DeviceContext[], query: PeopleQuery): ConversationHit[] {
    const [d1 = null, d2 = null, d3 = null] = query.digits
    // The longest word is the rarest substring: the fewest rows for matchPerson to look at.
    const probe = query.words.reduce<string | null>(
      (best, w) => (best === null || w.length > best.length ? w : best),
      null,
    )
    const statement = this.sql.get<[CandidateParams], CandidateRow>(CANDIDATES_SQL)
    const found: Found[] = []
    for (const ctx of scope) {
      let n = 0
      for (const row of statement.iterate({ device: ctx.key, probe, d1, d2, d3 })) {
        const match = matchPerson(query, row.title_fold, row.number_terms)
        if (match === null) continue
        found.push({ ...match, id: row.id, lastSortKey: row.last_sort_key })
        if (++n === CANDIDATES) break
      }
    }
    // Every phone's candidates together, as one ranking over all phones would order them.
    found.sort((a, b) => Number(b.exact) - Number(a.exact) || b.lastSortKey - a.lastSortKey)
    const top = found.slice(0, MAX_PEOPLE)
    const by = new Map(top.map((f) => [f.id, f.by]))
    return this.conversations.byIds(top.map((f) => f.id)).map((conversation) => ({
      conversation,
      matchedBy: by.get(conversation.id) ?? 'name',
    }))
  }
}
