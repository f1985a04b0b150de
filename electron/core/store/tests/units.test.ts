import { describe, expect, it } from 'vitest'
import { decodeCursor, encodeCursor } from '../../../../shared/model/cursor'
import { NumberContext, participantKey, parseRegion } from '../text/numbers'
import { afterReport } from '../../outbox/states'
import { searchKeysFor } from '../search/search-keys'
import { compileQuery } from '../search/search-query'
import { snippetOf } from '../text/text'
import { DEVICE_A, addDevice, openTestArchive } from './support'

const gb = new NumberContext('GB')
const none = () => null

describe('numbers', () => {
  it('normalises phone numbers with the region, keeps short codes and senders apart', () => {
    expect(gb.normalize('07700 900123')).toEqual({
      key: '+447700900123',
      kind: 'phone',
      display: '07700 900123',
      digitTerms: ['447700900123', '7700900123'],
    })
    expect(gb.normalize('+1 650 253 0000')).toMatchObject({
      key: '+16502530000',
      display: '+1 650 253 0000',
    })
    expect(gb.normalize('62345')).toMatchObject({ key: '62345', kind: 'short' })
    expect(gb.normalize('BANK')).toMatchObject({ key: 'bank', kind: 'text', display: 'BANK' })
    expect(gb.normalize('ＢＡＮＫ').key).toBe('bank')
    expect(new NumberContext(null).normalize('07700 900123')).toMatchObject({
      key: '07700900123',
      kind: 'short',
    })
    expect(participantKey([gb.normalize('b'), gb.normalize('a'), gb.normalize('A')])).toBe(
      '["a","b"]',
    )
    expect(() => parseRegion('XX')).toThrow(expect.objectContaining({ code: 'bad_region' }))
  })

  it('reduces written numbers to national digits the same way for bodies and queries', () => {
    for (const written of ['+44 7700 900123', '0044 7700 900123', '07700 900123', '7700900123']) {
      expect(gb.localDigits(written)).toBe('7700900123')
    }
    expect(new NumberContext('HU').localDigits('06 20 123 4567')).toBe('201234567')
    expect(searchKeysFor('call 07700-900-123 or +1 (650) 253-0000 🎂', 7, gb)).toBe(
      't7 e1f382 l7700900123 l6502530000',
    )
    expect(searchKeysFor('price 12.50, year 2024', 3, gb)).toBe('t3')
  })
})

describe('query compilation', () => {
  it('quotes every token and writes every operator itself', () => {
    expect(compileQuery('Café  au"lait', [gb], none).match).toBe(
      '({body} : ("cafe" AND "au" AND "lait"*))',
    )
    expect(compileQuery('NOT body:x* ', [gb], none).match).toBe(
      '({body} : ("not" AND "body" AND "x"))',
    )
    expect(compileQuery('(', [gb], none).match).toBeNull()
    expect(compileQuery('a', [gb], none).match).toBe('({body} : ("a"))')
    expect(compileQuery('see y', [gb], none).match).toBe('({body} : ("see"))')
  })

  it('makes quoted words a phrase in their order, a prefix only while it is being typed', () => {
    expect(compileQuery('"me remind"', [gb], none).match).toBe('({body} : ("me remind"))')
    expect(compileQuery('me remind', [gb], none).match).toBe('({body} : ("me" AND "remind"*))')
    expect(compileQuery('call "me remind" ok', [gb], none).match).toBe(
      '({body} : ("call" AND "me remind" AND "ok"*))',
    )
    // An open quote is the phrase being typed; one character at its end waits for the next.
    expect(compileQuery('"see you la', [gb], none).match).toBe('({body} : ("see you la"*))')
    expect(compileQuery('"see you l', [gb], none).match).toBe('({body} : ("see you"))')
    expect(compileQuery('"" "(" NEAR', [gb], none).match).toBe('({body} : ("near"*))')
    const expand = (p: string) => (p === 'tomo' ? ['tomorrow', 'tomorrows'] : null)
    expect(compileQuery('"see you tomo', [gb], expand).match).toBe(
      '({body} : (("see you tomorrow" OR "see you tomorrows")))',
    )
    expect(compileQuery('"Zoë ad', [gb], none)).toMatchObject({
      highlight: { phrases: [[{ text: 'zoe' }, { text: 'ad', prefix: true }]] },
      people: { words: ['zoe', 'ad'], digits: [] },
    })
  })

  it('turns long prefixes into the terms they stand for', () => {
    const expand = (p: string) =>
      p === 'tomo' ? ['tomorrow', 'tomorrows'] : p === 'zzzz' ? [] : null
    expect(compileQuery('tomo', [gb], expand).match).toBe(
      '({body} : (("tomorrow" OR "tomorrows")))',
    )
    expect(compileQuery('zzzz', [gb], expand).match).toBe('({body} : ("zzzz"*))')
    expect(compileQuery('abcd', [gb], expand).match).toBe('({body} : ("abcd"*))')
  })

  it('searches a typed number as a phrase or as a normalised number', () => {
    expect(compileQuery('+44 7700 900', [gb], none)).toMatchObject({
      match: '(({body} : "44 7700 900"*) OR ({search_keys} : "l7700900"*))',
      people: { words: [], digits: ['447700900', '7700900'] },
    })
    // Quotes around a number change nothing.
    expect(compileQuery('"07700 900123"', [gb], none)).toMatchObject({
      people: { words: [], digits: ['07700900123', '7700900123'] },
    })
    expect(compileQuery('🎂 party', [gb], none).match).toBe(
      '({body} : ("party"*)) AND ({search_keys} : "e1f382")',
    )
  })
})

describe('small pieces', () => {
  it('cursors round-trip and refuse garbage', () => {
    const c = encodeCursor({
      list: 'message',
      direction: 'older',
      position: 1_740_000_000_000 * 1024 + 5,
    })
    expect(decodeCursor(c)).toEqual({
      list: 'message',
      direction: 'older',
      position: 1_740_000_000_000 * 1024 + 5,
    })
    expect(decodeCursor('so' + 'z'.repeat(11))).toBeNull()
    expect(() => encodeCursor({ list: 'search', direction: 'newer', position: -1 })).toThrow(
      RangeError,
    )
  })

  it('snippets of the list are one line and never split an emoji', () => {
    expect(snippetOf('a\n\nb   c')).toBe('a b c')
    const s = snippetOf('x'.repeat(159) + '🙂🙂')
    expect(s).toBe('x'.repeat(159))
  })

  it('outbox reports only move forward', () => {
    expect(afterReport('dispatching', 'sent')).toBe('sent')
    expect(afterReport('delivered', 'sent')).toBeNull()
    expect(afterReport('sent', 'failed')).toBe('failed')
    expect(afterReport('failed', 'delivered')).toBeNull()
    expect(afterReport('unknown', 'delivered')).toBe('delivered')
    expect(afterReport('sent', 'unknown')).toBeNull()
    expect(afterReport('queued', 'accepted')).toBe('dispatching')
  })
})

describe('devices', () => {
  it('pairs, refuses a second pairing, re-pairs after unpairing and keeps the archive', () => {
    const { archive } = openTestArchive()
    addDevice(archive)
    expect(archive.devices.get(DEVICE_A)).toMatchObject({
      region: 'GB',
      unpairedAt: null,
      sims: [{ label: 'Personal' }],
    })
    expect(() => {
      addDevice(archive)
    }).toThrow(expect.objectContaining({ code: 'device_exists' }))
    archive.devices.markUnpaired(DEVICE_A, 5)
    expect(() => archive.devices.pinnedKey(DEVICE_A)).toThrow(
      expect.objectContaining({ code: 'device' }),
    )
    archive.devices.add({
      id: DEVICE_A,
      name: 'Renamed',
      model: 'Pixel',
      publicKey: new Uint8Array(32).fill(9),
      region: 'GB',
      sims: [],
      pairedAt: 10,
    })
    expect(archive.devices.pinnedKey(DEVICE_A)).toEqual(new Uint8Array(32).fill(9))
    expect(
      archive.devices.updateInfo(DEVICE_A, { name: 'Pixel 8', model: null, sims: [] }).name,
    ).toBe('Pixel 8')
    archive.devices.markSeen(DEVICE_A, 99)
    expect(archive.devices.list().map((d) => [d.name, d.lastSeenAt, d.unpairedAt])).toEqual([
      ['Pixel 8', 99, null],
    ])
    expect(() => {
      archive.devices.markSeen('f'.repeat(32), 1)
    }).toThrow(expect.objectContaining({ code: 'device' }))
    expect(() => {
      addDevice(archive, 'not-hex')
    }).toThrow(expect.objectContaining({ code: 'bad_device_id' }))
    expect(() => {
      addDevice(archive, 'c'.repeat(32), 'XX')
    }).toThrow(expect.objectContaining({ code: 'bad_region' }))
  })
})
