import { describe, expect, it } from 'vitest'
import type { Archive } from '../archive'
import { InvalidInputError, NotFoundError } from '../errors'
import type { MessageRange, MessageRecord, ScanPosition } from '../messages/message-scan'
import { DEVICE_A, T0, addDevice, openTestArchive, sms } from './support'

const ALICE = '+447700900123'
const BOB = '+447700900456'

/** Three conversations, interleaved in time, ten messages each; five share one date. */
function setup(): Archive {
  const { archive } = openTestArchive()
  addDevice(archive)
  const records = Array.from({ length: 30 }, (_, i) => {
    const addresses = [[ALICE], [BOB], [ALICE, BOB]][i % 3]!
    const date = i >= 10 && i < 15 ? T0 + 10_000 : T0 + i * 1000
    return sms(i + 1, { addresses, date, body: `text ${i + 1}`, read: i % 2 === 0 })
  })
  archive.sync.upsertMessages(DEVICE_A, records, 'live')
  return archive
}

function walk(archive: Archive, range: MessageRange, size: number): MessageRecord[] {
  const seen: MessageRecord[] = []
  let after: ScanPosition | null = null
  do {
    const page = archive.messages.scan(range, after, size)
    seen.push(...page.items)
    after = page.next
  } while (after !== null)
  return seen
}

describe('scanning the archive out in pages', () => {
  it('visits every message once, by conversation and then in time order, at any page size', () => {
    const archive = setup()
    for (const size of [1, 4, 10, 29, 30, 31, 500]) {
      const all = walk(archive, {}, size)
      expect(all).toHaveLength(30)
      expect(new Set(all.map((r) => r.message.id)).size).toBe(30)
      const keys = all.map((r) => [r.message.conversationId, r.message.date] as const)
      const sorted = [...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1])
      expect(keys).toEqual(sorted)
    }
  })

  it('carries the stored addresses, sender, read flag and status', () => {
    const archive = setup()
    const group = walk(archive, {}, 50).find((r) => r.addresses.length === 2)!
    expect(group.addresses).toEqual([ALICE, BOB])
    expect(group.senderAddress).toBe(ALICE)
    expect(typeof group.read).toBe('boolean')
    expect(group.status).toBe('none')
    expect(group.subId).toBe(1)
  })

  it('keeps to one conversation and a date range (since inclusive, until exclusive)', () => {
    const archive = setup()
    const conversation = walk(archive, {}, 50)[0]!.message.conversationId
    const one = walk(archive, { conversationId: conversation }, 3)
    expect(one).toHaveLength(10)
    expect(one.every((r) => r.message.conversationId === conversation)).toBe(true)

    const since = T0 + 10_000
    const until = T0 + 20_000
    const slice = walk(archive, { since, until }, 2)
    expect(slice.every((r) => r.message.date >= since && r.message.date < until)).toBe(true)
    // i = 10..14 share T0 + 10 s; i = 15..19 are T0 + 15 s..19 s.
    expect(slice).toHaveLength(10)
    expect(archive.messages.measure({ since, until })).toMatchObject({
      messages: 10,
      conversations: 3,
    })
    const both = walk(archive, { conversationId: conversation, since, until }, 1)
    expect(both.length).toBe(
      archive.messages.measure({ conversationId: conversation, since, until }).messages,
    )
  })

  it('leaves out what arrives after it was measured', () => {
    const archive = setup()
    const size = archive.messages.measure({})
    expect(size).toMatchObject({ messages: 30, conversations: 3 })
    archive.sync.upsertMessages(DEVICE_A, [sms(99, { date: T0 - 5000 })], 'live')
    expect(walk(archive, { maxId: size.maxId }, 7)).toHaveLength(30)
    expect(walk(archive, {}, 7)).toHaveLength(31)
  })

  it('refuses an unknown conversation and bounds that are not whole numbers', () => {
    const archive = setup()
    expect(() => archive.messages.scan({ conversationId: 999 }, null, 10)).toThrow(NotFoundError)
    expect(() => archive.messages.measure({ conversationId: 999 })).toThrow(NotFoundError)
    expect(() => archive.messages.scan({ since: 1.5 }, null, 10)).toThrow(InvalidInputError)
    expect(() => archive.messages.scan({}, null, 0)).toThrow(InvalidInputError)
  })

  it('is empty, with no next page, for an empty archive or range', () => {
    const { archive } = openTestArchive()
    expect(archive.messages.scan({}, null, 10)).toEqual({ items: [], next: null })
    expect(archive.messages.measure({})).toEqual({ messages: 0, conversations: 0, maxId: 0 })
    const full = setup()
    expect(full.messages.scan({ until: T0 }, null, 10)).toEqual({ items: [], next: null })
  })
})
