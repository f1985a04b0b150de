// Reconnect handshake, IK-shaped (PROTOCOL.md §5.4). The desktop knows the phone's pinned
// static key; the phone learns which paired desktop is calling from the encrypted SD.
import { concat } from '../../bytes'
import { generateKeyPair, type KeyPair } from '../../crypto/primitives'
import { HandshakeKind, PROTOCOL_VERSION, RECONNECT_PROTOCOL_NAME } from '../constants'
import { HandshakeError } from '../errors'
import { decodePayload, encodePayload, type HandshakePayload } from './payload'
import { StepGuard, type HandshakeOptions, type HandshakeResult } from './result'
import { SymmetricState } from './symmetric'
import { checkHandshakeMessage, handshakeDh, Reader } from './wire'

const INIT_HEADER = Uint8Array.of(PROTOCOL_VERSION, HandshakeKind.ReconnectInit)
const RESP_HEADER = Uint8Array.of(PROTOCOL_VERSION, HandshakeKind.ReconnectResp)

function start(phoneStatic: Uint8Array): SymmetricState {
  const state = new SymmetricState(RECONNECT_PROTOCOL_NAME)
  state.mixHash(phoneStatic)
  return state
}

export class ReconnectInitiator {
  private readonly state: SymmetricState
  private readonly ephemeral: KeyPair
  private readonly steps = new StepGuard<'init' | 'resp' | 'done'>('init')

  constructor(private readonly options: HandshakeOptions & { readonly phoneStatic: Uint8Array }) {
    this.state = start(options.phoneStatic)
    this.ephemeral = options.ephemeral ?? generateKeyPair()
  }

  writeInit(): Uint8Array {
    this.steps.enter('init')
    const s = this.state
    s.mixHash(INIT_HEADER)
    const e = this.ephemeral.publicKey
    s.mixHash(e)
    s.mixKey(handshakeDh(this.ephemeral.secretKey, this.options.phoneStatic))
    const encryptedStatic = s.encryptAndHash(this.options.staticKeys.publicKey)
    s.mixKey(handshakeDh(this.options.staticKeys.secretKey, this.options.phoneStatic))
    const payload = s.encryptAndHash(encodePayload(this.options.payload))
    this.steps.leave('resp')
    return concat(INIT_HEADER, e, encryptedStatic, payload)
  }

  readResp(message: Uint8Array): HandshakeResult {
    this.steps.enter('resp')
    checkHandshakeMessage(message, HandshakeKind.ReconnectResp)
    const reader = new Reader(message)
    const s = this.state
    s.mixHash(reader.take(2))
    const ep = reader.take(32)
    s.mixHash(ep)
    s.mixKey(handshakeDh(this.ephemeral.secretKey, ep))
    s.mixKey(handshakeDh(this.options.staticKeys.secretKey, ep))
    const remotePayload = decodePayload(s.decryptAndHash(reader.rest()))
    this.steps.leave('done')
    return {
      keys: s.split(),
      handshakeHash: s.handshakeHash,
      remoteStatic: this.options.phoneStatic,
      remotePayload,
    }
  }
}

export class ReconnectResponder {
  private readonly state: SymmetricState
  private readonly ephemeral: KeyPair
  private readonly steps = new StepGuard<'init' | 'resp' | 'done'>('init')
  private remote: { ed: Uint8Array; sd: Uint8Array; payload: HandshakePayload } | null = null
  private finished: HandshakeResult | null = null

  constructor(
    private readonly options: HandshakeOptions & {
      /** Whether this desktop key is paired; called once, after SD decrypts. */
      readonly isPairedDesktop: (desktopStatic: Uint8Array) => boolean
    },
  ) {
    this.state = start(options.staticKeys.publicKey)
    this.ephemeral = options.ephemeral ?? generateKeyPair()
  }

  readInit(message: Uint8Array): { desktopStatic: Uint8Array; payload: HandshakePayload } {
    this.steps.enter('init')
    checkHandshakeMessage(message, HandshakeKind.ReconnectInit)
    const reader = new Reader(message)
    const s = this.state
    s.mixHash(reader.take(2))
    const ed = reader.take(32).slice()
    s.mixHash(ed)
    s.mixKey(handshakeDh(this.options.staticKeys.secretKey, ed))
    const sd = s.decryptAndHash(reader.take(48))
    if (!this.options.isPairedDesktop(sd)) throw new HandshakeError('unknown_peer')
    s.mixKey(handshakeDh(this.options.staticKeys.secretKey, sd))
    const payload = decodePayload(s.decryptAndHash(reader.rest()))
    this.remote = { ed, sd, payload }
    this.steps.leave('resp')
    return { desktopStatic: sd, payload }
  }

  writeResp(): Uint8Array {
    this.steps.enter('resp')
    const remote = this.remote
    if (remote === null) throw new HandshakeError('wrong_state')
    const s = this.state
    s.mixHash(RESP_HEADER)
    const ep = this.ephemeral.publicKey
    s.mixHash(ep)
    s.mixKey(handshakeDh(this.ephemeral.secretKey, remote.ed))
    s.mixKey(handshakeDh(this.ephemeral.secretKey, remote.sd))
    const payload = s.encryptAndHash(encodePayload(this.options.payload))
    this.finished = {
      keys: s.split(),
      handshakeHash: s.handshakeHash,
      remoteStatic: remote.sd,
      remotePayload: remote.payload,
    }
    this.steps.leave('done')
    return concat(RESP_HEADER, ep, payload)
  }

  result(): HandshakeResult {
    if (this.finished === null) throw new HandshakeError('wrong_state')
    return this.finished
  }
}
