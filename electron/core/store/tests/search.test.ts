import { describe, expect, it } from 'vitest'
import type { SearchQuery } from '../../../../shared/model/search'
import type { Archive } from '../archive'
import { TOTAL_CAP } from '../search/search'
import { DEVICE_A, DEVICE_B, T0, addDevice, openTestArchive, sms } from './support'

const BODIES: Record<number, string> = {
  1: 'Meet at the café at six',
  2: 'cafe or coffee?',
  3: 'Naïve question: résumé attached',
  4: 'Happy birthday!🎂🎉 see you',
  5: 'Great 👍🏽 thanks',
  6: 'Call me on 07700 900456 after work',
  7: 'My new number is +44 7700 900789',
  8: 'Reply STOP to 62345',
  9: 'tomorrow we go to the theatre',
  10: 'tomatoes are on the list',
}

function setup(): Archive {
  const { archive } = openTestArchive()
  addDevice(archive)
  archive.sync.upsertMessages(
    DEVICE_A,
    Object.entries(BODIES).map(([id, body]) =>
      sms(Number(id), {
        body,
        addresses: [Number(id) % 2 === 0 ? '+447700900123' : '+447700900321'],
        box: Number(id) <= 5 ? 'inbox' : 'sent',
        sender: Number(id) <= 5 ? '+447700900123' : null,
      }),
    ),
    'live',
  )
  return archive
}

const q = (archive: Archive, text: string, extra: Partial<SearchQuery> = {}) =>
  archive.search.query({ text, limit: 50, withTotal: true, ...extra })
const bodies = (archive: Archive, text: string, extra: Partial<SearchQuery> = {}) =>
  q(archive, text, extra).hits.map((h) => h.segments.map((s) => s.text).join(''))

describe('search', () => {
  it('is accent- and case-insensitive both ways, newest first', () => {
    const archive = setup()
    expect(bodies(archive, 'cafe ')).toEqual([BODIES[2], BODIES[1]])
    expect(bodies(archive, 'CAFÉ ')).toEqual([BODIES[2], BODIES[1]])
    expect(bodies(archive, 'naive')).toEqual([BODIES[3]])
    expect(bodies(archive, 'resume')).toEqual([BODIES[3]])
  })

  it('matches prefixes of two and three characters, and longer ones while typing', () => {
    const archive = setup()
    expect(bodies(archive, 'ca')).toEqual([BODIES[6], BODIES[2], BODIES[1]])
    expect(bodies(archive, 'caf')).toEqual([BODIES[2], BODIES[1]])
    expect(bodies(archive, 'tom')).toEqual([BODIES[10], BODIES[9]])
    expect(bodies(archive, 'tomo')).toEqual([BODIES[9]])
    expect(bodies(archive, 'tomorr')).toEqual([BODIES[9]])
    expect(bodies(archive, 'theat')).toEqual([BODIES[9]])
    expect(bodies(archive, 'see yo')).toEqual([BODIES[4]])
    // A trailing space ends the word: no prefix.
    expect(bodies(archive, 'tom ')).toEqual([])
    // One character alone is a whole word; after other words it waits for the next key.
    expect(bodies(archive, 'is y')).toEqual([BODIES[7]])
  })

  it('matches quoted words only together and in that order, unquoted ones in any order', () => {
    const { archive } = openTestArchive()
    addDevice(archive)
    const texts = ['remind me later', 'can you me remind', 'me, remind!', 'me and remind']
    archive.sync.upsertMessages(
      DEVICE_A,
      texts.map((body, i) => sms(i + 1, { body })),
      'live',
    )
    expect(bodies(archive, '"me remind"')).toEqual(['me, remind!', 'can you me remind'])
    expect(bodies(archive, '"remind me"')).toEqual(['remind me later'])
    expect(bodies(archive, 'me remind')).toEqual([...texts].reverse())
    // Still typing the phrase: its last word is a prefix.
    expect(bodies(archive, '"remind me la')).toEqual(['remind me later'])
    expect(bodies(archive, '"me rem')).toEqual(['me, remind!', 'can you me remind'])
    const [hit] = q(archive, '"you me"').hits
    expect(hit?.segments).toEqual([
      { text: 'can ', match: false },
      { text: 'you me', match: true },
      { text: ' remind', match: false },
    ])
  })

  it('finds emoji, ignoring skin tones, with and without words', () => {
    const archive = setup()
    expect(bodies(archive, '🎂')).toEqual([BODIES[4]])
    expect(bodies(archive, '🎉 birthday')).toEqual([BODIES[4]])
    expect(bodies(archive, '👍')).toEqual([BODIES[5]])
    expect(bodies(archive, '👍🏽')).toEqual([BODIES[5]])
    const [hit] = q(archive, '🎂').hits
    expect(hit?.segments.filter((s) => s.match).map((s) => s.text)).toEqual(['🎂'])
  })

  it('passes no user syntax through to FTS5', () => {
    const archive = setup()
    for (const text of [
      '"',
      '""',
      'AND',
      'OR NOT',
      '*',
      'ca*',
      '(',
      ')',
      'body:cafe',
      '{body}:x',
      'NEAR(a b)',
      '-cafe',
      '^cafe',
      "'",
      ':',
      '+',
      'a"b',
    ]) {
      expect(() => q(archive, text)).not.toThrow()
    }
    expect(bodies(archive, 'body:café')).toEqual([])
    expect(bodies(archive, '"cafe"')).toEqual([BODIES[2], BODIES[1]])
    expect(q(archive, '  ?! ').empty).toBe(true)
  })

  it('finds phone numbers typed in any format, in bodies and as conversations', () => {
    const archive = setup()
    for (const text of [
      '07700 900456',
      '+447700900456',
      '0044 7700 900456',
      '7700900456',
      '07700 9004',
    ]) {
      expect(bodies(archive, text)).toEqual([BODIES[6]])
    }
    expect(bodies(archive, '07700 900789')).toEqual([BODIES[7]])
    expect(bodies(archive, '62345')).toEqual([BODIES[8]])
    const [hit] = q(archive, '+447700900456').hits
    expect(hit?.segments).toEqual([
      { text: 'Call me on ', match: false },
      { text: '07700 900456', match: true },
      { text: ' after work', match: false },
    ])
    const conversations = q(archive, '900123').conversations
    expect(conversations.map((c) => [c.conversation.participants[0]?.key, c.matchedBy])).toEqual([
      ['+447700900123', 'number'],
    ])
    expect(q(archive, '+44 7700 900321').conversations).toHaveLength(1)
    expect(q(archive, '07700 900321').conversations).toHaveLength(1)
  })

  it('finds conversations by contact name', () => {
    const archive = setup()
    archive.contacts.replaceAll(DEVICE_A, [
      {
        id: 'c:1',
        name: 'Zoë Adams',
        numbers: [{ number: '07700 900123', type: 'mobile', label: null }],
        photo: null,
      },
    ])
    const page = q(archive, 'zoe')
    expect(page.conversations.map((c) => [c.conversation.title, c.matchedBy])).toEqual([
      ['Zoë Adams', 'name'],
    ])
    expect(page.hits.every((h) => h.conversationTitle !== '')).toBe(true)
  })

  it('filters by conversation, date range and direction', () => {
    const archive = setup()
    const conversation = archive.conversations.find(DEVICE_A, ['+447700900123'])!
    expect(
      q(archive, 'ca', { conversationId: conversation }).hits.map((h) => h.conversationId),
    ).toEqual([conversation, conversation])
    expect(bodies(archive, 'ca', { from: T0 + 2000, to: T0 + 6000 })).toEqual([BODIES[2]])
    expect(bodies(archive, 'ca', { from: T0 + 2000, to: T0 + 6001 })).toEqual([
      BODIES[6],
      BODIES[2],
    ])
    expect(bodies(archive, 'ca', { direction: 'outgoing' })).toEqual([BODIES[6]])
    expect(bodies(archive, 'ca', { direction: 'incoming' })).toEqual([BODIES[2], BODIES[1]])
    expect(() => q(archive, 'ca', { from: T0 + 10, to: T0 })).toThrow(
      expect.objectContaining({ code: 'bad_query' }),
    )
  })

  it('searches every phone at once, or one', () => {
    const archive = setup()
    addDevice(archive, DEVICE_B, 'FR')
    archive.sync.upsertMessages(
      DEVICE_B,
      [sms(1, { body: 'un café ?', addresses: ['06 12 34 56 78'], date: T0 + 500 })],
      'live',
    )
    const all = q(archive, 'cafe')
    expect(all.hits.map((h) => h.deviceId)).toEqual([DEVICE_A, DEVICE_A, DEVICE_B])
    expect(bodies(archive, 'cafe', { deviceId: DEVICE_B })).toEqual(['un café ?'])
    // A French national number is read with the French phone's region.
    expect(q(archive, '+33 6 12 34', { deviceId: DEVICE_B }).conversations).toHaveLength(1)
  })

  it('pages by key through all hits and counts them, capped', () => {
    const { archive } = openTestArchive()
    addDevice(archive)
    const n = TOTAL_CAP + 25
    const records = Array.from({ length: n }, (_, i) => sms(i + 1, { body: `alpha ${i}` }))
    archive.sync.upsertMessages(DEVICE_A, records, 'deferred')
    archive.searchIndex.rebuild()
    const first = q(archive, 'alpha', { limit: 100 })
    expect(first.total).toEqual({ count: TOTAL_CAP, capped: true })
    expect(q(archive, 'alpha', { limit: 100, direction: 'incoming' }).total).toEqual({
      count: TOTAL_CAP,
      capped: true,
    })
    expect(q(archive, 'alpha 10024 ', { limit: 100 }).total).toEqual({ count: 1, capped: false })
    expect(q(archive, 'alpha 1002', { limit: 100 }).total).toEqual({ count: 6, capped: false })
    const seen = new Set<number>()
    let page = first
    for (;;) {
      for (const h of page.hits) seen.add(h.messageId)
      if (page.older === null) break
      page = q(archive, 'alpha', { limit: 100, cursor: page.older })
      expect(page.total).toBeNull()
      expect(page.conversations).toEqual([])
    }
    expect(seen.size).toBe(n)
  })

  it('gives the same hits, order and total whether the matches fit in one page or not', () => {
    const { archive } = openTestArchive()
    addDevice(archive)
    const records = Array.from({ length: 12 }, (_, i) =>
      sms(i + 1, {
        body: i % 3 === 0 ? `beta gamma ${i}` : `beta ${i}`,
        box: i % 2 === 0 ? 'inbox' : 'sent',
        sender: i % 2 === 0 ? '+447700900123' : null,
      }),
    )
    archive.sync.upsertMessages(DEVICE_A, records, 'live')
    const ids = (text: string, extra: Partial<SearchQuery>) => {
      const page = q(archive, text, extra)
      return { ids: page.hits.map((h) => h.messageId), total: page.total, older: page.older }
    }
    // Four matches: a page of 4 holds them all, one of 3 does not.
    const whole = ids('beta gamma', { limit: 4 })
    expect(whole).toEqual({ ids: [10, 7, 4, 1], total: { count: 4, capped: false }, older: null })
    const cut = ids('beta gamma', { limit: 3 })
    expect(cut.ids).toEqual([10, 7, 4])
    expect(cut.total).toEqual({ count: 4, capped: false })
    expect(ids('beta gamma', { limit: 3, cursor: cut.older! })).toMatchObject({ ids: [1] })
    // Filters apply to the forward walk as to the newest-first one.
    expect(ids('beta gamma', { limit: 4, direction: 'incoming' })).toMatchObject({
      ids: [7, 1],
      total: { count: 2, capped: false },
    })
    expect(ids('beta zeta', { limit: 4 })).toEqual({
      ids: [],
      total: { count: 0, capped: false },
      older: null,
    })
  })

  it('returns snippets as plain segments around the first match, never cut in a surrogate pair', () => {
    const { archive } = openTestArchive()
    addDevice(archive)
    const long = `${'🙂 '.repeat(60)}the <b>needle</b> is here ${'x '.repeat(200)}`
    archive.sync.upsertMessages(
      DEVICE_A,
      [sms(1, { body: long }), sms(2, { body: 'line one\nneedle\n\nline three' })],
      'live',
    )
    const [multi, far] = q(archive, 'needle').hits
    expect(multi?.segments).toEqual([
      { text: 'line one ', match: false },
      { text: 'needle', match: true },
      { text: ' line three', match: false },
    ])
    expect(far?.truncatedStart).toBe(true)
    expect(far?.truncatedEnd).toBe(true)
    const text = far!.segments.map((s) => s.text).join('')
    expect(text).toContain('the <b>needle</b> is')
    expect(far!.segments.filter((s) => s.match).map((s) => s.text)).toEqual(['needle'])
    expect(text.length).toBeLessThanOrEqual(200)
    expect(/^[\udc00-\udfff]/.test(text) || /[\ud800-\udbff]$/.test(text)).toBe(false)
  })

  it('gives each hit what opening the thread at it needs', () => {
    const archive = setup()
    const [hit] = q(archive, 'theatre').hits
    expect(hit).toMatchObject({ direction: 'outgoing', date: T0 + 9000, sender: null })
    const { page, index } = archive.messages.around(hit!.messageId, 10, 10)
    expect(page.items[index]?.id).toBe(hit!.messageId)
    expect(page.items[index]?.conversationId).toBe(hit!.conversationId)
    const [incoming] = q(archive, 'naive').hits
    expect(incoming?.sender).toEqual({ key: '+447700900123', address: '07700 900123', name: null })
  })
})
