// What the UI shows about each phone's connection (every state is named, so the window can say
// exactly what is wrong), and the diagnostics behind "unreachable".
import type { DeviceId } from '../model/ids'
import type { OutboxCounts } from '../model/outbox'

export type SyncPhase =
  'catch-up' | 'conversations' | 'recent' | 'history' | 'indexing' | 'contacts'

export interface SyncProgress {
  readonly phase: SyncPhase
  readonly done: number
  /** Null when the phone has not said how many there are yet. */
  readonly total: number | null
}

/** Why the last attempt failed, in terms a checklist can explain. */
export type FailureCode =
  | 'not_seen'
  | 'unreachable'
  | 'timeout'
  | 'refused'
  | 'handshake_failed'
  | 'unknown_desktop'
  | 'disconnected'

export interface Diagnostics {
  /** The phone was seen on the network by mDNS (or has a typed address) recently. */
  readonly seenOnNetwork: boolean
  readonly address: string | null
  readonly lastFailure: {
    readonly code: FailureCode
    readonly closeCode: number | null
    readonly at: number
  } | null
  readonly lastConnectedAt: number | null
}

export type ConnectionState =
  | { readonly state: 'connecting' }
  | { readonly state: 'syncing'; readonly progress: SyncProgress }
  | { readonly state: 'connected' }
  | { readonly state: 'reconnecting'; readonly attempt: number; readonly nextAttemptAt: number }
  | { readonly state: 'unreachable'; readonly nextAttemptAt: number }
  | { readonly state: 'unpaired'; readonly byPhone: boolean }

export interface DeviceStatus {
  readonly deviceId: DeviceId
  readonly name: string
  readonly connection: ConnectionState
  readonly diagnostics: Diagnostics
}

export interface Status {
  readonly devices: readonly DeviceStatus[]
  readonly outbox: OutboxCounts
}
