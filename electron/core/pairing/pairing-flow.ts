// Desktop pairing, an explicit state machine so every screen maps to one state (PROTOCOL.md §4, §5.3):
//   idle → showing_qr → connecting → confirm → paired
//                 ↑           ↓          ↓
//                 └──────── failed ←─────┘   (any failure burns the QR; "try again" shows a new one)
import { EventEmitter } from 'node:events'
import type { KeyPair } from '../../../shared/crypto/primitives'
import {
  CloseCode,
  message,
  PAIRING_CONFIRM_DESKTOP_MS,
  QrIssuer,
  type IssuedQr,
  type MessageOf,
  type PairingResult,
} from '../../../shared/protocol'
import type { PairingFailure, PairingView } from '../../../shared/api/pairing'
import type { SeenPhone, PhoneFinder } from '../discovery/discovery'
import type { Logger } from '../log'
import { ConnectionError } from '../net/errors'
import type { Dialled, DialOptions } from '../net/dial'
import type { HelloBody, PeerSession } from '../net/session'

export type PairingState = PairingView

export interface NewPairing {
  readonly deviceId: string
  readonly name: string
  readonly staticKey: Uint8Array
  readonly host: string
  readonly port: number
  readonly hello: HelloBody
}

export interface PairingDeps {
  readonly identity: KeyPair
  readonly desktopName: string
  readonly desktopId: string
  readonly hello: HelloBody
  readonly finder: PhoneFinder
  readonly dial: (options: DialOptions) => Promise<Dialled<PairingResult>>
  readonly log: Logger
  readonly now: () => number
  /** Stores the pairing; 'key_mismatch' when this phone id is paired with another key. */
  readonly onPaired: (pairing: NewPairing, session: PeerSession) => Promise<'ok' | 'key_mismatch'>
  readonly confirmTimeoutMs?: number
}

export class PairingFlow extends EventEmitter<{ state: [PairingState] }> {
  private current: PairingState = { step: 'idle' }
  private readonly issuer: QrIssuer
  private rotateTimer: ReturnType<typeof setTimeout> | null = null
  private readonly onPhones = (phones: readonly SeenPhone[]) => {
    this.lookForPhone(phones)
  }

  constructor(private readonly deps: PairingDeps) {
    super()
    this.issuer = new QrIssuer({ staticKeys: deps.identity, name: deps.desktopName, now: deps.now })
  }

  get state(): PairingState {
    return this.current
  }

  /** Shows a QR (a fresh one after a failure) and waits for the phone that scans it. */
  start(): void {
    if (this.current.step === 'connecting' || this.current.step === 'confirm') return
    this.deps.finder.on('change', this.onPhones)
    this.show(this.issuer.current())
    this.lookForPhone(this.deps.finder.phones())
  }

  cancel(): void {
    this.issuer.cancel()
    this.stopWatching()
    this.set({ step: 'idle' })
  }

  /** "Connect by address": for networks where the phone cannot be seen with mDNS. */
  connectTo(host: string, port: number): void {
    if (this.current.step !== 'showing_qr') return
    const qr = this.issuer.claim()
    if (qr === null) {
      this.show(this.issuer.current())
      return
    }
    void this.attempt(qr, host, port)
  }

  private show(qr: IssuedQr): void {
    this.set({ step: 'showing_qr', uri: qr.uri, expiresAt: qr.expiresAtMs })
    if (this.rotateTimer !== null) clearTimeout(this.rotateTimer)
    this.rotateTimer = setTimeout(
      () => {
        if (this.current.step === 'showing_qr') this.show(this.issuer.current())
      },
      Math.max(0, qr.expiresAtMs - this.deps.now()),
    )
    this.rotateTimer.unref()
  }

  private lookForPhone(phones: readonly SeenPhone[]): void {
    if (this.current.step !== 'showing_qr') return
    const tag = this.issuer.current().tag
    const phone = phones.find((p) => p.pairingTag === tag)
    if (phone === undefined) return
    const qr = this.issuer.claim(tag)
    if (qr !== null) void this.attempt(qr, phone.host, phone.port)
  }

  private async attempt(qr: IssuedQr, host: string, port: number): Promise<void> {
    this.stopWatching()
    this.set({ step: 'connecting', address: `${host}:${port}` })
    let dialled: Dialled<PairingResult>
    try {
      dialled = await this.deps.dial({
        host,
        port,
        handshake: {
          kind: 'pair',
          staticKeys: this.deps.identity,
          qr: { pairingId: qr.payload.pairingId, secret: qr.payload.secret },
          payload: { name: this.deps.desktopName, id: this.deps.desktopId },
        },
        hello: this.deps.hello,
        log: this.deps.log,
      })
    } catch (e) {
      this.fail(dialFailure(e), e instanceof Error ? e.message : null)
      return
    }
    const { session, result } = dialled
    const phoneName = result.remotePayload.name ?? 'Phone'
    this.set({ step: 'confirm', sas: result.sas, phoneName })
    const answer = await this.awaitConfirmation(session)
    if (answer === 'accepted') await this.complete(session, result, host, port, phoneName)
    else this.fail(answer, null)
  }

  private awaitConfirmation(session: PeerSession): Promise<'accepted' | PairingFailure> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        session.close(CloseCode.PairingNotConfirmed, 'not confirmed')
        resolve('confirm_timeout')
      }, this.deps.confirmTimeoutMs ?? PAIRING_CONFIRM_DESKTOP_MS)
      const off = session.onMessage((msg) => {
        if (msg.type !== 'pair.result') return
        clearTimeout(timer)
        off()
        resolve(resultOf(msg))
      })
      void session.closed.then(() => {
        clearTimeout(timer)
        resolve('disconnected')
      })
    })
  }

  private async complete(
    session: PeerSession,
    result: PairingResult,
    host: string,
    port: number,
    name: string,
  ) {
    const deviceId = result.remotePayload.id
    const hello = session.peerHello
    if (deviceId === undefined || hello === null) {
      session.close(CloseCode.ProtocolError, 'pairing payload')
      this.fail('handshake_failed', 'the phone did not identify itself')
      return
    }
    let outcome: 'ok' | 'key_mismatch'
    try {
      outcome = await this.deps.onPaired(
        { deviceId, name, staticKey: result.remoteStatic, host, port, hello },
        session,
      )
    } catch (e) {
      session.close(CloseCode.Normal, 'not stored')
      this.fail('handshake_failed', e instanceof Error ? e.name : 'the pairing was not stored')
      return
    }
    if (outcome === 'key_mismatch') {
      session.send(
        message('error', { code: 'key_mismatch', message: 'already paired with another key' }),
      )
      session.close(CloseCode.UnknownPeer, 'key mismatch')
      this.fail('key_mismatch', null)
      return
    }
    this.set({ step: 'paired', deviceId, phoneName: name })
  }

  private fail(reason: PairingFailure, detail: string | null): void {
    this.deps.log.log('warn', 'pairing.failed', { reason })
    this.set({ step: 'failed', reason, detail })
  }

  private stopWatching(): void {
    this.deps.finder.off('change', this.onPhones)
    if (this.rotateTimer !== null) clearTimeout(this.rotateTimer)
    this.rotateTimer = null
  }

  private set(state: PairingState): void {
    this.current = state
    this.emit('state', state)
  }
}

function resultOf(msg: MessageOf<'pair.result'>): 'accepted' | PairingFailure {
  if (msg.body.accepted) return 'accepted'
  return msg.body.reason === 'timeout' ? 'confirm_timeout' : 'rejected_on_phone'
}

function dialFailure(e: unknown): PairingFailure {
  if (!(e instanceof ConnectionError)) return 'handshake_failed'
  switch (e.code) {
    case 'unreachable':
    case 'timeout':
      return 'unreachable'
    case 'refused':
      return 'refused'
    case 'handshake_failed':
    case 'closed':
    case 'request_timeout':
      return 'handshake_failed'
  }
}
