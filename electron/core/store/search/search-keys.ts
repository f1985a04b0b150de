// The extra terms indexed beside each body (the `search_keys` column), computed at write time
// and kept in the row so FTS 'rebuild' and the 'delete' of a changed row see exactly what was
// indexed:
// - 't<conversation id>': lets a search inside one conversation intersect doclists in the index
//   instead of walking every match of a common prefix in the archive and filtering;
// - emoji ('e1f382'), which unicode61 treats as separators;
// - phone numbers written in the body, normalised ('l7700900123'), so "07700 900123" in a text
//   is found by typing "+447700900123" or "7700900".
import type { NumberContext } from '../text/numbers'
import { findEmoji } from '../text/text'

/** A run of 7-17 digits, optionally after '+', with at most two separators between digits. */
const NUMBER_RUN = /\+?\d(?:[ \u00a0.\-/()]{0,2}\d){6,16}/g
const MIN_LOCAL_DIGITS = 4

export interface NumberRun {
  readonly term: string
  readonly start: number
  readonly end: number
}

/** Number terms are 'l' + the national significant digits ('l7700900123'). */
export function findNumberRuns(text: string, numbers: NumberContext): NumberRun[] {
  const runs: NumberRun[] = []
  for (const m of text.matchAll(NUMBER_RUN)) {
    const local = numbers.localDigits(m[0])
    if (local === null || local.length < MIN_LOCAL_DIGITS) continue
    runs.push({ term: `l${local}`, start: m.index, end: m.index + m[0].length })
  }
  return runs
}

// Cheap pre-checks: most bodies have neither a long digit run nor an emoji.
// (a superset of NUMBER_RUN and of Extended_Pictographic / regional indicators respectively).
const MAYBE_NUMBER = /\d(?:\D{0,2}\d){6}/
const MAYBE_EMOJI = /[\u00a9\u00ae\u203c-\u3299\ud83c-\ud83f]/

export function conversationTerm(threadId: number): string {
  return `t${threadId}`
}

export function searchKeysFor(body: string, threadId: number, numbers: NumberContext): string {
  const terms = new Set<string>([conversationTerm(threadId)])
  if (MAYBE_EMOJI.test(body)) for (const e of findEmoji(body)) terms.add(e.term)
  if (MAYBE_NUMBER.test(body)) for (const r of findNumberRuns(body, numbers)) terms.add(r.term)
  return [...terms].join(' ')
}
