// Correctness of a design-centre back-fill (100k messages), not its speed: benchmarks time it.
import { describe, expect, it } from 'vitest'
import { databaseOf } from '../archive'
import { DEVICE_A, addDevice, generateHistory, openTestArchive, threadMismatches } from './support'

describe('bulk load', () => {
  it('loads 100k messages newest first in batches of 1,000 and ends with a sound index', () => {
    const { archive } = openTestArchive()
    addDevice(archive)
    const n = 100_000
    const records = generateHistory({
      count: n,
      conversations: 2_000,
      seed: 11,
      pattern: 'uniform',
    }).reverse()
    let rebuilt = 0
    for (let i = 0; i < n; i += 1_000) {
      const r = archive.sync.applyHistory(DEVICE_A, {
        scope: 'history',
        messages: records.slice(i, i + 1_000),
        cursor: i + 1_000 < n ? `h:${i}` : null,
        total: n,
      })
      expect(r.inserted).toBe(1_000)
      if (r.indexRebuilt) rebuilt += 1
    }
    expect(rebuilt).toBe(1)
    const db = databaseOf(archive)
    const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM messages').get()
    expect(count?.n).toBe(n)
    expect(threadMismatches(archive)).toEqual([])
    expect(archive.searchIndex.check()).toEqual({ sqlite: ['ok'], fts: 'ok' })
    const newest = records[0]!
    const list = archive.conversations.list({}, null, 50)
    expect(list.items[0]?.lastMessage.date).toBe(newest.date)
    expect(list.items.reduce((s, c) => s + c.messageCount, 0)).toBeGreaterThan(0)
    const withCoffee = records.filter((r) => /\bcoffee\b/.test(r.body)).length
    const page = archive.search.query({ text: 'coffee', limit: 50, withTotal: true })
    expect(page.total).toEqual({ count: Math.min(withCoffee, 10_000), capped: withCoffee > 10_000 })
    expect(page.hits[0]?.date).toBe(records.find((r) => /\bcoffee\b/.test(r.body))?.date)
    archive.close()
  }, 180_000)
})
