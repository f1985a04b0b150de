// The handshake state of PROTOCOL.md §5.1: h, ck, k, n and the operations on them.
import { concat, utf8 } from '../../bytes'
import { hash, hkdf2, hkdf3, hmac, open, seal, CryptoError } from '../../crypto/primitives'
import { HandshakeError } from '../errors'

export interface TransportKeys {
  /** Key for frames the desktop sends. */
  readonly desktopToPhone: Uint8Array
  /** Key for frames the phone sends. */
  readonly phoneToDesktop: Uint8Array
}

export class SymmetricState {
  private h: Uint8Array
  private ck: Uint8Array
  private k: Uint8Array | null = null
  private n = 0

  constructor(protocolName: string) {
    this.h = hash(utf8(protocolName))
    this.ck = this.h
  }

  get handshakeHash(): Uint8Array {
    return this.h
  }

  mixHash(data: Uint8Array): void {
    this.h = hash(concat(this.h, data))
  }

  mixKey(ikm: Uint8Array): void {
    const [ck, t] = hkdf2(this.ck, ikm)
    this.ck = ck
    this.k = t.slice(0, 32)
    this.n = 0
  }

  mixKeyAndHash(ikm: Uint8Array): void {
    const [ck, t, u] = hkdf3(this.ck, ikm)
    this.ck = ck
    this.mixHash(t)
    this.k = u.slice(0, 32)
    this.n = 0
  }

  encryptAndHash(plaintext: Uint8Array): Uint8Array {
    const ciphertext = seal(this.messageKey(), this.n, plaintext)
    this.n++
    this.mixHash(ciphertext)
    return ciphertext
  }

  decryptAndHash(ciphertext: Uint8Array): Uint8Array {
    let plaintext: Uint8Array
    try {
      plaintext = open(this.messageKey(), this.n, ciphertext)
    } catch (e) {
      if (e instanceof CryptoError) throw new HandshakeError('decrypt_failed')
      throw e
    }
    this.n++
    this.mixHash(ciphertext)
    return plaintext
  }

  split(): TransportKeys {
    const [t1, t2] = hkdf2(this.ck, new Uint8Array(0))
    return { desktopToPhone: t1.slice(0, 32), phoneToDesktop: t2.slice(0, 32) }
  }

  /** The per-message key binds the transcript so far (XSalsa20-Poly1305 has no associated data). */
  private messageKey(): Uint8Array {
    if (this.k === null) throw new HandshakeError('wrong_state', 'no key before encryption')
    return hmac(this.k, this.h).slice(0, 32)
  }
}
