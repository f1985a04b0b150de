import { describe, expect, it } from 'vitest'
import { encodeTxt, instanceName, pairingTag, parseTxt } from './discovery'

describe('discovery', () => {
  const id = '0123456789abcdef0123456789abcdef'
  it('round-trips a TXT record and carries no personal data in the instance name', () => {
    const advert = { versions: [1], instanceId: id, pairingTag: pairingTag(new Uint8Array(32)) }
    expect(parseTxt(encodeTxt(advert))).toEqual(advert)
    expect(instanceName(id)).toBe('Textbridge-01234567')
  })

  it('ignores records with non-string values', () => {
    expect(parseTxt({ v: 1, id })).toBeNull()
    expect(parseTxt({ v: '1', id, pt: true })).toBeNull()
  })
})
