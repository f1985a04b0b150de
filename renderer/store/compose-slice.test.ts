import { describe, expect, it } from 'vitest'
import { makeConversation, makeMessage } from '../testing/fixtures'
import { FakeCore, FakeError } from '../testing/fake-core'
import { setup } from '../testing/render'
import { draftKey } from './compose-slice'

function deferred<T>() {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

async function opened() {
  const core = new FakeCore()
  core.conversations = [makeConversation(1)]
  core.setMessages(1, [makeMessage(1, 1)])
  const { store } = setup(core)
  await store.getState().openThread(1, null)
  return { core, store }
}

describe('compose slice', () => {
  it('shows the text as sending synchronously, then replaces it with the core’s message', async () => {
    const { core, store } = await opened()
    const reply = deferred<unknown>()
    core.overrides['messages.send'] = () => reply.promise
    const key = draftKey(1)
    store.getState().setDraft(key, 'On my way')
    expect(store.getState().send(key, { conversationId: 1 }, 'On my way', 2)).toBe(true)
    // Same tick: no await between the press and the pending bubble.
    expect(store.getState().pending[key]).toMatchObject([{ body: 'On my way', state: 'sending' }])
    expect(store.getState().drafts[key]).toBe('')
    reply.resolve(makeMessage(77, 1, { direction: 'outgoing', body: 'On my way' }))
    await new Promise((r) => setTimeout(r, 0))
    expect(store.getState().pending[key]).toEqual([])
    expect(store.getState().threads[1]?.ids.at(-1)).toBe(77)
    expect(core.callsOf('messages.send')).toEqual([
      { to: { conversationId: 1 }, body: 'On my way', subId: 2 },
    ])
  })

  it('keeps a refused send as failed with the reason, and retries it', async () => {
    const { core, store } = await opened()
    core.overrides['messages.send'] = () => {
      throw new FakeError('not_connected', 'The phone is not connected.')
    }
    const key = draftKey(1)
    store.getState().send(key, { conversationId: 1 }, 'hi', null)
    await new Promise((r) => setTimeout(r, 0))
    const [failed] = store.getState().pending[key]!
    expect(failed).toMatchObject({ state: 'failed', error: 'The phone is not connected.' })
    delete core.overrides['messages.send']
    store.getState().retryPending(key, failed!.tempId)
    expect(store.getState().pending[key]?.[0]?.state).toBe('sending')
    await new Promise((r) => setTimeout(r, 0))
    expect(store.getState().pending[key]).toEqual([])
  })

  it('refuses empty or over-long texts', async () => {
    const { store } = await opened()
    expect(store.getState().send('c1', { conversationId: 1 }, '   ', null)).toBe(false)
    expect(store.getState().send('c1', { conversationId: 1 }, 'x'.repeat(5001), null)).toBe(false)
    expect(store.getState().pending.c1).toBeUndefined()
  })

  it('retries and discards texts the core reported failed or unknown', async () => {
    const { core, store } = await opened()
    const failed = makeMessage(1, 1, {
      direction: 'outgoing',
      delivery: { state: 'unknown', reason: null, outboxId: 4 },
    })
    core.overrides['messages.retry'] = () => ({
      ...failed,
      delivery: { state: 'queued', reason: null, outboxId: 4 },
    })
    core.overrides['messages.discard'] = () => null
    await store.getState().retryMessage(failed)
    expect(store.getState().threads[1]?.byId[1]?.delivery.state).toBe('queued')
    await store.getState().discardMessage(failed)
    expect(store.getState().threads[1]?.ids).toEqual([])
  })

  it('opens the new conversation once a first text to new recipients is sent', async () => {
    const { store } = await opened()
    store.getState().openNewConversation(null)
    expect(store.getState().newConversation).toEqual({ deviceId: null, recipients: [] })
    store.getState().send('new', { deviceId: 'd', addresses: ['+447700900999'] }, 'Hello', null)
    await new Promise((r) => setTimeout(r, 0))
    expect(store.getState().selectedId).toBe(1)
    expect(store.getState().newConversation).toBeNull()
  })
})
