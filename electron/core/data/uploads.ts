// Backup files on their way in from the window, kept in a folder of the archive's own until the
// import has read them. One at a time: starting another drops the one before. Chunks must come
// in order and may not run past the size announced, so a confused or hostile window can neither
// write outside the file nor grow it without end.
import { randomBytes } from 'node:crypto'
import { mkdir, open, rm, type FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import { ApiError } from '../../../shared/api/result'

export interface Uploaded {
  readonly path: string
  readonly name: string
  readonly size: number
}

interface Upload extends Uploaded {
  readonly id: string
  received: number
  file: FileHandle | null
}

export class Uploads {
  private current: Upload | null = null
  /** Chunks are written one after another even if the window sends them without waiting. */
  private queue: Promise<unknown> = Promise.resolve()

  constructor(private readonly dir: string) {}

  /** Files left by a run that ended mid-upload or mid-import (their imports resume anyway). */
  async clearLeftovers(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true })
  }

  begin(name: string, size: number): Promise<string> {
    return this.serial(async () => {
      await this.dropCurrent()
      await mkdir(this.dir, { recursive: true, mode: 0o700 })
      const id = randomBytes(16).toString('hex')
      const path = join(this.dir, `${id}.xml`)
      const file = await open(path, 'wx', 0o600)
      this.current = { id, path, name, size, received: 0, file }
      return id
    })
  }

  chunk(id: string, offset: number, bytes: Uint8Array): Promise<number> {
    return this.serial(async () => {
      const upload = this.find(id)
      if (upload.file === null) throw new ApiError('invalid_argument', 'that file is complete')
      if (offset !== upload.received)
        throw new ApiError('invalid_argument', `expected the chunk at ${upload.received}`)
      if (bytes.length === 0 || offset + bytes.length > upload.size)
        throw new ApiError('invalid_argument', 'that chunk runs past the end of the file')
      await upload.file.write(bytes, 0, bytes.length, offset)
      upload.received += bytes.length
      return upload.received
    })
  }

  /** The whole file, closed and ready to read; the upload is forgotten (the caller removes it). */
  complete(id: string): Promise<Uploaded> {
    return this.serial(async () => {
      const upload = this.find(id)
      if (upload.received !== upload.size)
        throw new ApiError('invalid_argument', 'the file has not all arrived')
      await upload.file?.close()
      upload.file = null
      this.current = null
      return { path: upload.path, name: upload.name, size: upload.size }
    })
  }

  /** Removes a completed upload's file once its import is done with it. */
  async forget(path: string): Promise<void> {
    await rm(path, { force: true })
  }

  /** Drops the upload in progress, if any. */
  cancel(): Promise<void> {
    return this.serial(() => this.dropCurrent())
  }

  /** How much of the upload in progress has arrived, or null with none. */
  progress(): { readonly name: string; readonly received: number; readonly size: number } | null {
    const upload = this.current
    return upload === null
      ? null
      : { name: upload.name, received: upload.received, size: upload.size }
  }

  private find(id: string): Upload {
    if (this.current?.id !== id)
      throw new ApiError('not_found', 'no such upload (it was replaced or cancelled)')
    return this.current
  }

  private async dropCurrent(): Promise<void> {
    const upload = this.current
    this.current = null
    if (upload === null) return
    await upload.file?.close()
    await rm(upload.path, { force: true })
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task)
    this.queue = next.catch(() => undefined)
    return next
  }
}
