import type { SendFailureReason } from '../protocol/messages/catalogue'
import type { ConversationId, DeviceId, MessageId, OutboxId } from './ids'

/** Why the phone could not send a text, as the window explains it. */
export type { SendFailureReason }

/**
 * The life of a text written on this desktop. Forward only:
 * queued → dispatching → (waiting →) sent → delivered. `waiting`: the phone holds the text and
 * is asking its user whether to let the app send (PROTOCOL.md §9.9, `waiting_for_user`).
 * `failed` and `unknown` are final until the user retries; `unknown` means the desktop cannot
 * tell whether the phone sent it (for example the desktop stopped while the request was in
 * flight) and is never resent automatically.
 */
export const OUTBOX_STATES = [
  'queued',
  'dispatching',
  'waiting',
  'sent',
  'delivered',
  'failed',
  'unknown',
] as const
export type OutboxState = (typeof OUTBOX_STATES)[number]

export interface OutboxEntry {
  readonly id: OutboxId
  readonly deviceId: DeviceId
  readonly messageId: MessageId
  readonly conversationId: ConversationId
  /** The idempotency key of `send.request` (PROTOCOL.md §9.9). */
  readonly sendKey: string
  readonly state: OutboxState
  readonly reason: SendFailureReason | null
  readonly to: readonly string[]
  readonly body: string
  readonly subId: number | null
  /** The files of a picture message, in order, and how far each upload to the phone got. */
  readonly parts: readonly OutgoingPart[]
  /** How many times it was handed to the dispatcher. */
  readonly attempts: number
  readonly createdAt: number
  readonly updatedAt: number
}

/**
 * One file of an outgoing MMS. The bytes are the bubble's own part in the archive (part id
 * `up:<uploadId>`); `received` is what the phone last said it holds of the upload
 * (PROTOCOL.md §9.14), so a dropped connection resumes there instead of starting again.
 */
export interface OutgoingPart {
  readonly uploadId: string
  readonly mime: string
  readonly name: string | null
  readonly size: number
  readonly received: number
}

/** What the status bar shows: texts waiting, in flight, and needing the user's decision. */
export interface OutboxCounts {
  readonly queued: number
  /** In flight, including texts the phone holds while its user decides (`waiting`). */
  readonly dispatching: number
  readonly failed: number
  readonly unknown: number
}
