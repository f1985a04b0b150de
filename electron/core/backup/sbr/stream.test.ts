import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { setImmediate as tick } from 'node:timers/promises'
import { afterAll, describe, expect, it } from 'vitest'
import { readBackup } from './reader'
import { backup, sms } from './test-helpers'

const dir = mkdtempSync(join(tmpdir(), 'textbridge-sbr-'))
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

const many = backup(...Array.from({ length: 2000 }, (_, i) => sms({ body: `message ${i}` })))

/** Serves `text` 256 bytes per read, counting what was taken. */
function counted(text: string): { stream: Readable; pulled: () => number } {
  const all = Buffer.from(text)
  let at = 0
  const stream = new Readable({
    highWaterMark: 1024,
    read() {
      if (at >= all.length) return void this.push(null)
      this.push(all.subarray(at, at + 256))
      at += 256
    },
  })
  return { stream, pulled: () => at }
}

describe('streaming', () => {
  it('pulls bytes only as the consumer takes messages', async () => {
    const { stream, pulled } = counted(many)
    const reader = readBackup(stream, { totalBytes: Buffer.byteLength(many) })
    let seen = 0
    for await (const m of reader) {
      seen++
      if (seen === 10) {
        // A slow consumer: the file must not run ahead of it.
        for (let i = 0; i < 20; i++) await tick()
        expect(pulled()).toBeLessThan(8 * 1024)
        expect(m.body).toBe('message 9')
        expect(reader.progress).toMatchObject({ messages: 10, countHint: 2000 })
        expect(reader.progress.bytesRead).toBeLessThanOrEqual(pulled())
      }
    }
    expect(seen).toBe(2000)
    expect(reader.progress).toMatchObject({
      messages: 2000,
      bytesRead: Buffer.byteLength(many),
      totalBytes: Buffer.byteLength(many),
    })
  })

  it('closes the source when the consumer stops early', async () => {
    const { stream, pulled } = counted(many)
    for await (const m of readBackup(stream)) if (m.body === 'message 2') break
    expect(stream.destroyed).toBe(true)
    expect(pulled()).toBeLessThan(8 * 1024)
  })

  it('reads a path in chunks and knows its size', async () => {
    const path = join(dir, 'many.xml')
    writeFileSync(path, many)
    const reader = readBackup(path, { chunkBytes: 4096 })
    const sizes: number[] = []
    for await (const m of reader) if (m.kind === 'sms') sizes.push(reader.progress.bytesRead)
    expect(sizes).toHaveLength(2000)
    expect(sizes[0]).toBeLessThanOrEqual(4096)
    expect(reader.progress.totalBytes).toBe(statSync(path).size)
  })

  it('rejects a missing path on the first read, and a second iteration', async () => {
    const reader = readBackup(join(dir, 'absent.xml'))
    await expect(reader[Symbol.asyncIterator]().next()).rejects.toThrow(/ENOENT/)
    expect(() => reader[Symbol.asyncIterator]()).toThrow(/only once/)
  })

  it('refuses a stream of objects', async () => {
    const reader = readBackup(Readable.from([{ not: 'bytes' }]))
    await expect(reader[Symbol.asyncIterator]().next()).rejects.toThrow(TypeError)
  })
})
