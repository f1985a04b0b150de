// The outbox while a text goes out: written with its bubble, merged with the phone's record,
// and moved forward only by what the phone reports.
import { describe, expect, it } from 'vitest'
import { DEVICE_A, T0, sms, threadMismatches } from '../../store/tests/support'
import { setup, status, enqueue } from './support'

describe('outbox: sending', () => {
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
})
