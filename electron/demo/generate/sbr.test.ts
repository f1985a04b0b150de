import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { readBackup, type BackupMessage } from '../../core/backup/sbr'
import { generateHistory } from './history'
import { writeHistorySbr } from './sbr'

const dir = mkdtempSync(join(tmpdir(), 'textbridge-sbr-history-'))
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

const run = promisify(execFile)
const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx')
const options = {
  messages: 3000,
  conversations: 80,
  seed: 5,
  groups: 6,
  pictures: 12,
  missingPictures: 2,
}

async function readAllOf(path: string): Promise<BackupMessage[]> {
  const messages: BackupMessage[] = []
  for await (const m of readBackup(path)) messages.push(m)
  return messages
}

describe('writeHistorySbr', () => {
  it('writes the generated history as a backup the reader takes back whole', async () => {
    const path = join(dir, 'h.xml')
    const result = await writeHistorySbr(path, options)
    expect(result).toMatchObject({ messages: 3000, conversations: 80, pictures: 12 })
    expect(result.bytes).toBe(readFileSync(path).length)
    const history = generateHistory(options).messages
    const read = await readAllOf(path)
    expect(read).toHaveLength(history.length)
    read.forEach((m, i) => {
      const h = history[i]!
      expect(m).toMatchObject({ kind: h.kind, date: h.date, body: h.body, read: h.read })
      expect(m.box).toBe(h.box === 'queued' && h.kind === 'mms' ? 'outbox' : h.box)
      if (m.kind === 'sms') expect(m.address).toBe(h.addresses[0])
      else expect(m.addresses).toEqual(h.addresses)
    })
  })

  it('includes group MMS with sender and members, and picture bytes', async () => {
    const path = join(dir, 'g.xml')
    await writeHistorySbr(path, options)
    const history = generateHistory(options).messages
    const read = await readAllOf(path)
    const groups = read.filter((m) => m.kind === 'mms' && m.addresses.length > 1)
    expect(groups.length).toBeGreaterThan(0)
    expect(groups.some((m) => m.kind === 'mms' && m.box === 'inbox' && m.from !== null)).toBe(true)
    let pictures = 0
    let missing = 0
    read.forEach((m, i) => {
      if (m.kind !== 'mms') return
      history[i]!.parts.forEach((p, k) => {
        const data = m.parts[k]!.data
        if (p.data === null) {
          missing++
          expect(data).toBeNull()
          return
        }
        pictures++
        expect(Buffer.from(data!).toString('base64')).toBe(p.data)
        expect(m.parts[k]).toMatchObject({ contentType: p.mime, name: p.name })
      })
    })
    expect({ pictures, missing }).toEqual({ pictures: 12, missing: 2 })
  })

  it('gives the same bytes for the same options', async () => {
    await writeHistorySbr(join(dir, 'a.xml'), options)
    await writeHistorySbr(join(dir, 'b.xml'), options)
    expect(readFileSync(join(dir, 'a.xml')).equals(readFileSync(join(dir, 'b.xml')))).toBe(true)
  })
})

describe('cli --format sbr', () => {
  const cli = join(import.meta.dirname, 'cli.ts')
  const args = ['--messages', '3000', '--conversations', '80', '--seed', '5']

  it('writes the backup the library writes, and the measuring script reads it', async () => {
    const path = join(dir, 'cli.xml')
    const { stderr } = await run(tsx, [
      cli,
      ...args,
      '--groups',
      '6',
      '--pictures',
      '12',
      '--missing-pictures',
      '2',
      '--format',
      'sbr',
      '--out',
      path,
    ])
    expect(stderr).toMatch(/^history: 3000 messages, 80 conversations/)
    await writeHistorySbr(join(dir, 'lib.xml'), options)
    expect(readFileSync(path).equals(readFileSync(join(dir, 'lib.xml')))).toBe(true)
    const measure = join(import.meta.dirname, 'sbr-measure.ts')
    const { stdout } = await run(tsx, [measure, path])
    expect(stdout).toMatch(/^sbr read: 3000 messages \(0 skipped, 14 attachments\)/)
  })

  it('refuses an unknown format', async () => {
    await expect(run(tsx, [cli, ...args, '--format', 'xml'])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/--format is json or sbr/),
    })
  })
})
