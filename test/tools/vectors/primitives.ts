import { fromHex, toHex, utf8 } from '../../../shared/bytes'
import { dh, hkdf2, hkdf3, hmac, seal, CryptoError } from '../../../shared/crypto/primitives'
import { shortCode } from '../../../shared/protocol'
import { fixedBytes, fixedKeyPair, LOW_ORDER_POINTS } from './keys'

export function primitivesVector(): Record<string, unknown> {
  const key = fixedBytes('seal key', 32)
  const hmacCases = [
    { key: fixedBytes('hmac key', 64), data: utf8('') },
    { key: fixedBytes('hmac key short', 20), data: utf8('Textbridge') },
    // A key longer than the block size is hashed first (RFC 2104).
    { key: new Uint8Array(200).fill(0xaa), data: fixedBytes('hmac data', 64) },
  ]
  const a = fixedKeyPair('x25519 a')
  const b = fixedKeyPair('x25519 b')
  return {
    hmac: hmacCases.map((c) => ({
      key: toHex(c.key),
      data: toHex(c.data),
      mac: toHex(hmac(c.key, c.data)),
    })),
    hkdf2: [new Uint8Array(0), fixedBytes('ikm', 32)].map((ikm) => {
      const ck = fixedBytes('ck', 64)
      const [o1, o2] = hkdf2(ck, ikm)
      return { ck: toHex(ck), ikm: toHex(ikm), out1: toHex(o1), out2: toHex(o2) }
    }),
    hkdf3: [fixedBytes('psk', 32)].map((ikm) => {
      const ck = fixedBytes('ck', 64)
      const [o1, o2, o3] = hkdf3(ck, ikm)
      return { ck: toHex(ck), ikm: toHex(ikm), out1: toHex(o1), out2: toHex(o2), out3: toHex(o3) }
    }),
    x25519: [
      {
        secretKey: toHex(a.secretKey),
        publicKey: toHex(b.publicKey),
        shared: toHex(dh(a.secretKey, b.publicKey)),
      },
      {
        secretKey: toHex(b.secretKey),
        publicKey: toHex(a.publicKey),
        shared: toHex(dh(b.secretKey, a.publicKey)),
      },
    ],
    x25519LowOrder: LOW_ORDER_POINTS.map((pk) => {
      try {
        dh(a.secretKey, fromHex(pk))
      } catch (e) {
        if (e instanceof CryptoError && e.code === 'low_order_point') {
          return { secretKey: toHex(a.secretKey), publicKey: pk, error: 'low_order_point' }
        }
      }
      throw new Error(`low-order point ${pk} was accepted`)
    }),
    seal: [0, 1, 255, 2 ** 32, Number.MAX_SAFE_INTEGER].map((n, i) => {
      const plaintext = utf8(i === 0 ? '' : `frame ${n}: héllo 👋`)
      return {
        key: toHex(key),
        n,
        plaintext: toHex(plaintext),
        ciphertext: toHex(seal(key, n, plaintext)),
      }
    }),
    sas: ['h0', 'h1', 'h2'].map((label) => {
      const h = fixedBytes(label, 64)
      return { handshakeHash: toHex(h), sas: shortCode(h) }
    }),
  }
}
