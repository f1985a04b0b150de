// The core's side of the contract: one async handler per method, receiving arguments that the
// host already validated with the contract's schemas.
import type { CoreEvent } from '../../../shared/api/events'
import type { MethodName, ParsedArgsOf, ResultOf } from '../../../shared/api/contract'

export type ApiHandlers = {
  readonly [M in MethodName]: (args: ParsedArgsOf<M>) => Promise<ResultOf<M>>
}

export interface CoreApi {
  readonly handlers: ApiHandlers
  onEvent(listener: (event: CoreEvent) => void): () => void
}
