// The desktop's side of a connection: open the WebSocket, run the pairing or reconnect
// handshake within the deadline, and hand back an established session (PROTOCOL.md §5, §7).
import WebSocket from 'ws'
import {
  CloseCode,
  HANDSHAKE_TIMEOUT_MS,
  HandshakeError,
  PairingInitiator,
  ReconnectInitiator,
  WS_PATH,
  type HandshakeResult,
  type PairingPayload,
  type PairingResult,
} from '../../../shared/protocol'
import type { KeyPair } from '../../../shared/crypto/primitives'
import type { Logger } from '../log'
import { ConnectionError } from './errors'
import { PeerSession, type HelloBody } from './session'
import { WS_OPTIONS, WS_SUBPROTOCOL, wrapWebSocket, type FrameSocket } from './socket'

export type DesktopHandshake =
  | {
      readonly kind: 'pair'
      readonly staticKeys: KeyPair
      readonly qr: { readonly pairingId: Uint8Array; readonly secret: Uint8Array }
      readonly payload: PairingPayload
    }
  | { readonly kind: 'reconnect'; readonly staticKeys: KeyPair; readonly phoneStatic: Uint8Array }

export interface DialOptions {
  readonly host: string
  readonly port: number
  readonly handshake: DesktopHandshake
  readonly hello: HelloBody
  readonly log: Logger
  readonly timeoutMs?: number
  readonly keepaliveIdleMs?: number
  readonly keepaliveTimeoutMs?: number
}

export interface Dialled<R extends HandshakeResult = HandshakeResult> {
  readonly session: PeerSession
  readonly result: R
}

const TIMEOUT_CODE: number = CloseCode.HandshakeTimeout

export function phoneUrl(host: string, port: number): string {
  const h = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host
  return `ws://${h}:${port}${WS_PATH}`
}

export async function dialPhone(
  options: DialOptions,
): Promise<Dialled<HandshakeResult | PairingResult>> {
  const deadline = options.timeoutMs ?? HANDSHAKE_TIMEOUT_MS
  const ws = new WebSocket(phoneUrl(options.host, options.port), WS_SUBPROTOCOL, {
    ...WS_OPTIONS,
    handshakeTimeout: deadline,
  })
  const socket = wrapWebSocket(ws)
  const timer = setTimeout(() => {
    socket.close(CloseCode.HandshakeTimeout, 'handshake timeout')
    ws.terminate()
  }, deadline)
  try {
    await opened(ws)
    if (ws.protocol !== WS_SUBPROTOCOL) {
      socket.close(CloseCode.ProtocolError, 'subprotocol')
      throw new ConnectionError('refused', 'the peer is not a Textbridge phone')
    }
    const result = await runHandshake(socket, options.handshake)
    const session = new PeerSession(socket, result.keys, {
      role: 'desktop',
      hello: options.hello,
      log: options.log,
      ...(options.keepaliveIdleMs === undefined
        ? {}
        : { keepaliveIdleMs: options.keepaliveIdleMs }),
      ...(options.keepaliveTimeoutMs === undefined
        ? {}
        : { keepaliveTimeoutMs: options.keepaliveTimeoutMs }),
    })
    return { session, result }
  } catch (e) {
    ws.terminate()
    throw e
  } finally {
    clearTimeout(timer)
  }
}

function opened(ws: WebSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = (error: Error) => {
      reject(new ConnectionError('unreachable', error.message))
    }
    ws.once('open', () => {
      ws.off('error', fail)
      resolve()
    })
    ws.once('error', fail)
    ws.once('close', (code) => {
      reject(new ConnectionError('unreachable', `closed with ${code} before opening`, code))
    })
  })
}

/** Sends the initiator message and processes the single reply. */
function runHandshake(
  socket: FrameSocket,
  handshake: DesktopHandshake,
): Promise<HandshakeResult | PairingResult> {
  const initiator =
    handshake.kind === 'pair'
      ? new PairingInitiator({
          staticKeys: handshake.staticKeys,
          payload: handshake.payload,
          qr: handshake.qr,
        })
      : new ReconnectInitiator({
          staticKeys: handshake.staticKeys,
          payload: {},
          phoneStatic: handshake.phoneStatic,
        })
  return new Promise((resolve, reject) => {
    socket.onClose((code, reason) => {
      const why = code === TIMEOUT_CODE ? 'timeout' : 'refused'
      reject(new ConnectionError(why, reason || `closed with ${code}`, code))
    })
    socket.onFrame((frame) => {
      socket.onFrame(null)
      try {
        resolve(initiator.readResp(frame))
      } catch (e) {
        const code = e instanceof HandshakeError ? e.closeCode : CloseCode.HandshakeFailed
        socket.close(code, 'handshake failed')
        reject(
          new ConnectionError(
            'handshake_failed',
            e instanceof Error ? e.message : 'handshake',
            code,
          ),
        )
      }
    })
    socket.send(initiator.writeInit())
  })
}
