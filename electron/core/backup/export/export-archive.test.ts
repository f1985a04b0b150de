import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { NotFoundError } from '../../store'
import type { Archive } from '../../store'
import { DEVICE_A, T0, addDevice, openTestArchive, sms } from '../../store/tests/support'
import { ExportError, exportArchive } from '.'
import type { ExportOptions, ExportProgress } from '.'
import { exportText, hostileArchive, minuteOf, parseCsv } from './test-helpers'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'textbridge-export-'))
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

/** `count` texts in four conversations, with bodies of about 2 KiB: megabytes in all. */
function bigArchive(count: number): Archive {
  const { archive } = openTestArchive()
  addDevice(archive)
  const filler = 'x'.repeat(2000)
  for (let start = 0; start < count; start += 500) {
    const records = Array.from({ length: Math.min(500, count - start) }, (_, k) => {
      const i = start + k
      return sms(i + 1, {
        addresses: [`+4477009001${String(i % 4).padStart(2, '0')}`],
        date: T0 + i * 1000,
        body: `${i} ${filler}`,
      })
    })
    archive.sync.upsertMessages(DEVICE_A, records, 'deferred')
  }
  return archive
}

const rows = (text: string) => parseCsv(text).slice(1)

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => new Error('did not fail'),
    (error: unknown) => error,
  )
}

describe('what an export covers', () => {
  it('keeps to a date range: since inclusive, until exclusive', async () => {
    const archive = hostileArchive()
    const { text, result, cleanup } = await exportText(archive, {
      format: 'csv',
      since: minuteOf(1),
      until: minuteOf(5),
    })
    cleanup()
    expect(result).toEqual({ messages: 4, conversations: 1 })
    const dates = rows(text).map((r) => Date.parse(r[2]!))
    expect(dates).toEqual([minuteOf(1), minuteOf(2), minuteOf(3), minuteOf(4)])
  })

  it('keeps to one conversation, and to a range within it', async () => {
    const archive = hostileArchive()
    const [one] = archive.conversations.list({}, null, 10).items.filter((c) => c.messageCount === 5)
    const whole = await exportText(archive, { format: 'csv', conversationId: one!.id })
    whole.cleanup()
    expect(whole.result).toEqual({ messages: 5, conversations: 1 })
    expect(rows(whole.text).every((r) => r[0] === String(one!.id))).toBe(true)
    const part = await exportText(archive, {
      format: 'csv',
      conversationId: one!.id,
      since: minuteOf(3),
    })
    part.cleanup()
    expect(part.result.messages).toBe(2)
  })

  it('reports progress by page up to the total, and counts', async () => {
    const archive = bigArchive(450)
    const seen: ExportProgress[] = []
    const out = join(dir, 'all.json')
    const result = await exportArchive(archive, {
      format: 'json',
      out,
      onProgress: (p) => seen.push(p),
    })
    expect(result).toEqual({ messages: 450, conversations: 4 })
    expect(seen.map((p) => p.written)).toEqual([200, 400, 450])
    expect(seen.every((p) => p.total === 450)).toBe(true)
    const doc = JSON.parse(readFileSync(out, 'utf8')) as {
      conversations: { messages: unknown[] }[]
    }
    expect(doc.conversations.flatMap((c) => c.messages)).toHaveLength(450)
  })
})

describe('writing the file', () => {
  it('waits for the output to drain instead of buffering the archive', async () => {
    const archive = bigArchive(3000)
    for (const format of ['sbr', 'csv', 'json', 'html'] as const) {
      const out = join(dir, `slow.${format}`)
      let most = 0
      let total = 0
      // A disk that takes a while for each write, so unawaited writes would pile up.
      const open = (path: string) =>
        new Writable({
          highWaterMark: 16 * 1024,
          write(chunk: Buffer, _encoding, done) {
            most = Math.max(most, this.writableLength)
            total += chunk.length
            appendFileSync(path, chunk)
            setTimeout(done, 1)
          },
        })
      const result = await exportArchive(archive, { format, out }, { open })
      expect(result.messages).toBe(3000)
      expect(total).toBeGreaterThan(6_000_000)
      // At most one batch beyond the mark is ever queued (the SBR writer batches a megabyte).
      expect(most).toBeLessThan(2.5 * 1024 * 1024)
      expect(readFileSync(out).length).toBe(total)
    }
  }, 60_000)

  it('leaves neither the file nor the partial one when cancelled, and keeps an older file', async () => {
    const archive = bigArchive(600)
    const out = join(dir, 'export.csv')
    writeFileSync(out, 'the previous export')
    const abort = new AbortController()
    const error = await failure(
      exportArchive(archive, {
        format: 'csv',
        out,
        signal: abort.signal,
        onProgress: () => abort.abort(),
      }),
    )
    expect(error).toBeInstanceOf(ExportError)
    expect((error as ExportError).code).toBe('cancelled')
    expect(readFileSync(out, 'utf8')).toBe('the previous export')
    expect(readdirSync(dir)).toEqual(['export.csv'])
  })

  it('turns a failing disk into write_failed and removes the partial file', async () => {
    const archive = bigArchive(600)
    const out = join(dir, 'export.sbr')
    let writes = 0
    const open = (path: string) =>
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          appendFileSync(path, chunk)
          done(++writes === 2 ? new Error('ENOSPC: no space left on device') : null)
        },
      })
    const error = await failure(exportArchive(archive, { format: 'sbr', out }, { open }))
    expect(error).toBeInstanceOf(ExportError)
    expect((error as ExportError).code).toBe('write_failed')
    expect((error as Error).message).toMatch(/no space left/)
    expect(readdirSync(dir)).toEqual([])
  })

  it('refuses to finish a backup whose announced count the archive no longer matches', async () => {
    const archive = bigArchive(450)
    const out = join(dir, 'changed.xml')
    let pages = 0
    const error = await failure(
      exportArchive(archive, {
        format: 'sbr',
        out,
        // The phone is deleted after the first page: the rest of the range is gone.
        onProgress: () => {
          if (++pages === 1) archive.devices.remove(DEVICE_A)
        },
      }),
    )
    expect((error as ExportError).code).toBe('archive_changed')
    expect(readdirSync(dir)).toEqual([])
  })

  it('says write_failed for a folder that does not exist', async () => {
    const archive = hostileArchive()
    const out = join(dir, 'missing', 'export.csv')
    const error = await failure(exportArchive(archive, { format: 'csv', out }))
    expect((error as ExportError).code).toBe('write_failed')
  })

  it('refuses bad input before creating anything', async () => {
    const archive = hostileArchive()
    const out = join(dir, 'x')
    const code = async (options: Partial<ExportOptions>) => {
      const error = await failure(exportArchive(archive, { format: 'csv', out, ...options }))
      return error instanceof ExportError ? error.code : error
    }
    expect(await code({ format: 'pdf' as never })).toBe('bad_format')
    expect(await code({ since: minuteOf(5), until: minuteOf(5) })).toBe('bad_range')
    expect(await code({ since: 1.5 })).toBe('bad_range')
    expect(await code({ timeZone: 'Mars/Olympus_Mons' })).toBe('bad_option')
    const aborted = AbortSignal.abort()
    expect(await code({ signal: aborted })).toBe('cancelled')
    expect(
      await failure(exportArchive(archive, { format: 'csv', out, conversationId: 99 })),
    ).toBeInstanceOf(NotFoundError)
    expect(existsSync(out)).toBe(false)
    expect(readdirSync(dir)).toEqual([])
  })
})
