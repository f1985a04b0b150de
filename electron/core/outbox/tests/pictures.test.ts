// Picture and group messages in the outbox: stored with their files' bytes, uploaded resumably,
// merged with the phone's MMS record without losing the picture, and the 'waiting' state.
import { describe, expect, it } from 'vitest'
import { DEVICE_A, T0, sms, threadMismatches } from '../../store/tests/support'
import type { Archive } from '../../store/archive'
import { setup, status } from './support'

const GROUP = ['+447700900123', '+447700900456', '+447700900789']

/** A JPEG signature and filler: enough for the archive, which never decodes pictures. */
function jpeg(size: number, fill = 7): Uint8Array {
  const bytes = new Uint8Array(size).fill(fill)
  bytes.set([0xff, 0xd8, 0xff, 0xe0])
  return bytes
}

function enqueuePicture(archive: Archive, to = GROUP, body = 'Look!', files = [jpeg(5000)]) {
  return archive.outbox.enqueue({
    deviceId: DEVICE_A,
    to,
    body,
    subId: null,
    attachments: files.map((bytes, i) => ({ mime: 'image/jpeg', name: `IMG_${i}.jpg`, bytes })),
  })
}

/** The phone's record of the sent MMS, as the Java phone writes it: its own part ids. */
function phoneRecord(sendKey: string, files: readonly Uint8Array[], fields = {}) {
  return sms('mms:70', {
    kind: 'mms',
    box: 'sent',
    sender: null,
    addresses: GROUP,
    body: 'Look!',
    read: true,
    sendKey,
    parts: files.map((f, i) => ({
      partId: `mms:70:${i + 1}`,
      mime: 'image/jpeg',
      size: f.length,
      name: `IMG_${i}.jpg`,
    })),
    ...fields,
  })
}

describe('outbox: picture and group messages', () => {
  it('stores the bubble with its files, shown at once, and each upload at 0', () => {
    const { archive } = setup()
    const file = jpeg(5000)
    const { entry, message } = enqueuePicture(archive)
    expect(message).toMatchObject({ kind: 'mms', body: 'Look!', delivery: { state: 'queued' } })
    expect(message.attachments).toEqual([
      {
        partId: `up:${entry.parts[0]!.uploadId}`,
        mime: 'image/jpeg',
        size: 5000,
        name: 'IMG_0.jpg',
        cached: true,
      },
    ])
    expect(entry.parts).toEqual([
      {
        uploadId: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/) as unknown,
        mime: 'image/jpeg',
        name: 'IMG_0.jpg',
        size: 5000,
        received: 0,
      },
    ])
    expect(archive.attachments.bytes(DEVICE_A, message.attachments[0]!.partId)).toEqual(file)
    expect(archive.outbox.uploadBytes(entry.id, entry.parts[0]!.uploadId)).toEqual(file)
    // A group conversation of all three, with the message as its last.
    const conversation = archive.conversations.get(message.conversationId)
    expect(conversation.participants).toHaveLength(3)
    expect(conversation.lastMessage.attachmentCount).toBe(1)
    expect(threadMismatches(archive)).toEqual([])
  })

  it('sends words to a group as one MMS, and files without words', () => {
    const { archive } = setup()
    const group = archive.outbox.enqueue({
      deviceId: DEVICE_A,
      to: GROUP,
      body: 'Hi all',
      subId: 1,
    })
    expect(group.message.kind).toBe('mms')
    expect(group.entry.parts).toEqual([])
    const silent = enqueuePicture(archive, ['+447700900123'], '')
    expect(silent.message).toMatchObject({ kind: 'mms', body: '' })
    expect(() => enqueuePicture(archive, ['+447700900123'], '', [])).toThrow(
      expect.objectContaining({ code: 'bad_body' }),
    )
    const eleven = Array.from({ length: 11 }, () => jpeg(10))
    expect(() => enqueuePicture(archive, GROUP, 'x', eleven)).toThrow(
      expect.objectContaining({ code: 'bad_attachment' }),
    )
  })

  it('records upload progress only while queued', () => {
    const { archive } = setup()
    const { entry } = enqueuePicture(archive)
    const uploadId = entry.parts[0]!.uploadId
    expect(archive.outbox.recordUpload(entry.id, uploadId, 3000).received).toBe(3000)
    expect(archive.outbox.get(entry.id).parts[0]!.received).toBe(3000)
    expect(() => archive.outbox.recordUpload(entry.id, uploadId, 6000)).toThrow(
      expect.objectContaining({ code: 'not_allowed' }),
    )
    expect(() => archive.outbox.recordUpload(entry.id, 'x'.repeat(22), 1)).toThrow(
      expect.objectContaining({ code: 'attachment' }),
    )
    archive.outbox.recordUpload(entry.id, uploadId, 5000)
    archive.outbox.markDispatching(entry.id)
    expect(() => archive.outbox.recordUpload(entry.id, uploadId, 5000)).toThrow(
      expect.objectContaining({ code: 'not_allowed' }),
    )
  })

  it("merges the phone's MMS record into the bubble and keeps the picture's bytes", () => {
    const { archive } = setup()
    const files = [jpeg(5000, 1), jpeg(7000, 2)]
    const { entry, message } = enqueuePicture(archive, GROUP, 'Look!', files)
    archive.outbox.markDispatching(entry.id)
    const record = phoneRecord(entry.sendKey, files)
    expect(
      archive.sync.applyPush(DEVICE_A, {
        type: 'message.new',
        body: { message: record, watermark: 'w1' },
      }),
    ).toMatchObject({ merged: 1, inserted: 0 })
    const items = archive.messages.page(message.conversationId, null, 10).items
    expect(items).toHaveLength(1)
    expect(items[0]).toMatchObject({ id: message.id, phoneId: 'mms:70', kind: 'mms' })
    expect(items[0]!.delivery.state).toBe('sent')
    expect(items[0]!.attachments.map((a) => [a.partId, a.cached])).toEqual([
      ['mms:70:1', true],
      ['mms:70:2', true],
    ])
    expect(archive.attachments.bytes(DEVICE_A, 'mms:70:1')).toEqual(files[0])
    expect(archive.attachments.bytes(DEVICE_A, 'mms:70:2')).toEqual(files[1])
    // The same record again and then delivered: still one bubble, with its pictures.
    archive.sync.applyPush(DEVICE_A, {
      type: 'message.changed',
      body: { message: { ...record, status: 'complete' }, watermark: 'w2' },
    })
    expect(archive.outbox.get(entry.id).state).toBe('delivered')
    expect(archive.attachments.bytes(DEVICE_A, 'mms:70:2')).toEqual(files[1])
    expect(threadMismatches(archive)).toEqual([])
    expect(archive.searchIndex.check().fts).toBe('ok')
  })

  it('keeps the files while the phone lists its record without parts yet', () => {
    const { archive } = setup()
    const { entry, message } = enqueuePicture(archive)
    archive.sync.upsertMessages(
      DEVICE_A,
      [phoneRecord(entry.sendKey, [], { box: 'outbox' })],
      'live',
    )
    const held = archive.messages.get(message.id)
    expect(held.phoneId).toBe('mms:70')
    expect(held.attachments.map((a) => a.cached)).toEqual([true])
    archive.sync.upsertMessages(DEVICE_A, [phoneRecord(entry.sendKey, [jpeg(5000)])], 'live')
    expect(archive.messages.get(message.id).attachments).toMatchObject([
      { partId: 'mms:70:1', cached: true },
    ])
  })

  it("carries the bytes when the phone's record arrived first as a row of its own", () => {
    const { archive } = setup()
    const file = jpeg(5000, 3)
    const { entry, message } = enqueuePicture(archive, GROUP, 'Look!', [file])
    archive.outbox.markDispatching(entry.id)
    // Reported before the phone knew the key, then named by send.status.
    archive.sync.upsertMessages(
      DEVICE_A,
      [phoneRecord(entry.sendKey, [file], { sendKey: null })],
      'live',
    )
    archive.outbox.applyStatus(DEVICE_A, status(entry.sendKey, 'sent', { messageId: 'mms:70' }))
    const items = archive.messages.page(message.conversationId, null, 10).items
    expect(items).toHaveLength(1)
    expect(items[0]!.phoneId).toBe('mms:70')
    expect(archive.attachments.bytes(DEVICE_A, 'mms:70:1')).toEqual(file)
    expect(archive.outbox.get(entry.id).state).toBe('sent')
  })

  it('waits while the phone asks its user: forward only, counted in flight, not discardable', () => {
    const { archive } = setup()
    const { entry, message } = enqueuePicture(archive)
    archive.outbox.markDispatching(entry.id)
    expect(
      archive.outbox.applyStatus(DEVICE_A, status(entry.sendKey, 'waiting_for_user')).entry,
    ).toMatchObject({ state: 'waiting' })
    expect(archive.messages.get(message.id).delivery.state).toBe('waiting')
    expect(archive.outbox.counts()).toEqual({ queued: 0, dispatching: 1, failed: 0, unknown: 0 })
    expect(archive.outbox.waiting(DEVICE_A).map((e) => e.id)).toEqual([entry.id])
    expect(archive.outbox.applyStatus(DEVICE_A, status(entry.sendKey, 'accepted')).changed).toBe(
      false,
    )
    expect(() => {
      archive.outbox.discard(entry.id)
    }).toThrow(expect.objectContaining({ code: 'not_allowed' }))
    // Neither a dropped connection nor a restart makes it unknown: the phone holds it.
    expect(archive.outbox.requeueInFlight(DEVICE_A)).toBe(0)
    expect(archive.outbox.recoverAfterCrash()).toBe(0)
    expect(archive.outbox.applyStatus(DEVICE_A, status(entry.sendKey, 'sent')).entry?.state).toBe(
      'sent',
    )
    expect(
      archive.outbox.applyStatus(DEVICE_A, status(entry.sendKey, 'waiting_for_user')).changed,
    ).toBe(false)
  })

  it('a declined wait fails; the retry uploads again from 0 under a new key', () => {
    const { archive } = setup()
    const { entry, message } = enqueuePicture(archive)
    archive.outbox.recordUpload(entry.id, entry.parts[0]!.uploadId, 5000)
    archive.outbox.markDispatching(entry.id)
    archive.outbox.applyStatus(DEVICE_A, status(entry.sendKey, 'waiting_for_user'))
    archive.outbox.applyStatus(
      DEVICE_A,
      status(entry.sendKey, 'failed', { reason: 'limit_exceeded' }),
    )
    const retried = archive.outbox.retry(entry.id, 'reissue')
    expect(retried).toMatchObject({ state: 'queued', messageId: message.id })
    expect(retried.sendKey).not.toBe(entry.sendKey)
    expect(retried.parts).toEqual([{ ...entry.parts[0], received: 0 }])
  })

  it('retrying a picture the phone recorded as failed copies its files to a new bubble', () => {
    const { archive, clock } = setup()
    const file = jpeg(5000, 4)
    const { entry, message } = enqueuePicture(archive, GROUP, 'Look!', [file])
    archive.outbox.markDispatching(entry.id)
    const record = phoneRecord(entry.sendKey, [file], { box: 'failed', status: 'failed' })
    archive.sync.upsertMessages(DEVICE_A, [record], 'live')
    archive.outbox.applyStatus(
      DEVICE_A,
      status(entry.sendKey, 'failed', { reason: 'mms_too_large', messageId: 'mms:70' }),
    )
    clock.now = T0 + 60_000
    const retried = archive.outbox.retry(entry.id, 'reissue')
    expect(retried.messageId).not.toBe(message.id)
    expect(retried.parts[0]!.uploadId).not.toBe(entry.parts[0]!.uploadId)
    expect(archive.outbox.uploadBytes(retried.id, retried.parts[0]!.uploadId)).toEqual(file)
    const bubble = archive.messages.get(retried.messageId)
    expect(bubble).toMatchObject({ kind: 'mms', phoneId: null, delivery: { state: 'queued' } })
    expect(bubble.attachments.map((a) => a.cached)).toEqual([true])
    expect(threadMismatches(archive)).toEqual([])
  })
})
