// Typed protocol errors. Each carries the WebSocket close code the spec assigns to it
// (PROTOCOL.md §5.5 and §7), so transports never have to map errors by hand.
import { CodedError } from '../errors'
import { CloseCode } from './constants'

export type HandshakeErrorCode =
  | 'unsupported_version'
  | 'unexpected_message'
  | 'bad_length'
  | 'decrypt_failed'
  | 'low_order_point'
  | 'bad_payload'
  | 'no_pending_pairing'
  | 'unknown_peer'
  | 'timeout'
  | 'wrong_state'

const HANDSHAKE_CLOSE: Record<HandshakeErrorCode, CloseCode> = {
  unsupported_version: CloseCode.UnsupportedVersion,
  unexpected_message: CloseCode.ProtocolError,
  bad_length: CloseCode.ProtocolError,
  decrypt_failed: CloseCode.HandshakeFailed,
  low_order_point: CloseCode.HandshakeFailed,
  bad_payload: CloseCode.HandshakeFailed,
  no_pending_pairing: CloseCode.NoPendingPairing,
  unknown_peer: CloseCode.UnknownPeer,
  timeout: CloseCode.HandshakeTimeout,
  wrong_state: CloseCode.ProtocolError,
}

export class HandshakeError extends CodedError<HandshakeErrorCode> {
  override readonly name = 'HandshakeError'
  get closeCode(): CloseCode {
    return HANDSHAKE_CLOSE[this.code]
  }
}

export type FrameErrorCode = 'decrypt_failed' | 'too_large' | 'counter_exhausted'

export class FrameError extends CodedError<FrameErrorCode> {
  override readonly name = 'FrameError'
  get closeCode(): CloseCode {
    switch (this.code) {
      case 'decrypt_failed':
        return CloseCode.DecryptFailed
      case 'too_large':
        return CloseCode.TooLarge
      case 'counter_exhausted':
        return CloseCode.Normal
    }
  }
}
