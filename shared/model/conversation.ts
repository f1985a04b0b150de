import type { SimRef } from './device'
import type { ConversationId, DeviceId, MessageId } from './ids'
import type { DeliveryState, Direction, Participant } from './message'

export interface LastMessage {
  readonly id: MessageId
  /** The start of the body on one line, at most 160 UTF-16 units, never split in a pair. */
  readonly snippet: string
  readonly date: number
  readonly direction: Direction
  readonly delivery: DeliveryState
  readonly attachmentCount: number
}

/** One row of the conversation list. */
export interface Conversation {
  readonly id: ConversationId
  readonly deviceId: DeviceId
  /** Contact names when known, else formatted numbers, joined for group conversations. */
  readonly title: string
  readonly participants: readonly Participant[]
  /** The phone's contact id of a one-to-one conversation's contact, for its photo. */
  readonly contactId: string | null
  readonly lastMessage: LastMessage
  readonly unreadCount: number
  readonly messageCount: number
  /** The SIM of the last message: the default choice for a reply. */
  readonly sim: SimRef | null
}
