// Text helpers shared by indexing, querying and highlighting. They mirror what FTS5's
// 'unicode61 remove_diacritics 2' tokenizer does closely enough for highlighting; the index
// itself always decides what matches.

/** Letters, digits, marks and private-use characters form tokens; everything else separates. */
export const WORD_PATTERN = /[\p{L}\p{N}\p{M}\p{Co}]+/gu
const EMOJI_PATTERN = /\p{Regional_Indicator}{2}|\p{Extended_Pictographic}/gu
const MARKS = /\p{M}/gu
// eslint-disable-next-line no-control-regex -- the whole ASCII range is the point
const ASCII = /^[\x00-\x7f]*$/

/** Case- and accent-insensitive form of a token: "Café" and "cafe" both give "cafe". */
export function isAscii(text: string): boolean {
  return ASCII.test(text)
}

export function fold(text: string): string {
  // Most tokens are ASCII, where folding is only lower-casing (NFD costs ~1 us a token).
  if (ASCII.test(text)) return text.toLowerCase()
  return text.normalize('NFD').replace(MARKS, '').toLowerCase()
}

/**
 * unicode61 treats emoji as separators, so they get their own index terms: 'e' + the code
 * point in hex ('e1f382' for 🎂), a flag as the pair of its regional indicators. Skin tones,
 * joiners and variation selectors are dropped, so 👍🏽 is found by 👍.
 */
export function emojiTerm(emoji: string): string {
  let term = 'e'
  // for...of yields whole code points, so codePointAt(0) is always defined here.
  for (const ch of emoji) term += (ch.codePointAt(0) ?? 0).toString(16)
  return term
}

export interface EmojiMatch {
  readonly term: string
  readonly start: number
  readonly end: number
}

export function findEmoji(text: string): EmojiMatch[] {
  const found: EmojiMatch[] = []
  for (const m of text.matchAll(EMOJI_PATTERN)) {
    found.push({ term: emojiTerm(m[0]), start: m.index, end: m.index + m[0].length })
  }
  return found
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

/** Cuts at `max` UTF-16 units without leaving half of a surrogate pair. */
export function cutAt(text: string, max: number): string {
  if (text.length <= max) return text
  const end = isHighSurrogate(text.charCodeAt(max - 1)) ? max - 1 : max
  return text.slice(0, end)
}

/** Length in code points (an emoji outside the BMP counts once). */
export function codePoints(text: string): number {
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0xdc00 || c > 0xdfff) n += 1
  }
  return n
}

/** Whitespace (including newlines) collapsed to single spaces, trimmed. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** The conversation list's preview of a body. */
export function snippetOf(body: string, max = 160): string {
  // Collapse only a bounded head: bodies may be 256 KiB and the list wants one line.
  return cutAt(oneLine(cutAt(body, max * 4)), max)
}
