// One row per message, RFC 4180: CRLF between records, a field quoted when it holds a comma, a
// quote, CR or LF, quotes inside doubled. Text is UTF-8 without a byte order mark, as the RFC's
// grammar has none (some spreadsheets need their "UTF-8" import choice for accents and emoji).
import { isoDate } from './items'
import { TextOutput } from './output'
import type { ExportItem, FormatContext, Formatter } from './types'

export const CSV_COLUMNS = [
  'conversation_id',
  'conversation',
  'date',
  'type',
  'direction',
  'from_address',
  'from_name',
  'to_addresses',
  'to_names',
  'body',
  'attachments',
  'attachment_types',
  'imported',
] as const

const NEEDS_QUOTES = /[",\r\n]/
// A spreadsheet reads a cell starting with one of these as a formula, and a formula can fetch
// URLs or run commands (DDE) when the file is opened. Bodies, names and even sender ids come
// from strangers, so such a cell gets a leading apostrophe, which makes it plain text (the
// OWASP advice). Numbers in +44... form get one too: a rule that looks at
// content could be fooled, one on the first character cannot.
const FORMULA_START = /^[=+\-@\t\r]/

export function csvField(value: string): string {
  const text = FORMULA_START.test(value) ? `'${value}` : value
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export const csvRow = (fields: readonly string[]): string => `${fields.map(csvField).join(',')}\r\n`

const list = (values: readonly string[]): string => values.join('; ')

function row(item: ExportItem): string[] {
  const { message, conversation, from, to } = item
  return [
    String(conversation.id),
    conversation.title,
    isoDate(message.date),
    message.box,
    message.direction,
    from?.address ?? '',
    from?.name ?? '',
    list(to.map((p) => p.address)),
    // Kept in step with the addresses, an empty entry where the number is in no contact.
    list(to.map((p) => p.name ?? '')),
    message.body,
    list(message.attachments.map((a) => a.name ?? '')),
    list(message.attachments.map((a) => a.mime)),
    message.imported ? 'yes' : 'no',
  ]
}

export function csvFormatter(context: FormatContext): Formatter {
  const out = new TextOutput(context.output)
  return {
    begin: () => out.write(csvRow(CSV_COLUMNS)),
    message: (item) => out.write(csvRow(row(item))),
    end: () => out.flush(),
  }
}
