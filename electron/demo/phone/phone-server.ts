// The phone's side (used by the TypeScript demo phone and by tests): a WebSocket server with the
// pre-authentication limits of PROTOCOL.md §7 — a cap on unauthenticated sockets, a handshake
// deadline, a small first-message cap — answering pairing and reconnect handshakes.
import type { IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'
import {
  CloseCode,
  HANDSHAKE_TIMEOUT_MS,
  HandshakeError,
  HandshakeKind,
  MAX_HANDSHAKE_MESSAGE_BYTES,
  MAX_PENDING_SOCKETS,
  PairingResponder,
  peekPairingId,
  ReconnectResponder,
  SUPPORTED_VERSIONS,
  WS_PATH,
  type HandshakeResult,
  type PairingPayload,
  type PairingResult,
  type ScannedQrSlot,
} from '../../../shared/protocol'
import type { KeyPair } from '../../../shared/crypto/primitives'
import type { Logger } from '../../core/log'
import { PeerSession, type HelloBody } from '../../core/net/session'
import { WS_OPTIONS, WS_SUBPROTOCOL, wrapWebSocket, type FrameSocket } from '../../core/net/socket'

export type AcceptedSession =
  | { readonly kind: 'pair'; readonly session: PeerSession; readonly result: PairingResult }
  | { readonly kind: 'reconnect'; readonly session: PeerSession; readonly result: HandshakeResult }

export interface PhoneServerOptions {
  readonly host: string
  readonly port: number
  readonly staticKeys: KeyPair
  readonly identity: PairingPayload
  readonly scanned: ScannedQrSlot
  readonly isPairedDesktop: (desktopStatic: Uint8Array) => boolean
  readonly hello: () => HelloBody
  readonly onSession: (accepted: AcceptedSession) => void
  readonly log: Logger
  readonly maxPending?: number
  readonly handshakeTimeoutMs?: number
  readonly keepaliveTimeoutMs?: number
}

export class PhoneServer {
  private wss: WebSocketServer | null = null
  private pendingSockets = 0
  private highWater = 0

  constructor(private readonly options: PhoneServerOptions) {}

  /** Sockets that have not finished a handshake right now, and the most seen at once. */
  get pending(): { now: number; max: number } {
    return { now: this.pendingSockets, max: this.highWater }
  }

  async start(): Promise<number> {
    const wss = new WebSocketServer({
      host: this.options.host,
      port: this.options.port,
      path: WS_PATH,
      ...WS_OPTIONS,
      handleProtocols: (protocols) => (protocols.has(WS_SUBPROTOCOL) ? WS_SUBPROTOCOL : false),
    })
    this.wss = wss
    wss.on('connection', (ws, request) => {
      this.accept(ws, request)
    })
    await new Promise<void>((resolve, reject) => {
      wss.once('listening', resolve)
      wss.once('error', reject)
    })
    return (wss.address() as AddressInfo).port
  }

  async stop(): Promise<void> {
    const wss = this.wss
    if (wss === null) return
    this.wss = null
    for (const client of wss.clients) client.terminate()
    await new Promise<void>((resolve) => {
      wss.close(() => {
        resolve()
      })
    })
  }

  private accept(ws: WebSocket, _request: IncomingMessage): void {
    const socket = wrapWebSocket(ws)
    const max = this.options.maxPending ?? MAX_PENDING_SOCKETS
    if (ws.protocol !== WS_SUBPROTOCOL) {
      socket.close(CloseCode.ProtocolError, 'subprotocol')
      return
    }
    if (this.pendingSockets >= max) {
      socket.close(CloseCode.TryAgainLater, 'busy')
      return
    }
    this.pendingSockets++
    this.highWater = Math.max(this.highWater, this.pendingSockets)
    let settled = false
    const settle = () => {
      if (settled) return
      settled = true
      this.pendingSockets--
      clearTimeout(deadline)
    }
    const deadline = setTimeout(() => {
      socket.close(CloseCode.HandshakeTimeout, 'handshake timeout')
      // A peer that ignores the close handshake is cut off so it cannot hold a slot.
      setTimeout(() => {
        ws.terminate()
      }, 1_000).unref()
      settle()
    }, this.options.handshakeTimeoutMs ?? HANDSHAKE_TIMEOUT_MS)
    socket.onClose(settle)
    socket.onFrame((frame) => {
      socket.onFrame(null)
      const accepted = this.handshake(socket, frame)
      settle()
      if (accepted !== null) this.options.onSession(accepted)
    })
  }

  /** Runs the responder for the first message; returns null after closing on failure. */
  private handshake(socket: FrameSocket, first: Uint8Array): AcceptedSession | null {
    const log = this.options.log
    try {
      if (first.length > MAX_HANDSHAKE_MESSAGE_BYTES) throw new HandshakeError('bad_length')
      if (!SUPPORTED_VERSIONS.includes(first[0] ?? -1)) {
        throw new HandshakeError('unsupported_version')
      }
      if (first[1] === HandshakeKind.PairInit) {
        const qr = this.options.scanned.attempt(peekPairingId(first))
        const responder = new PairingResponder({
          staticKeys: this.options.staticKeys,
          payload: this.options.identity,
          qr,
          desktopStatic: qr.desktopStatic,
        })
        responder.readInit(first)
        socket.send(responder.writeResp())
        const result = responder.result()
        return { kind: 'pair', session: this.session(socket, result), result }
      }
      if (first[1] === HandshakeKind.ReconnectInit) {
        const responder = new ReconnectResponder({
          staticKeys: this.options.staticKeys,
          payload: {},
          isPairedDesktop: this.options.isPairedDesktop,
        })
        responder.readInit(first)
        socket.send(responder.writeResp())
        const result = responder.result()
        return { kind: 'reconnect', session: this.session(socket, result), result }
      }
      throw new HandshakeError('unexpected_message')
    } catch (e) {
      if (!(e instanceof HandshakeError)) throw e
      log.log('warn', 'phone.handshake_refused', { code: e.code })
      socket.close(e.closeCode, e.code)
      return null
    }
  }

  private session(socket: FrameSocket, result: HandshakeResult): PeerSession {
    return new PeerSession(socket, result.keys, {
      role: 'phone',
      hello: this.options.hello(),
      log: this.options.log,
      ...(this.options.keepaliveTimeoutMs === undefined
        ? {}
        : { keepaliveTimeoutMs: this.options.keepaliveTimeoutMs }),
    })
  }
}
