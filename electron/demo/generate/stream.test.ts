import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { historyFile } from '../../../shared/history/schema'
import { formatHistory, generateHistory, writeHistory } from './history'

const dir = mkdtempSync(join(tmpdir(), 'textbridge-history-'))
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

/** A slow sink with a tiny buffer, so the writer has to wait for 'drain'. */
function slowSink(): { sink: Writable; text: () => string } {
  const chunks: Buffer[] = []
  const sink = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk)
      setImmediate(done)
    },
  })
  return { sink, text: () => Buffer.concat(chunks).toString('utf8') }
}

const options = { messages: 6000, conversations: 120, seed: 21 }
const expected = formatHistory(generateHistory(options))

describe('writeHistory', () => {
  it('writes a file byte-identical to the in-memory history', async () => {
    const path = join(dir, 'h.json')
    const result = await writeHistory(path, options)
    const text = readFileSync(path, 'utf8')
    expect(text).toBe(expected)
    expect(result.bytes).toBe(Buffer.byteLength(text))
    expect(result).toMatchObject({ messages: 6000, conversations: 120 })
    expect(historyFile.safeParse(JSON.parse(text)).success).toBe(true)
  })

  it('respects back-pressure on a slow Writable and leaves it open', async () => {
    const { sink, text } = slowSink()
    await writeHistory(sink, options)
    expect(sink.writableEnded).toBe(false)
    sink.end()
    await new Promise((resolve) => sink.on('finish', resolve))
    expect(text()).toBe(expected)
  })

  it('rejects on an unwritable path or a failing stream', async () => {
    await expect(writeHistory(join(dir, 'missing', 'h.json'), options)).rejects.toThrow(/ENOENT/)
    const broken = new Writable({
      highWaterMark: 16,
      write(_chunk, _encoding, done) {
        done(new Error('disk full'))
      },
    })
    await expect(writeHistory(broken, options)).rejects.toThrow('disk full')
  })
})

describe('cli', () => {
  it('writes the same file and a one-line summary', async () => {
    const path = join(dir, 'cli.json')
    const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx')
    const cli = join(import.meta.dirname, 'cli.ts')
    const args = [
      cli,
      '--messages',
      '6000',
      '--conversations',
      '120',
      '--seed',
      '21',
      '--out',
      path,
    ]
    const { stderr } = await promisify(execFile)(tsx, args)
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).toMatch(/^history: 6000 messages, 120 conversations/)
    expect(readFileSync(path, 'utf8')).toBe(expected)
  })

  it('fails with usage on bad options', async () => {
    const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx')
    const cli = join(import.meta.dirname, 'cli.ts')
    const run = promisify(execFile)(tsx, [cli, '--messages', '3', '--conversations', '4'])
    await expect(run).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/conversation needs/),
    })
  })
})
