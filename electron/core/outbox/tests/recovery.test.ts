// The outbox after a crash, and what the user can do with a text that did not go: retry under
// the same or a new key, or discard it.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  DEVICE_A,
  DEVICE_B,
  T0,
  addDevice,
  openTestArchive,
  threadMismatches,
} from '../../store/tests/support'
import { setup, status, enqueue } from './support'

describe('outbox: after the fact', () => {
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
