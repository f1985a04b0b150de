// The promise of the SBR export: what the app would restore is what we imported. A backup
// imported, exported and imported again into a fresh archive gives the same messages, and
// importing the export into the archive it came from adds nothing.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Archive, MessageRecord, ScanPosition } from '../../store'
import { openTestArchive } from '../../store/tests/support'
import { importBackupFile } from '../import/import-file'
import { readBackup } from '../sbr'
import { exportArchive } from './export-archive'

const SAMPLE = join(__dirname, '../../../../test/fixtures/sbr/sample.xml')
let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'textbridge-roundtrip-'))
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

function records(archive: Archive): MessageRecord[] {
  const all: MessageRecord[] = []
  let after: ScanPosition | null = null
  do {
    const page = archive.messages.scan({}, after, 100)
    all.push(...page.items)
    after = page.next
  } while (after !== null)
  return all
}

/** Everything a restore must keep, in an order that does not depend on row ids. */
function contents(archive: Archive) {
  return records(archive)
    .map(({ message, addresses, senderAddress, read, status, subId }) => ({
      kind: message.kind,
      box: message.box,
      date: message.date,
      dateSent: message.dateSent,
      body: message.body,
      addresses,
      senderAddress,
      read,
      status,
      subId,
      conversation: archive.conversations
        .get(message.conversationId)
        .participants.map((p) => p.key),
      attachments: message.attachments.map((a) => ({
        mime: a.mime,
        name: a.name,
        size: a.size,
        bytes: a.cached
          ? Buffer.from(archive.attachments.bytes(message.deviceId, a.partId)!).toString('hex')
          : null,
      })),
    }))
    .sort((a, b) => a.date - b.date || a.body.localeCompare(b.body))
}

async function freshImport(path: string): Promise<Archive> {
  const { archive } = openTestArchive()
  const result = await importBackupFile(archive, path, { region: 'GB' })
  expect(result.outcome).toBe('complete')
  return archive
}

describe('SMS Backup & Restore round trip', () => {
  it('imports its own export to the same messages: emoji, every box, groups, pictures', async () => {
    const first = await freshImport(SAMPLE)
    const out = join(dir, 'sms-export.xml')
    const exported = await exportArchive(first, { format: 'sbr', out })
    expect(exported).toEqual({ messages: 9, conversations: 4 })

    const second = await freshImport(out)
    const before = contents(first)
    expect(before).toHaveLength(9)
    expect(contents(second)).toEqual(before)
    // The sample's tricky parts are really in there.
    expect(before.map((m) => m.body).join('\n')).toContain('Hi 😀 see you at café')
    const picture = before.flatMap((m) => m.attachments).find((a) => a.bytes !== null)
    expect(picture).toMatchObject({ mime: 'image/png', name: 'IMG_1.png' })
    expect(before.some((m) => m.conversation.length === 2)).toBe(true)
    expect(new Set(before.map((m) => m.box))).toEqual(
      new Set(['inbox', 'sent', 'draft', 'outbox', 'failed', 'queued']),
    )
  })

  it('adds nothing when the export goes back into the archive it came from', async () => {
    const archive = await freshImport(SAMPLE)
    const out = join(dir, 'sms-export.xml')
    await exportArchive(archive, { format: 'sbr', out })
    const again = await importBackupFile(archive, out)
    expect(again).toMatchObject({ outcome: 'complete', added: 0, present: 9, skipped: 0 })
    expect(archive.messages.counts().messages).toBe(9)
  })

  it('writes a file whose announced count is the number of messages in it', async () => {
    const archive = await freshImport(SAMPLE)
    const out = join(dir, 'sms-export.xml')
    await exportArchive(archive, { format: 'sbr', out })
    const text = readFileSync(out, 'utf8')
    expect(text).toMatch(/^<\?xml version='1.0' encoding='UTF-8' standalone='yes' \?>\n/)
    const elements = (text.match(/^ {2}<(sms|mms) /gm) ?? []).length
    expect(text).toContain(`<smses count="${elements}" `)
    const reader = readBackup(out)
    let read = 0
    for await (const message of reader) {
      expect(message.date).toBeGreaterThan(0)
      read++
    }
    expect(read).toBe(9)
    expect(reader.progress).toMatchObject({ countHint: 9, skipped: 0 })
    // SMS types 1..6 as the app numbers them; a picture's bytes as base64.
    expect([...text.matchAll(/<sms [^>]* type="(\d)"/g)].map((m) => m[1]).sort()).toEqual([
      '1',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
    ])
    expect(text).toContain('data="iVBORw0KGgo')
  })
})
