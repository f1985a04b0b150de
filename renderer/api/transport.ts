// What the facade and the event bridge need from a host: send one call, hear core events, and
// know whether the link to the core is up. Electron's preload and web mode's WebSocket both fit.
import type { CoreEvent } from '../../shared/api/events'
import type { MethodName } from '../../shared/api/contract'
import type { Result } from '../../shared/api/result'

/** The link between this window and the desktop core (not the phone's connection). */
export type LinkState =
  | { readonly state: 'connecting' }
  | { readonly state: 'open' }
  /** Dropped; the next attempt is scheduled for `retryAt` (ms since epoch). */
  | { readonly state: 'retrying'; readonly attempt: number; readonly retryAt: number }
  /** Web mode opened without the token from the printed link: nothing to retry with. */
  | { readonly state: 'no_token' }

export interface Transport {
  readonly kind: 'electron' | 'web'
  readonly call: (method: MethodName, args: unknown) => Promise<Result<unknown>>
  readonly onEvent: (listener: (event: CoreEvent) => void) => () => void
  /** Called with the current state at once, then on every change. */
  readonly onLinkState: (listener: (state: LinkState) => void) => () => void
  /** Retry now instead of waiting for the backoff timer (the "Retry now" button). */
  readonly reconnectNow: () => void
}
