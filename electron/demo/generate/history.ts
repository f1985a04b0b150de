// The generator's public entry points: one pipeline (plan → timeline → messages) behind an
// in-memory API for small histories and a streaming writer for large ones. Both produce the
// same records, and formatHistory / writeHistory the same bytes.
import { createWriteStream, openSync } from 'node:fs'
import { once } from 'node:events'
import type { Writable } from 'node:stream'
import type { HistoryFile, HistoryMessage } from '../../../shared/history/schema'
import { buildMessages } from './messages'
import { pictureCounts, resolveOptions, type GenerateInput, type GenerateOptions } from './options'
import { planHistory } from './plan'
import { buildTimeline } from './timeline'

export type HistoryHead = Omit<HistoryFile, 'messages'>

export interface HistoryStats {
  messages: number
  conversations: number
  contacts: number
  /** Size of the biggest conversation. */
  biggest: number
  pictures: number
  missingPictures: number
}

export interface HistoryStream {
  readonly options: GenerateOptions
  readonly head: HistoryHead
  readonly stats: HistoryStats
  /** The messages in date order. Iterate once: each pass regenerates them from the seed. */
  readonly messages: Iterable<HistoryMessage>
}

/** Plans a history and returns its messages as a lazy sequence. */
export function createHistory(input: GenerateInput = {}): HistoryStream {
  const options = resolveOptions(input)
  const plan = planHistory(options)
  const timeline = buildTimeline(plan, options)
  const head: HistoryHead = {
    format: 'textbridge-history',
    version: 1,
    device: { name: options.deviceName, model: options.deviceModel, region: options.region },
    sims: plan.sims,
    contacts: plan.contacts,
  }
  return {
    options,
    head,
    stats: {
      messages: options.messages,
      conversations: plan.conversations.length,
      contacts: plan.contacts.length,
      biggest: plan.conversations.reduce((m, c) => Math.max(m, c.size), 0),
      pictures: pictureCounts(options).ok,
      missingPictures: pictureCounts(options).missing,
    },
    messages: { [Symbol.iterator]: () => buildMessages(plan, timeline, options) },
  }
}

/** The whole history in memory: for tests and the demo phone (thousands of messages). */
export function generateHistory(input: GenerateInput = {}): HistoryFile {
  const { head, messages } = createHistory(input)
  return { ...head, messages: [...messages] }
}

// The file layout: the header on one line, then one contact or message per line. Readers
// only need a JSON parser, but line-oriented tools (grep, head, a streaming loader) work too.
function formatOpening(head: HistoryHead): string {
  const { contacts, ...rest } = head
  const header = JSON.stringify(rest).slice(0, -1)
  return `${header},\n"contacts":[${contacts.map((c) => '\n' + JSON.stringify(c)).join(',')}\n],\n"messages":[`
}
const CLOSING = '\n]}\n'

/** The exact text writeHistory produces for the same history. */
export function formatHistory(file: HistoryFile): string {
  const { messages, ...head } = file
  return (
    formatOpening(head) +
    messages.map((m, i) => (i ? ',\n' : '\n') + JSON.stringify(m)).join('') +
    CLOSING
  )
}

export interface WriteResult extends HistoryStats {
  bytes: number
}

const CHUNK = 1 << 20

/**
 * Streams a history as UTF-8 JSON, respecting back-pressure, so memory stays flat however
 * many messages are written. Given a path, creates the file and closes it; given a Writable,
 * writes to it and leaves ending it to the caller.
 */
export async function writeHistory(
  output: Writable | string,
  input: GenerateInput = {},
): Promise<WriteResult> {
  const history = createHistory(input)
  // Opening synchronously surfaces a bad path as an exception here, not as a stray event.
  const stream =
    typeof output === 'string' ? createWriteStream('', { fd: openSync(output, 'w') }) : output
  // Set by the listener at any time, so kept in an object TypeScript does not narrow.
  const state: { failure: Error | null } = { failure: null }
  const onError = (error: Error): void => {
    state.failure ??= error
  }
  stream.on('error', onError)
  let bytes = 0
  let pending: string[] = []
  let pendingLength = 0
  const flush = async (): Promise<void> => {
    const text = pending.join('')
    pending = []
    pendingLength = 0
    bytes += Buffer.byteLength(text)
    if (state.failure === null && stream.write(text)) return
    if (state.failure !== null || stream.destroyed) {
      throw state.failure ?? new Error('output stream closed')
    }
    await once(stream, 'drain') // rejects if the stream errors meanwhile
  }
  try {
    pending.push(formatOpening(history.head))
    let first = true
    for (const m of history.messages) {
      const line = (first ? '\n' : ',\n') + JSON.stringify(m)
      first = false
      pending.push(line)
      pendingLength += line.length
      if (pendingLength >= CHUNK) await flush()
    }
    pending.push(CLOSING)
    await flush()
    if (typeof output === 'string') {
      stream.end()
      await once(stream, 'close')
      if (state.failure !== null) throw state.failure
    }
  } catch (error) {
    if (typeof output === 'string') stream.destroy()
    throw error
  } finally {
    stream.off('error', onError)
  }
  return { ...history.stats, bytes }
}
