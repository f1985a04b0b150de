// What the preload exposes on `window.textbridge` (and what the web bridge client mimics): one
// function per use case, each returning a Result, plus the event subscription.
import type { ArgsOf, MethodName, ResultOf } from './contract'
import type { CoreEvent } from './events'
import type { Result } from './result'

export type BridgeMethods = {
  readonly [M in MethodName]: (args: ArgsOf<M>) => Promise<Result<ResultOf<M>>>
}

export interface TextbridgeBridge {
  readonly methods: BridgeMethods
  onEvent(listener: (event: CoreEvent) => void): () => void
}

export const IPC_EVENT_CHANNEL = 'textbridge:event'

export function ipcChannel(method: MethodName): string {
  return `textbridge:${method}`
}
