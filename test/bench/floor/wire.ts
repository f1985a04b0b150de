// The floors' wire: JSON, tweetnacl secretbox with a counter nonce per direction, binary ws
// frames. The same primitives as the protocol without its handshake and message framing.
import nacl from 'tweetnacl'

const encoder = new TextEncoder()
const decoder = new TextDecoder()

export class SealedChannel {
  private sent = 0
  private received = 0

  /** `side` 0 or 1: the two directions use disjoint nonces. */
  constructor(
    private readonly key: Uint8Array,
    private readonly side: 0 | 1,
  ) {}

  private nonce(direction: number, counter: number): Uint8Array {
    const n = new Uint8Array(nacl.secretbox.nonceLength)
    n[0] = direction
    new DataView(n.buffer).setFloat64(16, counter)
    return n
  }

  seal(value: unknown): Uint8Array {
    return nacl.secretbox(
      encoder.encode(JSON.stringify(value)),
      this.nonce(this.side, this.sent++),
      this.key,
    )
  }

  open(frame: Uint8Array): unknown {
    const plain = nacl.secretbox.open(frame, this.nonce(1 - this.side, this.received++), this.key)
    if (plain === null) throw new Error('floor channel: frame failed authentication')
    return JSON.parse(decoder.decode(plain))
  }
}

export function toBytes(data: unknown): Uint8Array {
  if (Buffer.isBuffer(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data as Buffer[]))
  throw new Error('unexpected ws frame type')
}

export function fromHex(hex: string): Uint8Array {
  return Uint8Array.from(Buffer.from(hex, 'hex'))
}
