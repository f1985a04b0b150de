// Message bodies: how often a thread says "k", a sentence, something in another language, a
// link, an emoji pile or one of the oddities that break renderers and search.
import {
  BUSINESS,
  EMOJI,
  LINES,
  LINKS,
  MERCHANTS,
  NATIVE,
  ODDITIES,
  SENTENCES,
  SHORT,
  SLOTS,
  UNKNOWN_LINES,
  type BusinessKind,
} from './corpus'
import type { Culture } from './names'
import type { Rng } from './random'

/** The phone owner, as friends address them in texts. */
export const OWNER_NAME = 'Alex'

const digits = (rng: Rng, n: number): string => {
  let s = ''
  for (let i = 0; i < n; i++) s += String(rng.int(10))
  return s
}

const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ'

/** Replaces every `{slot}` in a template. `name` is who the text is addressed to. */
export function fill(template: string, rng: Rng, name: string): string {
  let hour = 9 // a delivery window's {h}:00–{h2}:00 spans one hour
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
    switch (slot) {
      case 'name':
        return name
      case 'n':
        return String(rng.between(2, 25))
      case 'd3':
        return digits(rng, 3)
      case 'd4':
        return digits(rng, 4)
      case 'd6':
        return digits(rng, 6)
      case 'trk':
        return `${LETTERS[rng.int(24)] ?? 'J'}${LETTERS[rng.int(24)] ?? 'X'}${digits(rng, 8)}`
      case 'h':
        hour = rng.between(8, 19)
        return String(hour)
      case 'h2':
        return String(hour + 1)
      case 'merchant':
        return rng.pick(MERCHANTS)
      default: {
        const options = SLOTS[slot]
        return options ? rng.pick(options) : `{${slot}}`
      }
    }
  })
}
function withEmoji(text: string, rng: Rng): string {
  if (!rng.chance(0.15)) return text
  const count = rng.chance(0.8) ? 1 : rng.between(2, 4)
  let tail = ''
  for (let i = 0; i < count; i++) tail += rng.pick(EMOJI)
  return `${text} ${tail}`
}

export interface Voice {
  readonly culture: Culture
  /** Share of this person's texts in their own language (0 for English speakers). */
  readonly nativeShare: number
}

/**
 * A text between the owner and a person. `to` is the addressee's given name: the contact's
 * for outgoing texts, the owner's for incoming ones.
 */
export function personalBody(rng: Rng, voice: Voice, to: string): string {
  const native = NATIVE[voice.culture]
  const roll = rng.float()
  if (roll < 0.22) return rng.pick(SHORT)
  if (native && roll < 0.22 + voice.nativeShare) return withEmoji(rng.pick(native), rng)
  if (roll < 0.8) return withEmoji(fill(rng.pick(LINES), rng, to), rng)
  if (roll < 0.9) return withEmoji(sentences(rng, rng.between(2, 3)), rng)
  if (roll < 0.94) return rng.pick(LINKS)
  if (roll < 0.97) return emojiPile(rng)
  return rng.pick(ODDITIES)
}

/** Texts in group chats: shorter and more reactive than one-to-one. */
export function groupBody(rng: Rng, voice: Voice, to: string): string {
  if (rng.chance(0.3)) return rng.pick(SHORT)
  return personalBody(rng, voice, to)
}

export function unknownBody(rng: Rng, first: boolean, to: string): string {
  if (first || rng.chance(0.3)) return fill(rng.pick(UNKNOWN_LINES), rng, to)
  return rng.chance(0.5) ? rng.pick(SHORT) : fill(rng.pick(LINES), rng, to)
}

export function businessBody(rng: Rng, kind: BusinessKind): string {
  return fill(rng.pick(BUSINESS[kind]), rng, OWNER_NAME)
}

function sentences(rng: Rng, count: number): string {
  const out: string[] = []
  while (out.length < count) {
    const s = rng.pick(SENTENCES)
    if (!out.includes(s)) out.push(s)
  }
  return out.join(' ')
}

function emojiPile(rng: Rng): string {
  let s = ''
  const n = rng.between(3, 9)
  for (let i = 0; i < n; i++) s += rng.pick(EMOJI)
  return rng.chance(0.5) ? s : `${rng.pick(SHORT)} ${s}`
}

/**
 * A long text of at least `minChars` UTF-16 units: whole sentences in paragraphs, so no
 * surrogate pair or ZWJ sequence is ever cut in half.
 */
export function longBody(rng: Rng, minChars: number): string {
  const paragraphs: string[] = []
  let length = 0
  while (length < minChars) {
    const p = sentences(rng, rng.between(3, 6))
    paragraphs.push(p)
    length += p.length + 2
  }
  return paragraphs.join('\n\n')
}

/** Text that travels with a picture: often nothing. */
export function caption(rng: Rng, to: string): string {
  if (rng.chance(0.55)) return ''
  return rng.chance(0.5)
    ? rng.pick(['Look!', 'Guess where I am 😎', 'Found this', 'Ta-da 🎉', 'For you ❤️', '👀'])
    : fill(rng.pick(LINES), rng, to)
}
