import { describe, expect, it } from 'vitest'
import type { SearchPage } from '../../../../shared/model/search'
import { DEVICE_A, DEVICE_B, T0, addDevice, openTestArchive, sms } from './support'

describe('search: conversation hits', () => {
  it('lists the newest matching conversations of every phone, at most 20', () => {
    const { archive } = openTestArchive()
    addDevice(archive)
    addDevice(archive, DEVICE_B)
    // 15 conversations per phone, their last messages interleaved in time.
    for (const [device, offset] of [
      [DEVICE_A, 0],
      [DEVICE_B, 1],
    ] as const) {
      const records = Array.from({ length: 15 }, (_, i) =>
        sms(100 + i, { addresses: [`+44770090${offset}${String(i).padStart(3, '0')}`] }),
      ).map((r, i) => ({ ...r, date: T0 + 100_000 + (2 * i + offset) * 1000 }))
      archive.sync.upsertMessages(device, records, 'live')
    }
    const dates = (page: SearchPage) =>
      page.conversations.map((c) => c.conversation.lastMessage.date)
    const all = archive.search.query({ text: '7700 90', limit: 50, withTotal: true })
    expect(all.conversations).toHaveLength(20)
    const newest = Array.from({ length: 20 }, (_, i) => T0 + 100_000 + (29 - i) * 1000)
    expect(dates(all)).toEqual(newest)
    expect(new Set(all.conversations.map((c) => c.conversation.deviceId))).toEqual(
      new Set([DEVICE_A, DEVICE_B]),
    )
    const one = archive.search.query({
      text: '7700 90',
      limit: 50,
      withTotal: true,
      deviceId: DEVICE_B,
    })
    expect(one.conversations.every((c) => c.conversation.deviceId === DEVICE_B)).toBe(true)
    expect(dates(one)).toEqual(
      Array.from({ length: 15 }, (_, i) => T0 + 100_000 + (29 - 2 * i) * 1000),
    )
  })
})
