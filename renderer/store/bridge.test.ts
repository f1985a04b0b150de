// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { makeConversation, makeMessage } from '../testing/fixtures'
import { FakeCore } from '../testing/fake-core'
import { setup } from '../testing/render'
import { connectBridge } from './bridge'

const settle = () => new Promise((r) => setTimeout(r, 0))

describe('event bridge', () => {
  it('loads everything when the link opens', async () => {
    const core = new FakeCore()
    core.conversations = [makeConversation(1)]
    const { store } = setup(core)
    connectBridge(core.transport, store)
    await settle()
    const s = store.getState()
    expect(s.link).toEqual({ state: 'open' })
    expect(s.info?.version).toBe('0.1.0')
    expect(s.devicesLoaded).toBe(true)
    expect(s.status?.devices).toHaveLength(1)
    expect(s.conversations.order).toEqual([1])
  })

  it('reads the phones again when one connects (its hello may say it can send more)', async () => {
    const core = new FakeCore()
    const connected = core.status
    core.status = {
      ...connected,
      devices: connected.devices.map((d) => ({ ...d, connection: { state: 'connecting' } })),
    }
    const { store } = setup(core)
    connectBridge(core.transport, store)
    await settle()
    const before = core.callsOf('devices.list').length
    core.emit({ type: 'status', status: core.status })
    await settle()
    expect(core.callsOf('devices.list').length).toBe(before)
    core.emit({ type: 'status', status: connected })
    await settle()
    expect(core.callsOf('devices.list').length).toBe(before + 1)
    // Still connected: nothing more to read.
    core.emit({ type: 'status', status: connected })
    await settle()
    expect(core.callsOf('devices.list').length).toBe(before + 1)
  })

  it('routes each core event to the store', async () => {
    const core = new FakeCore()
    core.conversations = [makeConversation(1), makeConversation(2)]
    core.setMessages(2, [makeMessage(1, 2)])
    const { store } = setup(core)
    connectBridge(core.transport, store)
    await settle()

    core.emit({ type: 'pairing', pairing: { step: 'confirm', sas: '123456', phoneName: 'P' } })
    expect(store.getState().pairing).toMatchObject({ step: 'confirm', sas: '123456' })

    const status = { ...core.status, outbox: { queued: 2, dispatching: 0, failed: 1, unknown: 0 } }
    core.emit({ type: 'status', status })
    expect(store.getState().status?.outbox.queued).toBe(2)

    core.emit({ type: 'open', conversationId: 2 })
    expect(store.getState().selectedId).toBe(2)
    await settle()
    expect(store.getState().threads[2]?.ids).toEqual([1])

    core.setMessages(2, [makeMessage(1, 2), makeMessage(2, 2)])
    core.emit({ type: 'messages', conversationId: 2, ids: [2] })
    await settle()
    expect(store.getState().threads[2]?.ids).toEqual([1, 2])

    core.emit({ type: 'incoming', conversationId: 2, messageId: 2, title: 'Ada', snippet: 'Hi' })
    expect(store.getState().announcement.text).toBe('New message from Ada: Hi')

    core.emit({ type: 'pairing', pairing: { step: 'paired', deviceId: 'x', phoneName: 'P' } })
    expect(store.getState().overlay).toBe('pairing')
  })
})
