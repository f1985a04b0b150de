// Electron: the preload exposes `window.textbridge` (shared/api/bridge.ts). The link is an
// in-process IPC channel, so it is always open.
import type { TextbridgeBridge } from '../../shared/api/bridge'
import type { MethodName } from '../../shared/api/contract'
import type { Result } from '../../shared/api/result'
import type { Transport } from './transport'

declare global {
  interface Window {
    readonly textbridge?: TextbridgeBridge
  }
}

export function electronTransport(bridge: TextbridgeBridge): Transport {
  return {
    kind: 'electron',
    call(method: MethodName, args: unknown): Promise<Result<unknown>> {
      const fn = bridge.methods[method] as (a: unknown) => Promise<Result<unknown>>
      return fn(args)
    },
    onEvent: (listener) => bridge.onEvent(listener),
    onLinkState(listener) {
      listener({ state: 'open' })
      return () => undefined
    },
    reconnectNow: () => undefined,
  }
}
