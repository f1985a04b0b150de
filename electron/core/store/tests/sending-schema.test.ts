// What a phone can send, kept from its hello, and the schema step that made room for it and for
// picture messages in the outbox (migration 3).
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { databaseOf, openArchive, openArchiveWith } from '../archive'
import { MIGRATIONS } from '../migrations'
import { DEVICE_A, T0, addDevice, openTestArchive } from './support'

const clock = { clock: () => T0 }
let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'textbridge-sending-'))
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

const sims = [
  {
    subId: 1,
    slot: 0,
    label: 'Personal',
    carrier: null,
    number: null,
    isDefault: true,
    mmsMaxBytes: 614_400,
  },
  { subId: 3, slot: 1, label: 'Work', carrier: null, number: null, isDefault: false },
]

describe('what a phone can send', () => {
  it('follows the capabilities of its last hello', () => {
    const { archive } = openTestArchive()
    addDevice(archive)
    expect(archive.devices.get(DEVICE_A).sending).toEqual({
      mms: false,
      group: false,
      mmsMaxBytes: 307_200,
    })
    const info = { name: 'Pixel', model: null, sims }
    archive.devices.updateInfo(DEVICE_A, { ...info, capabilities: ['sync', 'send.mms', 'x.y'] })
    expect(archive.devices.get(DEVICE_A).sending).toEqual({
      mms: true,
      group: false,
      mmsMaxBytes: 614_400,
    })
    archive.devices.updateInfo(DEVICE_A, { ...info, capabilities: ['send.mms', 'send.group'] })
    expect(archive.devices.get(DEVICE_A).sending).toMatchObject({ mms: true, group: true })
    // A rename on this desktop says nothing about capabilities: they stay.
    archive.devices.updateInfo(DEVICE_A, { name: 'Work phone', model: null, sims })
    expect(archive.devices.get(DEVICE_A).sending.group).toBe(true)
    archive.close()
  })

  it('offers no group message to a phone that would text each person separately', () => {
    const { archive } = openTestArchive()
    addDevice(archive)
    archive.devices.updateInfo(DEVICE_A, {
      name: 'Old phone',
      model: null,
      sims: [],
      capabilities: ['sync', 'send', 'send.group'],
    })
    expect(archive.devices.get(DEVICE_A).sending).toEqual({
      mms: false,
      group: false,
      mmsMaxBytes: 307_200,
    })
    archive.close()
  })

  it("labels a message's SIM with that SIM's MMS limit", () => {
    const { archive } = openTestArchive()
    addDevice(archive)
    archive.devices.updateInfo(DEVICE_A, { name: 'P', model: null, sims, capabilities: [] })
    const entry = archive.outbox.enqueue({
      deviceId: DEVICE_A,
      to: ['+447700900123'],
      body: 'hi',
      subId: 3,
    })
    expect(entry.message.sim).toEqual({ subId: 3, slot: 1, label: 'Work', mmsMaxBytes: 307_200 })
    archive.close()
  })

  it('upgrades a version-2 archive: devices know no capabilities, outbox rows keep their state', () => {
    const path = join(dir, 'v2.db')
    openArchiveWith(path, clock, MIGRATIONS.slice(0, 2)).close()
    const raw = new Database(path)
    raw.exec(`
      INSERT INTO devices (key, id, name, public_key, sims_json, paired_at, contacts_generation)
        VALUES (1, '${DEVICE_A}', 'Phone', zeroblob(32), '[]', 0, 0);
      INSERT INTO threads (id, device_key, participant_key, participants_json, title, title_fold,
          number_terms, message_count, unread_count, read_up_to, last_sort_key)
        VALUES (1, 1, '["+447700900123"]', '[]', 'A', 'a', '', 1, 0, 0, 1024);
      INSERT INTO messages (sort_key, id, device_key, thread_id, send_key, kind, box,
          addresses_json, date, body, search_keys, phone_read, status, part_count)
        VALUES (1024, 1, 1, 1, 'k1k1k1k1k1k1k1k1', 'sms', 'outbox', '["+447700900123"]', 1,
          'hello', '', 1, 'none', 0);
      INSERT INTO outbox (id, device_key, message_id, send_key, state, reason, recipients_json,
          attempts, created_at, updated_at)
        VALUES (7, 1, 1, 'k1k1k1k1k1k1k1k1', 'failed', 'no_service', '["+447700900123"]', 1, 0, 0);`)
    raw.close()

    const upgraded = openArchive(path, clock)
    expect(upgraded.schemaVersion).toBe(MIGRATIONS.length)
    expect(upgraded.devices.get(DEVICE_A).sending.mms).toBe(false)
    expect(upgraded.outbox.get(7)).toMatchObject({
      state: 'failed',
      reason: 'no_service',
      parts: [],
      body: 'hello',
    })
    const db = databaseOf(upgraded)
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([])
    expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' })
    // The widened check takes the new state, and still refuses made-up ones.
    upgraded.outbox.retry(7, 'reissue')
    upgraded.outbox.markDispatching(7)
    expect(() => db.prepare("UPDATE outbox SET state = 'waiting' WHERE id = 7").run()).not.toThrow()
    expect(() => db.prepare("UPDATE outbox SET state = 'lost' WHERE id = 7").run()).toThrow()
    upgraded.close()
  })
})
