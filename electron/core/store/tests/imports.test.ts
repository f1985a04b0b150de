import { describe, expect, it } from 'vitest'
import type { ImportedText } from '../messages/import-writer'
import { IMPORTED_DEVICE_NAME } from '../imports/imports'
import { databaseOf } from '../archive'
import type { Archive } from '../archive'
import { DEVICE_A, DEVICE_B, T0, addDevice, openTestArchive, sms } from './support'

function text(fields: Partial<ImportedText> = {}): ImportedText {
  return {
    kind: 'sms',
    box: 'inbox',
    addresses: ['+447700900123'],
    sender: '+447700900123',
    date: T0 + 1000,
    dateSent: null,
    body: 'message 1',
    read: true,
    subId: null,
    parts: [],
    ...fields,
  }
}

function importAll(archive: Archive, texts: readonly ImportedText[], fileKey = 'f1') {
  const run = archive.imports.begin(DEVICE_A, fileKey, 'sms-1.xml')
  return archive.imports.writeBatch(run, texts, texts.length)
}

const count = (archive: Archive) =>
  (databaseOf(archive).prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n

function withPhone(): Archive {
  const { archive } = openTestArchive()
  addDevice(archive)
  return archive
}

const push = (archive: Archive, message = sms(1)) => {
  archive.sync.applyPush(DEVICE_A, { type: 'message.new', body: { message, watermark: 'w' } })
}

describe('importing backup texts', () => {
  it('stores them marked as imported and finds them by search at once', () => {
    const archive = withPhone()
    expect(importAll(archive, [text({ body: 'lighthouse keeper' })])).toMatchObject({ added: 1 })
    const page = archive.search.query({ text: 'lighthouse', limit: 10, withTotal: true })
    expect(page.total).toMatchObject({ count: 1 })
    const [conversation] = archive.conversations.list({}, null, 10).items
    const [bubble] = archive.messages.page(conversation!.id, null, 10).items
    expect(bubble).toMatchObject({ imported: true, phoneId: null, direction: 'incoming' })
  })

  it('keeps every box as what it was: a draft stays a draft, an old outbox text is unknown', () => {
    const archive = withPhone()
    const boxes = ['inbox', 'sent', 'draft', 'outbox', 'failed', 'queued'] as const
    importAll(
      archive,
      boxes.map((box, i) => text({ box, date: T0 + i * 1000, body: `b${i}`, sender: null })),
    )
    const [conversation] = archive.conversations.list({}, null, 10).items
    const states = archive.messages
      .page(conversation!.id, null, 10)
      .items.map((m) => [m.body, m.delivery.state])
    expect(states).toEqual([
      ['b0', 'received'],
      ['b1', 'sent'],
      ['b2', 'draft'],
      ['b3', 'unknown'],
      ['b4', 'failed'],
      ['b5', 'unknown'],
    ])
  })

  it('stores a text twice in the file, or in a second import, once', () => {
    const archive = withPhone()
    expect(importAll(archive, [text(), text()])).toMatchObject({ added: 1, present: 1 })
    expect(importAll(archive, [text()], 'f2')).toMatchObject({ added: 0, present: 1 })
    expect(count(archive)).toBe(1)
  })

  it('puts a number written nationally into the conversation the phone files it in', () => {
    const archive = withPhone()
    push(archive, sms(1, { body: 'from the phone' }))
    importAll(archive, [text({ addresses: ['07700 900123'], sender: '07700 900123', body: 'old' })])
    expect(archive.conversations.list({}, null, 10).items).toHaveLength(1)
  })

  it('takes a text the phone synced first as already there, and keeps it when the phone drops it', () => {
    const archive = withPhone()
    push(archive)
    const inFile = text({ date: sms(1).date, body: sms(1).body, box: 'inbox' })
    expect(importAll(archive, [inFile])).toMatchObject({ added: 0, present: 1 })
    archive.sync.applyPush(DEVICE_A, {
      type: 'message.deleted',
      body: { id: 'sms:1', watermark: 'w2' },
    })
    expect(count(archive)).toBe(1)
  })

  it('merges the phone copy of an imported text into the imported row, keeping one bubble', () => {
    const archive = withPhone()
    importAll(archive, [text({ date: sms(1).date, body: sms(1).body })])
    push(archive)
    expect(count(archive)).toBe(1)
    const [conversation] = archive.conversations.list({}, null, 10).items
    const [bubble] = archive.messages.page(conversation!.id, null, 10).items
    expect(bubble).toMatchObject({ imported: true, phoneId: 'sms:1' })
    expect(conversation!.messageCount).toBe(1)
    archive.sync.applyPush(DEVICE_A, {
      type: 'message.deleted',
      body: { id: 'sms:1', watermark: 'w2' },
    })
    expect(count(archive)).toBe(1)
  })

  it('keeps the pictures of an MMS with their bytes', () => {
    const archive = withPhone()
    const bytes = new Uint8Array([137, 80, 78, 71])
    importAll(archive, [
      text({
        kind: 'mms',
        addresses: ['+447700900123', '+447700900456'],
        parts: [{ mime: 'image/png', name: 'a.png', bytes }],
      }),
    ])
    const [conversation] = archive.conversations.list({}, null, 10).items
    const [bubble] = archive.messages.page(conversation!.id, null, 10).items
    expect(bubble!.attachments).toMatchObject([{ mime: 'image/png', cached: true, size: 4 }])
    expect(archive.attachments.bytes(DEVICE_A, bubble!.attachments[0]!.partId)).toEqual(bytes)
  })

  it('resumes an unfinished import of the same file after what it committed', () => {
    const archive = withPhone()
    const run = archive.imports.begin(DEVICE_A, 'f1', 'sms-1.xml')
    archive.imports.writeBatch(run, [text()], 1)
    expect(archive.imports.begin(DEVICE_A, 'f1', 'sms-1.xml')).toMatchObject({ resumeAfter: 1 })
    archive.imports.finish(run, 'complete', null)
    expect(archive.imports.begin(DEVICE_A, 'f1', 'sms-1.xml')).toMatchObject({ resumeAfter: 0 })
    expect(archive.imports.list()).toMatchObject([{ fileName: 'sms-1.xml', read: 1, added: 1 }])
  })

  it('imports into the only phone, refuses to guess among several, and makes its own archive with none', () => {
    const { archive } = openTestArchive()
    const own = archive.imports.target(null, 'GB')
    expect(archive.devices.get(own)).toMatchObject({ name: IMPORTED_DEVICE_NAME })
    expect(archive.devices.get(own).unpairedAt).not.toBeNull()
    expect(archive.imports.target(null, 'GB')).toBe(own)
    addDevice(archive, DEVICE_B)
    expect(() => archive.imports.target(null, 'GB')).toThrow(/several phones/)
    expect(archive.imports.target(DEVICE_B, null)).toBe(DEVICE_B)
  })
})
