import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { afterAll, describe, expect, it } from 'vitest'
import { readableDate } from './format'
import { bytes, readAll, slowSink } from './test-helpers'
import type { BackupMessage, BackupMms, BackupSms, SmsBox } from './types'
import { BackupWriter, writeBackup } from './writer'

const dir = mkdtempSync(join(tmpdir(), 'textbridge-sbr-'))
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

const base = {
  kind: 'sms',
  address: '+447700900123',
  date: 1783400000000,
  dateSent: 1783399990000,
  body: 'Hi 😀 café & "quotes" <3\nsecond line',
  subject: null,
  read: true,
  locked: false,
  status: 'none',
  serviceCenter: '+447700900999',
  subId: 1,
  contactName: 'Alice Smith',
} as const satisfies Partial<BackupSms>

const boxes: SmsBox[] = ['inbox', 'sent', 'draft', 'outbox', 'failed', 'queued']
const texts: BackupSms[] = boxes.map((box, i) => ({
  ...base,
  box,
  date: base.date + i,
  status: (['none', 'complete', 'pending', 'failed'] as const)[i % 4]!,
  read: i % 2 === 0,
  ...(i === 3 ? { dateSent: null, subId: null, contactName: null, serviceCenter: null } : {}),
}))

const picture = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255])
const group: BackupMms = {
  kind: 'mms',
  box: 'inbox',
  addresses: ['+447700900123', '+447700900456'],
  from: '+447700900456',
  recipients: [
    { address: '+447700900123', role: 'to' },
    { address: '+447700900001', role: 'to' },
    { address: '+447700900002', role: 'cc' },
  ],
  date: 1783400100000,
  dateSent: 1783400090000,
  subject: 'Trip 🏖',
  body: 'Look at this\nand this',
  parts: [
    { contentType: 'image/png', name: 'IMG_1.png', data: picture },
    { contentType: 'image/jpeg', name: null, data: null },
    { contentType: 'text/x-vcard', name: 'Bob.vcf', data: new TextEncoder().encode('BEGIN') },
  ],
  read: false,
  locked: true,
  subId: 2,
  contactName: 'Alice Smith, Bob',
  messageId: 'mid-1@example.com',
}
const sent: BackupMms = {
  ...group,
  box: 'sent',
  from: null,
  recipients: [{ address: '+447700900123', role: 'bcc' }],
  body: '',
  parts: [],
  subject: null,
  dateSent: null,
  messageId: null,
  contactName: null,
}
const all: BackupMessage[] = [...texts, group, sent]
const options = { count: all.length, backupSet: 'set-1', backupDate: 1783418400000 }

describe('writeBackup', () => {
  it('round-trips every record through the reader', async () => {
    const path = join(dir, 'round.xml')
    const result = await writeBackup(path, all, options)
    const text = readFileSync(path, 'utf8')
    expect(/^[\x20-\x7e\n]*$/.test(text)).toBe(true)
    expect(result).toEqual({ messages: all.length, bytes: Buffer.byteLength(text) })
    const { messages, error } = await readAll(path)
    expect(error).toBeNull()
    expect(messages).toEqual(all)
  })

  it('writes the app’s header, attributes and escapes, in ASCII only', async () => {
    const path = join(dir, 'one.xml')
    await writeBackup(path, [texts[0]!], { ...options, count: 1, utcOffsetMs: 3_600_000 })
    const lines = readFileSync(path, 'utf8').split('\n')
    expect(lines.slice(0, 4)).toEqual([
      "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>",
      '<!--File Created By Textbridge on 07/07/2026 11:00:00-->',
      '<?xml-stylesheet type="text/xsl" href="sms.xsl"?>',
      '<smses count="1" backup_set="set-1" backup_date="1783418400000" type="full">',
    ])
    expect(lines[4]).toBe(
      '  <sms protocol="0" address="+447700900123" date="1783400000000" type="1" ' +
        'subject="null" body="Hi &#55357;&#56832; caf&#233; &amp; &quot;quotes&quot; &lt;3&#10;second line" ' +
        'toa="null" sc_toa="null" service_center="+447700900999" read="1" status="-1" locked="0" ' +
        'date_sent="1783399990000" sub_id="1" readable_date="Jul 7, 2026 5:53:20 AM" ' +
        'contact_name="Alice Smith" />',
    )
    expect(lines.slice(5)).toEqual(['</smses>', ''])
  })

  it('writes MMS the app’s way: seconds in date_sent, SMIL, addr codes', async () => {
    const { sink, text } = slowSink()
    const writer = new BackupWriter(sink, { ...options, count: 2 })
    await writer.write(group)
    await writer.write(sent)
    await writer.end()
    const xml = text()
    expect(xml).toContain(' date_sent="1783400090" ')
    expect(xml).toContain(' msg_box="1" address="+447700900123~+447700900456" ')
    expect(xml).toContain('ct="application/smil"')
    expect(xml).toContain('<addr address="+447700900002" type="130" charset="106" />')
    expect(xml).toContain('<addr address="insert-address-token" type="137" charset="106" />')
    expect(xml).toContain('<addr address="+447700900123" type="129" charset="106" />')
    expect(xml).toContain(' m_type="132" ')
    expect(xml).toContain(' text_only="1" ')
  })

  it('respects back-pressure and leaves a Writable open', async () => {
    const { sink, text, drains } = slowSink()
    const count = 3000
    const long = Array.from({ length: count }, (_, i) => ({ ...texts[0]!, date: i }))
    await writeBackup(sink, long, { ...options, count })
    expect(sink.writableEnded).toBe(false)
    expect(drains()).toBeGreaterThan(0)
    const { messages } = await readAll(bytes(text(), 4096))
    expect(messages).toHaveLength(count)
  })

  it('holds the caller to the count it announced', async () => {
    const sink = slowSink().sink
    await expect(writeBackup(sink, all, { ...options, count: 2 })).rejects.toThrow(/more messages/)
    await expect(writeBackup(sink, all, { ...options, count: 99 })).rejects.toThrow(/99 announced/)
    expect(() => new BackupWriter(sink, { count: -1 })).toThrow(RangeError)
  })

  it('rejects when the output fails', async () => {
    const broken = new Writable({
      highWaterMark: 16,
      write(_chunk, _encoding, done) {
        done(new Error('disk full'))
      },
    })
    const many = Array.from({ length: 20_000 }, () => texts[0]!)
    await expect(writeBackup(broken, many, { count: many.length })).rejects.toThrow('disk full')
    await expect(writeBackup(join(dir, 'no', 'x.xml'), [], { count: 0 })).rejects.toThrow(/ENOENT/)
  })
})

describe('readableDate', () => {
  it('formats like the app in English, at the phone’s offset', () => {
    expect(readableDate(Date.UTC(2024, 11, 5, 0, 5, 9), 0)).toBe('Dec 5, 2024 12:05:09 AM')
    expect(readableDate(Date.UTC(2024, 11, 5, 13, 0, 0), -5 * 3_600_000)).toBe(
      'Dec 5, 2024 8:00:00 AM',
    )
  })
})
