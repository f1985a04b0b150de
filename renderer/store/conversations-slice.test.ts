import { describe, expect, it } from 'vitest'
import { makeConversation, NOW } from '../testing/fixtures'
import { FakeCore, FakeError } from '../testing/fake-core'
import { setup } from '../testing/render'
import { CONVERSATION_PAGE } from './conversations-slice'

function coreWith(n: number) {
  const core = new FakeCore()
  core.conversations = Array.from({ length: n }, (_, i) => makeConversation(i + 1))
  return core
}

describe('conversations slice', () => {
  it('loads the first page newest first, then the next by cursor', async () => {
    const { store } = setup(coreWith(250))
    await store.getState().loadConversations()
    const list = store.getState().conversations
    expect(list.status).toBe('ready')
    expect(list.order).toHaveLength(CONVERSATION_PAGE)
    expect(list.order[0]).toBe(1) // conversation 1 has the newest last message
    await store.getState().loadMoreConversations()
    await store.getState().loadMoreConversations()
    expect(store.getState().conversations.order).toHaveLength(250)
    expect(store.getState().conversations.older).toBeNull()
    expect(new Set(store.getState().conversations.order).size).toBe(250)
  })

  it('moves a conversation with a new message to the top on a conversations event', async () => {
    const core = coreWith(5)
    const { store } = setup(core)
    await store.getState().loadConversations()
    core.conversations[4] = makeConversation(5, {
      lastMessage: { ...makeConversation(5).lastMessage, date: NOW + 1000, snippet: 'New!' },
      unreadCount: 1,
    })
    await store.getState().refreshConversations([5])
    expect(store.getState().conversations.order).toEqual([5, 1, 2, 3, 4])
    expect(store.getState().conversations.byId[5]?.lastMessage.snippet).toBe('New!')
  })

  it('drops a conversation the core no longer has, and reloads on a null id list', async () => {
    const core = coreWith(3)
    const { store } = setup(core)
    await store.getState().loadConversations()
    core.conversations = core.conversations.filter((c) => c.id !== 2)
    await store.getState().refreshConversations([2])
    expect(store.getState().conversations.order).toEqual([1, 3])
    core.conversations.push(
      makeConversation(9, { lastMessage: { ...makeConversation(9).lastMessage, date: NOW } }),
    )
    await store.getState().refreshConversations(null)
    expect(store.getState().conversations.order).toEqual([9, 1, 3])
  })

  it('opens a conversation, marks it read, and steps to the next and previous one', async () => {
    const core = coreWith(3)
    core.conversations[1] = makeConversation(2, { unreadCount: 3 })
    const { store } = setup(core)
    await store.getState().loadConversations()
    store.getState().selectConversation(2)
    await Promise.resolve()
    await new Promise((r) => setTimeout(r, 0))
    expect(core.callsOf('conversations.markRead')).toEqual([{ conversationId: 2 }])
    expect(store.getState().conversations.byId[2]?.unreadCount).toBe(0)
    store.getState().selectAdjacent(1)
    expect(store.getState().selectedId).toBe(3)
    store.getState().selectAdjacent(-1)
    store.getState().selectAdjacent(-1)
    expect(store.getState().selectedId).toBe(1)
  })

  it('reports a failed first load as an error state', async () => {
    const core = coreWith(3)
    core.overrides['conversations.list'] = () => {
      throw new FakeError('internal', 'The archive could not be read.')
    }
    const { store } = setup(core)
    await store.getState().loadConversations()
    expect(store.getState().conversations).toMatchObject({
      status: 'error',
      error: 'The archive could not be read.',
    })
  })
})
