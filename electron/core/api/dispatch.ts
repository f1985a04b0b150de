// The single entry point both hosts (Electron IPC, web bridge) call with untrusted input: check
// the method name and validate the argument against the contract, run the handler, and turn any
// failure into a Result without leaking internals: the window is never trusted, and never told
// more than it can act on.
import { isMethodName, parseArgs, type MethodName } from '../../../shared/api/contract'
import { ApiError, type ApiErrorCode, type Result } from '../../../shared/api/result'
import type { Logger } from '../log'
import { ArchiveUnavailableError } from '../archive/errors'
import { InvalidInputError, NotFoundError } from '../store/errors'
import type { ApiHandlers } from './handlers'

export async function dispatch(
  handlers: ApiHandlers,
  method: unknown,
  args: unknown,
  log: Logger,
): Promise<Result<unknown>> {
  if (!isMethodName(method)) return failure('invalid_argument', 'unknown method')
  const parsed = parseArgs(method, args ?? {})
  if (parsed === null) return failure('invalid_argument', `invalid arguments for ${method}`)
  try {
    const handler = handlers[method] as (a: typeof parsed) => Promise<unknown>
    return { ok: true, value: await handler(parsed) }
  } catch (e) {
    return toFailure(method, e, log)
  }
}

function toFailure(method: MethodName, e: unknown, log: Logger): Result<never> {
  if (e instanceof ApiError) return failure(e.code, e.message)
  // The archive's own refusals are the caller's to know about (a conversation deleted on the
  // phone a moment ago, a cursor from another list), not bugs.
  if (e instanceof NotFoundError)
    return failure('not_found', `no such ${e.code.replaceAll('_', ' ')}`)
  if (e instanceof InvalidInputError)
    return failure('invalid_argument', e.code.replaceAll('_', ' '))
  // The archive's thread crashed and is starting again: worth another try in a moment.
  if (e instanceof ArchiveUnavailableError)
    return failure('not_available', 'The archive is restarting. Try again in a moment.')
  // Anything else is a bug or an environment failure: log its name, tell the UI little.
  log.log('error', 'api.failed', {
    method,
    error: e instanceof Error ? e.name : typeof e,
    detail: e instanceof Error ? e.message : null,
  })
  return failure('internal', 'Something went wrong. The details are in the log.')
}

function failure(code: ApiErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message } }
}
