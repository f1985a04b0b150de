// The window's archive controls through the core's API: a backup sent up in chunks and imported
// on the archive thread beside a connected phone, a damaged file, and deleting an archive.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { UPLOAD_CHUNK_BYTES, type ImportJob } from '../../shared/api/data'
import { toBase64 } from '../../shared/bytes'
import { pair, startHarness, synced, type Harness } from '../support/core-harness'
import { tinyHistory } from '../support/tiny-history'

const SAMPLE = readFileSync(join(__dirname, '../fixtures/sbr/sample.xml'))

let h: Harness | null = null
afterEach(async () => {
  await h?.stop()
  h = null
})

async function send(harness: Harness, name: string, bytes: Uint8Array): Promise<string> {
  const { uploadId } = await harness.call('data.upload', { name, size: bytes.length })
  // Small chunks, so even the sample crosses several of them.
  const step = Math.min(UPLOAD_CHUNK_BYTES, 1000)
  for (let offset = 0; offset < bytes.length; offset += step) {
    const data = toBase64(bytes.subarray(offset, offset + step))
    await harness.call('data.chunk', { uploadId, offset, data })
  }
  return uploadId
}

function ended(harness: Harness): Promise<ImportJob> {
  return harness.until(() => {
    for (const e of harness.events) {
      if (e.type === 'import' && e.job.state !== 'uploading' && e.job.state !== 'importing')
        return e.job
    }
    return undefined
  })
}

describe('importing a backup from the window', () => {
  it('imports into the paired phone’s archive, is found by search, and says what it added', async () => {
    h = await startHarness({ history: tinyHistory() })
    const deviceId = await pair(h)
    await synced(h, deviceId)
    const uploadId = await send(h, 'sms-20190101.xml', SAMPLE)
    expect(h.events.some((e) => e.type === 'import' && e.job.state === 'uploading')).toBe(true)
    await h.call('data.import', { uploadId, deviceId })
    const job = await ended(h)
    expect(job).toMatchObject({ state: 'complete', fileName: 'sms-20190101.xml', deviceId })
    expect(job.added).toBeGreaterThan(0)
    expect(job.bytesDone).toBe(SAMPLE.length)

    const found = await h.call('search.query', {
      text: 'bill is ready',
      limit: 10,
      withTotal: true,
    })
    expect(found.hits.length).toBe(1)
    const info = await h.call('data.info', {})
    expect(info.location).toBe(h.dataDir)
    expect(info.sizeBytes).toBeGreaterThan(0)
    expect(info.job?.state).toBe('complete')
    const phone = info.phones.find((p) => p.deviceId === deviceId)
    expect(phone?.imported).toBe(job.added)
    expect(phone?.messages).toBe(40 + job.added)
    expect(h.events.some((e) => e.type === 'conversations' && e.deviceId === deviceId)).toBe(true)

    // The same file again: every message is already there.
    h.events.length = 0
    await h.call('data.import', { uploadId: await send(h, 'again.xml', SAMPLE), deviceId })
    expect(await ended(h)).toMatchObject({ state: 'complete', added: 0, present: job.added })
  })

  it('keeps what comes before damage and names where it is', async () => {
    h = await startHarness({ history: tinyHistory() })
    const cut = SAMPLE.subarray(0, Math.floor(SAMPLE.length * 0.6))
    const uploadId = await send(h, 'cut.xml', cut)
    // No phone is paired: the backup gets an archive of its own.
    await h.call('data.import', { uploadId, deviceId: null })
    const job = await ended(h)
    expect(job.state).toBe('damaged')
    expect(job.detail).toMatch(/line \d+, column \d+/)
    const info = await h.call('data.info', {})
    expect(info.phones).toMatchObject([{ name: 'Imported backups', paired: false }])
    expect(info.phones[0]?.imported).toBe(job.added)
  })

  it('refuses chunks out of order or past the end, and drops a cancelled upload', async () => {
    h = await startHarness({ history: tinyHistory() })
    const { uploadId } = await h.call('data.upload', { name: 'x.xml', size: 10 })
    const data = toBase64(new Uint8Array(6))
    await expect(h.call('data.chunk', { uploadId, offset: 3, data })).rejects.toThrow(/expected/)
    await h.call('data.chunk', { uploadId, offset: 0, data })
    await expect(h.call('data.chunk', { uploadId, offset: 6, data })).rejects.toThrow(/past/)
    await expect(h.call('data.import', { uploadId, deviceId: null })).rejects.toThrow(/arrived/)
    await h.call('data.cancel', {})
    expect((await h.call('data.info', {})).job?.state).toBe('cancelled')
    await expect(h.call('data.chunk', { uploadId, offset: 6, data })).rejects.toThrow(/no such/)
  })
})

describe('exporting from the window', () => {
  it('writes an export the window fetches in chunks, which imports back to the same texts', async () => {
    h = await startHarness({ history: tinyHistory() })
    const deviceId = await pair(h)
    await synced(h, deviceId)
    const done = await h.call('data.export', { format: 'sbr' })
    expect(done).toMatchObject({ messages: 40, conversations: 4, savedTo: null })
    expect(done.fileName).toMatch(/^sms-\d{14}\.xml$/)
    const parts: Buffer[] = []
    let offset = 0
    while (offset < done.sizeBytes) {
      const chunk = await h.call('data.download', { exportId: done.exportId ?? '', offset })
      const bytes = Buffer.from(chunk.data, 'base64')
      parts.push(bytes)
      offset += bytes.length
    }
    const file = Buffer.concat(parts)
    expect(file.length).toBe(done.sizeBytes)
    expect(file.toString('utf8')).toContain('count="40"')
    // Fetched to its end, the kept copy is gone.
    await expect(
      h.call('data.download', { exportId: done.exportId ?? '', offset: 0 }),
    ).rejects.toThrow(/no longer kept/)
    // Back into the same archive: every text is already there.
    await h.call('data.import', { uploadId: await send(h, done.fileName, file), deviceId })
    expect(await ended(h)).toMatchObject({ state: 'complete', added: 0, present: 40 })

    const csv = await h.call('data.export', {
      format: 'csv',
      since: 1_700_000_000_000 + 10 * 60_000,
      until: 1_700_000_000_000 + 20 * 60_000,
    })
    expect(csv.messages).toBe(10)
  })
})

describe('deleting an archive', () => {
  it('unpairs the phone, tells it, and deletes every text of it', async () => {
    h = await startHarness({ history: tinyHistory() })
    const deviceId = await pair(h)
    await synced(h, deviceId)
    await h.call('data.import', { uploadId: await send(h, 'a.xml', SAMPLE), deviceId })
    await ended(h)
    await h.call('data.delete', { deviceId })
    expect(h.events.some((e) => e.type === 'archiveDeleted')).toBe(true)
    expect(await h.call('devices.list', {})).toEqual([])
    const found = await h.call('search.query', { text: 'Message', limit: 10, withTotal: true })
    expect(found.hits).toEqual([])
    expect(await h.call('conversations.list', { limit: 50 })).toMatchObject({ items: [] })
    await h.until(() => (h?.demo.phone.pairedDesktops.length === 0 ? true : undefined))
    expect(await h.core.archive.searchIndex.check()).toEqual({ sqlite: ['ok'], fts: 'ok' })
  })
})
