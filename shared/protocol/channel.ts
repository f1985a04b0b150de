// One side of an established session: messages in, encrypted frames out, and back.
import { frameCiphers, type FrameOpener, type FrameSealer } from './frames'
import type { TransportKeys } from './handshake/symmetric'
import {
  decodeMessage,
  encodeMessage,
  type Message,
  type Received,
  type Role,
} from './messages/codec'

export class SecureChannel {
  private readonly sealer: FrameSealer
  private readonly opener: FrameOpener

  constructor(
    keys: TransportKeys,
    readonly role: Role,
  ) {
    const ciphers = frameCiphers(keys, role)
    this.sealer = ciphers.sealer
    this.opener = ciphers.opener
  }

  encode(message: Message): Uint8Array {
    return this.sealer.seal(encodeMessage(message, this.role))
  }

  /** Throws FrameError or MessageError; both carry the close code the spec assigns. */
  decode(frame: Uint8Array): Received {
    return decodeMessage(this.opener.open(frame), this.role)
  }
}
