// The renderer's one typed facade over the contract, so components read like plain calls: a method per
// contract entry, grouped by namespace (`api.messages.send(...)`), returning the value or
// throwing ApiError. Components never see a Result.
import {
  METHOD_NAMES,
  type ArgsOf,
  type MethodName,
  type ResultOf,
} from '../../shared/api/contract'
import { ApiError, resultSchema } from '../../shared/api/result'
import type { Transport } from './transport'

type Namespace = MethodName extends `${infer N}.${string}` ? N : never

/** Methods whose argument is the empty object may be called without one. */
type Call<M extends MethodName> =
  Record<string, never> extends ArgsOf<M>
    ? (args?: ArgsOf<M>) => Promise<ResultOf<M>>
    : (args: ArgsOf<M>) => Promise<ResultOf<M>>

export type Api = {
  readonly [N in Namespace]: {
    readonly [M in MethodName as M extends `${N}.${infer F}` ? F : never]: Call<M>
  }
}

export function createApi(transport: Transport): Api {
  const api: Record<string, Record<string, (args?: unknown) => Promise<unknown>>> = {}
  for (const method of METHOD_NAMES) {
    const [namespace, name] = method.split('.') as [string, string]
    const group = (api[namespace] ??= {})
    group[name] = async (args?: unknown) => {
      const reply = resultSchema.safeParse(await transport.call(method, args ?? {}))
      if (!reply.success) throw new ApiError('internal', `malformed reply to ${method}`)
      if (!reply.data.ok) throw new ApiError(reply.data.error.code, reply.data.error.message)
      return reply.data.value
    }
  }
  return api as unknown as Api
}

/**
 * A message for the user from anything an action threw. The core words ApiError messages for
 * people; anything else is a bug in this window, so it is logged in full and described vaguely.
 */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.message
  console.error(error)
  return 'Something went wrong in this window.'
}
