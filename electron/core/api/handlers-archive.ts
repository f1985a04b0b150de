// The archive-facing use cases: conversations, messages, sending, search, contacts, attachments.
import type { ApiHandlers } from './handlers'
import { ApiError } from '../../../shared/api/result'
import { toBase64 } from '../../../shared/bytes'
import type { Archive } from '../store'
import { fetchPart } from '../phones/attachments'
import { imageMimeOf } from './image-type'
import type { Phones } from '../phones/phones'
import type { SendGuard } from './send-guard'

type ArchiveHandlers = Pick<
  ApiHandlers,
  | 'conversations.list'
  | 'conversations.get'
  | 'conversations.markRead'
  | 'conversations.findByAddress'
  | 'messages.list'
  | 'messages.around'
  | 'messages.send'
  | 'messages.retry'
  | 'messages.discard'
  | 'attachments.get'
  | 'search.query'
  | 'contacts.search'
  | 'contacts.photo'
>

export function archiveHandlers(
  archive: Archive,
  phones: Phones,
  guard: SendGuard,
): ArchiveHandlers {
  const outboxEntryOf = (messageId: number) => {
    const outboxId = archive.messages.get(messageId).delivery.outboxId
    if (outboxId === null)
      throw new ApiError('invalid_argument', 'that text was not sent from this desktop')
    return archive.outbox.get(outboxId)
  }
  return {
    'conversations.list': (a) =>
      ok(
        archive.conversations.list(
          a.deviceId === undefined ? {} : { deviceId: a.deviceId },
          a.cursor ?? null,
          a.limit,
        ),
      ),
    'conversations.get': (a) => ok(archive.conversations.get(a.conversationId)),
    'conversations.markRead': (a) => {
      archive.conversations.markRead(a.conversationId)
      return ok(null)
    },
    'conversations.findByAddress': (a) => {
      const id = archive.conversations.find(a.deviceId, [a.address])
      return ok(id === null ? null : archive.conversations.get(id))
    },
    'messages.list': (a) => ok(archive.messages.page(a.conversationId, a.cursor ?? null, a.limit)),
    'messages.around': (a) => {
      if (archive.messages.get(a.messageId).conversationId !== a.conversationId) {
        throw new ApiError('not_found', 'that message is in another conversation')
      }
      const half = Math.floor((a.limit - 1) / 2)
      return ok(archive.messages.around(a.messageId, half, a.limit - 1 - half).page)
    },
    'messages.send': async (a) => {
      let deviceId: string
      let to: readonly string[]
      if ('conversationId' in a.to) {
        const conversation = archive.conversations.get(a.to.conversationId)
        deviceId = conversation.deviceId
        to = conversation.participants.map((p) => p.address)
      } else {
        deviceId = a.to.deviceId
        to = a.to.addresses
      }
      const device = archive.devices.get(deviceId)
      if (device.unpairedAt !== null)
        throw new ApiError('not_available', 'That phone is no longer paired.')
      const existing = 'conversationId' in a.to || archive.conversations.find(deviceId, to) !== null
      await guard.check({ existingConversation: existing, addresses: to, phone: device.name })
      const { message } = archive.outbox.enqueue({ deviceId, to, body: a.body, subId: a.subId })
      phones.get(deviceId)?.kickOutbox()
      phones.statusChanged()
      return message
    },
    'messages.retry': (a) => {
      const entry = outboxEntryOf(a.messageId)
      // failed: the phone's record for that key is final, so a retry is a new text (new key).
      // unknown: first ask again with the same key — the phone dedupes, so nothing can go out
      // twice; if the phone itself cannot tell either, the next retry is a new text.
      const policy = entry.state === 'unknown' && entry.attempts < 2 ? 'reuse' : 'reissue'
      archive.outbox.retry(entry.id, policy)
      phones.get(entry.deviceId)?.kickOutbox()
      phones.statusChanged()
      return ok(archive.messages.get(a.messageId))
    },
    'messages.discard': (a) => {
      archive.outbox.discard(outboxEntryOf(a.messageId).id)
      phones.statusChanged()
      return ok(null)
    },
    'attachments.get': async (a) => {
      const message = archive.messages.get(a.messageId)
      const meta = message.attachments.find((p) => p.partId === a.partId)
      if (meta === undefined) throw new ApiError('not_found', 'no such attachment')
      const cached = archive.attachments.bytes(message.deviceId, a.partId)
      if (cached !== null) return { mime: meta.mime, data: toBase64(cached) }
      const session = phones.get(message.deviceId)?.liveSession ?? null
      if (session === null) throw new ApiError('not_connected', 'The phone is not connected.')
      const { mime, bytes } = await fetchPart(session, a.partId)
      archive.attachments.storeBytes(message.deviceId, a.partId, bytes)
      return { mime, data: toBase64(bytes) }
    },
    'search.query': (a) => ok(archive.search.query(a)),
    'contacts.search': (a) => {
      const devices =
        a.deviceId === undefined ? archive.devices.list().map((d) => d.id) : [a.deviceId]
      return ok(
        devices
          .flatMap((id) => archive.contacts.list(id, a.text === '' ? null : a.text, a.limit))
          .slice(0, a.limit),
      )
    },
    'contacts.photo': (a) => {
      const bytes = archive.contacts.photo(a.deviceId, a.contactId)
      const mime = bytes === null ? null : imageMimeOf(bytes)
      return ok(bytes === null || mime === null ? null : { mime, data: toBase64(bytes) })
    },
  }
}

function ok<T>(value: T): Promise<T> {
  return Promise.resolve(value)
}
