import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { SmsMessage } from '../../../../shared/protocol/messages/common'
import type { Archive } from '../archive'
import {
  DEVICE_A,
  DEVICE_B,
  addDevice,
  generateHistory,
  openTestArchive,
  prng,
  sms,
  threadMismatches,
} from './support'

function history(
  archive: Archive,
  device: string,
  records: readonly SmsMessage[],
  last: boolean,
  total = records.length,
) {
  return archive.sync.applyHistory(device, {
    scope: 'history',
    messages: records,
    cursor: last ? null : `h:${records.length}`,
    total,
  })
}

const hits = (archive: Archive, text: string) =>
  archive.search.query({ text, limit: 100, withTotal: false }).hits.map((h) => h.messageId)

function expectSound(archive: Archive): void {
  expect(archive.searchIndex.check()).toEqual({ sqlite: ['ok'], fts: 'ok' })
  expect(threadMismatches(archive)).toEqual([])
}

describe('search index: live path, bulk path, rebuild', () => {
  it('keeps the index current on live writes', () => {
    const { archive } = openTestArchive()
    addDevice(archive)
    archive.sync.upsertMessages(DEVICE_A, [sms(1, { body: 'live words' })], 'live')
    expect(archive.searchIndex.isDirty()).toBe(false)
    expect(hits(archive, 'live')).toHaveLength(1)
    expectSound(archive)
  })

  it('marks the index dirty for the back-fill and rebuilds once when it completes', () => {
    const { archive } = openTestArchive()
    addDevice(archive)
    const records = generateHistory({
      count: 3000,
      conversations: 40,
      seed: 3,
      pattern: 'uniform',
    }).reverse()
    const first = history(archive, DEVICE_A, records.slice(0, 1000), false, 3000)
    expect(first).toMatchObject({ inserted: 1000, indexRebuilt: false })
    expect(archive.searchIndex.state()).toMatchObject({ dirty: true, backfillsPending: [DEVICE_A] })
    expect(archive.search.query({ text: 'coffee', limit: 5, withTotal: false }).indexing).toBe(true)
    expect(archive.searchIndex.check().fts).toBe('stale')
    history(archive, DEVICE_A, records.slice(1000, 2000), false, 3000)
    const last = history(archive, DEVICE_A, records.slice(2000), true, 3000)
    expect(last.indexRebuilt).toBe(true)
    expect(archive.searchIndex.state()).toMatchObject({ dirty: false, backfillsPending: [] })
    expect(archive.sync.state(DEVICE_A).history).toMatchObject({
      done: true,
      received: 3000,
      total: 3000,
    })
    const withBody = records.filter((r) => /\bcoffee\b/.test(r.body)).length
    expect(archive.search.query({ text: 'coffee', limit: 5, withTotal: true }).total).toEqual({
      count: withBody,
      capped: false,
    })
    expectSound(archive)
  })

  it('survives deletes and changes while dirty, including rows indexed before', () => {
    const { archive } = openTestArchive()
    addDevice(archive)
    // Indexed live first, then a back-fill starts.
    archive.sync.upsertMessages(
      DEVICE_A,
      [
        sms(1, { body: 'alpha indexed' }),
        sms(2, { body: 'bravo indexed' }),
        sms(3, { body: 'charlie' }),
      ],
      'live',
    )
    history(
      archive,
      DEVICE_A,
      [sms(10, { body: 'delta bulk' }), sms(11, { body: 'echo bulk' })],
      false,
    )
    // While dirty: delete an indexed row and a bulk row, change both kinds, add a live one.
    archive.sync.applyChanges(DEVICE_A, {
      changes: [
        { op: 'delete', id: 'sms:1' },
        { op: 'delete', id: 'sms:10' },
        { op: 'upsert', message: sms(2, { body: 'bravo changed' }) },
        { op: 'upsert', message: sms(11, { body: 'echo changed', date: sms(11).date + 99 }) },
        { op: 'upsert', message: sms(20, { body: 'foxtrot live' }) },
      ],
      watermark: 'j:5',
      reset: false,
    })
    expect(archive.searchIndex.isDirty()).toBe(true)
    history(archive, DEVICE_A, [sms(12, { body: 'golf bulk' })], true)
    expect(archive.searchIndex.isDirty()).toBe(false)
    expectSound(archive)
    expect(hits(archive, 'alpha')).toHaveLength(0)
    expect(hits(archive, 'delta')).toHaveLength(0)
    expect(hits(archive, 'indexed')).toHaveLength(0)
    expect(hits(archive, 'bravo changed')).toHaveLength(1)
    expect(hits(archive, 'echo')).toHaveLength(1)
    expect(hits(archive, 'bulk')).toHaveLength(1)
    expect(hits(archive, 'foxtrot')).toHaveLength(1)
    // And live maintenance is correct again afterwards.
    archive.sync.deleteMessages(DEVICE_A, ['sms:2'])
    expectSound(archive)
  })

  it('stays sound under a random mix of live and bulk writes, deletes and rebuilds', () => {
    const rnd = prng(2024)
    const { archive } = openTestArchive()
    addDevice(archive)
    addDevice(archive, DEVICE_B)
    const pool = generateHistory({ count: 400, conversations: 12, seed: 5, pattern: 'uniform' })
    for (let step = 0; step < 120; step++) {
      const device = rnd() < 0.5 ? DEVICE_A : DEVICE_B
      const pick = () => pool[Math.floor(rnd() * pool.length)]!
      const roll = rnd()
      if (roll < 0.35) {
        archive.sync.upsertMessages(device, [pick(), pick(), pick()], 'live')
      } else if (roll < 0.6) {
        archive.sync.upsertMessages(device, Array.from({ length: 20 }, pick), 'deferred')
      } else if (roll < 0.8) {
        const r = pick()
        archive.sync.upsertMessages(
          device,
          [{ ...r, body: `${r.body} edited ${step}`, date: r.date + step }],
          'live',
        )
      } else if (roll < 0.95) {
        archive.sync.deleteMessages(device, [pick().id, pick().id])
      } else {
        archive.searchIndex.rebuild()
        expectSound(archive)
      }
    }
    archive.searchIndex.rebuildIfDirty()
    expectSound(archive)
  })

  it('waits for every phone’s back-fill before rebuilding', () => {
    const { archive } = openTestArchive()
    addDevice(archive)
    addDevice(archive, DEVICE_B)
    history(archive, DEVICE_A, [sms(1)], false)
    history(archive, DEVICE_B, [sms(1)], false)
    expect(history(archive, DEVICE_A, [sms(2)], true).indexRebuilt).toBe(false)
    expect(archive.searchIndex.state().backfillsPending).toEqual([DEVICE_B])
    expect(history(archive, DEVICE_B, [sms(2)], true).indexRebuilt).toBe(true)
    expectSound(archive)
  })

  it('finds a dirty flag left by a crash at the next start and rebuilds on request', () => {
    const dir = mkdtempSync(join(tmpdir(), 'textbridge-fts-'))
    try {
      const path = join(dir, 'a.db')
      const first = openTestArchive(path).archive
      addDevice(first)
      history(
        first,
        DEVICE_A,
        generateHistory({ count: 500, conversations: 5, seed: 1, pattern: 'uniform' }),
        false,
      )
      first.close() // the back-fill never finished

      const second = openTestArchive(path).archive
      expect(second.searchIndex.state()).toMatchObject({
        dirty: true,
        backfillsPending: [DEVICE_A],
      })
      expect(second.searchIndex.rebuildIfDirty()).toBe(true)
      expect(second.searchIndex.rebuildIfDirty()).toBe(false)
      expectSound(second)
      expect(second.search.query({ text: 'coffee', limit: 1, withTotal: false }).hits).toHaveLength(
        1,
      )
      second.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('a reset from the phone re-opens the history pass (PROTOCOL.md §9.3)', () => {
    const { archive } = openTestArchive()
    addDevice(archive)
    history(archive, DEVICE_A, [sms(1)], true)
    archive.sync.applyChanges(DEVICE_A, { changes: [], watermark: 'j:1', reset: true })
    expect(archive.sync.state(DEVICE_A)).toMatchObject({
      watermark: 'j:1',
      history: { cursor: null, started: false, done: false, received: 0 },
    })
  })

  it('removing a device deletes its archive and leaves the index sound', () => {
    const { archive } = openTestArchive()
    addDevice(archive)
    addDevice(archive, DEVICE_B)
    archive.sync.upsertMessages(
      DEVICE_A,
      generateHistory({ count: 200, conversations: 4, seed: 1, pattern: 'uniform' }),
      'live',
    )
    archive.sync.upsertMessages(
      DEVICE_B,
      generateHistory({ count: 200, conversations: 4, seed: 2, pattern: 'uniform' }),
      'live',
    )
    archive.outbox.enqueue({ deviceId: DEVICE_A, to: ['+447700900123'], body: 'bye', subId: null })
    archive.devices.remove(DEVICE_A)
    expect(() => archive.devices.get(DEVICE_A)).toThrow(expect.objectContaining({ code: 'device' }))
    expect(
      archive.conversations.list({}, null, 50).items.every((c) => c.deviceId === DEVICE_B),
    ).toBe(true)
    expect(
      archive.search
        .query({ text: 'coffee', limit: 100, withTotal: false })
        .hits.every((h) => h.deviceId === DEVICE_B),
    ).toBe(true)
    expectSound(archive)
  })
})
