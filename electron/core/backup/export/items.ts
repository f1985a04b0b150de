// Pieces every format shares: a record seen with its conversation, and dates as text.
import type { Conversation } from '../../../../shared/model/conversation'
import type { Participant } from '../../../../shared/model/message'
import type { Archive, MessageRecord } from '../../store'
import type { ExportItem } from './types'

export function itemOf(
  archive: Archive,
  conversation: Conversation,
  record: MessageRecord,
): ExportItem {
  const { message } = record
  const incoming = message.direction === 'incoming'
  // A received text whose sender was not recorded is from the other side of a one-to-one chat.
  const only = conversation.participants.length === 1 ? conversation.participants[0] : undefined
  const from = incoming ? (message.sender ?? only ?? null) : null
  return {
    record,
    message,
    conversation,
    from,
    to: incoming ? [] : conversation.participants,
    bytes: (attachment) =>
      attachment.cached ? archive.attachments.bytes(message.deviceId, attachment.partId) : null,
  }
}

/** How a person is labelled: the contact's name when there is one. */
export const label = (p: Participant): string => p.name ?? p.address

/** ISO 8601 in UTC; a date outside what Date can hold stays a number rather than failing. */
export function isoDate(ms: number): string {
  const date = new Date(ms)
  return Number.isNaN(date.getTime()) ? String(ms) : date.toISOString()
}
