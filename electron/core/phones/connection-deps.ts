// What a phone's connection is given, and how a failed dial reads in the status.
import type { KeyPair } from '../../../shared/crypto/primitives'
import type { FailureCode } from '../../../shared/api/status'
import { CloseCode, type BodyOf } from '../../../shared/protocol'
import type { PhoneFinder } from '../discovery/discovery'
import type { Logger } from '../log'
import type { ConnectionError } from '../net/errors'
import type { Dialled, DialOptions } from '../net/dial'
import type { HelloBody } from '../net/session'
import type { OutboxArchive } from '../outbox/ports'
import type { ChangeSink, SyncArchive } from '../sync/ports'
import type { Backoff } from './backoff'

const UNKNOWN_PEER: number = CloseCode.UnknownPeer

export interface PairedPhone {
  readonly id: string
  readonly name: string
  readonly staticKey: Uint8Array
  /** A typed address, or the last address that worked. */
  readonly address: { readonly host: string; readonly port: number } | null
}

export interface ConnectionDeps {
  readonly identity: KeyPair
  readonly hello: HelloBody
  readonly finder: PhoneFinder
  readonly dial: (options: DialOptions) => Promise<Dialled>
  readonly sync: SyncArchive
  readonly outbox: OutboxArchive
  readonly log: Logger
  readonly now: () => number
  /** Every archive change of this phone's sync and sends goes straight here. */
  readonly changes: ChangeSink
  /** The connection's state changed (the status shows it). */
  readonly onChange: () => void
  /** The phone introduced itself: its name, model and SIMs. */
  readonly onHello: (hello: BodyOf<'hello'>) => void
  /** The connection worked at this address: remember it for next time. */
  readonly onAddress: (host: string, port: number) => void
  /** Either side ended the pairing. */
  readonly onUnpaired: (byPhone: boolean) => void
  readonly backoff?: Backoff
}

export function failureCode(error: ConnectionError | null): FailureCode {
  switch (error?.code) {
    case 'unreachable':
      return 'unreachable'
    case 'timeout':
      return 'timeout'
    case 'refused':
      return error.closeCode === UNKNOWN_PEER ? 'unknown_desktop' : 'refused'
    case undefined:
    case 'handshake_failed':
    case 'closed':
    case 'request_timeout':
      return 'handshake_failed'
  }
}
