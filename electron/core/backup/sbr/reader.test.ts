import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readBackup } from './reader'
import { backup, bytes, readAll, sms } from './test-helpers'
import type { BackupMms, BackupSms } from './types'

const SAMPLE = join(import.meta.dirname, '../../../../test/fixtures/sbr/sample.xml')

async function only(element: string): Promise<BackupSms | BackupMms> {
  const { messages, error } = await readAll(bytes(backup(element)))
  expect(error).toBeNull()
  expect(messages).toHaveLength(1)
  return messages[0]!
}

const mms = (attrs: string, inner: string): string =>
  `<mms date="1783400000000" msg_box="1" address="+447700900123" ${attrs}>${inner}</mms>`

describe('readBackup: values', () => {
  it('decodes surrogate references split over chunk boundaries', async () => {
    const text = backup(sms({ body: 'Hi &#55357;&#56832; &#x1F389; &amp;' }))
    for (const chunk of [1, 3, 7, 1 << 16]) {
      const { messages } = await readAll(bytes(text, chunk))
      expect(messages[0]).toMatchObject({ body: 'Hi 😀 🎉 &' })
    }
  })

  it('turns a lone surrogate into U+FFFD', async () => {
    expect(await only(sms({ body: 'x&#55357;' }))).toMatchObject({ body: 'x\uFFFD' })
  })

  it('reads raw UTF-8 too, though the app writes none', async () => {
    const text = backup(sms({ body: 'café 😀 日本', contact_name: 'Zoë' }))
    const { messages } = await readAll(bytes(text, 1))
    expect(messages[0]).toMatchObject({ body: 'café 😀 日本', contactName: 'Zoë' })
  })

  it('skips a byte order mark and accepts CRLF line ends', async () => {
    const text = '\uFEFF' + backup(sms({ body: 'bom' })).replace(/\n/g, '\r\n')
    const { messages, error } = await readAll(bytes(text, 2))
    expect(error).toBeNull()
    expect(messages[0]).toMatchObject({ body: 'bom' })
  })

  it('takes "null", date_sent 0, sub_id -1 and "(Unknown)" as absent', async () => {
    const m = await only(
      sms({ subject: 'null', date_sent: '0', sub_id: '-1', contact_name: '(Unknown)' }),
    )
    expect(m).toMatchObject({ subject: null, dateSent: null, subId: null, contactName: null })
    const n = await only(sms({ contact_name: 'null', service_center: 'null', body: 'null' }))
    expect(n).toMatchObject({ contactName: null, serviceCenter: null, body: '' })
  })

  it('keeps date, date_sent, sub_id, contact_name and read', async () => {
    const m = await only(
      sms({ date: '1783400000000', date_sent: '1783399990000', sub_id: '3', read: '0' }),
    )
    expect(m).toMatchObject({ date: 1783400000000, dateSent: 1783399990000, subId: 3, read: false })
    expect(await only(sms({ contact_name: 'Alice Smith' }))).toMatchObject({
      contactName: 'Alice Smith',
    })
  })

  it('names every SMS type and skips unknown ones with the reason', async () => {
    const types = ['1', '2', '3', '4', '5', '6', '0', '7']
    const reader = readBackup(bytes(backup(...types.map((type) => sms({ type })))))
    const boxes: string[] = []
    for await (const m of reader) boxes.push(m.box)
    expect(boxes).toEqual(['inbox', 'sent', 'draft', 'outbox', 'failed', 'queued'])
    expect(reader.progress.skipped).toBe(2)
    expect(reader.skipped).toEqual([
      { line: 9, reason: 'type 0 is not a known box' },
      { line: 10, reason: 'type 7 is not a known box' },
    ])
  })

  it('names MMS boxes 1–5 and skips others', async () => {
    const elements = ['1', '2', '3', '4', '5', '6'].map((box) => mms(`msg_box="${box}"`, ''))
    const reader = readBackup(bytes(backup(...elements.map((e) => e.replace(/msg_box="1" /, '')))))
    const boxes: string[] = []
    for await (const m of reader) boxes.push(m.box)
    expect(boxes).toEqual(['inbox', 'sent', 'draft', 'outbox', 'failed'])
    expect(reader.skipped[0]?.reason).toBe('msg_box 6 is not a known box')
  })

  it('maps SMS status codes by TP-Status range', async () => {
    const codes = ['-1', '0', '32', '64', 'null']
    const { messages } = await readAll(bytes(backup(...codes.map((status) => sms({ status })))))
    expect(messages.map((m) => (m as BackupSms).status)).toEqual([
      'none',
      'complete',
      'pending',
      'failed',
      'none',
    ])
  })
})

describe('readBackup: MMS', () => {
  const parts =
    '<parts>' +
    '<part seq="-1" ct="application/smil" text="&lt;smil&gt;&lt;/smil&gt;" />' +
    '<part seq="0" ct="text/plain" chset="106" text="first" />' +
    '<part seq="1" ct="text/plain" chset="106" text="second &#55357;&#56832;" />' +
    '<part seq="0" ct="image/png" name="a.png" fn="f.png" cl="c.png" data="AAEC/w==" />' +
    '<part seq="0" ct="image/jpeg" name="null" fn="null" cl="only-cl.jpg" text="null" />' +
    '<part seq="0" ct="text/x-vcard" name="null" fn="card.vcf" data="QkVHSU4=" />' +
    '</parts>'
  const addrs =
    '<addrs>' +
    '<addr address="+447700900456" type="137" charset="106" />' +
    '<addr address="+447700900123" type="151" charset="106" />' +
    '<addr address="+447700900001" type="130" charset="106" />' +
    '<addr address="+447700900002" type="129" charset="106" />' +
    '</addrs>'

  it('drops the SMIL, joins the text parts and decodes attachments', async () => {
    const m = (await only(mms('', parts + addrs))) as BackupMms
    expect(m.body).toBe('first\nsecond 😀')
    expect(m.parts).toEqual([
      { contentType: 'image/png', name: 'a.png', data: Uint8Array.from([0, 1, 2, 255]) },
      { contentType: 'image/jpeg', name: 'only-cl.jpg', data: null },
      { contentType: 'text/x-vcard', name: 'card.vcf', data: new TextEncoder().encode('BEGIN') },
    ])
  })

  it('reads the sender, recipients and group members', async () => {
    const group = mms('address="+447700900123~+447700900456"', parts + addrs)
    const m = (await only(group.replace('address="+447700900123" ', ''))) as BackupMms
    expect(m.addresses).toEqual(['+447700900123', '+447700900456'])
    expect(m.from).toBe('+447700900456')
    expect(m.recipients).toEqual([
      { address: '+447700900123', role: 'to' },
      { address: '+447700900001', role: 'cc' },
      { address: '+447700900002', role: 'bcc' },
    ])
  })

  it('takes insert-address-token as this phone, and falls back to <addrs> for members', async () => {
    const sent =
      '<mms date="1783400000000" msg_box="2" address="null"><addrs>' +
      '<addr address="insert-address-token" type="137" />' +
      '<addr address="+447700900123" type="151" /></addrs></mms>'
    expect(await only(sent)).toMatchObject({
      box: 'sent',
      from: null,
      addresses: ['+447700900123'],
    })
  })

  it('reads date in ms and date_sent in seconds, or either in the other unit', async () => {
    const a = await only(mms('date_sent="1783399990"', ''))
    expect(a).toMatchObject({ date: 1783400000000, dateSent: 1783399990000 })
    const b = await only(mms('date_sent="0"', '').replace('1783400000000', '1783400000'))
    expect(b).toMatchObject({ date: 1783400000000, dateSent: null })
  })
})

describe('readBackup: the sample fixture', () => {
  it('reads every message, skips the unknown box and ignores the wrong count', async () => {
    const reader = readBackup(SAMPLE)
    const messages = []
    for await (const m of reader) messages.push(m)
    expect(reader.header).toMatchObject({ count: 14, type: 'full', backupDate: 1783418400000 })
    expect(messages.map((m) => m.box)).toEqual([
      ...['inbox', 'sent', 'draft', 'outbox', 'failed', 'queued', 'inbox'],
      ...['inbox', 'sent'],
    ])
    expect(reader.progress).toMatchObject({ messages: 9, skipped: 1, countHint: 14 })
    expect(reader.progress.bytesRead).toBe(reader.progress.totalBytes)
    expect(messages[0]).toMatchObject({ body: "Hi 😀 see you at café & don't be late" })
    expect(messages[6]).toMatchObject({ body: 'Your bill is ready – £12.50 \uFFFD', read: false })
    expect(messages[7]).toMatchObject({
      kind: 'mms',
      from: '+447700900456',
      body: 'Look at this 🎅',
      dateSent: 1783400470000,
      messageId: 'mid-0001@mms.example',
    })
    const picture = (messages[7] as BackupMms).parts[0]!
    expect(picture).toMatchObject({ contentType: 'image/png', name: 'IMG_1.png' })
    expect(Buffer.from(picture.data!).subarray(1, 4).toString()).toBe('PNG')
    expect(messages[8]).toMatchObject({ from: null, subject: 'Trip', parts: [{ data: null }] })
  })
})
