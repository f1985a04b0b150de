// Pairing handshake, KXpsk0-shaped (PROTOCOL.md §5.3). The desktop initiates; the phone
// responds. Both take the QR's pairing id and secret; the phone also takes SD from the QR.
import { bytesEqual, concat } from '../../bytes'
import { generateKeyPair, type KeyPair } from '../../crypto/primitives'
import { HandshakeKind, PAIRING_PROTOCOL_NAME, PROTOCOL_VERSION } from '../constants'
import { HandshakeError } from '../errors'
import {
  decodePayload,
  encodePayload,
  requirePairingPayload,
  type HandshakePayload,
} from './payload'
import { shortCode, StepGuard, type HandshakeOptions, type PairingResult } from './result'
import { SymmetricState } from './symmetric'
import { checkHandshakeMessage, handshakeDh, Reader } from './wire'

export interface PairingQrSecret {
  readonly pairingId: Uint8Array
  readonly secret: Uint8Array
}

function initHeader(pairingId: Uint8Array): Uint8Array {
  return concat(Uint8Array.of(PROTOCOL_VERSION, HandshakeKind.PairInit), pairingId)
}
const RESP_HEADER = Uint8Array.of(PROTOCOL_VERSION, HandshakeKind.PairResp)

function start(desktopStatic: Uint8Array): SymmetricState {
  const state = new SymmetricState(PAIRING_PROTOCOL_NAME)
  state.mixHash(desktopStatic)
  return state
}

/** Reads the pairing id of a PAIR_INIT after the header checks, before any cryptography. */
export function peekPairingId(message: Uint8Array): Uint8Array {
  checkHandshakeMessage(message, HandshakeKind.PairInit)
  return message.slice(2, 18)
}

export class PairingInitiator {
  private readonly state: SymmetricState
  private readonly ephemeral: KeyPair
  private readonly steps = new StepGuard<'init' | 'resp' | 'done'>('init')

  constructor(private readonly options: HandshakeOptions & { readonly qr: PairingQrSecret }) {
    this.state = start(options.staticKeys.publicKey)
    this.ephemeral = options.ephemeral ?? generateKeyPair()
  }

  writeInit(): Uint8Array {
    this.steps.enter('init')
    const header = initHeader(this.options.qr.pairingId)
    this.state.mixHash(header)
    this.state.mixKeyAndHash(this.options.qr.secret)
    const e = this.ephemeral.publicKey
    this.state.mixHash(e)
    this.state.mixKey(e)
    const payload = this.state.encryptAndHash(encodePayload(this.options.payload))
    this.steps.leave('resp')
    return concat(header, e, payload)
  }

  readResp(message: Uint8Array): PairingResult {
    this.steps.enter('resp')
    checkHandshakeMessage(message, HandshakeKind.PairResp)
    const reader = new Reader(message)
    const s = this.state
    s.mixHash(reader.take(2))
    const ep = reader.take(32)
    s.mixHash(ep)
    s.mixKey(ep)
    s.mixKey(handshakeDh(this.ephemeral.secretKey, ep))
    s.mixKey(handshakeDh(this.options.staticKeys.secretKey, ep))
    const remoteStatic = s.decryptAndHash(reader.take(48))
    s.mixKey(handshakeDh(this.ephemeral.secretKey, remoteStatic))
    const payload = requirePairingPayload(decodePayload(s.decryptAndHash(reader.rest())))
    this.steps.leave('done')
    return {
      keys: s.split(),
      handshakeHash: s.handshakeHash,
      remoteStatic,
      remotePayload: payload,
      sas: shortCode(s.handshakeHash),
    }
  }
}

export class PairingResponder {
  private readonly state: SymmetricState
  private readonly ephemeral: KeyPair
  private readonly steps = new StepGuard<'init' | 'resp' | 'done'>('init')
  private remoteEphemeral: Uint8Array | null = null
  private remotePayload: HandshakePayload | null = null
  private finished: PairingResult | null = null

  constructor(
    private readonly options: HandshakeOptions & {
      readonly qr: PairingQrSecret
      readonly desktopStatic: Uint8Array
    },
  ) {
    this.state = start(options.desktopStatic)
    this.ephemeral = options.ephemeral ?? generateKeyPair()
  }

  /**
   * Throws `no_pending_pairing` (before any cryptography) when the message names another
   * pairing id; the caller keeps its scanned QR in that case and burns it otherwise.
   */
  readInit(message: Uint8Array): HandshakePayload {
    this.steps.enter('init')
    if (!bytesEqual(peekPairingId(message), this.options.qr.pairingId)) {
      throw new HandshakeError('no_pending_pairing')
    }
    const reader = new Reader(message)
    const s = this.state
    s.mixHash(reader.take(18))
    s.mixKeyAndHash(this.options.qr.secret)
    const ed = reader.take(32)
    s.mixHash(ed)
    s.mixKey(ed)
    const payload = requirePairingPayload(decodePayload(s.decryptAndHash(reader.rest())))
    this.remoteEphemeral = ed.slice()
    this.remotePayload = payload
    this.steps.leave('resp')
    return payload
  }

  writeResp(): Uint8Array {
    this.steps.enter('resp')
    const ed = this.remoteEphemeral
    const remotePayload = this.remotePayload
    if (ed === null || remotePayload === null) throw new HandshakeError('wrong_state')
    const s = this.state
    s.mixHash(RESP_HEADER)
    const ep = this.ephemeral.publicKey
    s.mixHash(ep)
    s.mixKey(ep)
    s.mixKey(handshakeDh(this.ephemeral.secretKey, ed))
    s.mixKey(handshakeDh(this.ephemeral.secretKey, this.options.desktopStatic))
    const encryptedStatic = s.encryptAndHash(this.options.staticKeys.publicKey)
    s.mixKey(handshakeDh(this.options.staticKeys.secretKey, ed))
    const payload = s.encryptAndHash(encodePayload(this.options.payload))
    this.finished = {
      keys: s.split(),
      handshakeHash: s.handshakeHash,
      remoteStatic: this.options.desktopStatic,
      remotePayload,
      sas: shortCode(s.handshakeHash),
    }
    this.steps.leave('done')
    return concat(RESP_HEADER, ep, encryptedStatic, payload)
  }

  result(): PairingResult {
    if (this.finished === null) throw new HandshakeError('wrong_state')
    return this.finished
  }
}
