// Uploads the files of one outgoing MMS to the phone before its send.request (PROTOCOL.md
// §9.14): chunks in order from where the phone last said it was, each confirmation written down
// before the next chunk goes, so a dropped connection or a restart resumes instead of starting
// over, and a file the phone holds complete is never sent again.
import { toBase64 } from '../../../shared/bytes'
import type { OutboxEntry, OutgoingPart } from '../../../shared/model/outbox'
import { MAX_ATTACHMENT_CHUNK, type SendFailureReason } from '../../../shared/protocol'
import { RemoteError } from '../net/errors'
import type { PeerSession } from '../net/session'
import type { OutboxArchive } from './ports'

const CHUNK_TIMEOUT_MS = 30_000

export type UploadOutcome =
  | { readonly kind: 'complete' }
  /** The phone cannot store it now (§9.14 `busy`): try again later, in order. */
  | { readonly kind: 'busy' }
  /** The phone refused it: the text cannot go. */
  | { readonly kind: 'failed'; readonly reason: SendFailureReason; readonly detail: string }

const failed = (detail: string): UploadOutcome => ({
  kind: 'failed',
  reason: 'generic_failure',
  detail,
})

export async function uploadFiles(
  session: PeerSession,
  archive: OutboxArchive,
  entry: OutboxEntry,
): Promise<UploadOutcome> {
  for (const part of entry.parts) {
    const outcome = await uploadOne(session, archive, entry.id, part)
    if (outcome.kind !== 'complete') return outcome
  }
  return { kind: 'complete' }
}

async function uploadOne(
  session: PeerSession,
  archive: OutboxArchive,
  outboxId: number,
  part: OutgoingPart,
): Promise<UploadOutcome> {
  let offset = part.received
  let bytes: Uint8Array | null = null
  // Each answer either moves on or names where the phone is; a phone that keeps naming an
  // offset without taking the chunk there would otherwise hold this loop forever.
  let rounds = 2 * Math.ceil(part.size / MAX_ATTACHMENT_CHUNK) + 4
  while (offset < part.size) {
    if (rounds-- === 0) return failed('the upload did not progress')
    bytes ??= await archive.uploadBytes(outboxId, part.uploadId)
    if (bytes.length !== part.size) return failed('the stored file changed size')
    const chunk = bytes.subarray(offset, Math.min(offset + MAX_ATTACHMENT_CHUNK, part.size))
    let stored
    try {
      const reply = await session.call(
        'attachment.upload',
        {
          uploadId: part.uploadId,
          offset,
          total: part.size,
          mime: part.mime,
          name: part.name,
          data: toBase64(chunk),
        },
        'attachment.stored',
        CHUNK_TIMEOUT_MS,
      )
      stored = reply.body
    } catch (e) {
      if (!(e instanceof RemoteError)) throw e
      if (e.code === 'busy') return { kind: 'busy' }
      return failed(`upload refused: ${e.code}`)
    }
    if (stored.uploadId !== part.uploadId || stored.total !== part.size) {
      return failed('the phone answered for another upload')
    }
    await archive.recordUpload(outboxId, part.uploadId, stored.received)
    offset = stored.received
  }
  return { kind: 'complete' }
}
