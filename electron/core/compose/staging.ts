// Files the window attaches to a draft, held in memory until the text is sent or the file is
// removed. They arrive in chunks (the web bridge takes at most 256 KiB per request), in order
// and never past the size announced, and the whole area is bounded in count, bytes and time, so
// a confused or hostile window can neither grow it without end nor write outside a file.
import { randomBytes } from 'node:crypto'
import { ApiError } from '../../../shared/api/result'
import { formatBytes, type AttachmentMime } from '../../../shared/api/compose'
import { imageMimeOf } from '../api/image-type'

/** Drafts being written at once, with up to 10 files each. */
export const MAX_STAGED_FILES = 30
/** Everything staged at once (a draft's files are further held to the SIM's MMS limit). */
export const MAX_STAGED_BYTES = 64 * 1024 * 1024
/** A file nobody touched for this long belongs to a draft that was abandoned. */
export const STAGE_IDLE_MS = 60 * 60 * 1000

interface Staged {
  readonly name: string
  readonly mime: AttachmentMime
  readonly bytes: Buffer
  received: number
  touchedAt: number
}

/** A staged file, complete and checked, ready to go into a text. */
export interface StagedFile {
  readonly stageId: string
  readonly name: string
  readonly mime: AttachmentMime
  readonly bytes: Uint8Array
}

export class ComposeStaging {
  private readonly files = new Map<string, Staged>()

  constructor(private readonly now: () => number) {}

  stage(name: string, mime: AttachmentMime, size: number): string {
    this.expire()
    if (this.files.size >= MAX_STAGED_FILES)
      throw new ApiError('not_available', 'Too many files are attached. Remove some first.')
    const held = [...this.files.values()].reduce((n, f) => n + f.bytes.length, 0)
    if (held + size > MAX_STAGED_BYTES)
      throw new ApiError('not_available', 'Too many files are attached. Remove some first.')
    const stageId = randomBytes(16).toString('hex')
    this.files.set(stageId, {
      name,
      mime,
      bytes: Buffer.alloc(size),
      received: 0,
      touchedAt: this.now(),
    })
    return stageId
  }

  /** Appends one chunk; answers how much of the file has arrived. */
  chunk(stageId: string, offset: number, data: Uint8Array): number {
    const file = this.find(stageId)
    if (offset !== file.received)
      throw new ApiError('invalid_argument', `expected the chunk at ${file.received}`)
    if (data.length === 0 || offset + data.length > file.bytes.length)
      throw new ApiError('invalid_argument', 'that chunk runs past the end of the file')
    file.bytes.set(data, offset)
    file.received += data.length
    file.touchedAt = this.now()
    if (file.received === file.bytes.length) this.check(stageId, file)
    return file.received
  }

  unstage(stageId: string): void {
    this.files.delete(stageId)
  }

  /** The complete files, in the order given, for a text about to be sent (they stay staged). */
  take(stageIds: readonly string[]): StagedFile[] {
    return stageIds.map((stageId) => {
      const file = this.find(stageId)
      if (file.received !== file.bytes.length)
        throw new ApiError('invalid_argument', `${file.name} has not all arrived yet`)
      return { stageId, name: file.name, mime: file.mime, bytes: file.bytes }
    })
  }

  /** Removes files that went into a text. */
  release(stageIds: readonly string[]): void {
    for (const id of stageIds) this.files.delete(id)
  }

  /** How much is staged now (for tests and diagnostics). */
  get size(): { readonly files: number; readonly bytes: number } {
    let bytes = 0
    for (const f of this.files.values()) bytes += f.bytes.length
    return { files: this.files.size, bytes }
  }

  private find(stageId: string): Staged {
    this.expire()
    const file = this.files.get(stageId)
    if (file === undefined)
      throw new ApiError('not_found', 'That attachment is gone (removed, sent or too old).')
    return file
  }

  /**
   * A picture is drawn by the window and shown by the recipients' phones, so its bytes must be
   * the format its type names; other files are passed on as they are.
   */
  private check(stageId: string, file: Staged): void {
    if (!file.mime.startsWith('image/')) return
    if (imageMimeOf(file.bytes) === file.mime) return
    this.files.delete(stageId)
    throw new ApiError(
      'invalid_argument',
      `${file.name} (${formatBytes(file.bytes.length)}) is not the ${file.mime} picture it says it is.`,
    )
  }

  private expire(): void {
    const cutoff = this.now() - STAGE_IDLE_MS
    for (const [id, f] of this.files) if (f.touchedAt < cutoff) this.files.delete(id)
  }
}
