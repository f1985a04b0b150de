// Texts written on this desktop, as the messages table sees them. The outbox module owns the
// outbox table; this module owns the messages table. Where a write to one concerns the other,
// it goes through this small interface, so each table has exactly one writer.
import type { MessageValues, StoredBox } from './message-values'
import { baseKey } from './sort-key'

/** What the outbox learns from the messages writer about texts this desktop wrote. */
export interface OutgoingObserver {
  /** The phone's record of a desktop-written text arrived: its box and status may move it on. */
  recorded(messageId: number, box: StoredBox, status: string): void
  /** The text now lives in another row (the phone's own record replaced the local copy). */
  moved(fromMessageId: number, toMessageId: number): void
}

/** A text the user sent from here, before the phone has a record of it. */
export interface OutgoingText {
  readonly to: readonly string[]
  readonly body: string
  readonly subId: number | null
  /** The idempotency key the phone will see. */
  readonly sendKey: string
  readonly date: number
}

export function outgoingValues(
  deviceKey: number,
  text: OutgoingText,
): Omit<MessageValues, 'id' | 'thread_id' | 'search_keys'> {
  return {
    base: baseKey(text.date),
    device_key: deviceKey,
    phone_id: null,
    send_key: text.sendKey,
    kind: 'sms',
    box: 'outbox',
    addresses_json: JSON.stringify(text.to),
    sender: null,
    date: text.date,
    date_sent: null,
    body: text.body,
    phone_read: 1,
    status: 'none',
    sub_id: text.subId,
    phone_thread_id: null,
    part_count: 0,
  }
}
