import { hmac, type KeyPair } from '../../crypto/primitives'
import { utf8 } from '../../bytes'
import { SAS_LABEL } from '../constants'
import { HandshakeError } from '../errors'
import type { HandshakePayload } from './payload'
import type { TransportKeys } from './symmetric'

export interface HandshakeResult {
  readonly keys: TransportKeys
  /** Final transcript hash h; identifies the session (never logged: it is not secret, but long). */
  readonly handshakeHash: Uint8Array
  /** The peer's static public key, authenticated by this handshake. */
  readonly remoteStatic: Uint8Array
  readonly remotePayload: HandshakePayload
}

export interface PairingResult extends HandshakeResult {
  /** Six-digit short authentication code both screens show. */
  readonly sas: string
}

export interface HandshakeOptions {
  readonly staticKeys: KeyPair
  readonly payload: HandshakePayload
  /** Fixed ephemeral key, for golden vectors only. Production code leaves it out. */
  readonly ephemeral?: KeyPair
}

/** PROTOCOL.md §5.3: u32be(HMAC(h, label)[0..4]) mod 10^6, six digits. */
export function shortCode(handshakeHash: Uint8Array): string {
  const mac = hmac(handshakeHash, utf8(SAS_LABEL))
  const value =
    (((mac[0] ?? 0) << 24) | ((mac[1] ?? 0) << 16) | ((mac[2] ?? 0) << 8) | (mac[3] ?? 0)) >>> 0
  return String(value % 1_000_000).padStart(6, '0')
}

/**
 * Guards the order of handshake steps, so a misuse is an error instead of a weak session.
 * A step that throws midway leaves the guard in 'failed': a handshake is never retried.
 */
export class StepGuard<S extends string> {
  private current: S | 'failed'
  constructor(initial: S) {
    this.current = initial
  }
  enter(step: S): void {
    if (this.current !== step) {
      throw new HandshakeError('wrong_state', `step ${step} while in ${this.current}`)
    }
    this.current = 'failed'
  }
  leave(next: S): void {
    this.current = next
  }
}
