import { describe, expect, it } from 'vitest'
import { CSV_COLUMNS, csvField, csvRow } from './csv'
import {
  FORMULA_BODY,
  MESSY_BODY,
  SCRIPT_BODY,
  exportText,
  hostileArchive,
  minuteOf,
  parseCsv,
} from './test-helpers'

describe('CSV fields', () => {
  it('quotes only what needs it, doubling quotes inside', () => {
    expect(csvField('plain text')).toBe('plain text')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('two\nlines')).toBe('"two\nlines"')
    expect(csvField('cr\ronly')).toBe('"cr\ronly"')
    expect(csvField('')).toBe('')
    expect(csvRow(['a', 'b c', 'd,e'])).toBe('a,b c,"d,e"\r\n')
  })

  it('turns every cell a spreadsheet would run as a formula into text', () => {
    for (const cell of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(csvField(cell).replace(/^"/, '').startsWith("'")).toBe(true)
    }
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
    expect(csvField('1 = 1')).toBe('1 = 1')
  })
})

describe('exporting as CSV', () => {
  it('writes a header and one row per message that an RFC 4180 reader takes back', async () => {
    const archive = hostileArchive()
    const { text, result, cleanup } = await exportText(archive, { format: 'csv' })
    cleanup()
    expect(result).toEqual({ messages: 7, conversations: 2 })
    expect(
      text
        .replace(/"[^"]*"/g, '')
        .split('\n')
        .every((l) => l === '' || l.endsWith('\r')),
    ).toBe(true)
    const [header, ...rows] = parseCsv(text)
    expect(header).toEqual(CSV_COLUMNS)
    expect(rows).toHaveLength(7)
    expect(rows.every((r) => r.length === header!.length)).toBe(true)
    /** The rows as objects by column name. */
    const records = rows.map((r) => Object.fromEntries(header!.map((name, k) => [name, r[k]])))
    const bodies = records.map((r) => r.body)
    expect(bodies).toContain(SCRIPT_BODY)
    expect(bodies).toContain(MESSY_BODY)
    expect(bodies).toContain(`'${FORMULA_BODY}`)
    expect(bodies).toContain("'@SUM(1+1)")
    expect(bodies).toContain('plain 😀 café')

    expect(records[0]).toMatchObject({
      date: new Date(minuteOf(0)).toISOString(),
      type: 'inbox',
      direction: 'incoming',
      from_address: '07700 900123',
      from_name: '',
      to_addresses: '',
    })
    const sent = records.find((r) => r.body === MESSY_BODY)!
    expect(sent).toMatchObject({ type: 'sent', direction: 'outgoing', from_address: '' })
    expect(sent.to_addresses).toBe('07700 900123')
    expect(records.find((r) => r.body === 'look')).toMatchObject({
      attachments: 'pic "1".png; x.svg',
      attachment_types: 'image/png; image/svg+xml',
      imported: 'no',
    })
  })
})
