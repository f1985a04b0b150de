// Every call across the IPC or web bridge returns a Result; the renderer's facade turns errors
// back into exceptions, because a thrown error does not survive structured cloning intact.
import { z } from 'zod'

export const API_ERROR_CODES = [
  'invalid_argument',
  'not_found',
  'not_available',
  'not_connected',
  'rate_limited',
  'cancelled',
  'internal',
] as const
export type ApiErrorCode = (typeof API_ERROR_CODES)[number]

export interface ApiFailure {
  readonly code: ApiErrorCode
  readonly message: string
}

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiFailure }

export const resultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({ code: z.enum(API_ERROR_CODES), message: z.string().max(500) }),
  }),
])

export class ApiError extends Error {
  override readonly name = 'ApiError'
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message)
  }
}
