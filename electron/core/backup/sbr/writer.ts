// Writes a backup the way the app does, streaming: messages are formatted one at a time and
// handed to the output in batches of about a megabyte, waiting for 'drain' whenever the output
// says it is full, so a million messages never sit in memory together.
import { randomUUID } from 'node:crypto'
import { open } from 'node:fs/promises'
import { once } from 'node:events'
import type { Writable } from 'node:stream'
import { finished } from 'node:stream/promises'
import { commentDate, formatMms, formatSms } from './format'
import type { BackupMessage } from './types'

export interface WriteOptions {
  /** How many messages will be written: the root's `count`, which the app puts first. */
  readonly count: number
  /** The root's `backup_set`; a random UUID by default. */
  readonly backupSet?: string
  /** The root's `backup_date`, ms; now by default. */
  readonly backupDate?: number
  /** The phone's offset from UTC, for `readable_date` and the header comment. */
  readonly utcOffsetMs?: number
  /** Who the header comment says made the file. */
  readonly createdBy?: string
}

export interface WriteBackupResult {
  readonly messages: number
  readonly bytes: number
}

const BATCH_CHARS = 1 << 20

/** A comment may not hold "--" and this file stays ASCII. */
const commentSafe = (text: string): string => text.replace(/[^\x20-\x7e]|-(?=-)/g, '')

export class BackupWriter {
  private batch: string[] = []
  private batchChars = 0
  private bytes = 0
  private written = 0
  private failure: Error | null = null
  private readonly utcOffsetMs: number
  private readonly onError = (error: Error): void => {
    this.failure ??= error
  }

  constructor(
    private readonly output: Writable,
    private readonly options: WriteOptions,
  ) {
    if (!Number.isSafeInteger(options.count) || options.count < 0) {
      throw new RangeError('count must be a non-negative integer')
    }
    this.utcOffsetMs = options.utcOffsetMs ?? 0
    output.on('error', this.onError)
    const date = options.backupDate ?? Date.now()
    const by = commentSafe(options.createdBy ?? 'Textbridge')
    const set = options.backupSet ?? randomUUID()
    this.add(
      "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n" +
        `<!--File Created By ${by} on ${commentDate(date, this.utcOffsetMs)}-->\n` +
        '<?xml-stylesheet type="text/xsl" href="sms.xsl"?>\n' +
        `<smses count="${options.count}" backup_set="${commentSafe(set).replace(/["&<>]/g, '')}" ` +
        `backup_date="${date}" type="full">\n`,
    )
  }

  /** Adds one message; resolves once the output can take more. */
  async write(message: BackupMessage): Promise<void> {
    if (this.written === this.options.count) {
      throw new RangeError(`more messages than the ${this.options.count} announced`)
    }
    this.written++
    const text =
      message.kind === 'sms'
        ? formatSms(message, this.utcOffsetMs)
        : formatMms(message, this.utcOffsetMs)
    this.add(`  ${text}\n`)
    if (this.batchChars >= BATCH_CHARS) await this.flush()
  }

  /** Writes the closing tag and what is still batched. The output is left open. */
  async end(): Promise<WriteBackupResult> {
    try {
      if (this.written !== this.options.count) {
        throw new RangeError(`${this.written} messages written, ${this.options.count} announced`)
      }
      this.add('</smses>\n')
      await this.flush()
      return { messages: this.written, bytes: this.bytes }
    } finally {
      this.output.off('error', this.onError)
    }
  }

  private add(text: string): void {
    this.batch.push(text)
    this.batchChars += text.length
  }

  private async flush(): Promise<void> {
    const text = this.batch.join('')
    this.batch = []
    this.batchChars = 0
    this.bytes += text.length // ASCII only: one byte per character
    if (this.failure === null && this.output.write(text)) return
    if (this.failure !== null || this.output.destroyed) {
      throw this.failure ?? new Error('the output stream closed')
    }
    await once(this.output, 'drain')
  }
}

/**
 * Writes `messages` as a backup file. Given a path, creates (or replaces) the file and closes
 * it; given a Writable, leaves ending it to the caller. `options.count` must match.
 */
export async function writeBackup(
  output: Writable | string,
  messages: Iterable<BackupMessage> | AsyncIterable<BackupMessage>,
  options: WriteOptions,
): Promise<WriteBackupResult> {
  const stream = typeof output === 'string' ? (await open(output, 'w')).createWriteStream() : output
  try {
    const writer = new BackupWriter(stream, options)
    for await (const message of messages) await writer.write(message)
    const result = await writer.end()
    if (typeof output === 'string') {
      stream.end()
      await finished(stream)
    }
    return result
  } catch (error) {
    if (typeof output === 'string') stream.destroy()
    throw error
  }
}
