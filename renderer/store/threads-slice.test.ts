import { describe, expect, it } from 'vitest'
import { makeConversation, makeMessage } from '../testing/fixtures'
import { FakeCore, FakeError } from '../testing/fake-core'
import { setup } from '../testing/render'
import { MESSAGE_PAGE } from './threads-slice'
import { FIRST_INDEX } from './thread-window'

function coreWithThread(count: number) {
  const core = new FakeCore()
  core.conversations = [makeConversation(1)]
  core.setMessages(
    1,
    Array.from({ length: count }, (_, i) => makeMessage(i + 1, 1)),
  )
  return core
}

describe('threads slice', () => {
  it('opens at the newest page and loads older pages by cursor, counting the prepends', async () => {
    const { store } = setup(coreWithThread(120))
    await store.getState().openThread(1, null)
    let t = store.getState().threads[1]!
    expect(t.status).toBe('ready')
    expect(t.ids).toHaveLength(MESSAGE_PAGE)
    expect(t.ids.at(-1)).toBe(120)
    expect(t.newer).toBeNull()
    await store.getState().loadOlder(1)
    await store.getState().loadOlder(1)
    t = store.getState().threads[1]!
    expect(t.ids).toHaveLength(120)
    expect(t.ids[0]).toBe(1)
    expect(t.older).toBeNull()
    expect(t.firstIndex).toBe(FIRST_INDEX - 70)
  })

  it('opens around a search hit with the hit focused, and pages towards the present', async () => {
    const { store } = setup(coreWithThread(300))
    await store.getState().openThread(1, 100)
    let t = store.getState().threads[1]!
    expect(t.focusId).toBe(100)
    expect(t.ids).toContain(100)
    expect(t.newer).not.toBeNull()
    while (store.getState().threads[1]!.newer !== null) await store.getState().loadNewer(1)
    t = store.getState().threads[1]!
    expect(t.ids.at(-1)).toBe(300)
  })

  it('adds new messages and applies state changes from a messages event', async () => {
    const core = coreWithThread(60)
    const { store } = setup(core)
    await store.getState().openThread(1, null)
    const all = core.messages.get(1)!
    all[59] = { ...all[59]!, body: 'changed' }
    core.setMessages(1, [...all, makeMessage(61, 1, { body: 'hello' })])
    await store.getState().refreshMessages(1, [60, 61])
    const t = store.getState().threads[1]!
    expect(t.ids.at(-1)).toBe(61)
    expect(t.byId[60]?.body).toBe('changed')
  })

  it('patches a changed old message outside the newest page, and drops a deleted one', async () => {
    const core = coreWithThread(200)
    const { store } = setup(core)
    await store.getState().openThread(1, null)
    while (store.getState().threads[1]!.older !== null) await store.getState().loadOlder(1)
    const all = core.messages.get(1)!
    all[9] = { ...all[9]!, delivery: { state: 'failed', reason: 'no_service', outboxId: 3 } }
    core.setMessages(
      1,
      all.filter((m) => m.id !== 20),
    )
    await store.getState().refreshMessages(1, [10, 20])
    const t = store.getState().threads[1]!
    expect(t.byId[10]?.delivery.state).toBe('failed')
    expect(t.ids).not.toContain(20)
  })

  it('shows an error state when the thread cannot be read', async () => {
    const core = coreWithThread(5)
    core.overrides['messages.list'] = () => {
      throw new FakeError('not_found', 'That conversation is gone.')
    }
    const { store } = setup(core)
    await store.getState().openThread(1, null)
    expect(store.getState().threads[1]).toMatchObject({
      status: 'error',
      error: 'That conversation is gone.',
    })
  })
})

describe('threads slice: history arriving later', () => {
  it('learns that older messages now exist before a window that had reached the start', async () => {
    const core = coreWithThread(10)
    const { store } = setup(core)
    await store.getState().openThread(1, null)
    expect(store.getState().threads[1]?.older).toBeNull()
    // Back-fill brings 200 older messages (dates before message 1).
    const older = Array.from({ length: 200 }, (_, i) =>
      makeMessage(5000 + i, 1, { date: makeMessage(1, 1).date - (200 - i) * 1000 }),
    )
    core.setMessages(1, [...older, ...core.messages.get(1)!])
    await store.getState().refreshMessages(1, [5000, 5001])
    const t = store.getState().threads[1]!
    expect(t.older).not.toBeNull()
    await store.getState().loadOlder(1)
    expect(store.getState().threads[1]!.ids).toContain(5199)
  })
})
