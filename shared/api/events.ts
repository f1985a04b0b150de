// Events the core pushes to the UI. One stream, one union: the renderer's bridge module is the
// only subscriber and fans them out to the store, so no component listens on its own.
import type { ConversationId, DeviceId, MessageId } from '../model/ids'
import type { ImportJob } from './data'
import type { PairingView } from './pairing'
import type { Status } from './status'

export type CoreEvent =
  | { readonly type: 'status'; readonly status: Status }
  | { readonly type: 'pairing'; readonly pairing: PairingView }
  /** Conversation rows changed (new message, read, title); null ids: reload the list. */
  | {
      readonly type: 'conversations'
      readonly deviceId: DeviceId
      readonly ids: readonly ConversationId[] | null
    }
  /** Messages of a conversation were added or changed. */
  | {
      readonly type: 'messages'
      readonly conversationId: ConversationId
      readonly ids: readonly MessageId[]
    }
  /** The import in progress moved on, or ended. */
  | { readonly type: 'import'; readonly job: ImportJob }
  /** Archives were deleted: reload phones, conversations and whatever is open. */
  | { readonly type: 'archiveDeleted' }
  /** The user chose a notification: show this conversation. */
  | { readonly type: 'open'; readonly conversationId: ConversationId }
  /** A new text arrived live (not during history sync): for notifications. */
  | {
      readonly type: 'incoming'
      readonly conversationId: ConversationId
      readonly messageId: MessageId
      readonly title: string
      readonly snippet: string
    }
