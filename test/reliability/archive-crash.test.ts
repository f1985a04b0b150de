// The archive's writer thread dies in the middle of a sync (again and again, at random moments)
// while texts keep arriving. The core fails the calls in flight, starts the thread again and
// reconnects the phone, which resumes from what was committed: in the end every message is in the
// archive exactly once, the index is sound, and the window's calls work again.
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

describe('archive writer crashes during sync', () => {
  it('lose nothing acknowledged and store every message once', async () => {
    const history = generateHistory({ messages: 12_000, conversations: 300, seed: 8 })
    h = await startHarness({ history, fastReconnect: true })
    const deviceId = await pair(h)
    const random = Rng.stream(7, 'archive-crash')
    let restarts = 0
    h.core.archiveHost.onRestart(() => {
      restarts++
    })
    let live = 0
    let midSync = 0
    for (let crash = 0; crash < 4; crash++) {
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.floor(random.float() * 300)))
      const status = await h.call('status.get', {})
      if (status.devices[0]?.connection.state === 'syncing') midSync++
      h.demo.phone.receive(`+4477009007${String(crash).padStart(2, '0')}`, `Around crash ${crash}`)
      live++
      await h.core.archiveHost.crash('writer')
      const expected = crash + 1
      await h.until(() => (restarts === expected ? true : undefined))
    }
    h.demo.phone.receive('+447700900799', 'After the crashes')
    live++
    await synced(h, deviceId, 120_000)
    expect(restarts).toBe(4)
    expect(midSync).toBeGreaterThan(0)
    const expected = history.messages.length + live
    await h.until(
      async () => ((await storedCounts(h!.core.archive)).messages === expected ? true : undefined),
      60_000,
    )
    expect(await h.core.archive.searchIndex.check()).toEqual({ sqlite: ['ok'], fts: 'ok' })
    const found = await h.call('search.query', {
      text: 'After the crashes',
      limit: 5,
      withTotal: true,
    })
    expect(found.hits).toHaveLength(1)
  }, 180_000)
})
