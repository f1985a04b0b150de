// The demo phone's answers to contacts and attachment requests (§9.8, §9.10).
import { message, type MessageOf } from '../../../shared/protocol'
import type { PeerSession } from '../../core/net/session'
import type { PhoneStore } from './phone-store'

export function answerContacts(
  session: PeerSession,
  store: PhoneStore,
  msg: MessageOf<'contacts.request'>,
): void {
  const all = store.contacts
  const offset =
    msg.body.cursor === null ? 0 : Number(/^c:(\d+)$/.exec(msg.body.cursor)?.[1] ?? NaN)
  const ref = msg.id === undefined ? {} : { ref: msg.id }
  if (!Number.isSafeInteger(offset)) {
    session.send(message('error', { code: 'bad_request', message: 'unknown cursor' }, ref))
    return
  }
  const page = all
    .slice(offset, offset + msg.body.limit)
    .map((c) => (msg.body.photos ? c : { ...c, photo: null }))
  const next = offset + page.length
  session.send(
    message(
      'contacts.batch',
      { contacts: page, cursor: next < all.length ? `c:${next}` : null, total: all.length },
      ref,
    ),
  )
}

export function answerAttachment(
  session: PeerSession,
  store: PhoneStore,
  msg: MessageOf<'attachment.request'>,
): void {
  const ref = msg.id === undefined ? {} : { ref: msg.id }
  const part = store.part(msg.body.partId)
  if (part === undefined || part.data === null) {
    session.send(message('error', { code: 'not_found' }, ref))
    return
  }
  const bytes = Buffer.from(part.data, 'base64')
  const { offset, length } = msg.body
  const chunk = bytes.subarray(
    Math.min(offset, bytes.length),
    Math.min(offset + length, bytes.length),
  )
  session.send(
    message(
      'attachment.chunk',
      {
        partId: msg.body.partId,
        offset,
        total: bytes.length,
        mime: part.mime,
        data: chunk.toString('base64'),
      },
      ref,
    ),
  )
}
