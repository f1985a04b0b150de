// The cast and the shape of a history, before any message exists: SIMs, people and their
// address-book entries, and each conversation's kind, size, participants, SIM and active
// period. Everything here is small (per conversation), so it is planned in memory.
import type { HistoryFile } from '../../../shared/history/schema'
import type { Voice } from './bodies'
import { ALPHA_SENDERS, type BusinessKind } from './corpus'
import { pickCulture, personName, type Culture, type PersonName } from './names'
import {
  BOOK_STYLE_WEIGHTS,
  BOOK_STYLES,
  e164,
  formatNumber,
  NumberPool,
  type PhoneNumber,
} from './numbers'
import { heavyCount, type GenerateOptions } from './options'
import { makePortrait } from './png'
import { Rng } from './random'
import { allocateSizes } from './sizes'

export type Sim = HistoryFile['sims'][number]
export type Contact = HistoryFile['contacts'][number]
export type ConversationKind = 'contact' | 'unknown' | 'business' | 'group'

export interface Person {
  readonly name: PersonName | null
  readonly voice: Voice
  readonly number: PhoneNumber
  /** How the network presents their texts (mostly E.164). */
  readonly inbound: string
  /** How the owner's texts to them are addressed; differs from `inbound` for some people. */
  readonly outbound: string
  /** As typed into the address book. */
  readonly book: string
  /** E.164, as group MMS lists them. */
  readonly e164: string
}

export interface Conversation {
  readonly kind: ConversationKind
  readonly size: number
  /** One for one-to-one threads, several for groups, none for business senders. */
  readonly people: readonly Person[]
  /** Business sender (alphanumeric or short code), '' otherwise. */
  readonly sender: string
  readonly business: BusinessKind
  /** Expected share of outgoing texts. */
  readonly outShare: number
  readonly subId: number | null
  readonly windowStart: number
  readonly windowEnd: number
}

export interface Plan {
  readonly sims: Sim[]
  readonly contacts: Contact[]
  readonly conversations: Conversation[]
}

function makeSims(o: GenerateOptions, pool: NumberPool): Sim[] {
  const carriers = o.region === 'GB' ? ['Vodafone', 'EE'] : ['T-Mobile', 'Verizon']
  const sims: Sim[] = []
  for (let slot = 0; slot < o.sims; slot++) {
    const own = pool.own(slot)
    sims.push({
      // Real phones rarely have subIds 1 and 2: a swapped SIM gets a new one.
      subId: slot === 0 ? 1 : 3,
      slot,
      label: slot === 0 ? 'Personal' : 'Work',
      carrier: carriers[slot] ?? null,
      // Android often does not know the second SIM's number.
      number: slot === 0 ? formatNumber(own, 'e164', o.region) : null,
      isDefault: slot === 0,
    })
  }
  return sims
}

/** How many conversations of each kind; the biggest (rank 0) is always a contact. */
function kindCounts(o: GenerateOptions): Record<ConversationKind, number> {
  const n = o.conversations
  const room = Math.max(0, n - 1)
  const groups = Math.min(room, o.groups ?? (n >= 6 ? Math.max(1, Math.round(n * 0.03)) : 0))
  let business = n >= 4 ? Math.min(Math.round(n * 0.12), 40 + Math.round(n * 0.01)) : 0
  if (n >= 8) business = Math.max(business, 2)
  business = Math.min(business, room - groups)
  const unknown = Math.min(n >= 3 ? Math.max(1, Math.round(n * 0.18)) : 0, room - groups - business)
  return { contact: n - groups - business - unknown, unknown, business, group: groups }
}

export function planHistory(o: GenerateOptions): Plan {
  const rng = Rng.stream(o.seed, 'plan')
  const pool = new NumberPool(rng, o.region)
  const sims = makeSims(o, pool)
  const names = new Set<string>()
  const contactPeople: Person[] = []

  const newPerson = (inBook: boolean): Person => {
    const culture: Culture = pickCulture(rng)
    const number = pool.mobile()
    const home = number.country === o.region
    const inbound =
      home && rng.chance(0.1) ? formatNumber(number, 'nationalCompact', o.region) : e164(number)
    const typed = formatNumber(
      number,
      BOOK_STYLES[rng.weighted(BOOK_STYLE_WEIGHTS)] ?? 'e164',
      o.region,
    )
    const nativeShare = culture === 'en' ? 0 : culture === 'ga' ? 0.08 : 0.1 + rng.float() * 0.3
    const person: Person = {
      name: inBook ? personName(rng, culture, names) : null,
      voice: { culture, nativeShare: inBook ? nativeShare : 0 },
      number,
      inbound,
      outbound: rng.chance(inBook ? 0.45 : 0.3) ? typed : inbound,
      book: typed,
      e164: e164(number),
    }
    if (inBook) contactPeople.push(person)
    return person
  }

  const counts = kindCounts(o)
  const sizes = allocateSizes(o.messages, o.conversations, heavyCount(o))
  // Kinds by rank: contacts take the big threads, business senders and strangers the small.
  const bias: Record<ConversationKind, number> = {
    contact: 0,
    group: 0.2,
    business: 0.35,
    unknown: 0.5,
  }
  const ranked: { kind: ConversationKind; key: number }[] = []
  for (const kind of ['contact', 'group', 'business', 'unknown'] as const) {
    const count = kind === 'contact' ? counts.contact - 1 : counts[kind]
    for (let i = 0; i < count; i++) ranked.push({ kind, key: rng.float() + bias[kind] })
  }
  ranked.sort((a, b) => a.key - b.key)
  const kinds: ConversationKind[] = o.conversations > 0 ? ['contact'] : []
  for (const r of ranked) kinds.push(r.kind)

  const senders = businessSenders(rng, counts.business, o.region)
  const span = o.endDate - o.startDate
  const conversations: Conversation[] = kinds.map((kind, rank) => {
    const size = sizes[rank] ?? 1
    let people: Person[] = []
    if (kind === 'contact' || kind === 'unknown') people = [newPerson(kind === 'contact')]
    if (kind === 'group') people = groupMembers(rng, contactPeople, newPerson)
    const sender =
      kind === 'business' ? (senders.pop() ?? { address: '60000', kind: 'code' as const }) : null
    // Big threads last for years; most others are a burst that started and ended sometime.
    const f =
      rank === 0 ? 1 : size >= 200 ? 0.5 + rng.float() * 0.5 : 0.02 + rng.float() * rng.float()
    const length = Math.max(Math.min(span, 2 * 3_600_000), Math.floor(span * f))
    const ongoing = rank === 0 || rng.chance(0.35)
    const windowStart = ongoing ? o.endDate - length : o.startDate + rng.int(span - length + 1)
    return {
      kind,
      size,
      people,
      sender: sender?.address ?? '',
      business: sender?.kind ?? 'code',
      outShare: outShare(rng, kind, people.length),
      subId: pickSim(rng, sims),
      windowStart,
      windowEnd: windowStart + length,
    }
  })

  // People in the address book the owner never texts.
  const extra = Math.round(counts.contact * 0.25) + (o.conversations > 0 ? 3 : 0)
  for (let i = 0; i < extra; i++) newPerson(true)
  return { sims, contacts: makeContacts(rng, contactPeople, pool, o), conversations }
}

/** Expected share of texts the owner sends: businesses never get replies, groups few. */
function outShare(rng: Rng, kind: ConversationKind, members: number): number {
  switch (kind) {
    case 'contact':
      return 0.35 + rng.float() * 0.25
    case 'unknown':
      return 0.1 + rng.float() * 0.35
    case 'group':
      return (0.8 + rng.float() * 0.5) / (members + 1)
    case 'business':
      return 0
  }
}

function pickSim(rng: Rng, sims: readonly Sim[]): number | null {
  if (sims.length === 0) return null
  return rng.chance(0.7) ? (sims[0]?.subId ?? null) : (sims[sims.length - 1]?.subId ?? null)
}

function groupMembers(
  rng: Rng,
  known: readonly Person[],
  make: (inBook: boolean) => Person,
): Person[] {
  const size = rng.between(2, rng.chance(0.8) ? 4 : 8)
  const members: Person[] = []
  while (members.length < size) {
    const friend = known.length > 0 && rng.chance(0.6) ? rng.pick(known) : make(rng.chance(0.8))
    if (!members.includes(friend)) members.push(friend)
  }
  return members
}

function businessSenders(
  rng: Rng,
  count: number,
  region: GenerateOptions['region'],
): { address: string; kind: BusinessKind }[] {
  const alpha = Object.entries(ALPHA_SENDERS).flatMap(([kind, names]) =>
    names.map((address) => ({ address, kind: kind as BusinessKind })),
  )
  rng.shuffle(alpha)
  const out: { address: string; kind: BusinessKind }[] = []
  const codes = new Set<string>()
  const codeKinds: BusinessKind[] = ['code', 'code', 'promo', 'bank', 'delivery']
  while (out.length < count) {
    const next = alpha.length > 0 && rng.chance(0.65) ? alpha.pop() : undefined
    if (next) {
      out.push(next)
      continue
    }
    // Short codes: five digits in the UK, five or six in the US.
    const code = String(
      region === 'US' && rng.chance(0.4) ? rng.between(200000, 899999) : rng.between(60000, 89999),
    )
    if (codes.has(code)) continue
    codes.add(code)
    out.push({ address: code, kind: rng.pick(codeKinds) })
  }
  return out.reverse()
}

function makeContacts(rng: Rng, people: Person[], pool: NumberPool, o: GenerateOptions): Contact[] {
  // Contact ids follow the order people were added to the phone, not the order of threads.
  const order = rng.shuffle(people.slice())
  // Photos draw from their own stream, so adding them changed nothing else in the history.
  const photos = Rng.stream(o.seed, 'contact-photos')
  let id = 0
  return order.map((p) => {
    id += rng.chance(0.1) ? rng.between(2, 6) : 1
    const numbers: Contact['numbers'] = [{ number: p.book, type: 'mobile', label: null }]
    if (rng.chance(0.2))
      numbers.push({
        number: formatNumber(pool.landline(p.number.country), 'national', o.region),
        type: 'home',
        label: null,
      })
    if (rng.chance(0.06))
      numbers.push({
        number: formatNumber(pool.mobile(), 'intl', o.region),
        type: 'work',
        label: null,
      })
    if (rng.chance(0.03))
      numbers.push({
        number: formatNumber(pool.mobile(), 'e164', o.region),
        type: 'other',
        label: 'Old number',
      })
    // About a third of an address book has a picture.
    const photo = photos.chance(0.35) ? toBase64(makePortrait(photos)) : null
    return { id: `c:${id}`, name: p.name?.full ?? p.inbound, numbers, photo }
  })
}

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')
}
