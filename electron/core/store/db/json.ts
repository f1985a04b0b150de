// JSON and enum columns are re-validated when read: the file is data, not code we trust.
import type { z } from 'zod'
import { CorruptRowError } from '../errors'

export function parseJsonColumn<S extends z.ZodType>(
  schema: S,
  text: string,
  what: string,
): z.infer<S> {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new CorruptRowError('bad_json', `${what} is not JSON`)
  }
  const parsed = schema.safeParse(value)
  if (!parsed.success) throw new CorruptRowError('bad_json', `${what} does not match its schema`)
  return parsed.data
}

export function enumColumn<T extends string>(
  allowed: readonly T[],
  value: string,
  what: string,
): T {
  if ((allowed as readonly string[]).includes(value)) return value as T
  throw new CorruptRowError('bad_value', `${what} has an unknown value`)
}
