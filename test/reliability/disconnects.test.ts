// Issue 4: "sync exactly-once across forced disconnects at random points". The demo phone drops
// the connection (no close handshake, like lost Wi-Fi) again and again during the initial sync
// while texts keep arriving; in the end every message is in the archive exactly once.
import { afterEach, describe, expect, it } from 'vitest'
import { generateHistory } from '../../electron/demo/generate'
import { Rng } from '../../electron/demo/generate/random'
import { storedCounts } from '../support/archive-walk'
import { pair, startHarness, synced, type Harness } from '../support/core-harness'

let h: Harness | null = null
afterEach(async () => {
  await h?.stop()
  h = null
})

describe('forced disconnects during sync', () => {
  it('end with every message stored exactly once, live ones included', async () => {
    const history = generateHistory({ messages: 12_000, conversations: 300, seed: 5 })
    h = await startHarness({ history, fastReconnect: true })
    const deviceId = await pair(h)
    const random = Rng.stream(99, 'disconnects')
    let live = 0
    for (let drop = 0; drop < 12; drop++) {
      // A random moment in whatever phase the sync is in: catch-up, recent, history, contacts.
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.floor(random.float() * 250)))
      if (drop % 3 === 0) {
        h.demo.phone.receive(
          `+4477009006${String(drop).padStart(2, '0')}`,
          `Arrived around drop ${drop}`,
        )
        live++
      }
      h.demo.phone.dropConnections()
    }
    h.demo.phone.receive('+447700900699', 'After the storm')
    live++
    await synced(h, deviceId, 120_000)
    await h.until(
      async () =>
        (await storedCounts(h!.core.archive)).messages === history.messages.length + live
          ? true
          : undefined,
      30_000,
    )
    const stored = await storedCounts(h.core.archive)
    expect(stored.messages).toBe(history.messages.length + live)
    expect(await h.core.archive.searchIndex.check()).toEqual({ sqlite: ['ok'], fts: 'ok' })
    const found = await h.call('search.query', {
      text: 'After the storm',
      limit: 5,
      withTotal: true,
    })
    expect(found.total?.count).toBe(1)
  }, 180_000)
})

describe('texts in flight when the connection drops', () => {
  it('go out once after reconnecting, in order', async () => {
    h = await startHarness({
      history: generateHistory({ messages: 300, conversations: 10, seed: 6 }),
      fastReconnect: true,
    })
    const deviceId = await pair(h)
    await synced(h, deviceId)
    const conversationId = (await h.call('conversations.list', { limit: 1 })).items[0]!.id
    h.demo.phone.setDeaf(true)
    const first = await h.call('messages.send', {
      to: { conversationId },
      body: 'first, in flight',
      subId: null,
    })
    const second = await h.call('messages.send', {
      to: { conversationId },
      body: 'second, queued behind it',
      subId: null,
    })
    await new Promise((resolve) => setTimeout(resolve, 200))
    h.demo.phone.setDeaf(false)
    h.demo.phone.dropConnections()
    const states = await h.until(async () => {
      const items = (await h!.call('messages.list', { conversationId, limit: 10 })).items
      const mine = items
        .filter((m) => m.id === first.id || m.id === second.id)
        .map((m) => m.delivery.state)
      return mine.length === 2 && mine.every((s) => s === 'delivered') ? mine : undefined
    }, 30_000)
    expect(states).toEqual(['delivered', 'delivered'])
    expect(h.demo.phone.radioSends).toBe(2)
  }, 60_000)
})
