// MMS parts are fetched from the phone the first time they are shown, chunk by chunk
// (PROTOCOL.md §9.10), then served from the archive's cache.
import { MAX_ATTACHMENT_CHUNK } from '../../../shared/protocol'
import { ApiError } from '../../../shared/api/result'
import type { PeerSession } from '../net/session'

/** Larger parts are not MMS any carrier delivers; refusing them bounds memory. */
export const MAX_ATTACHMENT_BYTES = 16 * 1024 * 1024

export async function fetchPart(
  session: PeerSession,
  partId: string,
): Promise<{ mime: string; bytes: Uint8Array }> {
  const chunks: Buffer[] = []
  let offset = 0
  let total = Number.POSITIVE_INFINITY
  let mime = 'application/octet-stream'
  while (offset < total) {
    const reply = await session.call(
      'attachment.request',
      { partId, offset, length: MAX_ATTACHMENT_CHUNK },
      'attachment.chunk',
    )
    const chunk = Buffer.from(reply.body.data, 'base64')
    if (reply.body.offset !== offset || reply.body.total > MAX_ATTACHMENT_BYTES) {
      throw new ApiError('not_available', 'the phone sent an unexpected part')
    }
    total = reply.body.total
    mime = reply.body.mime
    if (chunk.length === 0 && offset < total)
      throw new ApiError('not_available', 'the part ended early')
    chunks.push(chunk)
    offset += chunk.length
  }
  return { mime, bytes: new Uint8Array(Buffer.concat(chunks)) }
}
