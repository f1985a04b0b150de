// Builds the FTS5 query from raw user text. User text is never passed through as query syntax:
// it is cut into tokens, each token is quoted, and only this module writes operators. The last
// token is a prefix while the user is still typing it.
import type { NumberContext } from '../text/numbers'
import { WORD_PATTERN, codePoints, findEmoji, fold } from '../text/text'

export interface WordTerm {
  /** Folded token. */
  readonly text: string
  readonly prefix: boolean
}

/** What the highlighter looks for in a hit's body. */
export interface HighlightTerms {
  readonly words: readonly WordTerm[]
  readonly emoji: ReadonlySet<string>
  /** Prefixes of number terms ('l7700900'). */
  readonly numbers: readonly string[]
}

export interface CompiledQuery {
  /** The MATCH expression, or null when the text holds nothing searchable. */
  readonly match: string | null
  readonly highlight: HighlightTerms
  /** Folded text matched against conversation titles, or null. */
  readonly name: string | null
  /** Digit strings (at most 3) matched inside conversations' participant numbers. */
  readonly digits: readonly string[]
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
  readonly raw: string
  readonly folded: string
  readonly end: number
}

function tokensOf(text: string): Token[] {
  const tokens: Token[] = []
  for (const m of text.matchAll(WORD_PATTERN)) {
    const folded = fold(m[0])
    // A lone combining mark (an emoji's variation selector) is no token once folded.
    if (folded !== '') tokens.push({ raw: m[0], folded, end: m.index + m[0].length })
  }
  return tokens
}

function wordTerms(text: string, tokens: readonly Token[], hasOther: boolean): WordTerm[] {
  const last = tokens[tokens.length - 1]
  const typing = last !== undefined && last.end === text.length
  const terms: WordTerm[] = tokens.map((t) => ({ text: t.folded, prefix: false }))
  if (last !== undefined && typing) {
    if (codePoints(last.folded) >= MIN_PREFIX_CHARS) {
      terms[terms.length - 1] = { text: last.folded, prefix: true }
    } else if (terms.length > 1 || hasOther) {
      // "see y": search "see" until the next keystroke makes "y" a useful prefix.
      terms.pop()
    }
    // A single one-character query stays an exact token ("I", "5", "猫").
  }
  return terms
}

/** A word as an FTS5 expression: long prefixes become an OR of the terms they stand for. */
function wordExpression(word: WordTerm, expand: Expand): string {
  if (!word.prefix || codePoints(word.text) <= INDEXED_PREFIX_CHARS) {
    return quote([word.text], word.prefix)
  }
  const terms = expand(word.text)
  // None found by our folding: let FTS5 fold and look itself (cheap when nothing matches).
  if (terms === null || terms.length === 0) return quote([word.text], true)
  return terms.length === 1
    ? quote(terms, false)
    : `(${terms.map((t) => quote([t], false)).join(' OR ')})`
}

export function compileQuery(
  raw: string,
  contexts: readonly NumberContext[],
  expand: Expand,
): CompiledQuery {
  const text = raw.trimStart()
  const emoji = new Set(findEmoji(text).map((e) => e.term))
  const words = wordTerms(text, tokensOf(text), emoji.size > 0)
  const digitCount = text.replace(/\D/g, '').length
  const numberMode = NUMBER_LIKE.test(text) && digitCount >= MIN_NUMBER_DIGITS

  const parts: string[] = []
  const numbers: string[] = []
  const digits = new Set<string>()
  if (numberMode) {
    // A number typed in any format: the same digits as a phrase in bodies, or a body number
    // with the same national digits, whatever its format.
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
  } else if (words.length > 0) {
    parts.push(`({body} : (${words.map((w) => wordExpression(w, expand)).join(' AND ')}))`)
  }
  for (const e of emoji) parts.push(`({search_keys} : ${quote([e], false)})`)

  const name = fold(text.trim()).replace(/\s+/g, ' ')
  return {
    match: parts.length === 0 ? null : parts.join(' AND '),
    highlight: { words, emoji, numbers },
    name: !numberMode && codePoints(name) >= MIN_PREFIX_CHARS ? name : null,
    digits: [...digits].slice(0, 3),
  }
}
