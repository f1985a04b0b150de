import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { databaseOf } from '../../store/archive'
import type { Archive } from '../../store'
import { DEVICE_A, addDevice, openTestArchive, sms as phoneSms } from '../../store/tests/support'
import { backup, sms } from '../sbr/test-helpers'
import { importBackupFile } from './import-file'

const SAMPLE = join(__dirname, '../../../../test/fixtures/sbr/sample.xml')
let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'textbridge-import-'))
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

function file(name: string, text: string): string {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

function bodies(archive: Archive): string[] {
  return databaseOf(archive)
    .prepare<[], { body: string }>('SELECT body FROM messages ORDER BY sort_key')
    .all()
    .map((r) => r.body)
}

const integrity = (archive: Archive) => databaseOf(archive).prepare('PRAGMA integrity_check').get()

function withPhone(): Archive {
  const { archive } = openTestArchive()
  addDevice(archive)
  return archive
}

const texts = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) =>
    sms({ body: `text ${from + i}`, date: String(1783400000000 + (from + i) * 1000) }),
  )

describe('importing an SMS Backup & Restore file', () => {
  it('imports a real-looking backup: emoji, every type, a group MMS with its picture', async () => {
    const archive = withPhone()
    const result = await importBackupFile(archive, SAMPLE)
    expect(result).toMatchObject({ outcome: 'complete', added: 9, present: 0, skipped: 1 })
    const hits = archive.search.query({ text: 'cafe', limit: 10, withTotal: true }).hits
    expect(hits).toHaveLength(1)
    expect(archive.messages.get(hits[0]!.messageId).body).toContain('Hi 😀 see you at café')
    const group = archive.conversations
      .list({}, null, 10)
      .items.find((c) => c.participants.length > 1)
    expect(group).toBeDefined()
    const pictures = archive.messages
      .page(group!.id, null, 10)
      .items.flatMap((m) => m.attachments)
      .filter((a) => a.mime.startsWith('image/'))
    expect(pictures.some((a) => a.cached)).toBe(true)
    expect(archive.messages.counts().byType).toMatchObject({ draft: 1, queued: 1, outbox: 1 })
  })

  it('leaves a big file’s index to one rebuild at its end, then finds its texts', async () => {
    const archive = withPhone()
    const path = file('big.xml', backup(...texts(1200)))
    const result = await importBackupFile(archive, path, { deferIndexFromBytes: 0 })
    expect(result).toMatchObject({ outcome: 'complete', added: 1200 })
    expect(archive.searchIndex.isDirty()).toBe(false)
    expect(
      archive.search.query({ text: 'text 1199', limit: 5, withTotal: true }).hits,
    ).toHaveLength(1)
    expect(archive.searchIndex.check()).toEqual({ sqlite: ['ok'], fts: 'ok' })
  })

  it('keeps a big file’s index marked for a rebuild when it stops early', async () => {
    const archive = withPhone()
    const cut = backup(...texts(1200))
    const path = file('cut.xml', cut.slice(0, Math.floor(cut.length * 0.7)))
    const controller = new AbortController()
    controller.abort()
    const result = await importBackupFile(archive, path, {
      deferIndexFromBytes: 0,
      signal: controller.signal,
    })
    expect(result.outcome).toBe('cancelled')
    // Ending the run rebuilds it too: what was committed is searchable.
    expect(archive.searchIndex.isDirty()).toBe(false)
    expect(archive.search.query({ text: 'text 0', limit: 5, withTotal: true }).hits.length).toBe(1)
  })

  it('stores a text the phone already synced once, in the same conversation', async () => {
    const archive = withPhone()
    const synced = phoneSms(1, { addresses: ['+447700900123'], body: 'already here' })
    archive.sync.applyPush(DEVICE_A, {
      type: 'message.new',
      body: { message: synced, watermark: 'w' },
    })
    const path = file(
      'sms-1.xml',
      backup(sms({ address: '07700 900123', body: 'already here', date: String(synced.date) })),
    )
    expect(await importBackupFile(archive, path)).toMatchObject({ added: 0, present: 1 })
    expect(bodies(archive)).toEqual(['already here'])
  })

  it('keeps what came before the damage, names the place, and the repaired file adds the rest', async () => {
    const archive = withPhone()
    const whole = backup(...texts(10))
    const cut = file('sms-cut.xml', whole.slice(0, whole.indexOf('text 7') - 40))
    const damaged = await importBackupFile(archive, cut)
    expect(damaged.outcome).toBe('damaged')
    expect(damaged.damage).toMatchObject({ line: expect.any(Number), column: expect.any(Number) })
    expect(damaged.damage!.message).toMatch(/line \d+, column \d+/)
    expect(bodies(archive)).toEqual(texts(7).map((_, i) => `text ${i}`))
    expect(integrity(archive)).toEqual({ integrity_check: 'ok' })

    const repaired = await importBackupFile(archive, file('sms-fixed.xml', whole))
    expect(repaired).toMatchObject({ outcome: 'complete', added: 3, present: 7 })
    expect(bodies(archive)).toHaveLength(10)
  })

  it('refuses a file that is not a backup and writes nothing', async () => {
    const archive = withPhone()
    const result = await importBackupFile(archive, file('notes.json', '{"messages": []}'))
    expect(result).toMatchObject({ outcome: 'damaged', added: 0 })
    expect(bodies(archive)).toEqual([])
  })

  it('stops when cancelled, and the next run goes on after what it committed', async () => {
    const archive = withPhone()
    const path = file('sms-big.xml', backup(...texts(1200)))
    const abort = new AbortController()
    const first = await importBackupFile(archive, path, {
      signal: abort.signal,
      onProgress: () => {
        abort.abort()
      },
    })
    expect(first.outcome).toBe('cancelled')
    expect(first.read).toBeLessThan(1200)
    const second = await importBackupFile(archive, path)
    expect(second).toMatchObject({ outcome: 'complete', read: 1200 })
    expect(first.added + second.added).toBe(1200)
    expect(bodies(archive)).toHaveLength(1200)
    expect(readFileSync(path, 'utf8')).toContain('text 1199')
  })
})
