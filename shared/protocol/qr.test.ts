import { describe, expect, it } from 'vitest'
import { generateKeyPair } from '../crypto/primitives'
import { encodeQrPayload, parseQrPayload, QrError } from './qr'

const payload = {
  version: 1,
  pairingId: new Uint8Array(16).fill(1),
  desktopStatic: generateKeyPair().publicKey,
  secret: new Uint8Array(32).fill(2),
  expiresAt: 1_700_000_120,
  name: 'Zoë’s PC ✨ & co',
}

describe('QR payload', () => {
  it('round-trips, percent-encoding the name', () => {
    const uri = encodeQrPayload(payload)
    expect(uri.startsWith('textbridge:pair?v=1&')).toBe(true)
    expect(uri.length).toBeLessThan(250)
    expect(parseQrPayload(uri, 1_700_000_000)).toEqual(payload)
  })

  it('refuses anything that is not a Textbridge payload', () => {
    for (const uri of ['', 'https://example.com', 'textbridge:pair?', 'WIFI:S:home;;']) {
      expect(() => parseQrPayload(uri, 1_700_000_000)).toThrow(QrError)
    }
  })

  it('refuses a name too long to show, instead of truncating', () => {
    expect(() => encodeQrPayload({ ...payload, name: 'é'.repeat(200) })).toThrow(QrError)
  })
})
