// Shared by this folder's tests: a small archive whose texts are hostile to every format, and
// an export of it read back as text.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Archive } from '../../store'
import { DEVICE_A, T0, addDevice, openTestArchive, sms } from '../../store/tests/support'
import { exportArchive } from './export-archive'
import type { ExportIo, ExportOptions, ExportResult } from './types'

export const ALICE = '+447700900123'
export const BOB = '+447700900456'
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
)
export const SCRIPT_BODY = '<script>alert("x")</script> & <img src=x onerror=alert(1)>'
export const MESSY_BODY = 'line one\r\nline "two", with a comma\nand\rthree'
export const FORMULA_BODY = '=HYPERLINK("http://evil.example","click")'

/**
 * Alice (one-to-one): five texts a minute apart from T0, among them a script, a messy body and
 * a formula. Alice and Bob (group): an MMS from Bob with a picture and an SVG, and a reply.
 */
export function hostileArchive(): Archive {
  const { archive } = openTestArchive()
  addDevice(archive)
  const minute = (n: number) => T0 + n * 60_000
  archive.sync.upsertMessages(
    DEVICE_A,
    [
      sms(1, { addresses: [ALICE], date: minute(0), body: SCRIPT_BODY }),
      sms(2, { addresses: [ALICE], date: minute(1), body: MESSY_BODY, box: 'sent', sender: null }),
      sms(3, { addresses: [ALICE], date: minute(2), body: FORMULA_BODY }),
      sms(4, {
        addresses: [ALICE],
        date: minute(3),
        body: '@SUM(1+1)',
        box: 'failed',
        sender: null,
      }),
      sms(5, { addresses: [ALICE], date: minute(4), body: 'plain 😀 café' }),
      sms('mms:6', {
        kind: 'mms',
        addresses: [ALICE, BOB],
        sender: BOB,
        date: minute(5),
        body: 'look',
        parts: [
          { partId: 'mms:6:1', mime: 'image/png', size: PNG.length, name: 'pic "1".png' },
          { partId: 'mms:6:2', mime: 'image/svg+xml', size: 5, name: 'x.svg' },
        ],
      }),
      sms('mms:7', {
        kind: 'mms',
        addresses: [ALICE, BOB],
        box: 'sent',
        sender: null,
        date: minute(6),
        body: 'nice',
      }),
    ],
    'live',
  )
  archive.attachments.storeBytes(DEVICE_A, 'mms:6:1', PNG)
  archive.attachments.storeBytes(DEVICE_A, 'mms:6:2', Buffer.from('<svg>'))
  return archive
}

export const minuteOf = (n: number): number => T0 + n * 60_000

/** Exports into a fresh folder and returns the file's text, the result and the folder. */
export async function exportText(
  archive: Archive,
  options: Omit<ExportOptions, 'out'>,
  io?: ExportIo,
): Promise<{ text: string; result: ExportResult; path: string; cleanup: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'textbridge-export-'))
  const path = join(dir, `out.${options.format}`)
  const result = await exportArchive(archive, { timeZone: 'UTC', ...options, out: path }, io)
  return {
    text: readFileSync(path, 'utf8'),
    result,
    path,
    cleanup: () => {
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** A strict RFC 4180 reader, for checking what the CSV export wrote. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let i = 0
  const quoted = (): string => {
    let value = ''
    i++
    for (;;) {
      const end = text.indexOf('"', i)
      if (end < 0) throw new Error('unterminated quote')
      value += text.slice(i, end)
      i = end + 1
      if (text[i] !== '"') return value
      value += '"'
      i++
    }
  }
  const bare = (): string => {
    const stop = text.slice(i).search(/[,\r\n"]/)
    const end = stop < 0 ? text.length : i + stop
    if (text[end] === '"') throw new Error('a quote inside an unquoted field')
    const value = text.slice(i, end)
    i = end
    return value
  }
  while (i < text.length) {
    row.push(text[i] === '"' ? quoted() : bare())
    if (text[i] === ',') {
      i++
    } else if (text.startsWith('\r\n', i)) {
      rows.push(row)
      row = []
      i += 2
    } else if (i < text.length) {
      throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`)
    }
  }
  if (row.length > 0) throw new Error('the last record has no CRLF')
  return rows
}
