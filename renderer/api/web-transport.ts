// Web mode: calls and events over one WebSocket to the loopback bridge. If the socket drops
// (the desktop app restarted, the laptop slept) it reconnects with jittered exponential backoff
// and reports each state, so the window can say so instead of silently going stale.
import type { CoreEvent } from '../../shared/api/events'
import type { MethodName } from '../../shared/api/contract'
import type { Result } from '../../shared/api/result'
import { BadFrameError, parseFrame } from './frames'
import type { LinkState, Transport } from './transport'

export interface WebTransportOptions {
  readonly url: string
  readonly createSocket?: (url: string) => WebSocket
  readonly random?: () => number
  /** How long a call made while the link is down waits for it before failing. */
  readonly queueTimeoutMs?: number
}

const BASE_DELAY_MS = 500
const MAX_DELAY_MS = 15_000

interface Pending {
  readonly resolve: (result: Result<unknown>) => void
  readonly frame: string
  sent: boolean
  timer: ReturnType<typeof setTimeout> | null
}

const notConnected = (message: string): Result<never> => ({
  ok: false,
  error: { code: 'not_connected', message },
})

export function webTransport(options: WebTransportOptions): Transport {
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url))
  const random = options.random ?? Math.random
  const queueTimeoutMs = options.queueTimeoutMs ?? 10_000
  const events = new Set<(event: CoreEvent) => void>()
  const linkListeners = new Set<(state: LinkState) => void>()
  const pending = new Map<number, Pending>()
  let nextId = 1
  let attempt = 0
  let socket: WebSocket | null = null
  let retryTimer: ReturnType<typeof setTimeout> | null = null
  let link: LinkState = { state: 'connecting' }

  const setLink = (state: LinkState) => {
    link = state
    for (const listener of linkListeners) listener(state)
  }

  const settle = (id: number, result: Result<unknown>) => {
    const entry = pending.get(id)
    if (entry === undefined) return
    pending.delete(id)
    if (entry.timer !== null) clearTimeout(entry.timer)
    entry.resolve(result)
  }

  const flush = () => {
    for (const entry of pending.values()) {
      if (!entry.sent && socket?.readyState === WebSocket.OPEN) {
        socket.send(entry.frame)
        entry.sent = true
        if (entry.timer !== null) clearTimeout(entry.timer)
        entry.timer = null
      }
    }
  }

  const connect = () => {
    retryTimer = null
    setLink({ state: 'connecting' })
    const ws = createSocket(options.url)
    socket = ws
    ws.onopen = () => {
      attempt = 0
      setLink({ state: 'open' })
      flush()
    }
    ws.onmessage = (message: MessageEvent) => {
      if (typeof message.data !== 'string') return
      try {
        const frame = parseFrame(message.data)
        if (frame.kind === 'reply') settle(frame.id, frame.result)
        else for (const listener of events) listener(frame.event)
      } catch (e) {
        if (!(e instanceof BadFrameError)) throw e
        // A host that speaks another dialect is a bug worth seeing, not something to guess at.
        console.error(e.message)
      }
    }
    ws.onclose = () => {
      if (socket !== ws) return
      socket = null
      // Requests already on the wire will never be answered: fail them now. Unsent ones wait.
      for (const [id, entry] of pending) {
        if (entry.sent) settle(id, notConnected('Lost the connection to Textbridge.'))
      }
      scheduleRetry()
    }
  }

  const scheduleRetry = () => {
    attempt++
    const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attempt - 1))
    // Jitter between half and all of the ceiling, so several tabs do not retry in lockstep.
    const delay = Math.round(ceiling / 2 + (random() * ceiling) / 2)
    setLink({ state: 'retrying', attempt, retryAt: Date.now() + delay })
    retryTimer = setTimeout(connect, delay)
  }

  connect()

  return {
    kind: 'web',
    call(method: MethodName, args: unknown): Promise<Result<unknown>> {
      return new Promise((resolve) => {
        const id = nextId++
        const entry: Pending = {
          resolve,
          frame: JSON.stringify({ id, method, args }),
          sent: false,
          timer: null,
        }
        pending.set(id, entry)
        if (socket?.readyState === WebSocket.OPEN) {
          socket.send(entry.frame)
          entry.sent = true
        } else {
          entry.timer = setTimeout(() => {
            settle(id, notConnected('Textbridge is not reachable. Is the app still running?'))
          }, queueTimeoutMs)
        }
      })
    },
    onEvent(listener) {
      events.add(listener)
      return () => events.delete(listener)
    },
    onLinkState(listener) {
      linkListeners.add(listener)
      listener(link)
      return () => linkListeners.delete(listener)
    },
    reconnectNow() {
      if (retryTimer === null) return
      clearTimeout(retryTimer)
      connect()
    },
  }
}

/** A transport for a page opened without a token: every call fails, and the UI explains. */
export function tokenlessTransport(): Transport {
  return {
    kind: 'web',
    call: () =>
      Promise.resolve({
        ok: false,
        error: { code: 'not_connected', message: 'Open Textbridge with the link it printed.' },
      }),
    onEvent: () => () => undefined,
    onLinkState(listener) {
      listener({ state: 'no_token' })
      return () => undefined
    },
    reconnectNow: () => undefined,
  }
}
