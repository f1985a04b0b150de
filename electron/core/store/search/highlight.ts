// Snippets as plain-text segments [{text, match}] (the UI renders text, never markup). The
// index decided that a message matches; this finds where, by tokenising the body the way
// unicode61 does, and cuts a window around the first match.
import type { Segment } from '../../../../shared/model/search'
import type { NumberContext } from '../text/numbers'
import { findNumberRuns } from './search-keys'
import type { HighlightTerms, WordTerm } from './search-query'
import { WORD_PATTERN, findEmoji, fold, isAscii } from '../text/text'

const ASCII_WORD = /[a-z0-9]+/g

export interface Snippet {
  readonly segments: readonly Segment[]
  readonly truncatedStart: boolean
  readonly truncatedEnd: boolean
}

// Bodies may be 256 KiB; a match beyond this shows the body's start without highlight.
const SCAN_LIMIT = 20_000
const WINDOW = 160
const LEAD = 40

interface Range {
  start: number
  end: number
}

const wordMatches = (w: WordTerm, token: string): boolean =>
  w.prefix ? token.startsWith(w.text) : token === w.text

function matchRanges(text: string, terms: HighlightTerms, numbers: NumberContext): Range[] {
  const ranges: Range[] = []
  if (terms.phrases.length > 0) {
    // Most bodies are ASCII: then tokens are [a-z0-9] runs of the lower-cased text, and the
    // Unicode-class pattern and per-token folding (the bulk of a page's cost) are skipped.
    const ascii = isAscii(text)
    const source = ascii ? text.toLowerCase() : text
    const tokens: (Range & { folded: string })[] = []
    for (const m of source.matchAll(ascii ? ASCII_WORD : WORD_PATTERN)) {
      const folded = ascii ? m[0] : fold(m[0])
      if (folded !== '') tokens.push({ start: m.index, end: m.index + m[0].length, folded })
    }
    // A phrase is marked where its words follow one another, as the index matched them.
    tokens.forEach((first, i) => {
      for (const phrase of terms.phrases) {
        const last = tokens[i + phrase.length - 1]
        if (phrase.length === 0 || last === undefined) continue
        if (phrase.every((w, k) => wordMatches(w, tokens[i + k]?.folded ?? ''))) {
          ranges.push({ start: first.start, end: last.end })
        }
      }
    })
  }
  if (terms.emoji.size > 0) {
    for (const e of findEmoji(text)) if (terms.emoji.has(e.term)) ranges.push(e)
  }
  if (terms.numbers.length > 0) {
    for (const r of findNumberRuns(text, numbers)) {
      if (terms.numbers.some((n) => r.term.startsWith(n))) ranges.push(r)
    }
  }
  ranges.sort((a, b) => a.start - b.start)
  const merged: Range[] = []
  for (const r of ranges) {
    const last = merged[merged.length - 1]
    if (last !== undefined && r.start <= last.end) last.end = Math.max(last.end, r.end)
    else merged.push({ ...r })
  }
  return merged
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}

/** Moves a cut point off the middle of a surrogate pair. */
function safeCut(text: string, at: number): number {
  return at > 0 && at < text.length && isLowSurrogate(text.charCodeAt(at)) ? at - 1 : at
}

function windowFor(text: string, first: Range | undefined): Range {
  if (first === undefined) return { start: 0, end: safeCut(text, Math.min(text.length, WINDOW)) }
  let start = Math.max(0, first.start - LEAD)
  if (start > 0) {
    // Start at a word boundary rather than inside a word.
    const space = text.slice(start, first.start).search(/\s/)
    start = space >= 0 ? start + space + 1 : start
  }
  const end = Math.min(text.length, Math.max(start + WINDOW, first.end))
  return { start: safeCut(text, start), end: safeCut(text, end) }
}

export function snippetFor(body: string, terms: HighlightTerms, numbers: NumberContext): Snippet {
  const text = body.length > SCAN_LIMIT ? body.slice(0, safeCut(body, SCAN_LIMIT)) : body
  const ranges = matchRanges(text, terms, numbers)
  const win = windowFor(text, ranges[0])
  const segments: Segment[] = []
  const push = (from: number, to: number, match: boolean): void => {
    if (to <= from) return
    // One line: the list shows snippets, newlines would break its rows.
    segments.push({ text: text.slice(from, to).replace(/\s+/g, ' '), match })
  }
  let at = win.start
  for (const r of ranges) {
    if (r.end <= win.start || r.start >= win.end) continue
    const s = Math.max(r.start, win.start)
    push(at, s, false)
    push(s, Math.min(r.end, win.end), true)
    at = Math.min(r.end, win.end)
  }
  push(at, win.end, false)
  const first = segments[0]
  if (first !== undefined && !first.match)
    segments[0] = { text: first.text.trimStart(), match: false }
  const last = segments[segments.length - 1]
  if (last !== undefined && !last.match)
    segments[segments.length - 1] = { text: last.text.trimEnd(), match: false }
  return {
    segments: segments.filter((s) => s.text !== ''),
    truncatedStart: win.start > 0,
    truncatedEnd: win.end < body.length,
  }
}
