// Typed errors of the network layer. `closeCode` is the WebSocket close code that ended the
// connection where one exists, so diagnostics can explain what happened.
import { CodedError } from '../../../shared/errors'
import type { ErrorCode } from '../../../shared/protocol'

export type ConnectionErrorCode =
  'unreachable' | 'timeout' | 'handshake_failed' | 'refused' | 'closed' | 'request_timeout'

export class ConnectionError extends CodedError<ConnectionErrorCode> {
  override readonly name = 'ConnectionError'
  constructor(
    code: ConnectionErrorCode,
    message?: string,
    readonly closeCode?: number,
  ) {
    super(code, message)
  }
}

/** The peer answered a request with an `error` message. */
export class RemoteError extends CodedError<ErrorCode> {
  override readonly name = 'RemoteError'
}
