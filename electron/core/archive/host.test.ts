// The archive in its threads: writes and reads reach the right connection, typed errors survive
// the crossing, a read never waits behind a long write, and a crashed writer is started again.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { silentLogger } from '../log'
import { NotFoundError, openArchive } from '../store'
import { DEVICE_A, T0, generateHistory } from '../store/tests/support'
import { ArchiveUnavailableError } from './errors'
import { ArchiveHost } from './host'

const device = {
  id: DEVICE_A,
  name: 'Pixel',
  model: null,
  publicKey: new Uint8Array(32).fill(7),
  region: 'GB',
  sims: [],
  pairedAt: T0,
}

let dir: string
let host: ArchiveHost | null = null

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tb-host-'))
})

afterEach(async () => {
  await host?.close()
  host = null
  rmSync(dir, { recursive: true, force: true })
})

async function start(): Promise<ArchiveHost> {
  host = await ArchiveHost.start({ path: join(dir, 'a.sqlite'), now: () => T0, log: silentLogger })
  return host
}

describe('ArchiveHost', () => {
  it('reads what was written, with the reader following device changes', async () => {
    const { archive } = await start()
    await archive.devices.add(device)
    // The reader holds its own copy of the devices table; it must know the new phone at once.
    expect((await archive.devices.get(DEVICE_A)).name).toBe('Pixel')
    await archive.devices.updateInfo(DEVICE_A, { name: 'Work phone', model: null, sims: [] })
    expect((await archive.devices.list()).map((d) => d.name)).toEqual(['Work phone'])
    const records = generateHistory({ count: 50, conversations: 5, seed: 3, pattern: 'uniform' })
    const applied = await archive.sync.applyRecent(DEVICE_A, {
      scope: 'recent',
      messages: records,
      cursor: null,
      total: 50,
    })
    expect(applied.inserted).toBe(50)
    const list = await archive.conversations.list({}, null, 10)
    expect(list.items.reduce((n, c) => n + c.messageCount, 0)).toBe(50)
    expect(list.items[0]?.lastMessage.date).toBe(Math.max(...records.map((r) => r.date)))
  })

  it('rebuilds typed errors on this side', async () => {
    const { archive } = await start()
    const error = await archive.conversations.get(12345).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NotFoundError)
    expect((error as NotFoundError).code).toBe('conversation')
  })

  it('answers a read while a long write is still running', async () => {
    const { archive } = await start()
    await archive.devices.add(device)
    const records = generateHistory({
      count: 60_000,
      conversations: 500,
      seed: 5,
      pattern: 'uniform',
    })
    const order: string[] = []
    const write = archive.sync.upsertMessages(DEVICE_A, records, 'deferred').then(() => {
      order.push('write')
    })
    const read = archive.conversations.list({}, null, 20).then(() => {
      order.push('read')
    })
    await Promise.all([write, read])
    expect(order).toEqual(['read', 'write'])
  })

  it('restarts a crashed writer; calls in flight fail typed, committed data stays', async () => {
    const h = await start()
    await h.archive.devices.add(device)
    const restarted = new Promise<string>((resolve) => h.onRestart(resolve))
    const records = generateHistory({
      count: 60_000,
      conversations: 500,
      seed: 7,
      pattern: 'uniform',
    })
    const inFlight = h.archive.sync.upsertMessages(DEVICE_A, records, 'deferred')
    await h.crash('writer')
    await expect(inFlight).rejects.toBeInstanceOf(ArchiveUnavailableError)
    expect(await restarted).toBe('writer')
    expect((await h.archive.devices.get(DEVICE_A)).name).toBe('Pixel')
    // Whatever the killed write had done was rolled back as a whole, or committed as a whole.
    const stored = (await h.archive.conversations.list({}, null, 500)).items
    expect([0, 60_000]).toContain(stored.reduce((n, c) => n + c.messageCount, 0))
    expect(await h.archive.searchIndex.check()).toMatchObject({ sqlite: ['ok'] })
  })

  it('keeps the reader from writing', async () => {
    await (await start()).close()
    host = null
    const reader = openArchive(join(dir, 'a.sqlite'), { clock: () => T0, readOnly: true })
    try {
      expect(() => reader.devices.add(device)).toThrow(/readonly/)
    } finally {
      reader.close()
    }
  })
})
