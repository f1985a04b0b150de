// Fixed inputs for the golden vectors. Every secret is derived from a label, so the vectors
// are reproducible anywhere and obviously not real keys.
import { utf8, toHex } from '../../../shared/bytes'
import { hash, keyPairFromSecret, type KeyPair } from '../../../shared/crypto/primitives'

export function fixedBytes(label: string, length: number): Uint8Array {
  return hash(utf8(`textbridge vectors: ${label}`)).slice(0, length)
}

export function fixedKeyPair(label: string): KeyPair {
  return keyPairFromSecret(fixedBytes(label, 32))
}

export function keyPairJson(kp: KeyPair): { secretKey: string; publicKey: string } {
  return { secretKey: toHex(kp.secretKey), publicKey: toHex(kp.publicKey) }
}

export const DESKTOP_STATIC = fixedKeyPair('desktop static')
export const PHONE_STATIC = fixedKeyPair('phone static')
export const PAIRING_ID = fixedBytes('pairing id', 16)
export const QR_SECRET = fixedBytes('qr secret', 32)
export const DESKTOP_ID = toHex(fixedBytes('desktop instance id', 16))
export const PHONE_ID = toHex(fixedBytes('phone instance id', 16))

/**
 * Low-order X25519 points (RFC 7748 §5 and the curve's small subgroup), as encoded public keys.
 * Each must make DH fail with low_order_point.
 */
export const LOW_ORDER_POINTS = [
  '0000000000000000000000000000000000000000000000000000000000000000',
  '0100000000000000000000000000000000000000000000000000000000000000',
  'e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800',
  '5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157',
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
]
