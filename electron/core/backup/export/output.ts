// Where an export's bytes go. The file is written as OUT.partial and renamed to OUT only once it
// is complete and closed, so an export that fails, is cancelled or is killed never leaves half a
// file under the name the person asked for (and never damages the file that was there before).
import { createWriteStream } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import { once } from 'node:events'
import type { Writable } from 'node:stream'
import { finished } from 'node:stream/promises'
import { ExportError } from './errors'

/** Text collected before one write to the stream: fewer, larger writes, still bounded. */
const BATCH_CHARS = 64 * 1024

/** Text in, written in batches; each write waits for 'drain' when the stream says it is full. */
export class TextOutput {
  private parts: string[] = []
  private chars = 0

  constructor(private readonly stream: Writable) {}

  async write(text: string): Promise<void> {
    this.parts.push(text)
    this.chars += text.length
    if (this.chars >= BATCH_CHARS) await this.flush()
  }

  async flush(): Promise<void> {
    const text = this.parts.join('')
    this.parts = []
    this.chars = 0
    if (text === '') return
    if (this.stream.destroyed) throw this.stream.errored ?? new Error('the output closed')
    if (!this.stream.write(text)) await once(this.stream, 'drain')
  }
}

export const openFile = (path: string): Writable =>
  // flush: the bytes reach the disk before the rename makes them the file.
  createWriteStream(path, { flush: true })

function failed(path: string, error: Error): ExportError {
  return new ExportError('write_failed', `cannot write ${path}: ${error.message}`)
}

/** Runs `fill` on a stream to `path`.partial, then puts the finished file at `path`. */
export async function writeAtomically<T>(
  path: string,
  open: (path: string) => Writable,
  fill: (stream: Writable) => Promise<T>,
): Promise<T> {
  const partial = `${path}.partial`
  const stream = open(partial)
  const seen: { failure: Error | null } = { failure: null }
  // Kept for the stream's whole life: an error after we stop listening would crash the process.
  stream.on('error', (error: Error) => {
    seen.failure ??= error
  })
  try {
    const result = await fill(stream)
    stream.end()
    await finished(stream)
    await rename(partial, path).catch((error: unknown) => {
      throw failed(path, error instanceof Error ? error : new Error(String(error)))
    })
    return result
  } catch (error) {
    if (!stream.closed) {
      const closed = once(stream, 'close')
      stream.destroy()
      await closed.catch(() => undefined)
    }
    await rm(partial, { force: true })
    if (seen.failure !== null && !(error instanceof ExportError)) throw failed(path, seen.failure)
    throw error
  }
}
