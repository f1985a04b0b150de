// Builds the FTS5 query from raw user text. User text is never passed through as query syntax:
// it is cut into tokens, each token is quoted, and only this module writes operators. The last
// token is a prefix while the user is still typing it. Double quotes are read as the user means
// them, never as FTS5's: the words between them must appear together in that order (a phrase
// written by this module), the words outside them anywhere in any order.
import type { NumberContext } from '../text/numbers'
import { WORD_PATTERN, codePoints, findEmoji, fold } from '../text/text'

export interface WordTerm {
  /** Folded token. */
  readonly text: string
  readonly prefix: boolean
}

/** What the highlighter looks for in a hit's body. */
export interface HighlightTerms {
  /** Runs of words to mark together: a lone word, or a quoted phrase in its order. */
  readonly phrases: readonly (readonly WordTerm[])[]
  readonly emoji: ReadonlySet<string>
  /** Prefixes of number terms ('l7700900'). */
  readonly numbers: readonly string[]
}

/** What conversation search compares with titles and participants' numbers (people.ts). */
export interface PeopleQuery {
  /** Folded words, each to start a word of the title; empty for a typed number. */
  readonly words: readonly string[]
  /** Digit forms of a typed number (at most 3), to start or end a participant's number. */
  readonly digits: readonly string[]
}

export interface CompiledQuery {
  /** The MATCH expression, or null when the text holds nothing searchable. */
  readonly match: string | null
  readonly highlight: HighlightTerms
  /** Null when the text is too short to name anyone. */
  readonly people: PeopleQuery | null
}

/** A text made only of digits and the punctuation numbers are written with. */
const NUMBER_LIKE = /^[\s+\d().\-/]+$/
const MIN_NUMBER_DIGITS = 3
// One-character prefixes expand to a large share of the vocabulary; wait for a second one.
const MIN_PREFIX_CHARS = 2
// Prefixes up to this length have their own FTS5 prefix index (prefix = '2 3').
const INDEXED_PREFIX_CHARS = 3

/** Indexed terms starting with a prefix, or null when there are too many (term-expander.ts). */
export type Expand = (prefix: string) => readonly string[] | null

function quote(tokens: readonly string[], prefix: boolean): string {
  // Tokens are runs of letters, digits and marks (WORD_PATTERN), so they never contain '"';
  // the replace is there so that stays true if the pattern ever changes.
  const text = tokens.map((t) => t.replace(/"/g, '""')).join(' ')
  return `"${text}"${prefix ? '*' : ''}`
}

interface Token {
  readonly folded: string
  readonly end: number
  /** Which quoted run the token is in (odd), or -1 outside quotes. */
  readonly run: number
}

/**
 * Tokens, each with its quoted run: a '"' opens a run and the next one closes it, and a run
 * still open at the end is the phrase being typed.
 */
function tokensOf(text: string): Token[] {
  const tokens: Token[] = []
  let at = 0
  text.split('"').forEach((part, i) => {
    const run = i % 2 === 1 ? i : -1
    for (const m of part.matchAll(WORD_PATTERN)) {
      const folded = fold(m[0])
      // A lone combining mark (an emoji's variation selector) is no token once folded.
      if (folded !== '') tokens.push({ folded, end: at + m.index + m[0].length, run })
    }
    at += part.length + 1
  })
  return tokens
}

/** Tokens grouped into what must match together: one word, or a quoted run of them. */
function wordGroups(text: string, tokens: readonly Token[], hasOther: boolean): WordTerm[][] {
  const groups: WordTerm[][] = []
  let run = -1
  for (const t of tokens) {
    const group = groups[groups.length - 1]
    const term = { text: t.folded, prefix: false }
    if (group !== undefined && t.run !== -1 && t.run === run) group.push(term)
    else groups.push([term])
    run = t.run
  }
  const last = tokens[tokens.length - 1]
  const group = groups[groups.length - 1]
  // Still being typed: no space or closing quote after it yet.
  if (last === undefined || group === undefined || last.end !== text.length) return groups
  if (codePoints(last.folded) >= MIN_PREFIX_CHARS) {
    group[group.length - 1] = { text: last.folded, prefix: true }
  } else if (tokens.length > 1 || hasOther) {
    // "see y": search "see" until the next keystroke makes "y" a useful prefix.
    group.pop()
    if (group.length === 0) groups.pop()
  }
  // A single one-character query stays an exact token ("I", "5", "猫").
  return groups
}

/**
 * Words in order as an FTS5 phrase (one word is a phrase of one). A long prefix at its end
 * becomes an OR of the phrases ending in each term it stands for.
 */
function phraseExpression(words: readonly WordTerm[], expand: Expand): string {
  const head = words.slice(0, -1).map((w) => w.text)
  const last = words[words.length - 1]
  if (last === undefined) throw new Error('an empty phrase')
  if (!last.prefix || codePoints(last.text) <= INDEXED_PREFIX_CHARS) {
    return quote([...head, last.text], last.prefix)
  }
  const terms = expand(last.text)
  // None found by our folding: let FTS5 fold and look itself (cheap when nothing matches).
  if (terms === null || terms.length === 0) return quote([...head, last.text], true)
  return terms.length === 1
    ? quote([...head, ...terms], false)
    : `(${terms.map((t) => quote([...head, t], false)).join(' OR ')})`
}

export function compileQuery(
  raw: string,
  contexts: readonly NumberContext[],
  expand: Expand,
): CompiledQuery {
  const text = raw.trimStart()
  const emoji = new Set(findEmoji(text).map((e) => e.term))
  const tokens = tokensOf(text)
  const groups = wordGroups(text, tokens, emoji.size > 0)
  const digitCount = text.replace(/\D/g, '').length
  // Quotes around a number change nothing: its digits are in order already.
  const numberMode = NUMBER_LIKE.test(text.replace(/"/g, '')) && digitCount >= MIN_NUMBER_DIGITS

  const parts: string[] = []
  const numbers: string[] = []
  const digits = new Set<string>()
  let phrases: WordTerm[][] = groups
  if (numberMode) {
    // A number typed in any format: the same digits as a phrase in bodies, or a body number
    // with the same national digits, whatever its format.
    const words = groups.flat()
    phrases = [words]
    const alternatives = [
      `({body} : ${quote(
        words.map((w) => w.text),
        words.at(-1)?.prefix ?? false,
      )})`,
    ]
    digits.add(text.replace(/\D/g, ''))
    for (const ctx of contexts) {
      const local = ctx.localDigits(text)
      if (local === null || local.length < MIN_NUMBER_DIGITS || numbers.includes(`l${local}`))
        continue
      numbers.push(`l${local}`)
      digits.add(local)
      alternatives.push(`({search_keys} : ${quote([`l${local}`], true)})`)
    }
    parts.push(
      alternatives.length === 1 ? (alternatives[0] ?? '') : `(${alternatives.join(' OR ')})`,
    )
  } else if (groups.length > 0) {
    parts.push(`({body} : (${groups.map((g) => phraseExpression(g, expand)).join(' AND ')}))`)
  }
  for (const e of emoji) parts.push(`({search_keys} : ${quote([e], false)})`)

  // People are matched on every token, the one being typed included ("zoe a" finds Zoë Adams).
  const words = tokens.map((t) => t.folded)
  let people: PeopleQuery | null = null
  if (numberMode) people = { words: [], digits: [...digits].slice(0, 3) }
  else if (codePoints(words.join(' ')) >= MIN_PREFIX_CHARS) people = { words, digits: [] }
  return {
    match: parts.length === 0 ? null : parts.join(' AND '),
    highlight: { phrases, emoji, numbers },
    people,
  }
}
