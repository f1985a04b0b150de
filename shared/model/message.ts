import type { SendFailureReason } from '../protocol/messages/catalogue'
import type { SimRef } from './device'
import type { ConversationId, DeviceId, MessageId, OutboxId } from './ids'

export type Direction = 'incoming' | 'outgoing'

/** Android's boxes: where the phone filed a text (a draft only ever comes from a backup file). */
export type MessageBox = 'inbox' | 'sent' | 'draft' | 'outbox' | 'failed' | 'queued'
export const MESSAGE_BOXES: readonly MessageBox[] = [
  'inbox',
  'sent',
  'draft',
  'outbox',
  'failed',
  'queued',
]

/**
 * What a bubble shows about delivery. For texts written on this desktop the outbox state is
 * authoritative (`queued`, `dispatching`, then the phone's reports); for texts the phone sent on
 * its own it is read from the phone's record (`sending` while in its outbox or queue).
 */
export type DeliveryState =
  | 'received'
  | 'queued'
  | 'dispatching'
  /** The phone is asking its user whether to let Textbridge send (Android's send-rate prompt). */
  | 'waiting'
  | 'sending'
  | 'sent'
  | 'delivered'
  | 'failed'
  | 'unknown'
  /** Never sent: kept from a backup file, where it was a draft. */
  | 'draft'

export interface Delivery {
  readonly state: DeliveryState
  /** Present only when `state` is `failed` and the phone said why. */
  readonly reason: SendFailureReason | null
  /** The outbox entry of a text written on this desktop, for retry or discard. */
  readonly outboxId: OutboxId | null
}

/** Someone in a conversation, as the UI labels them. */
export interface Participant {
  /** Normalised key: E.164 for phone numbers, digits for short codes, folded text otherwise. */
  readonly key: string
  /** The address formatted for display (national format for numbers of the device's region). */
  readonly address: string
  /** The contact's name when the phone's address book knows the number. */
  readonly name: string | null
}

export interface AttachmentMeta {
  readonly partId: string
  readonly mime: string
  readonly size: number | null
  readonly name: string | null
  /** True once the bytes were fetched from the phone and cached in the archive. */
  readonly cached: boolean
}

/** One bubble of a conversation. */
export interface ArchivedMessage {
  readonly id: MessageId
  readonly conversationId: ConversationId
  readonly deviceId: DeviceId
  /** The phone's id (`sms:<n>`), or null for a desktop-written text the phone has not reported. */
  readonly phoneId: string | null
  readonly kind: 'sms' | 'mms'
  readonly direction: Direction
  /** Who sent an incoming message (matters in group conversations); null for outgoing ones. */
  readonly sender: Participant | null
  readonly body: string
  readonly date: number
  readonly dateSent: number | null
  readonly sim: SimRef | null
  readonly delivery: Delivery
  /** Desktop read state: incoming, unread on the phone, and not marked read on this desktop. */
  readonly unread: boolean
  readonly attachments: readonly AttachmentMeta[]
  /** Kept from a backup file: stays in the archive when the phone no longer has it. */
  readonly imported: boolean
  /** The phone's box for it, as the phone (or the backup) filed it. */
  readonly box: MessageBox
}
