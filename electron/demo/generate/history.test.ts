import { createHash } from 'node:crypto'
import { parsePhoneNumberFromString } from 'libphonenumber-js'
import { describe, expect, it } from 'vitest'
import { historyFile, type HistoryFile, type HistoryMessage } from '../../../shared/history/schema'
import { MAX_BODY_CHARS } from '../../../shared/protocol/messages/common'
import { createHistory, formatHistory, generateHistory } from './history'
import { DEFAULTS } from './options'

type Region = 'GB' | 'US'

const isBusiness = (a: string): boolean => /[A-Za-z]/.test(a) || /^\d{5,6}$/.test(a)

/** What the desktop does: one key per participant, whatever the spelling. */
function normalise(address: string, region: Region): string {
  if (isBusiness(address)) return address.toLowerCase()
  const parsed = parsePhoneNumberFromString(address, region)
  if (!parsed) throw new Error(`unparseable address ${address}`)
  return parsed.number
}

/** Ofcom drama numbers (mobile and landline) and NANP 555-01xx. */
const FICTIONAL = [
  /^\+447700900\d{3}$/,
  /^\+44(207946|161496|131496|113496|117496|121496|141496|151496)0\d{3}$/,
  /^\+1[2-9][0-8]\d55501\d\d$/,
]

function threads(h: HistoryFile): Map<number, HistoryMessage[]> {
  const map = new Map<number, HistoryMessage[]>()
  for (const m of h.messages) map.set(m.threadId, [...(map.get(m.threadId) ?? []), m])
  return map
}

const demo = generateHistory()

describe('generateHistory', () => {
  it('is deterministic: same options, same bytes; another seed, other bytes', () => {
    const options = { messages: 800, conversations: 40, seed: 42 }
    const a = formatHistory(generateHistory(options))
    expect(formatHistory(generateHistory(options))).toBe(a)
    expect(formatHistory(generateHistory({ ...options, seed: 43 }))).not.toBe(a)
    // Also identical across machines and Node versions: pinned, so any drift (or a deliberate
    // change to the generator) shows up here. Update the hash when changing the generator.
    const hash = createHash('sha256')
      .update(formatHistory(generateHistory({ messages: 400, conversations: 30, seed: 11 })))
      .digest('hex')
    expect(hash).toMatchInlineSnapshot(
      `"2b9e379dd9778bcb51b86c013820c1425c3fa7152d08f4eadf7c126f37cc1f4a"`,
    )
  })

  it('validates against the history schema, also at the edges', () => {
    expect(historyFile.safeParse(demo).success).toBe(true)
    for (const options of [
      { messages: 0, conversations: 0 },
      { messages: 1, conversations: 1 },
      { messages: 12, conversations: 12, pictures: 3, missingPictures: 1 },
      { messages: 300, conversations: 20, sims: 0 as const, region: 'US' as const },
      { messages: 300, conversations: 5, sims: 1 as const, groups: 2 },
    ]) {
      const h = generateHistory(options)
      const result = historyFile.safeParse(h)
      expect(result.error?.issues ?? []).toEqual([])
      expect(h.messages).toHaveLength(options.messages)
      expect(threads(h).size).toBe(options.conversations)
    }
  })

  it('follows FORMAT.md: unique ids in the phone scheme, sizes match data, bounded bodies and parts', () => {
    const ids = new Set<string>()
    let last = { sms: 0, mms: 0 }
    for (const m of demo.messages) {
      expect(m.id).toMatch(new RegExp(`^${m.kind}:[1-9]\\d*$`))
      expect(ids.has(m.id)).toBe(false)
      ids.add(m.id)
      // Ids grow with time, as a provider's row ids do.
      const n = Number(m.id.split(':')[1])
      expect(n).toBeGreaterThan(last[m.kind])
      last = { ...last, [m.kind]: n }
      expect(m.body.length).toBeLessThanOrEqual(MAX_BODY_CHARS)
      expect(m.parts.length).toBeLessThanOrEqual(20)
      if (m.kind === 'sms') expect(m.parts).toEqual([])
      for (const p of m.parts) {
        if (p.data !== null) expect(Buffer.from(p.data, 'base64').length).toBe(p.size)
        if (p.data !== null) expect(Buffer.from(p.data, 'base64').toString('base64')).toBe(p.data)
        expect(p.partId.startsWith(`${m.id}:`)).toBe(true)
      }
      expect(m.date).toBeGreaterThanOrEqual(DEFAULTS.startDate)
      expect(m.date).toBeLessThanOrEqual(DEFAULTS.endDate)
      // Incoming texts carry the sender's timestamp, outgoing ones do not.
      expect(m.dateSent === null).toBe(m.sender === null)
      expect(m.sender === null).toBe(m.box !== 'inbox')
      if (m.sender !== null) expect(m.addresses).toContain(m.sender)
    }
  })

  it('keeps thread ids consistent with participants, whatever the number spelling', () => {
    for (const [region, h] of [
      ['GB', demo],
      ['US', generateHistory({ messages: 2000, conversations: 80, region: 'US', seed: 5 })],
    ] as const) {
      const keyOf = new Map<number, string>()
      const threadOf = new Map<string, number>()
      for (const m of h.messages) {
        const key = [...new Set(m.addresses.map((a) => normalise(a, region)))].sort().join(',')
        expect(keyOf.get(m.threadId) ?? key).toBe(key)
        expect(threadOf.get(key) ?? m.threadId).toBe(m.threadId)
        keyOf.set(m.threadId, key)
        threadOf.set(key, m.threadId)
      }
    }
  })

  it('only uses fictional numbers', () => {
    const numbers = [
      ...demo.messages.flatMap((m) => m.addresses),
      ...demo.contacts.flatMap((c) => c.numbers.map((n) => n.number)),
      ...demo.sims.flatMap((s) => (s.number === null ? [] : [s.number])),
    ].filter((a) => !isBusiness(a))
    const real = numbers
      .map((a) => normalise(a, 'GB'))
      .filter((n) => !FICTIONAL.some((re) => re.test(n)))
    expect(real).toEqual([])
  })

  it('meets the requested counts exactly', () => {
    const options = {
      messages: 3000,
      conversations: 97,
      pictures: 25,
      missingPictures: 4,
      groups: 6,
      seed: 3,
    }
    const h = generateHistory(options)
    expect(h.messages).toHaveLength(3000)
    const byThread = threads(h)
    expect(byThread.size).toBe(97)
    const parts = h.messages.flatMap((m) => m.parts)
    expect(parts.filter((p) => p.data !== null)).toHaveLength(25)
    expect(parts.filter((p) => p.data === null)).toHaveLength(4)
    expect([...byThread.values()].filter((t) => t[0]!.addresses.length > 1)).toHaveLength(6)
  })

  it('gives the heavy thread exactly its share, and every other thread at most half of it', () => {
    const h = generateHistory({ messages: 20_000, conversations: 300, heavyShare: 0.1, seed: 9 })
    const sizes = [...threads(h).values()].map((t) => t.length).sort((a, b) => b - a)
    expect(sizes[0]).toBe(2000)
    expect(sizes[1]).toBeLessThanOrEqual(1000)
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(20_000)
  })

  it('looks like a real phone', () => {
    const bodies = demo.messages.map((m) => m.body)
    const names = demo.contacts.map((c) => c.name)
    const some = (texts: string[], re: RegExp): number => texts.filter((t) => re.test(t)).length
    expect(some(bodies, /\p{Extended_Pictographic}/u)).toBeGreaterThan(100)
    expect(some(bodies, /\u200d/u)).toBeGreaterThan(5) // ZWJ sequences
    expect(some(bodies, /[\u{1f3fb}-\u{1f3ff}]/u)).toBeGreaterThan(5) // skin tones
    expect(some(bodies, /[À-ɏ]/u)).toBeGreaterThan(50)
    expect(some(bodies, /https:\/\//u)).toBeGreaterThan(10)
    expect(some(bodies, /javascript:/u)).toBeGreaterThan(0)
    expect(bodies.filter((b) => b.length > 1000).length).toBeGreaterThanOrEqual(3)
    expect(bodies.filter((b) => b.length <= 3).length).toBeGreaterThan(200)
    expect(some(names, /[À-ɏ]/u)).toBeGreaterThan(10)
    expect(some(names, /\p{Script=Han}/u)).toBeGreaterThan(0)
    expect(some(names, /\p{Script=Arabic}/u)).toBeGreaterThan(0)

    const byThread = [...threads(demo).values()]
    const first = (t: HistoryMessage[]): string => t[0]!.addresses[0]!
    expect(byThread.filter((t) => /^\d{5,6}$/.test(first(t))).length).toBeGreaterThan(0) // short codes
    expect(byThread.filter((t) => /[A-Za-z]/.test(first(t))).length).toBeGreaterThan(0) // "AcmeBank"
    for (const t of byThread.filter((t) => isBusiness(first(t))))
      expect(t.every((m) => m.box === 'inbox')).toBe(true)
    const groups = byThread.filter((t) => t[0]!.addresses.length > 1)
    expect(groups.length).toBeGreaterThan(0)
    for (const t of groups) expect(t.every((m) => m.kind === 'mms')).toBe(true)

    // Numbers not in the address book, and one person under several spellings.
    const book = new Set(
      demo.contacts.flatMap((c) => c.numbers.map((n) => normalise(n.number, 'GB'))),
    )
    const oneToOne = byThread.filter((t) => t[0]!.addresses.length === 1 && !isBusiness(first(t)))
    expect(oneToOne.filter((t) => !book.has(normalise(first(t), 'GB'))).length).toBeGreaterThan(5)
    const spellings = oneToOne.filter(
      (t) => new Set(t.map((m) => m.addresses[0])).size > 1 && book.has(normalise(first(t), 'GB')),
    )
    expect(spellings.length).toBeGreaterThan(5)
    const formats = new Set(
      demo.messages
        .flatMap((m) => m.addresses)
        .filter((a) => !isBusiness(a))
        .map((a) => a.replace(/\d/g, '9')),
    )
    expect(formats.size).toBeGreaterThanOrEqual(5)
  })

  it('mixes directions, delivery states, SIMs and read states realistically', () => {
    const out = demo.messages.filter((m) => m.sender === null)
    expect(out.length / demo.messages.length).toBeGreaterThan(0.3)
    expect(out.length / demo.messages.length).toBeLessThan(0.6)
    const statuses = new Set(out.map((m) => `${m.box}/${m.status}`))
    for (const s of ['sent/complete', 'sent/pending', 'sent/none']) expect(statuses).toContain(s)
    expect(out.some((m) => m.box === 'failed' || m.status === 'failed')).toBe(true)
    expect(new Set(demo.messages.map((m) => m.subId))).toEqual(
      new Set(demo.sims.map((s) => s.subId)),
    )
    expect(
      new Set(
        generateHistory({ messages: 50, conversations: 5, sims: 1 }).messages.map((m) => m.subId),
      ),
    ).toEqual(new Set([1]))
    expect(
      new Set(
        generateHistory({ messages: 50, conversations: 5, sims: 0 }).messages.map((m) => m.subId),
      ),
    ).toEqual(new Set([null]))

    // Unread texts: incoming, and only in the newest conversations.
    const unread = demo.messages.filter((m) => !m.read)
    expect(unread.length).toBeGreaterThan(0)
    expect(unread.every((m) => m.box === 'inbox')).toBe(true)
    const newest = [...threads(demo).entries()]
      .sort((a, b) => b[1].at(-1)!.date - a[1].at(-1)!.date)
      .slice(0, DEFAULTS.unreadConversations)
      .map(([id]) => id)
    expect(new Set(unread.map((m) => m.threadId))).toEqual(new Set(newest))
  })

  it('refuses options it cannot meet exactly', () => {
    expect(() => generateHistory({ messages: 5, conversations: 6 })).toThrow(RangeError)
    expect(() => generateHistory({ messages: 10, conversations: 9, heavyShare: 0.5 })).toThrow(
      RangeError,
    )
    expect(() => generateHistory({ messages: 2, conversations: 1, pictures: 41 })).toThrow(
      RangeError,
    )
    expect(() => generateHistory({ startDate: 10, endDate: 5 })).toThrow(RangeError)
    expect(() => generateHistory({ messages: 1.5 })).toThrow(RangeError)
  })

  it('re-creates the same messages on every pass over a lazy history', () => {
    const h = createHistory({ messages: 200, conversations: 10 })
    expect([...h.messages]).toEqual([...h.messages])
    expect(h.stats).toMatchObject({ messages: 200, conversations: 10 })
  })
})
