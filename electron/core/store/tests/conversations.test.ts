import { describe, expect, it } from 'vitest'
import type { Contact } from '../../../../shared/protocol/messages/catalogue'
import type { Archive } from '../archive'
import {
  DEVICE_A,
  DEVICE_B,
  T0,
  addDevice,
  openTestArchive,
  sms,
  threadMismatches,
} from './support'

function setup(): Archive {
  const { archive } = openTestArchive()
  addDevice(archive)
  return archive
}

const ada: Contact = {
  id: 'c:1',
  name: 'Ada Lovelace',
  numbers: [{ number: '07700 900123', type: 'mobile', label: null }],
  photo: null,
}

describe('conversations (threads maintained on write)', () => {
  it('groups three formats of one number into one conversation', () => {
    const archive = setup()
    archive.sync.upsertMessages(
      DEVICE_A,
      [
        sms(1, { addresses: ['+44 7700 900123'] }),
        sms(2, { addresses: ['07700 900123'] }),
        sms(3, { addresses: ['+447700900123'] }),
        sms(4, { addresses: ['0044 7700 900123'] }),
      ],
      'live',
    )
    const list = archive.conversations.list({}, null, 10).items
    expect(list).toHaveLength(1)
    expect(list[0]).toMatchObject({
      title: '07700 900123',
      messageCount: 4,
      participants: [{ key: '+447700900123', address: '07700 900123', name: null }],
    })
    expect(archive.conversations.find(DEVICE_A, ['+44 (0)7700 900123'])).toBe(list[0]!.id)
    expect(archive.conversations.find(DEVICE_A, ['07700900123'])).toBe(list[0]!.id)
    expect(archive.conversations.find(DEVICE_A, ['07700900124'])).toBeNull()
  })

  it('keeps short codes and alphanumeric senders as their own conversations', () => {
    const archive = setup()
    archive.sync.upsertMessages(
      DEVICE_A,
      [
        sms(1, { addresses: ['BANK'] }),
        sms(2, { addresses: ['Bank'] }),
        sms(3, { addresses: ['62345'] }),
        sms(4, { addresses: ['+447700900123'] }),
      ],
      'live',
    )
    const titles = archive.conversations
      .list({}, null, 10)
      .items.map((c) => [c.title, c.messageCount])
    expect(titles).toEqual([
      ['07700 900123', 1],
      ['62345', 1],
      ['BANK', 2],
    ])
  })

  it('keeps counts, unread, last message, direction and SIM on write', () => {
    const archive = setup()
    archive.sync.upsertMessages(
      DEVICE_A,
      [
        sms(1, { read: false }),
        sms(2, { read: false }),
        sms(3, { box: 'sent', sender: null, read: true, subId: 2, body: 'Reply\nwith  two lines' }),
      ],
      'live',
    )
    const c = archive.conversations.list({}, null, 1).items[0]!
    expect(c).toMatchObject({
      messageCount: 3,
      unreadCount: 2,
      sim: { subId: 2, slot: null, label: null },
    })
    expect(c.lastMessage).toMatchObject({
      snippet: 'Reply with two lines',
      direction: 'outgoing',
      delivery: 'sent',
      date: T0 + 3000,
    })
    // The phone says one was read there: the count follows.
    archive.sync.upsertMessages(DEVICE_A, [sms(1, { read: true })], 'live')
    expect(archive.conversations.get(c.id).unreadCount).toBe(1)
    expect(threadMismatches(archive)).toEqual([])
  })

  it('marks a conversation read on the desktop; later texts are unread, older back-fill is not', () => {
    const archive = setup()
    archive.sync.upsertMessages(DEVICE_A, [sms(10), sms(11)], 'live')
    const id = archive.conversations.list({}, null, 1).items[0]!.id
    expect(archive.conversations.markRead(id).unreadCount).toBe(0)
    expect(archive.messages.page(id, null, 10).items.every((m) => !m.unread)).toBe(true)
    archive.sync.upsertMessages(DEVICE_A, [sms(12), sms(5)], 'live')
    expect(archive.conversations.get(id).unreadCount).toBe(1)
    const unread = archive.messages.page(id, null, 10).items.filter((m) => m.unread)
    expect(unread.map((m) => m.phoneId)).toEqual(['sms:12'])
    expect(archive.conversations.unreadTotal({})).toBe(1)
    expect(threadMismatches(archive)).toEqual([])
    expect(() => archive.conversations.markRead(999)).toThrow(
      expect.objectContaining({ code: 'conversation' }),
    )
  })

  it('lists every phone in one inbox by latest activity, pages by key, and filters by device', () => {
    const archive = setup()
    addDevice(archive, DEVICE_B)
    for (let i = 0; i < 7; i++) {
      const device = i % 2 === 0 ? DEVICE_A : DEVICE_B
      archive.sync.upsertMessages(
        device,
        [sms(i, { addresses: [`+4477009001${String(i).padStart(2, '0')}`] })],
        'live',
      )
    }
    const first = archive.conversations.list({}, null, 3)
    expect(first.items.map((c) => c.lastMessage.date)).toEqual([T0 + 6000, T0 + 5000, T0 + 4000])
    expect(first.newer).toBeNull()
    const second = archive.conversations.list({}, first.older, 3)
    const third = archive.conversations.list({}, second.older, 3)
    expect([...first.items, ...second.items, ...third.items]).toHaveLength(7)
    expect(third.older).toBeNull()
    const back = archive.conversations.list({}, second.newer, 3)
    expect(back.items.map((c) => c.id)).toEqual(
      third.items.length > 0 ? first.items.map((c) => c.id) : [],
    )
    const onlyB = archive.conversations.list({ deviceId: DEVICE_B }, null, 10).items
    expect(onlyB.map((c) => c.deviceId)).toEqual([DEVICE_B, DEVICE_B, DEVICE_B])
  })

  it('the same number on two phones is two conversations', () => {
    const archive = setup()
    addDevice(archive, DEVICE_B)
    archive.sync.upsertMessages(DEVICE_A, [sms(1)], 'live')
    archive.sync.upsertMessages(DEVICE_B, [sms(1)], 'live')
    const list = archive.conversations.list({}, null, 10).items
    expect(list.map((c) => c.deviceId).sort()).toEqual([DEVICE_A, DEVICE_B])
  })
})

describe('contacts', () => {
  it('titles follow the address book, matched on normalised numbers', () => {
    const archive = setup()
    archive.sync.upsertMessages(DEVICE_A, [sms(1, { addresses: ['+447700900123'] })], 'live')
    const id = archive.conversations.list({}, null, 1).items[0]!.id
    const result = archive.contacts.replaceAll(DEVICE_A, [ada])
    expect(result).toEqual({ contacts: 1, retitled: [id] })
    expect(archive.conversations.get(id)).toMatchObject({
      title: 'Ada Lovelace',
      contactId: 'c:1',
      participants: [{ key: '+447700900123', name: 'Ada Lovelace' }],
    })
    const bubble = archive.messages.page(id, null, 1).items[0]!
    expect(bubble.sender).toEqual({
      key: '+447700900123',
      address: '07700 900123',
      name: 'Ada Lovelace',
    })
    // A new conversation picks the name up at creation.
    archive.sync.upsertMessages(
      DEVICE_A,
      [sms(2, { addresses: ['+447700900123', '+447700900999'] })],
      'live',
    )
    const group = archive.conversations.list({}, null, 1).items[0]!
    expect(group.title).toBe('Ada Lovelace, 07700 900999')
    expect(group.contactId).toBeNull()
    // Removing the contact brings the number back.
    archive.contacts.replaceAll(DEVICE_A, [])
    expect(archive.conversations.get(id).title).toBe('07700 900123')
  })

  it('replaces in pages; an aborted or unfinished replace leaves the old book in place', () => {
    const archive = setup()
    archive.contacts.replaceAll(DEVICE_A, [ada])
    const replace = archive.contacts.beginReplace(DEVICE_A)
    replace.addPage([{ ...ada, id: 'c:2', name: 'Grace Hopper' }])
    expect(archive.contacts.list(DEVICE_A, null, 10).map((c) => c.name)).toEqual(['Ada Lovelace'])
    replace.abort()
    expect(() => replace.commit()).toThrow(expect.objectContaining({ code: 'replace_finished' }))

    const paged = archive.contacts.beginReplace(DEVICE_A)
    const photo = Buffer.from([0xff, 0xd8, 0xff]).toString('base64')
    expect(paged.addPage([{ ...ada, photo }])).toEqual({ stored: 1, photosRejected: 0 })
    expect(
      paged.addPage([
        {
          id: 'c:3',
          name: 'Émile',
          numbers: [{ number: '62345', type: 'work', label: 'Bank' }],
          photo: 'not base64!',
        },
      ]),
    ).toEqual({ stored: 1, photosRejected: 1 })
    paged.commit()
    const all = archive.contacts.list(DEVICE_A, null, 10)
    expect(all.map((c) => [c.name, c.hasPhoto])).toEqual([
      ['Ada Lovelace', true],
      ['Émile', false],
    ])
    expect(all[0]!.numbers).toEqual([
      { raw: '07700 900123', key: '+447700900123', type: 'mobile', label: null },
    ])
    expect(archive.contacts.list(DEVICE_A, 'emi', 10).map((c) => c.id)).toEqual(['c:3'])
    expect(archive.contacts.photo(DEVICE_A, 'c:1')).toEqual(new Uint8Array([0xff, 0xd8, 0xff]))
    expect(archive.sync.state(DEVICE_A).contactsSyncedAt).not.toBeNull()
  })
})
