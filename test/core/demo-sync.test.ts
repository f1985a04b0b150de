// The desktop core end to end against the TypeScript demo phone, through the same API the window
// uses: pair, full sync, a live text, a send to delivered, a failure with its reason, search.
import { afterEach, describe, expect, it } from 'vitest'
import type { CoreEvent } from '../../shared/api/events'
import { generateHistory } from '../../electron/demo/generate'
import { storedCounts } from '../support/archive-walk'
import { pair, startHarness, synced, type Harness } from '../support/core-harness'

let h: Harness | null = null
afterEach(async () => {
  await h?.stop()
  h = null
})

describe('desktop core with the demo phone', () => {
  it('pairs, syncs every message exactly once, and lists every conversation', async () => {
    const history = generateHistory({ messages: 3000, conversations: 120, seed: 11 })
    h = await startHarness({ history })
    const deviceId = await pair(h)
    expect(h.demo.phone.pairedDesktops).toEqual(['Test desktop'])
    await synced(h, deviceId)
    const { conversations, messages } = await storedCounts(h.core.archive)
    // One desktop conversation per phone thread (numbers normalised with the phone's region),
    // and every message exactly once.
    expect(conversations).toBe(120)
    expect(messages).toBe(history.messages.length)
    const integrity = await h.core.archive.searchIndex.check()
    expect(integrity).toEqual({ sqlite: ['ok'], fts: 'ok' })
    const found = await h.call('search.query', {
      text: history.messages[5]!.body.split(' ')[0] ?? '',
      limit: 5,
      withTotal: true,
    })
    expect(found.indexing).toBe(false)
  }, 120_000)

  it('lists every conversation before it loads more than one message of any', async () => {
    const history = generateHistory({ messages: 4000, conversations: 150, seed: 12 })
    h = await startHarness({ history })
    const sync = h.core.archive.sync as unknown as Record<string, (...a: unknown[]) => unknown>
    const writes: string[] = []
    let listedAtFirstRecent: number | null = null
    const harness = h
    for (const name of ['applyHeads', 'applyRecent', 'applyHistory']) {
      const original = sync[name]!
      sync[name] = async (...args: unknown[]) => {
        if (name === 'applyRecent' && listedAtFirstRecent === null) {
          listedAtFirstRecent = (await storedCounts(harness.core.archive)).conversations
        }
        writes.push(name)
        return original(...args)
      }
    }
    const deviceId = await pair(h)
    await synced(h, deviceId)
    expect(writes[0]).toBe('applyHeads')
    expect(writes.indexOf('applyRecent')).toBeGreaterThan(writes.lastIndexOf('applyHeads'))
    expect(listedAtFirstRecent).toBe(150)
    expect((await storedCounts(h.core.archive)).messages).toBe(history.messages.length)
  }, 60_000)

  it('shows a text the phone receives live, and sends a text that reaches delivered', async () => {
    h = await startHarness({
      history: generateHistory({ messages: 400, conversations: 20, seed: 3 }),
    })
    const deviceId = await pair(h)
    await synced(h, deviceId)
    h.demo.phone.receive('+447700900777', 'Is the 6pm table still free? ¿Sí?')
    const incoming = await h.until(() =>
      h!.events.find((e): e is Extract<CoreEvent, { type: 'incoming' }> => e.type === 'incoming'),
    )
    expect(incoming.snippet).toContain('6pm table')
    const conversationId = incoming.conversationId
    const sent = await h.call('messages.send', {
      to: { conversationId },
      body: 'Yes — see you at 6',
      subId: null,
    })
    expect(sent.delivery.state).toBe('queued')
    const delivered = await h.until(async () => {
      const page = await h!.call('messages.list', { conversationId, limit: 10 })
      const mine = page.items.filter((m) => m.body === 'Yes — see you at 6')
      return mine.length === 1 && mine[0]?.delivery.state === 'delivered' ? mine : undefined
    })
    // The phone's own record of the sent text merged into the desktop's bubble: one, not two.
    expect(delivered).toHaveLength(1)
    expect(h.demo.phone.radioSends).toBe(1)
    const found = await h.call('search.query', { text: 'table still', limit: 10, withTotal: true })
    expect(found.hits.map((x) => x.conversationId)).toContain(conversationId)
  }, 120_000)

  it('shows a failed send with its reason, and a retry goes out once more', async () => {
    h = await startHarness({
      history: generateHistory({ messages: 200, conversations: 10, seed: 4 }),
    })
    const deviceId = await pair(h)
    await synced(h, deviceId)
    const page = await h.call('conversations.list', { limit: 1 })
    const conversationId = page.items[0]!.id
    const sent = await h.call('messages.send', {
      to: { conversationId },
      body: 'This one will [fail]',
      subId: null,
    })
    const failed = await h.until(async () => {
      const m = (await h!.call('messages.list', { conversationId, limit: 20 })).items.find(
        (x) => x.id === sent.id,
      )
      return m?.delivery.state === 'failed' ? m : undefined
    })
    expect(failed.delivery.reason).toBe('no_service')
    await h.call('messages.retry', { messageId: sent.id })
    await h.until(() => (h!.demo.phone.radioSends === 2 ? true : undefined))
  }, 120_000)
})
