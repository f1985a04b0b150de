// Framing of handshake messages (PROTOCOL.md §5.2): the checks every receiver runs before any
// cryptography, and a cursor to read fixed-size fields.
import { dh, CryptoError } from '../../crypto/primitives'
import { HandshakeKind, MAX_HANDSHAKE_MESSAGE_BYTES, SUPPORTED_VERSIONS } from '../constants'
import { HandshakeError } from '../errors'

const EMPTY_PAYLOAD_CIPHERTEXT = 2 + 16

/** Smallest legal message of each kind: its fixed fields plus a `{}` payload. */
export const MIN_LENGTH: Record<HandshakeKind, number> = {
  [HandshakeKind.PairInit]: 2 + 16 + 32 + EMPTY_PAYLOAD_CIPHERTEXT,
  [HandshakeKind.PairResp]: 2 + 32 + 48 + EMPTY_PAYLOAD_CIPHERTEXT,
  [HandshakeKind.ReconnectInit]: 2 + 32 + 48 + EMPTY_PAYLOAD_CIPHERTEXT,
  [HandshakeKind.ReconnectResp]: 2 + 32 + EMPTY_PAYLOAD_CIPHERTEXT,
}

export function checkHandshakeMessage(message: Uint8Array, expected: HandshakeKind): void {
  if (message.length < 2) throw new HandshakeError('bad_length')
  if (!SUPPORTED_VERSIONS.includes(message[0] ?? -1)) {
    throw new HandshakeError('unsupported_version')
  }
  if (message[1] !== expected) throw new HandshakeError('unexpected_message')
  if (message.length > MAX_HANDSHAKE_MESSAGE_BYTES || message.length < MIN_LENGTH[expected]) {
    throw new HandshakeError('bad_length')
  }
}

export class Reader {
  private offset = 0
  constructor(private readonly bytes: Uint8Array) {}

  take(length: number): Uint8Array {
    const end = this.offset + length
    if (end > this.bytes.length) throw new HandshakeError('bad_length')
    const out = this.bytes.subarray(this.offset, end)
    this.offset = end
    return out
  }

  rest(): Uint8Array {
    return this.take(this.bytes.length - this.offset)
  }
}

/** DH inside a handshake: a low-order point is a handshake failure, not a crash. */
export function handshakeDh(secretKey: Uint8Array, publicKey: Uint8Array): Uint8Array {
  try {
    return dh(secretKey, publicKey)
  } catch (e) {
    if (e instanceof CryptoError && e.code === 'low_order_point') {
      throw new HandshakeError('low_order_point')
    }
    throw e
  }
}
