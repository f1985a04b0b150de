// The command line as a user runs it: a separate process on a data folder, including a kill -9
// in the middle of an import.
import Database from 'better-sqlite3'
import { spawn, spawnSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeHistorySbr } from '../../electron/demo/generate/sbr'

const ROOT = join(__dirname, '../..')
const SAMPLE = join(ROOT, 'test/fixtures/sbr/sample.xml')
let dir: string
let big: string
const MESSAGES = 20_000

function archive(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/archive.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  })
  return { status: run.status, out: run.stdout, err: run.stderr }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'textbridge-cli-'))
  big = join(dir, 'sms-big.xml')
  await writeHistorySbr(big, { messages: MESSAGES, conversations: 200, seed: 11 })
}, 60_000)
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('npm run archive', () => {
  it('imports a backup, then searches and counts it as JSON', () => {
    const data = join(dir, 'a')
    expect(archive('import', SAMPLE, '--data', data, '--region', 'GB').status).toBe(0)
    const found = archive('search', 'outbox', '--json', '--data', data)
    expect(found.status).toBe(0)
    const page = JSON.parse(found.out) as { total: number; hits: Record<string, unknown>[] }
    expect(page.total).toBe(1)
    expect(page.hits[0]).toMatchObject({
      conversationId: expect.any(Number),
      date: expect.any(String),
      body: 'waiting in the outbox',
      type: 'outbox',
    })
    const counts = JSON.parse(archive('stats', '--json', '--data', data).out) as unknown
    expect(counts).toEqual({
      messages: 9,
      conversations: 4,
      byType: { inbox: 3, sent: 2, draft: 1, outbox: 1, failed: 1, queued: 1 },
      imported: 9,
    })
  })

  it('exits non-zero with the place and what it kept for a damaged file', () => {
    const data = join(dir, 'b')
    const cut = join(dir, 'sms-cut.xml')
    const text = spawnSync('head', ['-c', '3000', SAMPLE], { encoding: 'utf8' }).stdout
    writeFileSync(cut, text)
    const run = archive('import', cut, '--data', data, '--region', 'GB')
    expect(run.status).toBe(1)
    expect(run.err).toMatch(/damaged at line \d+, column \d+: .*; kept \d+ messages/)
    expect(run.err.trim().split('\n')).toHaveLength(1)
  })

  it('says so when there is no archive to search', () => {
    const run = archive('search', 'x', '--data', join(dir, 'nothing'))
    expect(run.status).toBe(1)
    expect(run.err).toMatch(/no archive in/)
  })

  it('after a kill -9 mid-import, the same import again leaves every message exactly once', async () => {
    const data = join(dir, 'killed')
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'electron/cli/archive.ts',
        'import',
        big,
        '--data',
        data,
        '--region',
        'GB',
      ],
      { cwd: ROOT, stdio: 'ignore' },
    )
    const exited = new Promise((resolve) => child.once('exit', resolve))
    // Wait for some batches to commit (read from the file, as another process would).
    const deadline = Date.now() + 60_000
    let committed = 0
    while (committed < 2000 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50))
      try {
        const db = new Database(join(data, 'archive.sqlite'), {
          readonly: true,
          fileMustExist: true,
        })
        committed =
          (db.prepare('SELECT max(read_count) AS n FROM imports').get() as { n: number | null })
            .n ?? 0
        db.close()
      } catch {
        // Not created yet, or being migrated.
      }
    }
    child.kill('SIGKILL')
    await exited
    expect(committed).toBeGreaterThan(0)
    expect(committed).toBeLessThan(MESSAGES)

    expect(archive('import', big, '--data', data).status).toBe(0)
    const reference = join(dir, 'reference')
    expect(archive('import', big, '--data', reference, '--region', 'GB').status).toBe(0)
    const stats = (d: string) => JSON.parse(archive('stats', '--json', '--data', d).out) as unknown
    expect(stats(data)).toEqual(stats(reference))
    const db = new Database(join(data, 'archive.sqlite'), { readonly: true })
    expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' })
    db.close()
  }, 180_000)
})

describe('npm run archive -- export', () => {
  let data: string
  let outDir: string
  beforeAll(() => {
    data = join(dir, 'export-data')
    outDir = join(dir, 'exports')
    expect(archive('import', SAMPLE, '--data', data, '--region', 'GB').status).toBe(0)
  })

  it('writes every format, exits 0 and says what it wrote on one line', () => {
    for (const format of ['sbr', 'csv', 'json', 'html']) {
      const out = join(dir, `export.${format}`)
      const run = archive('export', '--format', format, '--out', out, '--data', data)
      expect(run.status).toBe(0)
      expect(run.out).toBe(`${out}: 9 messages in 4 conversations (${format})\n`)
      expect(existsSync(out)).toBe(true)
      expect(existsSync(`${out}.partial`)).toBe(false)
    }
    expect(JSON.parse(readFileSync(join(dir, 'export.json'), 'utf8'))).toMatchObject({
      counts: { messages: 9, conversations: 4 },
    })
  }, 60_000)

  it('exports a backup that imports into a fresh archive with the same counts', () => {
    const out = join(dir, 'sms-again.xml')
    expect(archive('export', '--format', 'sbr', '--out', out, '--data', data).status).toBe(0)
    const fresh = join(dir, 'export-fresh')
    expect(archive('import', out, '--data', fresh, '--region', 'GB').status).toBe(0)
    const stats = (d: string) => JSON.parse(archive('stats', '--json', '--data', d).out) as unknown
    expect(stats(fresh)).toEqual(stats(data))
  }, 60_000)

  it('takes a conversation and dates as YYYY-MM-DD or ISO 8601', () => {
    const json = (...args: string[]) => {
      const out = join(dir, 'slice.json')
      const run = archive('export', '--format', 'json', '--out', out, '--data', data, ...args)
      expect(run.status).toBe(0)
      return JSON.parse(readFileSync(out, 'utf8')) as {
        conversations: { id: number; messages: unknown[] }[]
        counts: { messages: number; conversations: number }
      }
    }
    expect(json('--since', '2026-07-07', '--until', '2026-07-08').counts.messages).toBe(9)
    expect(json('--until', '2026-07-07').counts.messages).toBe(0)
    // The sample's texts are a minute apart from 04:53:20 UTC on 7 July 2026.
    expect(json('--since', '2026-07-07T04:58:00Z').counts.messages).toBe(4)
    expect(json('--since', '2026-07-07T05:58:00+01:00').counts.messages).toBe(4)
    const group = json().conversations.find((c) => c.messages.length === 2)!
    expect(json('--conversation', String(group.id)).counts).toEqual({
      messages: 2,
      conversations: 1,
    })
  }, 60_000)

  it('refuses a bad date, format or range with the reason on one line, writing nothing', () => {
    mkdirSync(outDir, { recursive: true })
    const out = join(outDir, 'never.csv')
    const cases: [string[], RegExp][] = [
      [['--format', 'csv', '--since', '2026-13-01'], /--since: "2026-13-01" is not a real date/],
      [['--format', 'csv', '--until', 'yesterday'], /--until: "yesterday" is not a date/],
      [['--format', 'pdf'], /--format: "pdf" is not one of sbr, csv, json, html/],
      [['--format', 'csv', '--since', '2026-07-08', '--until', '2026-07-07'], /later than --since/],
      [['--format', 'csv', '--conversation', 'abc'], /--conversation: "abc"/],
      [['--since', '2026-07-07'], /export needs --format/],
    ]
    for (const [args, reason] of cases) {
      const run = archive('export', '--out', out, '--data', data, ...args)
      expect(run.status).toBe(2)
      expect(run.err).toMatch(reason)
      expect(run.err.trim().split('\n')).toHaveLength(1)
    }
    const missing = archive('export', '--format', 'csv', '--data', data)
    expect(missing.status).toBe(2)
    expect(missing.err).toMatch(/export needs --out FILE/)
    const unknown = archive(
      'export',
      '--format',
      'csv',
      '--out',
      out,
      '--conversation',
      '999',
      '--data',
      data,
    )
    expect(unknown.status).toBe(1)
    expect(unknown.err).toMatch(/no such conversation/)
    expect(readdirSync(outDir)).toEqual([])
  }, 60_000)
})
