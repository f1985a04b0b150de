import { describe, expect, it } from 'vitest'
import {
  EncodingError,
  fromBase64,
  fromBase64Url,
  fromHex,
  fromUtf8,
  toBase64,
  toBase64Url,
  toHex,
  u64be,
} from './bytes'

describe('bytes', () => {
  it('base64 agrees with Node for random lengths, and refuses non-canonical text', () => {
    for (let n = 0; n < 300; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 255)
      const expected = Buffer.from(bytes).toString('base64')
      expect(toBase64(bytes)).toBe(expected)
      expect(fromBase64(expected)).toEqual(bytes)
      expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes)
    }
    for (const bad of ['A', 'AB=', 'AB==x', 'AR==', 'QQ= =', '====']) {
      expect(() => fromBase64(bad)).toThrow(EncodingError)
    }
  })

  it('hex round-trips and refuses odd or foreign characters', () => {
    expect(toHex(fromHex('00ff10'))).toBe('00ff10')
    expect(() => fromHex('0')).toThrow(EncodingError)
    expect(() => fromHex('zz')).toThrow(EncodingError)
  })

  it('encodes counters as 64-bit big-endian', () => {
    expect(toHex(u64be(1))).toBe('0000000000000001')
    expect(toHex(u64be(2 ** 32))).toBe('0000000100000000')
    expect(toHex(u64be(Number.MAX_SAFE_INTEGER))).toBe('001fffffffffffff')
    expect(() => u64be(-1)).toThrow(EncodingError)
  })

  it('decodes UTF-8 strictly', () => {
    expect(() => fromUtf8(new Uint8Array([0xc3]))).toThrow(EncodingError)
  })
})
