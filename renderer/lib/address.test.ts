import { describe, expect, it } from 'vitest'
import { looksLikePhoneNumber, parseHostPort } from './address'

describe('parseHostPort', () => {
  it('reads addresses as people type them, defaulting to the phone port', () => {
    expect(parseHostPort(' 192.168.1.20 ')).toEqual({ host: '192.168.1.20', port: 47800 })
    expect(parseHostPort('192.168.1.20:5000')).toEqual({ host: '192.168.1.20', port: 5000 })
    expect(parseHostPort('pixel.local')).toEqual({ host: 'pixel.local', port: 47800 })
    expect(parseHostPort('[fe80::1]:9000')).toEqual({ host: 'fe80::1', port: 9000 })
    expect(parseHostPort('fe80::1')).toEqual({ host: 'fe80::1', port: 47800 })
  })

  it('refuses what is not an address', () => {
    for (const bad of ['', 'http://x', 'a b', 'host:99999', 'host:0', 'user@host', '<x>']) {
      expect(parseHostPort(bad)).toBeNull()
    }
  })
})

describe('looksLikePhoneNumber', () => {
  it('accepts numbers in common notations and refuses names', () => {
    expect(looksLikePhoneNumber('+44 7700 900123')).toBe(true)
    expect(looksLikePhoneNumber('(555) 123-4567')).toBe(true)
    expect(looksLikePhoneNumber('12345')).toBe(true)
    expect(looksLikePhoneNumber('Ada')).toBe(false)
    expect(looksLikePhoneNumber('12')).toBe(false)
  })
})
