import { describe, expect, it } from 'vitest'
import type { Cursor } from '../../../../shared/model/cursor'
import type { ArchivedMessage } from '../../../../shared/model/message'
import type { Archive } from '../archive'
import { DEVICE_A, T0, addDevice, openTestArchive, sms } from './support'

/** 30 messages: ten share one date, arriving in scrambled order; the rest a second apart. */
function setup(): { archive: Archive; conversation: number } {
  const { archive } = openTestArchive()
  addDevice(archive)
  const tied = [5, 2, 9, 0, 7, 3, 8, 1, 6, 4].map((i) =>
    sms(`sms:t${i}`, { date: T0 + 50_000, body: `tie ${i}` }),
  )
  const before = Array.from({ length: 10 }, (_, i) => sms(i + 1, { date: T0 + (i + 1) * 1000 }))
  const after = Array.from({ length: 10 }, (_, i) => sms(i + 100, { date: T0 + 60_000 + i * 1000 }))
  archive.sync.upsertMessages(DEVICE_A, [...after, ...tied], 'live')
  archive.sync.upsertMessages(DEVICE_A, before, 'deferred')
  archive.searchIndex.rebuild()
  return { archive, conversation: archive.conversations.list({}, null, 1).items[0]!.id }
}

function walk(archive: Archive, conversation: number, size: number): ArchivedMessage[] {
  const seen: ArchivedMessage[] = []
  let page = archive.messages.page(conversation, null, size)
  seen.unshift(...page.items)
  while (page.older !== null) {
    page = archive.messages.page(conversation, page.older, size)
    seen.unshift(...page.items)
  }
  return seen
}

describe('paging by key', () => {
  it('walks a conversation backwards in pages, ties on date included, each message once', () => {
    const { archive, conversation } = setup()
    for (const size of [1, 3, 7, 30, 31]) {
      const all = walk(archive, conversation, size)
      expect(all).toHaveLength(30)
      expect(new Set(all.map((m) => m.id)).size).toBe(30)
      const dates = all.map((m) => m.date)
      expect([...dates].sort((a, b) => a - b)).toEqual(dates)
      // Equal dates keep the order in which the messages arrived.
      expect(all.filter((m) => m.date === T0 + 50_000).map((m) => m.body)).toEqual(
        [5, 2, 9, 0, 7, 3, 8, 1, 6, 4].map((i) => `tie ${i}`),
      )
    }
  })

  it('pages forward from any cursor to the newest, without gaps or repeats', () => {
    const { archive, conversation } = setup()
    const all = walk(archive, conversation, 30)
    let page = archive.messages.page(conversation, null, 4)
    while (page.older !== null) page = archive.messages.page(conversation, page.older, 4)
    expect(page.newer).not.toBeNull()
    const forward = [...page.items]
    let cursor: Cursor | null = page.newer
    while (cursor !== null) {
      const next = archive.messages.page(conversation, cursor, 4)
      forward.push(...next.items)
      cursor = next.newer
    }
    expect(forward.map((m) => m.id)).toEqual(all.map((m) => m.id))
  })

  it('opens a conversation around one message (a search hit) with cursors both ways', () => {
    const { archive, conversation } = setup()
    const all = walk(archive, conversation, 30)
    const target = all[15]!
    const { page, index } = archive.messages.around(target.id, 3, 2)
    expect(page.items.map((m) => m.id)).toEqual(all.slice(12, 18).map((m) => m.id))
    expect(page.items[index]!.id).toBe(target.id)
    const older = archive.messages.page(conversation, page.older, 12)
    expect(older.items.map((m) => m.id)).toEqual(all.slice(0, 12).map((m) => m.id))
    expect(older.older).toBeNull()
    const newer = archive.messages.page(conversation, page.newer, 20)
    expect(newer.items.map((m) => m.id)).toEqual(all.slice(18).map((m) => m.id))
    expect(newer.newer).toBeNull()
    const edge = archive.messages.around(all[0]!.id, 5, 1)
    expect(edge.index).toBe(0)
    expect(edge.page.older).toBeNull()
  })

  it('refuses malformed cursors and cursors of another list', () => {
    const { archive, conversation } = setup()
    const list = archive.conversations.list({}, null, 1)
    const bad = ['', 'zz', 'mo!!', 'mx123', 'mo' + 'z'.repeat(12)] as Cursor[]
    for (const cursor of bad) {
      expect(() => archive.messages.page(conversation, cursor, 5)).toThrow(
        expect.objectContaining({ code: 'bad_cursor' }),
      )
    }
    const fromSearch = archive.search.query({ text: 'message', limit: 1, withTotal: false }).older
    expect(fromSearch).not.toBeNull()
    expect(() => archive.messages.page(conversation, fromSearch, 5)).toThrow(
      expect.objectContaining({ code: 'bad_cursor' }),
    )
    expect(list.older).toBeNull()
    expect(() => archive.messages.page(conversation, null, 0)).toThrow(
      expect.objectContaining({ code: 'bad_limit' }),
    )
  })

  it('keeps every message when more than 1024 share one millisecond', () => {
    const { archive } = openTestArchive()
    addDevice(archive)
    const flood = Array.from({ length: 1100 }, (_, i) =>
      sms(`sms:f${i}`, { date: T0, body: `flood ${i}` }),
    )
    archive.sync.upsertMessages(
      DEVICE_A,
      [sms('sms:next', { date: T0 + 1, body: 'next' }), ...flood],
      'live',
    )
    const id = archive.conversations.list({}, null, 1).items[0]!.id
    const all = walk(archive, id, 200)
    expect(all).toHaveLength(1101)
    expect(new Set(all.map((m) => m.id)).size).toBe(1101)
    expect(archive.searchIndex.check().fts).toBe('ok')
  })
})
