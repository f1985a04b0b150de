// Shared by this folder's tests: feeding text in chosen chunk sizes and reading to the end.
import { Readable, Writable } from 'node:stream'
import { readBackup, type ReadOptions } from './reader'
import type { BackupMessage } from './types'

/** A Readable of `content`'s bytes, cut into chunks of `chunk` bytes. */
export function bytes(content: string | Uint8Array, chunk = 1 << 16): Readable {
  const all = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content)
  const chunks: Buffer[] = []
  for (let i = 0; i < all.length; i += chunk) chunks.push(all.subarray(i, i + chunk))
  return Readable.from(chunks, { objectMode: false })
}

export interface Outcome {
  readonly messages: BackupMessage[]
  readonly error: unknown
}

/** Reads everything the reader delivers, and the error it ends with (null if none). */
export async function readAll(source: string | Readable, options?: ReadOptions): Promise<Outcome> {
  const messages: BackupMessage[] = []
  try {
    for await (const m of readBackup(source, options)) messages.push(m)
    return { messages, error: null }
  } catch (error) {
    return { messages, error }
  }
}

/** A minimal file around the given message elements. */
export function backup(...elements: string[]): string {
  return (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n" +
    `<smses count="${elements.length}">\n${elements.map((e) => `  ${e}\n`).join('')}</smses>\n`
  )
}

/** An SMS element with sensible defaults, overridden by `attrs`. */
export function sms(attrs: Record<string, string> = {}): string {
  const all: Record<string, string> = {
    protocol: '0',
    address: '+447700900123',
    date: '1783400000000',
    type: '1',
    body: 'hello',
    read: '1',
    status: '-1',
    date_sent: '0',
    sub_id: '1',
    contact_name: 'null',
    ...attrs,
  }
  return `<sms ${Object.entries(all)
    .map(([k, v]) => `${k}="${v}"`)
    .join(' ')} />`
}

export interface SlowSink {
  readonly sink: Writable
  /** Everything written so far, as text. */
  readonly text: () => string
  /** How often the sink told a writer it could go on after being full. */
  readonly drains: () => number
}

/** A Writable that takes one chunk per event-loop turn, so writers have to wait for it. */
export function slowSink(): SlowSink {
  const received: string[] = []
  let drains = 0
  const sink = new Writable({
    highWaterMark: 1024,
    decodeStrings: false,
    write(chunk: string | Buffer, _encoding, callback) {
      received.push(chunk.toString())
      setImmediate(callback)
    },
  })
  sink.on('drain', () => drains++)
  return { sink, text: () => received.join(''), drains: () => drains }
}
