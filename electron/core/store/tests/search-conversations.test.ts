import { describe, expect, it } from 'vitest'
import type { SearchPage } from '../../../../shared/model/search'
import type { Archive } from '../archive'
import { MAX_PEOPLE, matchPerson } from '../search/people'
import { DEVICE_A, DEVICE_B, T0, addDevice, openTestArchive, sms } from './support'

describe('search: conversation hits', () => {
  it(`lists the newest matching conversations of every phone, at most ${MAX_PEOPLE}`, () => {
    const { archive } = openTestArchive()
    addDevice(archive)
    addDevice(archive, DEVICE_B)
    // 15 conversations per phone, their last messages interleaved in time.
    for (const [device, offset] of [
      [DEVICE_A, 0],
      [DEVICE_B, 1],
    ] as const) {
      const records = Array.from({ length: 15 }, (_, i) =>
        sms(100 + i, { addresses: [`+44770090${offset}${String(i).padStart(3, '0')}`] }),
      ).map((r, i) => ({ ...r, date: T0 + 100_000 + (2 * i + offset) * 1000 }))
      archive.sync.upsertMessages(device, records, 'live')
    }
    const dates = (page: SearchPage) =>
      page.conversations.map((c) => c.conversation.lastMessage.date)
    const all = archive.search.query({ text: '7700 90', limit: 50, withTotal: true })
    expect(all.conversations).toHaveLength(MAX_PEOPLE)
    const newest = Array.from({ length: MAX_PEOPLE }, (_, i) => T0 + 100_000 + (29 - i) * 1000)
    expect(dates(all)).toEqual(newest)
    expect(new Set(all.conversations.map((c) => c.conversation.deviceId))).toEqual(
      new Set([DEVICE_A, DEVICE_B]),
    )
    const one = archive.search.query({
      text: '7700 90',
      limit: 50,
      withTotal: true,
      deviceId: DEVICE_B,
    })
    expect(one.conversations.every((c) => c.conversation.deviceId === DEVICE_B)).toBe(true)
    expect(dates(one)).toEqual(
      Array.from({ length: MAX_PEOPLE }, (_, i) => T0 + 100_000 + (29 - 2 * i) * 1000),
    )
  })

  const ZOE = '+447700900708'
  const ANN = '+447700900111'

  /** Conversations one message each, oldest first as listed; names from the address book. */
  function people(): Archive {
    const { archive } = openTestArchive()
    addDevice(archive)
    const threads = [
      [ANN],
      ['+447700900222'],
      ['+447700900333'],
      ['+447700912345'],
      ['62345'],
      ['+447700962345'],
      [ZOE, ANN],
      [ZOE],
    ]
    archive.sync.upsertMessages(
      DEVICE_A,
      threads.map((addresses, i) => sms(i + 1, { addresses, body: `hello ${i}` })),
      'live',
    )
    const contact = (id: string, name: string, number: string) => ({
      id,
      name,
      numbers: [{ number, type: 'mobile' as const, label: null }],
      photo: null,
    })
    archive.contacts.replaceAll(DEVICE_A, [
      contact('c:1', 'Zoë Adams', '07700 900708'),
      contact('c:2', 'Ann Lee', '+44 7700 900111'),
      contact('c:3', 'Annabel Jones', '07700900222'),
      contact('c:4', '王小明', '07700 900333'),
    ])
    return archive
  }

  const found = (archive: Archive, text: string) =>
    archive.search
      .query({ text, limit: 10, withTotal: true })
      .conversations.map((c) => `${c.conversation.title} (${c.matchedBy})`)

  it('finds a number written in any format, or its last four digits or more', () => {
    const archive = people()
    for (const text of [
      '07700 900708',
      '+44 7700 900708',
      '07700-900708',
      '(07700) 900708',
      '0044 7700 900708',
      '+447700900708',
      '7700 900 708',
      '900708',
      '0708',
    ]) {
      expect([text, found(archive, text)]).toEqual([
        text,
        ['Zoë Adams (number)', 'Ann Lee, Zoë Adams (number)'],
      ])
    }
    // Three trailing digits, or digits from the middle, name nobody.
    expect(found(archive, '708')).toEqual([])
    expect(found(archive, '0090')).toEqual([])
    // A number typed from its start narrows down as it goes: the five newest for now.
    expect(found(archive, '07700 9')).toHaveLength(MAX_PEOPLE)
    expect(found(archive, '07700 912')).toEqual(['07700 912345 (number)'])
  })

  it('puts a whole number before numbers that only end with it, however recent', () => {
    const archive = people()
    expect(found(archive, '62345')).toEqual(['62345 (number)', '07700 962345 (number)'])
  })

  it('finds contacts by the start of any word of their name, accents and case folded', () => {
    const archive = people()
    for (const text of ['zoe', 'ZOË', 'Zoé', 'adams', 'ad', 'zoe ad', 'adams zoe', '"Zoe Adams"']) {
      expect([text, found(archive, text)]).toEqual([
        text,
        ['Zoë Adams (name)', 'Ann Lee, Zoë Adams (name)'],
      ])
    }
    // Inside a word is not a match: "ams" is no one's name.
    expect(found(archive, 'ams')).toEqual([])
    expect(found(archive, 'zoe b')).toEqual([])
    // Names written without spaces match anywhere.
    expect(found(archive, '小明')).toEqual(['王小明 (name)'])
  })

  it('ranks whole-word names first, then the most recent', () => {
    const archive = people()
    // Annabel's conversation is newer than Ann's, but "ann" is all of Ann's first name.
    expect(found(archive, 'ann')).toEqual([
      'Ann Lee, Zoë Adams (name)',
      'Ann Lee (name)',
      'Annabel Jones (name)',
    ])
    expect(found(archive, 'anna')).toEqual(['Annabel Jones (name)'])
    expect(matchPerson({ words: ['ann', 'le'], digits: [] }, 'ann lee', ' ')).toEqual({
      by: 'name',
      exact: false,
    })
  })

  it('names message hits as the conversation list does, senders in a group too', () => {
    const archive = people()
    archive.sync.upsertMessages(
      DEVICE_A,
      [sms(20, { addresses: [ZOE, ANN], sender: ANN, body: 'group plans' })],
      'live',
    )
    const titles = new Map(
      archive.conversations.list({}, null, 50).items.map((c) => [c.id, c.title]),
    )
    const hits = archive.search.query({ text: 'hello', limit: 50, withTotal: true }).hits
    expect(hits).toHaveLength(8)
    for (const hit of hits) expect(hit.conversationTitle).toBe(titles.get(hit.conversationId))
    expect(hits.map((h) => h.sender?.name ?? h.sender?.address)).toEqual([
      'Zoë Adams',
      'Zoë Adams',
      '07700 962345',
      '62345',
      '07700 912345',
      '王小明',
      'Annabel Jones',
      'Ann Lee',
    ])
    const [group] = archive.search.query({ text: 'plans', limit: 5, withTotal: true }).hits
    expect(group).toMatchObject({
      conversationTitle: 'Ann Lee, Zoë Adams',
      sender: { key: ANN, address: '07700 900111', name: 'Ann Lee' },
    })
  })
})
