// `archive export`: the archive (or one conversation, or a span of dates) to a file, with the
// reason for a refusal on one line. Dates are read strictly, so a typo is an error rather than
// a range that silently matches nothing.
import { EXPORT_FORMATS, ExportError, exportArchive } from '../core/backup/export'
import type { ExportFormat, ExportProgress } from '../core/backup/export'
import type { Archive } from '../core/store'
import type { Io } from './commands'

/** A value on the command line that cannot be used: said in one line, exit status 2. */
export class InputError extends Error {}

export interface ExportArgs {
  readonly format?: string | undefined
  readonly out?: string | undefined
  readonly conversation?: string | undefined
  readonly since?: string | undefined
  readonly until?: string | undefined
}

// YYYY-MM-DD, or that with a time (seconds and fractions optional) and an optional zone. With
// no zone the time is UTC, as a bare date is: the CSV and JSON exports write UTC too, so the
// dates a person types match the ones they read there.
const DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})?)?$/

export function parseDate(text: string, option: string): number {
  const m = DATE.exec(text)
  if (m === null)
    throw new InputError(`${option}: "${text}" is not a date (YYYY-MM-DD or ISO 8601)`)
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', zone = 'Z'] = m
  const fields = [y, mo, d, h, mi, s].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  const [year, month, day, hour, minute, second] = fields
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, Number(frac.padEnd(3, '0')))
  const check = new Date(utc)
  // Date.UTC rolls 2026-02-30 over into March; a date that does not exist is refused instead.
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    throw new InputError(`${option}: "${text}" is not a real date and time`)
  }
  if (zone === 'Z') return utc
  const sign = zone.startsWith('-') ? -1 : 1
  const [zh, zm] = zone.slice(1).split(':').map(Number) as [number, number]
  if (zh > 23 || zm > 59) throw new InputError(`${option}: "${text}" has no such time zone offset`)
  return utc - sign * (zh * 60 + zm) * 60_000
}

function formatOf(text: string | undefined): ExportFormat {
  if (text === undefined)
    throw new InputError(`export needs --format (${EXPORT_FORMATS.join(', ')})`)
  const format = EXPORT_FORMATS.find((f) => f === text)
  if (format === undefined) {
    throw new InputError(`--format: "${text}" is not one of ${EXPORT_FORMATS.join(', ')}`)
  }
  return format
}

function conversationOf(text: string | undefined): number | null {
  if (text === undefined) return null
  const id = Number(text)
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(id) || id < 1) {
    throw new InputError(`--conversation: "${text}" is not a conversation id (see search --json)`)
  }
  return id
}

const number = new Intl.NumberFormat('en')

export async function exportCommand(archive: Archive, args: ExportArgs, io: Io): Promise<number> {
  const format = formatOf(args.format)
  if (args.out === undefined || args.out === '') throw new InputError('export needs --out FILE')
  const since = args.since === undefined ? null : parseDate(args.since, '--since')
  const until = args.until === undefined ? null : parseDate(args.until, '--until')
  if (since !== null && until !== null && until <= since) {
    throw new InputError('--until must be later than --since')
  }
  const tty = 'isTTY' in io.err && io.err.isTTY === true
  const progress = (p: ExportProgress) => {
    if (tty) io.err.write(`\r  ${number.format(p.written)} of ${number.format(p.total)}`)
  }
  try {
    const result = await exportArchive(archive, {
      format,
      out: args.out,
      conversationId: conversationOf(args.conversation),
      since,
      until,
      onProgress: progress,
      ...(io.signal === undefined ? {} : { signal: io.signal }),
    })
    if (tty) io.err.write('\r\u001b[K')
    const m = result.messages
    const c = result.conversations
    io.out.write(
      `${args.out}: ${number.format(m)} message${m === 1 ? '' : 's'} in ${number.format(c)} conversation${c === 1 ? '' : 's'} (${format})\n`,
    )
    return 0
  } catch (error) {
    if (tty) io.err.write('\r\u001b[K')
    if (error instanceof ExportError && error.code === 'cancelled') {
      io.err.write(`${args.out}: cancelled; nothing written\n`)
      return 130
    }
    if (error instanceof ExportError && error.code === 'bad_range')
      throw new InputError(error.message)
    throw error
  }
}
