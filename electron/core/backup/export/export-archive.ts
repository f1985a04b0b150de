// Writes the archive, one conversation of it, or a span of dates, to a file in one of four
// formats. The messages are read in pages by key and each is handed to the format's writer,
// which waits for the file to drain, so memory stays near one page however large the archive.
import type { Conversation } from '../../../../shared/model/conversation'
import type { Archive, MessageRange, ScanPage, ScanPosition } from '../../store'
import { csvFormatter } from './csv'
import { ExportError } from './errors'
import { htmlFormatter } from './html'
import { itemOf } from './items'
import { jsonFormatter } from './json'
import { openFile, writeAtomically } from './output'
import { sbrFormatter } from './sbr'
import { EXPORT_FORMATS } from './types'
import type {
  ExportFormat,
  ExportIo,
  ExportOptions,
  ExportResult,
  FormatContext,
  Formatter,
} from './types'

/** Messages per read: one short read transaction each, and a progress report. */
const PAGE = 200

const FORMATTERS: Readonly<Record<ExportFormat, (context: FormatContext) => Formatter>> = {
  sbr: sbrFormatter,
  csv: csvFormatter,
  json: jsonFormatter,
  html: htmlFormatter,
}

function rangeOf(options: ExportOptions): MessageRange {
  const since = options.since ?? null
  const until = options.until ?? null
  for (const bound of [since, until]) {
    if (bound !== null && !Number.isSafeInteger(bound)) {
      throw new ExportError('bad_range', 'dates must be whole milliseconds since the epoch')
    }
  }
  if (since !== null && until !== null && until <= since) {
    throw new ExportError('bad_range', 'the range must end after it starts')
  }
  return { conversationId: options.conversationId ?? null, since, until }
}

function checkTimeZone(timeZone: string | undefined): void {
  if (timeZone === undefined) return
  try {
    new Intl.DateTimeFormat(undefined, { timeZone })
  } catch {
    throw new ExportError('bad_option', `unknown time zone "${timeZone}"`)
  }
}

function checkSignal(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw new ExportError('cancelled', 'the export was cancelled')
}

interface Group {
  readonly conversation: Conversation
  messages: number
}

/** The walk itself: pages in, messages out, a conversation opened and closed around its own. */
async function writeMessages(
  archive: Archive,
  walk: MessageRange,
  format: Formatter,
  options: ExportOptions,
  total: number,
): Promise<ExportResult> {
  let written = 0
  let conversations = 0
  let group: Group | null = null
  let after: ScanPosition | null = null
  do {
    const position: ScanPosition | null = after
    const page: ScanPage = archive.snapshot(() => archive.messages.scan(walk, position, PAGE))
    for (const record of page.items) {
      const id = record.message.conversationId
      if (group === null || group.conversation.id !== id) {
        if (group !== null) await format.closeConversation?.(group.conversation, group.messages)
        group = { conversation: archive.conversations.get(id), messages: 0 }
        conversations++
        await format.openConversation?.(group.conversation)
      }
      await format.message(itemOf(archive, group.conversation, record))
      group.messages++
      written++
      checkSignal(options.signal)
    }
    after = page.next
    options.onProgress?.({ written, total })
  } while (after !== null)
  if (group !== null) await format.closeConversation?.(group.conversation, group.messages)
  return { messages: written, conversations }
}

export async function exportArchive(
  archive: Archive,
  options: ExportOptions,
  io: ExportIo = {},
): Promise<ExportResult> {
  if (!(EXPORT_FORMATS as readonly string[]).includes(options.format)) {
    throw new ExportError('bad_format', `unknown format "${options.format}"`)
  }
  const range = rangeOf(options)
  checkTimeZone(options.timeZone)
  checkSignal(options.signal)
  const conversationId = range.conversationId ?? null
  const only = conversationId === null ? null : archive.conversations.get(conversationId)
  // Counted and bounded in one read: the walk covers exactly the rows that were counted, which
  // a backup file needs (its count comes first) and progress reports use as the total.
  const size = archive.snapshot(() => archive.messages.measure(range))
  const walk: MessageRange = { ...range, maxId: size.maxId }
  const total = size.messages
  const clock = io.clock ?? Date.now
  return writeAtomically(options.out, io.open ?? openFile, async (output) => {
    const format = FORMATTERS[options.format]({
      output,
      total,
      exportedAt: clock(),
      only,
      timeZone: options.timeZone,
    })
    await format.begin()
    const result = await writeMessages(archive, walk, format, options, total)
    await format.end(result)
    return result
  })
}
