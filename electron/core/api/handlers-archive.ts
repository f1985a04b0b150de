// The archive-facing use cases: conversations, messages, sending, search, contacts, attachments.
import type { ApiHandlers } from './handlers'
import { ApiError } from '../../../shared/api/result'
import { toBase64 } from '../../../shared/bytes'
import type { RemoteArchive } from '../archive/surface'
import { fetchPart } from '../phones/attachments'
import { imageMimeOf } from './image-type'
import type { Phones } from '../phones/phones'
import type { SendGuard } from './send-guard'
import { sendMessage } from './send-message'
import type { ComposeStaging } from '../compose/staging'
import { OutboxStateError } from '../store/errors'

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
  archive: RemoteArchive,
  phones: Phones,
  guard: SendGuard,
  staging: ComposeStaging,
): ArchiveHandlers {
  const outboxEntryOf = async (messageId: number) => {
    const outboxId = (await archive.messages.get(messageId)).delivery.outboxId
    if (outboxId === null)
      throw new ApiError('invalid_argument', 'that text was not sent from this desktop')
    return archive.outbox.get(outboxId)
  }
  return {
    'conversations.list': (a) =>
      archive.conversations.list(
        a.deviceId === undefined ? {} : { deviceId: a.deviceId },
        a.cursor ?? null,
        a.limit,
      ),
    'conversations.get': (a) => archive.conversations.get(a.conversationId),
    'conversations.markRead': async (a) => {
      await archive.conversations.markRead(a.conversationId)
      return null
    },
    'conversations.findByAddress': async (a) => {
      const id = await archive.conversations.find(a.deviceId, [a.address])
      return id === null ? null : archive.conversations.get(id)
    },
    'messages.list': (a) => archive.messages.page(a.conversationId, a.cursor ?? null, a.limit),
    'messages.around': async (a) => {
      if ((await archive.messages.get(a.messageId)).conversationId !== a.conversationId) {
        throw new ApiError('not_found', 'that message is in another conversation')
      }
      const half = Math.floor((a.limit - 1) / 2)
      return (await archive.messages.around(a.messageId, half, a.limit - 1 - half)).page
    },
    'messages.send': (a) => sendMessage(a, { archive, phones, guard, staging }),
    'messages.retry': async (a) => {
      const entry = await outboxEntryOf(a.messageId)
      // failed: the phone's record for that key is final, so a retry is a new text (new key).
      // unknown: first ask again with the same key — the phone dedupes, so nothing can go out
      // twice; if the phone itself cannot tell either, the next retry is a new text.
      const policy = entry.state === 'unknown' && entry.attempts < 2 ? 'reuse' : 'reissue'
      await archive.outbox.retry(entry.id, policy).catch((e: unknown) => {
        if (e instanceof OutboxStateError && e.code === 'files_gone') {
          throw new ApiError(
            'not_available',
            'The pictures of this message are no longer on this computer. Attach them again.',
          )
        }
        throw e
      })
      phones.get(entry.deviceId)?.kickOutbox()
      phones.statusChanged()
      return archive.messages.get(a.messageId)
    },
    'messages.discard': async (a) => {
      await archive.outbox.discard((await outboxEntryOf(a.messageId)).id)
      phones.statusChanged()
      return null
    },
    'attachments.get': async (a) => {
      const message = await archive.messages.get(a.messageId)
      const meta = message.attachments.find((p) => p.partId === a.partId)
      if (meta === undefined) throw new ApiError('not_found', 'no such attachment')
      const cached = await archive.attachments.bytes(message.deviceId, a.partId)
      if (cached !== null) return { mime: meta.mime, data: toBase64(cached) }
      const session = phones.get(message.deviceId)?.liveSession ?? null
      if (session === null) throw new ApiError('not_connected', 'The phone is not connected.')
      const { mime, bytes } = await fetchPart(session, a.partId)
      await archive.attachments.storeBytes(message.deviceId, a.partId, bytes)
      return { mime, data: toBase64(bytes) }
    },
    'search.query': (a) => archive.search.query(a),
    'contacts.search': async (a) => {
      const devices =
        a.deviceId === undefined ? (await archive.devices.list()).map((d) => d.id) : [a.deviceId]
      const text = a.text === '' ? null : a.text
      const lists = await Promise.all(devices.map((id) => archive.contacts.list(id, text, a.limit)))
      return lists.flat().slice(0, a.limit)
    },
    'contacts.photo': async (a) => {
      const bytes = await archive.contacts.photo(a.deviceId, a.contactId)
      const mime = bytes === null ? null : imageMimeOf(bytes)
      return bytes === null || mime === null ? null : { mime, data: toBase64(bytes) }
    },
  }
}
