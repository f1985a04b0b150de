// Reads a backup as a stream of messages. Bytes are pulled only when the consumer asks for the
// next message, so a slow consumer pauses the file; what is held at once is one chunk of the
// file plus the message being read, which is capped.
import { open } from 'node:fs/promises'
import type { Readable } from 'node:stream'
import { BackupDamaged, DamageAt, type DamageCode } from './errors'
import { LineIndex } from './lines'
import { SbrParser } from './parse'
import type { BackupHeader, BackupMessage, BackupProgress, SkippedMessage } from './types'
import { BadBytes, Utf8Stream } from './utf8'

export interface ReadOptions {
  /** The size of a Readable's content, when the caller knows it (a path's is looked up). */
  readonly totalBytes?: number
  /** Largest message element, base64 included, in characters (= bytes: the app writes ASCII). */
  readonly maxMessageBytes?: number
  /** Bytes read from a path at a time. */
  readonly chunkBytes?: number
}

export interface BackupReader extends AsyncIterable<BackupMessage> {
  /** The root's attributes, once the reader has reached them. */
  readonly header: BackupHeader | null
  readonly progress: BackupProgress
  /** The first 100 skipped messages; progress.skipped counts them all. */
  readonly skipped: readonly SkippedMessage[]
}

export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024
/** The app's root element comes within a few hundred bytes; garbage is refused by this point. */
const SNIFF_CHARS = 16 * 1024
/** The parser gets text in pieces this size, so limits are checked often. */
const SLICE_CHARS = 16 * 1024
const KEPT_SKIPS = 100

function toBytes(chunk: unknown): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8')
  throw new TypeError('a backup stream must yield bytes')
}

function maxChars(options: ReadOptions): number {
  const max = options.maxMessageBytes ?? MAX_MESSAGE_BYTES
  if (!Number.isSafeInteger(max) || max < 1) {
    throw new RangeError('maxMessageBytes must be a positive integer')
  }
  return max
}

class Reader implements BackupReader {
  header: BackupHeader | null = null
  readonly skipped: SkippedMessage[] = []
  private skips = 0
  private delivered = 0
  private bytesRead = 0
  private totalBytes: number | null
  private started = false
  private readonly lines = new LineIndex()
  private readonly utf8 = new Utf8Stream()
  private readonly queue: BackupMessage[] = []
  private readonly parser: SbrParser

  constructor(
    private readonly source: string | Readable,
    private readonly options: ReadOptions,
  ) {
    this.totalBytes = options.totalBytes ?? null
    this.parser = new SbrParser(
      {
        header: (header) => {
          this.header = header
        },
        message: (message) => {
          this.queue.push(message)
        },
        skip: (offset, reason) => {
          this.skips++
          if (this.skipped.length < KEPT_SKIPS) {
            this.skipped.push({ line: this.lines.locate(offset).line, reason })
          }
        },
      },
      maxChars(options),
    )
  }

  get progress(): BackupProgress {
    return {
      bytesRead: this.bytesRead,
      totalBytes: this.totalBytes,
      messages: this.delivered,
      skipped: this.skips,
      countHint: this.header?.count ?? null,
    }
  }

  [Symbol.asyncIterator](): AsyncIterator<BackupMessage> {
    if (this.started) throw new Error('a backup reader can be iterated only once')
    this.started = true
    return this.run()
  }

  private async openSource(): Promise<Readable> {
    if (typeof this.source !== 'string') return this.source
    const handle = await open(this.source, 'r')
    try {
      this.totalBytes = (await handle.stat()).size
    } catch (error) {
      await handle.close()
      throw error
    }
    return handle.createReadStream({ highWaterMark: this.options.chunkBytes ?? 64 * 1024 })
  }

  private async *run(): AsyncGenerator<BackupMessage> {
    const stream = await this.openSource()
    try {
      for await (const chunk of stream as AsyncIterable<unknown>) {
        const bytes = toBytes(chunk)
        this.bytesRead += bytes.length
        yield* this.decodeAndFeed(() => this.utf8.decode(bytes))
      }
      yield* this.decodeAndFeed(() => this.utf8.end())
      yield* this.step(() => {
        this.parser.end()
      })
    } finally {
      stream.destroy()
    }
  }

  private *decodeAndFeed(decode: () => string): Generator<BackupMessage> {
    let text: string
    let bad: BadBytes | null = null
    try {
      text = decode()
    } catch (error) {
      if (!(error instanceof BadBytes)) throw error
      bad = error
      text = error.before
    }
    for (let i = 0; i < text.length; i += SLICE_CHARS) {
      const slice = text.slice(i, i + SLICE_CHARS)
      this.lines.feed(slice)
      yield* this.step(() => {
        this.parser.write(slice)
        this.checkLimits()
      })
    }
    if (bad !== null) {
      const code: DamageCode = this.parser.started ? 'bad_bytes' : 'not_a_backup'
      throw this.damaged(new DamageAt(code, bad.what, this.lines.size, bad.byteOffset))
    }
  }

  /** Runs one parser step, then hands over what it completed, then any damage it found. */
  private *step(work: () => void): Generator<BackupMessage> {
    let damage: DamageAt | null = null
    try {
      work()
    } catch (error) {
      if (!(error instanceof DamageAt)) throw error
      damage = error
    }
    // Everything completed before the damage reaches the consumer first.
    while (this.queue.length > 0) {
      const message = this.queue.shift() as BackupMessage
      this.delivered++
      yield message
    }
    if (damage !== null) throw this.damaged(damage)
    this.lines.forget(this.parser.holdingFrom)
  }

  private checkLimits(): void {
    const size = this.lines.size
    if (!this.parser.started && size > SNIFF_CHARS) {
      throw new DamageAt(
        'not_a_backup',
        `no <smses> element in the first ${SNIFF_CHARS} characters`,
        0,
      )
    }
    this.parser.checkSize(size)
  }

  private damaged(at: DamageAt): BackupDamaged {
    const place = { ...this.lines.locate(at.offset), byteOffset: at.byteOffset }
    return new BackupDamaged(at.code, at.reason, place, this.delivered)
  }
}

/**
 * Reads an SMS Backup & Restore file (a path, or a Readable of its bytes) as an async iterable
 * of messages, in file order. Iterate it once; breaking out of the loop closes the source.
 * Throws BackupDamaged where the file is damaged, after every message before that point.
 */
export function readBackup(source: string | Readable, options: ReadOptions = {}): BackupReader {
  return new Reader(source, options)
}
