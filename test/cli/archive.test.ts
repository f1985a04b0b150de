// The command line as a user runs it: a separate process on a data folder, including a kill -9
// in the middle of an import.
import Database from 'better-sqlite3'
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
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
