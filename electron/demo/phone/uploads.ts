// The demo phone's side of attachment.upload (PROTOCOL.md §9.14): files held per desktop, each
// chunk appended only at the offset the phone holds, any other offset answered with what it
// holds (how a desktop learns where to resume), and a log of every chunk that arrived, so tests
// can tell a resumed upload from one that started over.
import { message, type MessageOf } from '../../../shared/protocol'
import type { PeerSession } from '../../core/net/session'

/** What the phone holds before it answers `busy`: uploads in progress and their bytes. */
const MAX_UPLOADS = 64
const MAX_HELD_BYTES = 64 * 1024 * 1024

interface Upload {
  readonly mime: string
  readonly name: string | null
  readonly total: number
  readonly chunks: Buffer[]
  received: number
}

export interface UploadedFile {
  readonly mime: string
  readonly name: string | null
  readonly bytes: Buffer
}

/** One chunk as it arrived, and whether it was stored (false: answered with the held offset). */
export interface ChunkSeen {
  readonly uploadId: string
  readonly offset: number
  readonly length: number
  readonly stored: boolean
}

export class UploadStore {
  private readonly uploads = new Map<string, Upload>()
  readonly seen: ChunkSeen[] = []
  /** Called after a chunk was stored and answered (tests cut the connection here). */
  onStored: ((count: number) => void) | null = null
  private storedCount = 0

  handle(
    session: PeerSession,
    owner: string,
    msg: MessageOf<'attachment.upload'>,
    canMms: boolean,
  ): void {
    const ref = msg.id === undefined ? {} : { ref: msg.id }
    const body = msg.body
    if (!canMms) {
      session.send(message('error', { code: 'bad_request', message: 'no send.mms' }, ref))
      return
    }
    const key = `${owner}:${body.uploadId}`
    const data = Buffer.from(body.data, 'base64')
    let upload = this.uploads.get(key)
    if (upload !== undefined && (upload.total !== body.total || upload.mime !== body.mime)) {
      session.send(message('error', { code: 'bad_request', message: 'not that upload' }, ref))
      return
    }
    const held = upload?.received ?? 0
    const stored = body.offset === held
    this.seen.push({ uploadId: body.uploadId, offset: body.offset, length: data.length, stored })
    if (stored && upload === undefined) {
      if (this.uploads.size >= MAX_UPLOADS || this.heldBytes() + body.total > MAX_HELD_BYTES) {
        session.send(message('error', { code: 'busy' }, ref))
        return
      }
      upload = { mime: body.mime, name: body.name, total: body.total, chunks: [], received: 0 }
      this.uploads.set(key, upload)
    }
    if (stored && upload !== undefined) {
      upload.chunks.push(data)
      upload.received += data.length
    }
    const answer = { uploadId: body.uploadId, received: upload?.received ?? 0, total: body.total }
    session.send(message('attachment.stored', answer, ref))
    if (stored) this.onStored?.(++this.storedCount)
  }

  /** A complete upload of this desktop, or null (missing or still incomplete). */
  complete(owner: string, uploadId: string): UploadedFile | null {
    const upload = this.uploads.get(`${owner}:${uploadId}`)
    if (upload === undefined || upload.received !== upload.total) return null
    return { mime: upload.mime, name: upload.name, bytes: Buffer.concat(upload.chunks) }
  }

  /** Uploads belong to the desktop that made them, and go when it is unpaired. */
  forget(owner: string): void {
    for (const key of [...this.uploads.keys()])
      if (key.startsWith(`${owner}:`)) this.uploads.delete(key)
  }

  private heldBytes(): number {
    let n = 0
    for (const u of this.uploads.values()) n += u.total
    return n
  }
}
