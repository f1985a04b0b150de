// Desktop side of PROTOCOL.md §4: the QR on screen is single use, expires after 120 s, and
// is replaced as soon as a handshake starts with it (whatever the outcome) or it expires.
import { randomBytes, type KeyPair } from '../../crypto/primitives'
import { PROTOCOL_VERSION, QR_LIFETIME_S } from '../constants'
import { pairingTag } from '../discovery'
import { encodeQrPayload, type QrPayload } from '../qr'

export interface IssuedQr {
  readonly payload: QrPayload
  readonly uri: string
  /** The tag the phone will advertise in mDNS once it has scanned this QR. */
  readonly tag: string
  readonly expiresAtMs: number
}

export interface QrIssuerOptions {
  readonly staticKeys: KeyPair
  readonly name: string
  /** Milliseconds since the epoch; injected so tests control time. */
  readonly now: () => number
  readonly random?: (length: number) => Uint8Array
}

export class QrIssuer {
  private issued: IssuedQr | null = null

  constructor(private readonly options: QrIssuerOptions) {}

  /** The QR to show now: the same one until it expires or is used, then a fresh one. */
  current(): IssuedQr {
    const now = this.options.now()
    if (this.issued === null || now >= this.issued.expiresAtMs) this.issued = this.issue(now)
    return this.issued
  }

  /**
   * Takes the current QR for one handshake attempt. It can never be taken twice: the next
   * current() shows a new code. Returns null when nothing valid is on screen.
   */
  claim(tag?: string): IssuedQr | null {
    const qr = this.issued
    if (qr === null || this.options.now() >= qr.expiresAtMs) return null
    if (tag !== undefined && tag !== qr.tag) return null
    this.issued = null
    return qr
  }

  /** Forget the QR on screen (pairing cancelled or window closed). */
  cancel(): void {
    this.issued = null
  }

  private issue(now: number): IssuedQr {
    const random = this.options.random ?? randomBytes
    const expiresAt = Math.floor(now / 1000) + QR_LIFETIME_S
    const payload: QrPayload = {
      version: PROTOCOL_VERSION,
      pairingId: random(16),
      desktopStatic: this.options.staticKeys.publicKey,
      secret: random(32),
      expiresAt,
      name: this.options.name,
    }
    return {
      payload,
      uri: encodeQrPayload(payload),
      tag: pairingTag(payload.secret),
      expiresAtMs: expiresAt * 1000,
    }
  }
}
