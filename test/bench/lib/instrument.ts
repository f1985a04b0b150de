// Timers wrapped around a few of the core's own functions, so a benchmark can say where the
// time went (the archive's writes, the index rebuild) without changing the code it measures.
import { now } from './stats'

/**
 * Replaces `obj[name]` (a function property: the repositories' methods are arrow-function
 * fields, or the archive thread's methods) with a wrapper that reports each call's duration and
 * result.
 */
export function instrument<T extends object>(
  obj: T,
  name: keyof T & string,
  record: (ms: number, result: unknown) => void,
): void {
  const original = obj[name] as unknown
  if (typeof original !== 'function') throw new Error(`${name} is not a function`)
  const call = original as (...args: unknown[]) => unknown
  Object.defineProperty(obj, name, {
    configurable: true,
    writable: true,
    value: function (this: unknown, ...args: unknown[]) {
      const start = now()
      const result = call.apply(this, args)
      // The archive answers from its thread: the call ends when the promise settles.
      if (result instanceof Promise) {
        return result.then((value: unknown) => {
          record(now() - start, value)
          return value
        })
      }
      record(now() - start, result)
      return result
    },
  })
}

/** Calls `hook` with the arguments before every call of `obj[name]` (private methods too). */
export function before(obj: object, name: string, hook: (...args: unknown[]) => void): void {
  const target = obj as Record<string, unknown>
  const original = target[name]
  if (typeof original !== 'function') throw new Error(`${name} is not a function`)
  const call = original as (...args: unknown[]) => unknown
  Object.defineProperty(obj, name, {
    configurable: true,
    writable: true,
    value: function (this: unknown, ...args: unknown[]) {
      hook(...args)
      return call.apply(this, args)
    },
  })
}
