// The one place the ws library meets the protocol: binary frames in and out, close codes, and
// nothing else. Text frames are a protocol violation (PROTOCOL.md §7).
import type WebSocket from 'ws'
import { CloseCode, MAX_FRAME_BYTES, WS_SUBPROTOCOL } from '../../../shared/protocol'

export interface FrameSocket {
  send(bytes: Uint8Array): void
  close(code: number, reason?: string): void
  /** Drops the connection without a close handshake, as a lost network would. */
  abort(): void
  /**
   * Replaces the frame handler: the handshake and then the session each own the socket. With
   * null, frames are queued until the next owner arrives: a frame dropped between handshake and
   * session would break the implicit counters (PROTOCOL.md §6).
   */
  onFrame(handler: ((bytes: Uint8Array) => void) | null): void
  onClose(handler: (code: number, reason: string) => void): void
  readonly isOpen: boolean
}

/** Options every Textbridge WebSocket uses: the spec's frame cap, never ws's 100 MiB default. */
export const WS_OPTIONS = {
  maxPayload: MAX_FRAME_BYTES,
  perMessageDeflate: false,
  skipUTF8Validation: true,
} as const

export { WS_SUBPROTOCOL }

export function wrapWebSocket(ws: WebSocket): FrameSocket {
  let frameHandler: ((bytes: Uint8Array) => void) | null = null
  const queued: Uint8Array[] = []
  const closeHandlers: ((code: number, reason: string) => void)[] = []
  ws.on('message', (data, isBinary) => {
    if (!isBinary) {
      ws.close(CloseCode.ProtocolError, 'text frame')
      return
    }
    const bytes = toBytes(data)
    if (frameHandler === null) queued.push(bytes)
    else frameHandler(bytes)
  })
  ws.on('close', (code, reason) => {
    for (const handler of closeHandlers) handler(code, reason.toString('utf8'))
  })
  // Errors (bad frames, resets) are followed by 'close'; listening keeps them from throwing.
  ws.on('error', () => undefined)
  return {
    send(bytes) {
      if (ws.readyState === ws.OPEN) ws.send(bytes, { binary: true })
    },
    close(code, reason) {
      if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) {
        ws.close(code, reason?.slice(0, 100))
      }
    },
    abort() {
      ws.terminate()
    },
    onFrame(handler) {
      frameHandler = handler
      while (frameHandler !== null && queued.length > 0) frameHandler(queued.shift() as Uint8Array)
    },
    onClose(handler) {
      closeHandlers.push(handler)
    },
    get isOpen() {
      return ws.readyState === ws.OPEN
    },
  }
}

function toBytes(data: WebSocket.RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
}
