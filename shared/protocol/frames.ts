// Encrypted frames after the handshake (PROTOCOL.md §6): per-direction keys and implicit
// counters, so any replayed, reordered, dropped or foreign frame fails to open.
import { open, seal, CryptoError } from '../crypto/primitives'
import { MAX_FRAME_BYTES, MAX_FRAMES_PER_SESSION, MAX_PLAINTEXT_BYTES } from './constants'
import { FrameError } from './errors'
import type { TransportKeys } from './handshake/symmetric'
import type { Role } from './messages/codec'

export class FrameSealer {
  private n = 0
  constructor(private readonly key: Uint8Array) {}

  seal(plaintext: Uint8Array): Uint8Array {
    if (plaintext.length > MAX_PLAINTEXT_BYTES) throw new FrameError('too_large')
    if (this.n >= MAX_FRAMES_PER_SESSION) throw new FrameError('counter_exhausted')
    return seal(this.key, this.n++, plaintext)
  }
}

export class FrameOpener {
  private n = 0
  private broken = false
  constructor(private readonly key: Uint8Array) {}

  /** After one failure the opener stays broken: nothing later in that session is delivered. */
  open(frame: Uint8Array): Uint8Array {
    if (this.broken) throw new FrameError('decrypt_failed')
    if (frame.length > MAX_FRAME_BYTES) {
      this.broken = true
      throw new FrameError('too_large')
    }
    try {
      return open(this.key, this.n++, frame)
    } catch (e) {
      this.broken = true
      if (e instanceof CryptoError) throw new FrameError('decrypt_failed')
      throw e
    }
  }
}

export function frameCiphers(
  keys: TransportKeys,
  role: Role,
): { sealer: FrameSealer; opener: FrameOpener } {
  return role === 'desktop'
    ? { sealer: new FrameSealer(keys.desktopToPhone), opener: new FrameOpener(keys.phoneToDesktop) }
    : { sealer: new FrameSealer(keys.phoneToDesktop), opener: new FrameOpener(keys.desktopToPhone) }
}
