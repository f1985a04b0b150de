// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { LinkState } from './transport'
import { webTransport } from './web-transport'

class FakeSocket {
  static all: FakeSocket[] = []
  readyState = 0
  sent: string[] = []
  onopen: (() => void) | null = null
  onmessage: ((m: { data: unknown }) => void) | null = null
  onclose: (() => void) | null = null
  constructor(readonly url: string) {
    FakeSocket.all.push(this)
  }
  send(data: string) {
    this.sent.push(data)
  }
  open() {
    this.readyState = 1
    this.onopen?.()
  }
  receive(data: unknown) {
    this.onmessage?.({ data: typeof data === 'string' ? data : JSON.stringify(data) })
  }
  drop() {
    this.readyState = 3
    this.onclose?.()
  }
}

function start() {
  const states: LinkState[] = []
  const transport = webTransport({
    url: 'ws://127.0.0.1:1/bridge?token=t',
    createSocket: (url) => new FakeSocket(url) as unknown as WebSocket,
    random: () => 0.5,
  })
  transport.onLinkState((s) => states.push(s))
  return { transport, states, socket: () => FakeSocket.all[FakeSocket.all.length - 1]! }
}

beforeEach(() => {
  FakeSocket.all = []
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('webTransport', () => {
  it('sends requests as JSON with ids and resolves each with its reply', async () => {
    const { transport, socket } = start()
    socket().open()
    const a = transport.call('status.get', {})
    const b = transport.call('conversations.markRead', { conversationId: 2 })
    const [first, second] = socket().sent.map((s) => JSON.parse(s))
    expect(first).toEqual({ id: 1, method: 'status.get', args: {} })
    expect(second).toEqual({ id: 2, method: 'conversations.markRead', args: { conversationId: 2 } })
    socket().receive({ id: 2, result: { ok: true, value: null } })
    socket().receive({ id: 1, result: { ok: false, error: { code: 'internal', message: 'x' } } })
    await expect(b).resolves.toEqual({ ok: true, value: null })
    await expect(a).resolves.toEqual({ ok: false, error: { code: 'internal', message: 'x' } })
  })

  it('holds calls made before the socket opens and sends them on open', () => {
    const { transport, socket } = start()
    void transport.call('app.info', {})
    expect(socket().sent).toEqual([])
    socket().open()
    expect(socket().sent).toHaveLength(1)
  })

  it('delivers pushed events and refuses unknown event types or junk loudly', () => {
    const { transport, socket } = start()
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const events: unknown[] = []
    transport.onEvent((e) => events.push(e))
    socket().open()
    socket().receive({ event: { type: 'open', conversationId: 5 } })
    socket().receive({ event: { type: 'format-disk' } })
    socket().receive('not json')
    socket().receive({ id: 'x', result: {} })
    expect(events).toEqual([{ type: 'open', conversationId: 5 }])
    expect(error).toHaveBeenCalledTimes(3)
    error.mockRestore()
  })

  it('fails calls in flight when the socket drops, then reconnects with growing backoff', async () => {
    const { transport, socket, states } = start()
    socket().open()
    const pending = transport.call('status.get', {})
    socket().drop()
    await expect(pending).resolves.toMatchObject({ ok: false, error: { code: 'not_connected' } })
    expect(states.at(-1)).toMatchObject({ state: 'retrying', attempt: 1 })
    expect(FakeSocket.all).toHaveLength(1)
    vi.advanceTimersByTime(400) // jitter 0.5 of a 500 ms ceiling: 375 ms
    expect(FakeSocket.all).toHaveLength(2)
    socket().drop()
    expect(states.at(-1)).toMatchObject({ state: 'retrying', attempt: 2 })
    vi.advanceTimersByTime(700)
    expect(FakeSocket.all).toHaveLength(2) // 750 ms for the second attempt
    vi.advanceTimersByTime(100)
    expect(FakeSocket.all).toHaveLength(3)
    socket().open()
    expect(states.at(-1)).toEqual({ state: 'open' })
  })

  it('retries at once on reconnectNow, and fails a queued call after its timeout', async () => {
    const { transport, socket } = start()
    socket().drop()
    transport.reconnectNow()
    expect(FakeSocket.all).toHaveLength(2)
    const queued = transport.call('status.get', {})
    vi.advanceTimersByTime(10_001)
    await expect(queued).resolves.toMatchObject({ ok: false, error: { code: 'not_connected' } })
    expect(socket().sent).toEqual([])
  })
})
