import { describe, expect, it } from 'vitest'
import type { SmsMessage } from '../../../../shared/protocol/messages/common'
import type { Archive } from '../archive'
import {
  DEVICE_A,
  addDevice,
  generateHistory,
  openTestArchive,
  prng,
  sms,
  snapshot,
  threadMismatches,
} from './support'

function fresh(): Archive {
  const { archive } = openTestArchive()
  addDevice(archive)
  return archive
}

function shuffled<T>(items: readonly T[], rnd: () => number): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1))
    ;[out[i], out[j]] = [out[j] as T, out[i] as T]
  }
  return out
}

/** Cuts records into batches of random sizes. */
function batches(records: readonly SmsMessage[], rnd: () => number): SmsMessage[][] {
  const out: SmsMessage[][] = []
  for (let i = 0; i < records.length;) {
    const n = 1 + Math.floor(rnd() * 120)
    out.push(records.slice(i, i + n))
    i += n
  }
  return out
}

function expectSound(archive: Archive): void {
  expect(threadMismatches(archive)).toEqual([])
  const report = archive.searchIndex.check()
  expect(report.sqlite).toEqual(['ok'])
  expect(report.fts).toBe('ok')
}

describe('exactly-once upserts', () => {
  const records = generateHistory({ count: 600, conversations: 25, seed: 7, pattern: 'uniform' })

  const reference = (() => {
    const archive = fresh()
    archive.sync.upsertMessages(DEVICE_A, records, 'live')
    return snapshot(archive)
  })()

  it('random duplicated, re-ordered live batches give the same archive as one clean pass', () => {
    for (let seed = 1; seed <= 4; seed++) {
      const rnd = prng(seed)
      const archive = fresh()
      const noisy = shuffled([...records, ...records.filter(() => rnd() < 0.4)], rnd)
      for (const batch of batches(noisy, rnd)) {
        archive.sync.applyChanges(DEVICE_A, {
          changes: batch.map((message) => ({ op: 'upsert' as const, message })),
          watermark: `w${seed}`,
          reset: false,
        })
      }
      expect(snapshot(archive)).toEqual(reference)
      expectSound(archive)
    }
  })

  it('the bulk path, repeated and mixed with live pushes, gives the same archive', () => {
    const rnd = prng(99)
    const archive = fresh()
    const noisy = shuffled([...records, ...records.filter(() => rnd() < 0.5)], rnd)
    for (const batch of batches(noisy, rnd)) {
      if (rnd() < 0.5) archive.sync.upsertMessages(DEVICE_A, batch, 'deferred')
      else archive.sync.upsertMessages(DEVICE_A, batch, 'live')
    }
    archive.searchIndex.rebuild()
    expect(snapshot(archive)).toEqual(reference)
    expectSound(archive)
  })

  it('receiving the same record again changes nothing and says so', () => {
    const archive = fresh()
    const first = archive.sync.upsertMessages(DEVICE_A, records.slice(0, 50), 'live')
    expect(first.inserted).toBe(50)
    expect(first.incoming).toHaveLength(
      records.slice(0, 50).filter((r) => r.box === 'inbox').length,
    )
    const again = archive.sync.upsertMessages(DEVICE_A, records.slice(0, 50), 'live')
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 50, incoming: [] })
  })

  it('a live write describes each new incoming text as the archive now shows it', () => {
    const archive = fresh()
    const { incoming } = archive.sync.upsertMessages(DEVICE_A, records.slice(0, 50), 'live')
    expect(incoming.length).toBeGreaterThan(0)
    for (const text of incoming) {
      const message = archive.messages.get(text.messageId)
      const conversation = archive.conversations.get(message.conversationId)
      expect(message.direction).toBe('incoming')
      expect(text).toEqual({
        conversationId: conversation.id,
        messageId: message.id,
        title: conversation.title,
        snippet: message.body.replace(/\s+/g, ' ').trim().slice(0, 160),
      })
    }
    // A bulk history write is old news: nothing to notify.
    const bulk = archive.sync.upsertMessages(DEVICE_A, records.slice(50, 100), 'deferred')
    expect(bulk.inserted).toBeGreaterThan(0)
    expect(bulk.incoming).toEqual([])
  })

  it('a changed record updates its row in place: same id, new content searchable', () => {
    const archive = fresh()
    archive.sync.upsertMessages(DEVICE_A, [sms(1, { body: 'original words', read: false })], 'live')
    const [conversation] = archive.conversations.list({}, null, 10).items
    const before = archive.messages.page(conversation!.id, null, 10).items[0]!
    const result = archive.sync.applyPush(DEVICE_A, {
      type: 'message.changed',
      body: { message: sms(1, { body: 'edited words', read: true }), watermark: 'w2' },
    })
    expect(result).toMatchObject({ updated: 1, inserted: 0 })
    const after = archive.messages.get(before.id)
    expect(after).toMatchObject({ id: before.id, body: 'edited words', unread: false })
    expect(archive.conversations.get(conversation!.id).unreadCount).toBe(0)
    expect(archive.search.query({ text: 'edited', limit: 10, withTotal: false }).hits).toHaveLength(
      1,
    )
    expect(
      archive.search.query({ text: 'original', limit: 10, withTotal: false }).hits,
    ).toHaveLength(0)
    expectSound(archive)
  })

  it('a changed date moves the message in time order, keeping its id', () => {
    const archive = fresh()
    archive.sync.upsertMessages(DEVICE_A, [sms(1), sms(2), sms(3)], 'live')
    const conversation = archive.conversations.list({}, null, 1).items[0]!
    archive.sync.upsertMessages(DEVICE_A, [sms(1, { date: sms(3).date + 5000 })], 'live')
    const order = archive.messages.page(conversation.id, null, 10).items.map((m) => m.phoneId)
    expect(order).toEqual(['sms:2', 'sms:3', 'sms:1'])
    expect(archive.conversations.get(conversation.id).lastMessage.id).toBe(
      archive.messages.page(conversation.id, null, 10).items[2]!.id,
    )
    expectSound(archive)
  })

  it('deletes by phone id; the last deletion removes the conversation; unknown ids are no-ops', () => {
    const archive = fresh()
    archive.sync.upsertMessages(DEVICE_A, [sms(1), sms(2)], 'live')
    const id = archive.conversations.list({}, null, 1).items[0]!.id
    expect(archive.sync.deleteMessages(DEVICE_A, ['sms:2', 'sms:404'])).toMatchObject({
      deleted: 1,
    })
    expect(archive.conversations.get(id).messageCount).toBe(1)
    const last = archive.sync.applyPush(DEVICE_A, {
      type: 'message.deleted',
      body: { id: 'sms:1', watermark: 'w9' },
    })
    expect(last.removedConversations).toEqual([id])
    expect(archive.conversations.list({}, null, 10).items).toEqual([])
    expect(archive.sync.state(DEVICE_A).watermark).toBe('w9')
    expectSound(archive)
  })

  it('ignores drafts, and a stored message that becomes a draft leaves its conversation', () => {
    const archive = fresh()
    const r = archive.sync.upsertMessages(DEVICE_A, [sms(1), sms(2, { box: 'draft' })], 'live')
    expect(r).toMatchObject({ inserted: 1, ignoredDrafts: 1 })
    archive.sync.upsertMessages(DEVICE_A, [sms(1, { box: 'draft' })], 'live')
    expect(archive.conversations.list({}, null, 10).items).toEqual([])
    expectSound(archive)
  })

  it('keeps MMS parts, and the cached bytes of parts an update leaves unchanged', () => {
    const archive = fresh()
    const part = (n: number, size: number) => ({
      partId: `mms:5:${n}`,
      mime: 'image/png',
      size,
      name: null,
    })
    const mms = (parts: ReturnType<typeof part>[]) => sms('mms:5', { kind: 'mms', body: '', parts })
    archive.sync.upsertMessages(DEVICE_A, [mms([part(1, 3), part(2, 2)])], 'live')
    archive.attachments.storeBytes(DEVICE_A, 'mms:5:1', new Uint8Array([1, 2, 3]))
    archive.attachments.storeBytes(DEVICE_A, 'mms:5:2', new Uint8Array([4, 5]))
    expect(() => {
      archive.attachments.storeBytes(DEVICE_A, 'mms:5:2', new Uint8Array([1]))
    }).toThrow(expect.objectContaining({ code: 'bad_attachment' }))
    archive.sync.upsertMessages(DEVICE_A, [mms([part(1, 3), part(2, 9)])], 'live')
    expect(archive.attachments.bytes(DEVICE_A, 'mms:5:1')).toEqual(new Uint8Array([1, 2, 3]))
    expect(archive.attachments.bytes(DEVICE_A, 'mms:5:2')).toBeNull()
    const conversation = archive.conversations.list({}, null, 1).items[0]!
    const [bubble] = archive.messages.page(conversation.id, null, 5).items
    expect(bubble?.attachments).toEqual([
      { partId: 'mms:5:1', mime: 'image/png', size: 3, name: null, cached: true },
      { partId: 'mms:5:2', mime: 'image/png', size: 9, name: null, cached: false },
    ])
    expect(conversation.lastMessage.attachmentCount).toBe(2)
  })
})
