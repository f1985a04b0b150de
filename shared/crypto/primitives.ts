// The one cipher suite of protocol v1 (PROTOCOL.md §2): X25519, XSalsa20-Poly1305, SHA-512,
// HMAC-SHA-512. tweetnacl for the NaCl parts, @noble/hashes for HMAC.
import nacl from 'tweetnacl'
import { hmac as nobleHmac } from '@noble/hashes/hmac.js'
import { sha512 } from '@noble/hashes/sha2.js'
import { concat, isAllZero, u64be } from '../bytes'
import { CodedError } from '../errors'

export type CryptoErrorCode = 'low_order_point' | 'bad_key_length' | 'decrypt_failed'

export class CryptoError extends CodedError<CryptoErrorCode> {
  override readonly name = 'CryptoError'
}

export interface KeyPair {
  readonly publicKey: Uint8Array
  readonly secretKey: Uint8Array
}

export const KEY_BYTES = 32
export const TAG_BYTES = 16

export function randomBytes(length: number): Uint8Array {
  return nacl.randomBytes(length)
}

export function keyPairFromSecret(secretKey: Uint8Array): KeyPair {
  requireLength(secretKey, KEY_BYTES)
  return { secretKey: secretKey.slice(), publicKey: nacl.scalarMult.base(secretKey) }
}

export function generateKeyPair(): KeyPair {
  return keyPairFromSecret(randomBytes(KEY_BYTES))
}

/**
 * X25519 that refuses low-order points. tweetnacl returns an all-zero secret for them without
 * complaint, which would let a peer force a known key; we throw instead.
 */
export function dh(secretKey: Uint8Array, publicKey: Uint8Array): Uint8Array {
  requireLength(secretKey, KEY_BYTES)
  requireLength(publicKey, KEY_BYTES)
  const shared = nacl.scalarMult(secretKey, publicKey)
  if (isAllZero(shared)) throw new CryptoError('low_order_point')
  return shared
}

export function hash(data: Uint8Array): Uint8Array {
  return sha512(data)
}

export function hmac(key: Uint8Array, data: Uint8Array): Uint8Array {
  return nobleHmac(sha512, key, data)
}

export function hkdf2(ck: Uint8Array, ikm: Uint8Array): [Uint8Array, Uint8Array] {
  const t = hmac(ck, ikm)
  const o1 = hmac(t, Uint8Array.of(1))
  const o2 = hmac(t, concat(o1, Uint8Array.of(2)))
  return [o1, o2]
}

export function hkdf3(ck: Uint8Array, ikm: Uint8Array): [Uint8Array, Uint8Array, Uint8Array] {
  const t = hmac(ck, ikm)
  const o1 = hmac(t, Uint8Array.of(1))
  const o2 = hmac(t, concat(o1, Uint8Array.of(2)))
  const o3 = hmac(t, concat(o2, Uint8Array.of(3)))
  return [o1, o2, o3]
}

/** 24-byte nonce: 16 zero bytes then the counter as 64-bit big-endian (PROTOCOL.md §2). */
export function counterNonce(n: number): Uint8Array {
  const nonce = new Uint8Array(nacl.secretbox.nonceLength)
  nonce.set(u64be(n), 16)
  return nonce
}

export function seal(key: Uint8Array, n: number, plaintext: Uint8Array): Uint8Array {
  requireLength(key, KEY_BYTES)
  return nacl.secretbox(plaintext, counterNonce(n), key)
}

export function open(key: Uint8Array, n: number, ciphertext: Uint8Array): Uint8Array {
  requireLength(key, KEY_BYTES)
  const plaintext = nacl.secretbox.open(ciphertext, counterNonce(n), key)
  if (plaintext === null) throw new CryptoError('decrypt_failed')
  return plaintext
}

function requireLength(bytes: Uint8Array, length: number): void {
  if (bytes.length !== length) throw new CryptoError('bad_key_length')
}
