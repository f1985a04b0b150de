import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { BodyOf } from '../../../shared/protocol/messages/catalogue'
import type { Archive } from '../store/archive'
import type { TestClock } from '../store/tests/support'
import {
  DEVICE_A,
  DEVICE_B,
  T0,
  addDevice,
  openTestArchive,
  sms,
  threadMismatches,
} from '../store/tests/support'

function setup(): { archive: Archive; clock: TestClock } {
  const { archive, clock } = openTestArchive()
  addDevice(archive)
  return { archive, clock }
}

function status(
  key: string,
  state: BodyOf<'send.status'>['state'],
  extra: Partial<BodyOf<'send.status'>> = {},
): BodyOf<'send.status'> {
  return {
    key,
    state,
    messageId: null,
    at: T0,
    ...(state === 'failed' ? { reason: 'no_service' as const } : {}),
    ...extra,
  }
}

const enqueue = (archive: Archive, body = 'On my way', to = ['07700 900123']) =>
  archive.outbox.enqueue({ deviceId: DEVICE_A, to, body, subId: 1 })

describe('outbox', () => {
  it('enqueue writes the bubble and the entry together; the bubble shows as queued', () => {
    const { archive } = setup()
    const { entry, message } = enqueue(archive)
    expect(entry).toMatchObject({
      state: 'queued',
      to: ['07700 900123'],
      body: 'On my way',
      attempts: 0,
    })
    expect(entry.sendKey).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(message).toMatchObject({
      direction: 'outgoing',
      phoneId: null,
      delivery: { state: 'queued', reason: null, outboxId: entry.id },
    })
    const conversation = archive.conversations.get(message.conversationId)
    expect(conversation).toMatchObject({ title: '07700 900123', messageCount: 1, unreadCount: 0 })
    expect(conversation.lastMessage.delivery).toBe('queued')
    expect(archive.outbox.counts()).toEqual({ queued: 1, dispatching: 0, failed: 0, unknown: 0 })
  })

  it('refuses sends the protocol would refuse', () => {
    const { archive } = setup()
    expect(() => enqueue(archive, '')).toThrow(expect.objectContaining({ code: 'bad_body' }))
    expect(() => enqueue(archive, 'x'.repeat(5001))).toThrow(
      expect.objectContaining({ code: 'bad_body' }),
    )
    expect(() => enqueue(archive, 'hi', [])).toThrow(
      expect.objectContaining({ code: 'bad_recipients' }),
    )
    expect(archive.outbox.counts().queued).toBe(0)
  })

  it("merges the phone's record carrying the sendKey into the local bubble", () => {
    const { archive } = setup()
    const { entry, message } = enqueue(archive)
    archive.outbox.markDispatching(entry.id)
    const record = sms(50, {
      box: 'sent',
      sender: null,
      addresses: ['+447700900123'],
      body: 'On my way',
      date: T0 + 2_000,
      read: true,
      sendKey: entry.sendKey,
    })
    const merged = archive.sync.applyPush(DEVICE_A, {
      type: 'message.new',
      body: { message: record, watermark: 'w1' },
    })
    expect(merged).toMatchObject({ merged: 1, inserted: 0 })
    const page = archive.messages.page(message.conversationId, null, 10).items
    expect(page).toHaveLength(1)
    expect(page[0]).toMatchObject({ id: message.id, phoneId: 'sms:50', date: T0 + 2_000 })
    expect(page[0]!.delivery.state).toBe('sent')
    // The same record again, then with a delivery report: still one bubble, now delivered.
    archive.sync.applyPush(DEVICE_A, {
      type: 'message.new',
      body: { message: record, watermark: 'w2' },
    })
    archive.sync.applyPush(DEVICE_A, {
      type: 'message.changed',
      body: { message: { ...record, status: 'complete' }, watermark: 'w3' },
    })
    expect(archive.messages.page(message.conversationId, null, 10).items).toHaveLength(1)
    expect(archive.outbox.get(entry.id).state).toBe('delivered')
    expect(threadMismatches(archive)).toEqual([])
    expect(archive.searchIndex.check().fts).toBe('ok')
  })

  it('keeps one bubble when the phone reported the text before it knew the key', () => {
    const { archive } = setup()
    const { entry, message } = enqueue(archive)
    const record = sms(51, { box: 'sent', sender: null, body: 'On my way', read: true })
    archive.sync.upsertMessages(DEVICE_A, [record], 'live')
    expect(archive.messages.page(message.conversationId, null, 10).items).toHaveLength(2)
    archive.sync.upsertMessages(DEVICE_A, [{ ...record, sendKey: entry.sendKey }], 'live')
    const items = archive.messages.page(message.conversationId, null, 10).items
    expect(items).toHaveLength(1)
    expect(items[0]).toMatchObject({ phoneId: 'sms:51', delivery: { outboxId: entry.id } })
    expect(threadMismatches(archive)).toEqual([])
  })

  it("links the phone's id from send.status, so the later record lands on the same row", () => {
    const { archive } = setup()
    const { entry, message } = enqueue(archive)
    archive.outbox.markDispatching(entry.id)
    archive.outbox.applyStatus(DEVICE_A, status(entry.sendKey, 'sent', { messageId: 'sms:77' }))
    expect(archive.messages.get(message.id).phoneId).toBe('sms:77')
    archive.sync.upsertMessages(
      DEVICE_A,
      [sms(77, { box: 'sent', sender: null, body: 'On my way' })],
      'live',
    )
    expect(archive.messages.page(message.conversationId, null, 10).items).toHaveLength(1)
  })

  it('moves forward only: sent → delivered applies, delivered → sent is ignored, failed is final', () => {
    const { archive } = setup()
    const { entry } = enqueue(archive)
    expect(archive.outbox.markDispatching(entry.id)).toMatchObject({
      state: 'dispatching',
      attempts: 1,
    })
    expect(archive.outbox.applyStatus(DEVICE_A, status(entry.sendKey, 'accepted')).changed).toBe(
      false,
    )
    expect(archive.outbox.applyStatus(DEVICE_A, status(entry.sendKey, 'sent')).entry?.state).toBe(
      'sent',
    )
    expect(
      archive.outbox.applyStatus(DEVICE_A, status(entry.sendKey, 'delivered')).entry?.state,
    ).toBe('delivered')
    const late = archive.outbox.applyStatus(DEVICE_A, status(entry.sendKey, 'sent'))
    expect(late).toMatchObject({ changed: false, entry: { state: 'delivered' } })

    const second = enqueue(archive, 'second').entry
    archive.outbox.markDispatching(second.id)
    const failed = archive.outbox.applyStatus(DEVICE_A, status(second.sendKey, 'failed'))
    expect(failed.entry).toMatchObject({ state: 'failed', reason: 'no_service' })
    expect(archive.messages.get(second.messageId).delivery).toEqual({
      state: 'failed',
      reason: 'no_service',
      outboxId: second.id,
    })
    expect(archive.outbox.applyStatus(DEVICE_A, status(second.sendKey, 'sent')).changed).toBe(false)
    expect(archive.outbox.applyStatus(DEVICE_A, status('unknownkey0000000', 'sent'))).toMatchObject(
      {
        entry: null,
        changed: false,
        change: { conversations: [], incoming: [] },
      },
    )
    expect(() => archive.outbox.markDispatching(second.id)).toThrow(
      expect.objectContaining({ name: 'OutboxStateError', code: 'not_allowed' }),
    )
  })

  it('recovers after a crash: dispatching becomes unknown, nothing is resent', () => {
    const dir = mkdtempSync(join(tmpdir(), 'textbridge-outbox-'))
    try {
      const path = join(dir, 'a.db')
      const first = openTestArchive(path).archive
      addDevice(first)
      const a = first.outbox.enqueue({
        deviceId: DEVICE_A,
        to: ['+447700900123'],
        body: 'a',
        subId: null,
      }).entry
      const b = first.outbox.enqueue({
        deviceId: DEVICE_A,
        to: ['+447700900123'],
        body: 'b',
        subId: null,
      }).entry
      first.outbox.markDispatching(a.id)
      first.close() // the process dies with `a` in flight

      const second = openTestArchive(path).archive
      expect(second.outbox.recoverAfterCrash()).toBe(1)
      expect(second.outbox.get(a.id).state).toBe('unknown')
      expect(second.outbox.queued(DEVICE_A).map((e) => e.id)).toEqual([b.id])
      expect(second.outbox.counts()).toEqual({ queued: 1, dispatching: 0, failed: 0, unknown: 1 })
      // What the phone knows about the key resolves the unknown.
      expect(second.outbox.applyStatus(DEVICE_A, status(a.sendKey, 'sent')).entry?.state).toBe(
        'sent',
      )
      second.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('retries: a failed key must be reissued; an unknown one may be reused or reissued', () => {
    const { archive } = setup()
    const failed = enqueue(archive, 'one').entry
    archive.outbox.markDispatching(failed.id)
    archive.outbox.applyStatus(DEVICE_A, status(failed.sendKey, 'failed'))
    expect(() => archive.outbox.retry(failed.id, 'reuse')).toThrow(
      expect.objectContaining({ code: 'key_final' }),
    )
    const reissued = archive.outbox.retry(failed.id, 'reissue')
    expect(reissued).toMatchObject({ state: 'queued', reason: null, messageId: failed.messageId })
    expect(reissued.sendKey).not.toBe(failed.sendKey)
    expect(archive.outbox.byKey(DEVICE_A, reissued.sendKey)?.id).toBe(failed.id)

    const unknown = enqueue(archive, 'two').entry
    archive.outbox.markDispatching(unknown.id)
    archive.outbox.recoverAfterCrash()
    expect(archive.outbox.retry(unknown.id, 'reuse')).toMatchObject({
      state: 'queued',
      sendKey: unknown.sendKey,
    })
    archive.outbox.markDispatching(unknown.id)
    archive.outbox.recoverAfterCrash()
    expect(archive.outbox.retry(unknown.id, 'reissue').sendKey).not.toBe(unknown.sendKey)
    expect(() => archive.outbox.retry(unknown.id, 'reuse')).toThrow(
      expect.objectContaining({ code: 'not_allowed' }),
    )
  })

  it('retrying a text the phone recorded as failed gives the new attempt its own bubble', () => {
    const { archive } = setup()
    const { entry, message } = enqueue(archive, 'retry me')
    archive.outbox.markDispatching(entry.id)
    archive.outbox.applyStatus(DEVICE_A, status(entry.sendKey, 'failed', { messageId: 'sms:90' }))
    const retried = archive.outbox.retry(entry.id, 'reissue')
    expect(retried.messageId).not.toBe(message.id)
    const items = archive.messages.page(message.conversationId, null, 10).items
    expect(items.map((m) => m.phoneId)).toEqual(['sms:90', null])
    expect(threadMismatches(archive)).toEqual([])
  })

  it('discards queued or failed texts; the phone keeps its own record', () => {
    const { archive } = setup()
    const queued = enqueue(archive, 'never mind')
    archive.outbox.discard(queued.entry.id)
    expect(() => archive.messages.get(queued.message.id)).toThrow(
      expect.objectContaining({ code: 'message' }),
    )
    expect(archive.conversations.list({}, null, 10).items).toEqual([])

    const failed = enqueue(archive, 'failed one')
    archive.outbox.markDispatching(failed.entry.id)
    archive.outbox.applyStatus(
      DEVICE_A,
      status(failed.entry.sendKey, 'failed', { messageId: 'sms:91' }),
    )
    archive.outbox.discard(failed.entry.id)
    expect(archive.messages.get(failed.message.id).delivery).toEqual({
      state: 'failed',
      reason: null,
      outboxId: null,
    })

    const inFlight = enqueue(archive, 'flying')
    archive.outbox.markDispatching(inFlight.entry.id)
    expect(() => {
      archive.outbox.discard(inFlight.entry.id)
    }).toThrow(expect.objectContaining({ code: 'not_allowed' }))
    expect(archive.outbox.requeue(inFlight.entry.id).state).toBe('queued')
    expect(threadMismatches(archive)).toEqual([])
  })

  it('lists queued entries per device in order, and counts per device', () => {
    const { archive, clock } = setup()
    addDevice(archive, DEVICE_B)
    const a1 = enqueue(archive, 'a1').entry
    clock.now += 10
    const b1 = archive.outbox.enqueue({
      deviceId: DEVICE_B,
      to: ['+447700900555'],
      body: 'b1',
      subId: null,
    }).entry
    clock.now += 10
    const a2 = enqueue(archive, 'a2').entry
    expect(archive.outbox.queued(DEVICE_A).map((e) => e.body)).toEqual(['a1', 'a2'])
    expect(archive.outbox.queued(DEVICE_B).map((e) => e.id)).toEqual([b1.id])
    archive.outbox.markDispatching(a1.id)
    expect(archive.outbox.counts(DEVICE_A)).toEqual({
      queued: 1,
      dispatching: 1,
      failed: 0,
      unknown: 0,
    })
    expect(archive.outbox.counts()).toEqual({ queued: 2, dispatching: 1, failed: 0, unknown: 0 })
    expect(archive.outbox.list(DEVICE_A, ['queued', 'dispatching']).map((e) => e.body)).toEqual([
      'a1',
      'a2',
    ])
    expect(a2.createdAt).toBe(T0 + 20)
  })
})
