// How the demo phone introduces itself (PROTOCOL.md §9.1), and what it can be configured with.
import type { KeyPair } from '../../../shared/crypto/primitives'
import type { HistoryFile } from '../../../shared/history/schema'
import type { SimInfo } from '../../../shared/protocol'
import type { Logger } from '../../core/log'
import type { HelloBody } from '../../core/net/session'
import type { FailurePolicy, SendTimings, WaitPolicy } from './send-service'

/** What the demo phone lists in its hello: all it can do, pictures and group texts included. */
export const DEMO_CAPABILITIES: readonly string[] = [
  'sync',
  'send',
  'contacts',
  'mms.fetch',
  'send.mms',
  'send.group',
]

export type DemoPhoneEvent =
  | { readonly type: 'pairing'; readonly sas: string; readonly desktop: string }
  | { readonly type: 'paired'; readonly desktop: string }
  | { readonly type: 'connected' }
  | { readonly type: 'disconnected'; readonly code: number }
  | { readonly type: 'acked'; readonly watermark: string | undefined }

export interface DemoPhoneOptions {
  readonly history: HistoryFile
  readonly log: Logger
  readonly host?: string
  readonly port?: number
  /** How the phone's user answers the short-code prompt. Default: accept after a moment. */
  readonly confirm?: (sas: string, desktop: string) => Promise<boolean>
  readonly sendTimings?: SendTimings
  readonly failures?: FailurePolicy
  /** Which texts make the phone ask its user first (default: those saying "[wait]"). */
  readonly waits?: WaitPolicy
  /** Tests: a phone that cannot send pictures, or one from before group messages. */
  readonly capabilities?: readonly string[]
  /**
   * The carriers' MMS size limit the phone states for SIMs whose history does not (default
   * 600 KiB, a common one); null states none, so the desktop assumes 300 KiB.
   */
  readonly mmsMaxBytes?: number | null
  readonly keys?: KeyPair
  readonly now?: () => number
}

export const DEMO_MMS_MAX_BYTES = 614_400

/** The history's SIMs, each with the MMS limit a phone that sends MMS states (§9.1). */
export function demoSims(history: HistoryFile, limit: number | null | undefined): SimInfo[] {
  const stated = limit === undefined ? DEMO_MMS_MAX_BYTES : limit
  return history.sims.map((s) =>
    s.mmsMaxBytes !== undefined || stated === null ? s : { ...s, mmsMaxBytes: stated },
  )
}

export function demoHello(
  history: HistoryFile,
  capabilities: readonly string[],
  sims: readonly SimInfo[],
): HelloBody {
  return {
    role: 'phone',
    app: 'textbridge-demo-phone',
    appVersion: '1.0.0',
    protocol: 1,
    capabilities: [...capabilities],
    device: {
      name: history.device.name,
      ...(history.device.model === undefined ? {} : { model: history.device.model }),
      ...(history.device.region === undefined ? {} : { region: history.device.region }),
    },
    sims: [...sims],
  }
}
