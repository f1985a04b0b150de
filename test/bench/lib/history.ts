// Histories for the benchmarks, from the project's deterministic generator.
import type { HistoryMessage } from '../../../shared/history/schema'
import type { SmsMessage } from '../../../shared/protocol/messages/common'
import { toWire } from '../../../electron/demo/phone/phone-store'

/** A history record as the phone sends it (no part data, no send key). */
export function toSms(m: HistoryMessage): SmsMessage {
  return toWire({ ...m, sendKey: null })
}

/** Groups an iterable into arrays of `size`. */
export function* chunks<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let batch: T[] = []
  for (const item of items) {
    batch.push(item)
    if (batch.length === size) {
      yield batch
      batch = []
    }
  }
  if (batch.length > 0) yield batch
}
