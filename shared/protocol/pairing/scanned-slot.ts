// Phone side of PROTOCOL.md §4 and §5.3: holds at most one scanned QR for at most 120 s and
// burns it on the first pairing attempt that names its pairing id, whatever the outcome.
import { bytesEqual } from '../../bytes'
import { QR_LIFETIME_S } from '../constants'
import { pairingTag } from '../discovery'
import { HandshakeError } from '../errors'
import { parseQrPayload, type QrPayload } from '../qr'

export class ScannedQrSlot {
  private held: { payload: QrPayload; heldUntilMs: number } | null = null

  constructor(private readonly now: () => number) {}

  /** Parses a scanned URI (throws QrError) and replaces whatever was held. */
  scan(uri: string): QrPayload {
    const now = this.now()
    const payload = parseQrPayload(uri, Math.floor(now / 1000))
    this.held = { payload, heldUntilMs: now + QR_LIFETIME_S * 1000 }
    return payload
  }

  /** The pairing tag to advertise, or null when nothing is pending. */
  tag(): string | null {
    const held = this.live()
    return held === null ? null : pairingTag(held.secret)
  }

  pending(): QrPayload | null {
    return this.live()
  }

  /**
   * Called with the pairing id of an incoming PAIR_INIT. A stranger naming another id gets
   * `no_pending_pairing` and the slot is kept; the right id burns the slot before any crypto.
   */
  attempt(pairingId: Uint8Array): QrPayload {
    const held = this.live()
    if (held === null || !bytesEqual(held.pairingId, pairingId)) {
      throw new HandshakeError('no_pending_pairing')
    }
    this.held = null
    return held
  }

  clear(): void {
    this.held = null
  }

  private live(): QrPayload | null {
    if (this.held !== null && this.now() >= this.held.heldUntilMs) this.held = null
    return this.held?.payload ?? null
  }
}
