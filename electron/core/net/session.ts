// An established, encrypted session for either role (PROTOCOL.md §7–§9): hello first, keepalive,
// request/reply by id, the spec's reactions to unknown types and versions, close codes.
import {
  CloseCode,
  FrameError,
  KEEPALIVE_IDLE_MS,
  KEEPALIVE_TIMEOUT_MS,
  message,
  MessageError,
  SecureChannel,
  type BodyOf,
  type Message,
  type MessageOf,
  type MessageType,
  type Role,
  type TransportKeys,
} from '../../../shared/protocol'
import type { Logger } from '../log'
import { ConnectionError, RemoteError } from './errors'
import type { FrameSocket } from './socket'

export type HelloBody = BodyOf<'hello'>

/** A peer that floods us before we listen is misbehaving; this bounds what we hold for it. */
const MAX_UNHEARD = 256
export type SessionListener = (message: Message) => void

export interface SessionOptions {
  readonly role: Role
  readonly hello: HelloBody
  readonly log: Logger
  readonly keepaliveIdleMs?: number
  readonly keepaliveTimeoutMs?: number
  readonly now?: () => number
}

interface PendingRequest {
  resolve(message: Message): void
  reject(error: Error): void
  timer: ReturnType<typeof setTimeout>
}

export class PeerSession {
  private readonly channel: SecureChannel
  private readonly listeners = new Set<SessionListener>()
  /** Messages that arrived before anyone listened (see onMessage). */
  private readonly unheard: Message[] = []
  private readonly pending = new Map<string, PendingRequest>()
  private readonly now: () => number
  private peerHelloBody: HelloBody | null = null
  private closeInfo: { code: number; reason: string } | null = null
  private lastSent: number
  private lastReceived: number
  private nextId = 1
  private readonly keepalive: ReturnType<typeof setInterval>
  private resolveReady!: (hello: HelloBody) => void
  private rejectReady!: (error: Error) => void
  private resolveClosed!: (info: { code: number; reason: string }) => void
  /** Resolves with the peer's hello; rejects if the session ends first. */
  readonly ready: Promise<HelloBody>
  readonly closed: Promise<{ code: number; reason: string }>

  constructor(
    private readonly socket: FrameSocket,
    keys: TransportKeys,
    private readonly options: SessionOptions,
  ) {
    this.channel = new SecureChannel(keys, options.role)
    this.now = options.now ?? Date.now
    this.lastSent = this.lastReceived = this.now()
    this.ready = new Promise((resolve, reject) => {
      this.resolveReady = resolve
      this.rejectReady = reject
    })
    this.ready.catch(() => undefined)
    this.closed = new Promise((resolve) => (this.resolveClosed = resolve))
    socket.onFrame((frame) => {
      this.receive(frame)
    })
    socket.onClose((code, reason) => {
      this.finish(code, reason)
    })
    const idle = options.keepaliveIdleMs ?? KEEPALIVE_IDLE_MS
    const timeout = options.keepaliveTimeoutMs ?? KEEPALIVE_TIMEOUT_MS
    this.keepalive = setInterval(
      () => {
        this.tick(idle, timeout)
      },
      Math.max(10, Math.min(idle, timeout) / 5),
    )
    this.keepalive.unref()
    this.send(message('hello', options.hello))
  }

  get peerHello(): HelloBody | null {
    return this.peerHelloBody
  }

  get isOpen(): boolean {
    return this.closeInfo === null
  }

  /**
   * Adds a listener. Messages that arrived while there was none are handed to the first one:
   * a peer may send its first request right behind its hello, before our side has wired up.
   */
  onMessage(listener: SessionListener): () => void {
    this.listeners.add(listener)
    for (const msg of this.unheard.splice(0)) listener(msg)
    return () => this.listeners.delete(listener)
  }

  send(msg: Message): void {
    if (this.closeInfo !== null) throw new ConnectionError('closed', 'session closed')
    this.socket.send(this.channel.encode(msg))
    this.lastSent = this.now()
  }

  /** Sends a message with a fresh id and resolves with the first reply that refers to it. */
  request<T extends MessageType>(type: T, body: BodyOf<T>, timeoutMs = 30_000): Promise<Message> {
    const id = `${this.options.role[0] ?? 'x'}${this.nextId++}`
    return new Promise<Message>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id)
        reject(new ConnectionError('request_timeout', `${type} timed out`))
      }, timeoutMs)
      this.pending.set(id, { resolve, reject, timer })
      try {
        this.send(message(type, body, { id }))
      } catch (e) {
        clearTimeout(timer)
        this.pending.delete(id)
        reject(e instanceof Error ? e : new Error(String(e)))
      }
    })
  }

  /** Like request(), but insists on the reply's type. */
  async call<T extends MessageType, R extends MessageType>(
    type: T,
    body: BodyOf<T>,
    replyType: R,
    timeoutMs?: number,
  ): Promise<MessageOf<R>> {
    const reply = await this.request(type, body, timeoutMs)
    if (reply.type !== replyType) {
      this.close(CloseCode.ProtocolError, `expected ${replyType}`)
      throw new ConnectionError('closed', `expected ${replyType}, got ${reply.type}`)
    }
    return reply as MessageOf<R>
  }

  close(code: number = CloseCode.Normal, reason = ''): void {
    this.socket.close(code, reason)
    this.finish(code, reason)
  }

  /** Cuts the connection with no close handshake (tests simulate a network drop with it). */
  abort(): void {
    this.socket.abort()
  }

  private receive(frame: Uint8Array): void {
    if (this.closeInfo !== null) return
    this.lastReceived = this.now()
    let received
    try {
      received = this.channel.decode(frame)
    } catch (e) {
      if (e instanceof FrameError || e instanceof MessageError) {
        this.options.log.log('warn', 'session.refused_frame', { code: e.code })
        this.close(e.closeCode, e.code)
        return
      }
      throw e
    }
    switch (received.kind) {
      case 'unknown_type':
        this.replyError('unknown_type', received.id)
        return
      case 'unsupported_version':
        this.replyError('unsupported_version', received.id)
        return
      case 'message':
        this.dispatch(received.message)
    }
  }

  private dispatch(msg: Message): void {
    if (this.peerHelloBody === null) {
      if (msg.type !== 'hello') {
        this.close(CloseCode.ProtocolError, 'hello must come first')
        return
      }
      this.peerHelloBody = msg.body
      this.resolveReady(msg.body)
      return
    }
    if (msg.type === 'ping') {
      this.send(message('pong', { ts: msg.body.ts }, msg.id === undefined ? {} : { ref: msg.id }))
      return
    }
    if (msg.type === 'pong' || msg.type === 'hello') return
    const pending = msg.ref === undefined ? undefined : this.pending.get(msg.ref)
    if (pending !== undefined && msg.ref !== undefined) {
      this.pending.delete(msg.ref)
      clearTimeout(pending.timer)
      if (msg.type === 'error') pending.reject(new RemoteError(msg.body.code, msg.body.message))
      else pending.resolve(msg)
      // Replies also go to listeners: some requests have more than one reply (pages).
    }
    if (this.listeners.size === 0) {
      if (this.unheard.length >= MAX_UNHEARD) {
        this.close(CloseCode.ProtocolError, 'too many messages before setup')
        return
      }
      this.unheard.push(msg)
      return
    }
    for (const listener of this.listeners) listener(msg)
  }

  private replyError(code: 'unknown_type' | 'unsupported_version', id: string | undefined): void {
    this.send(message('error', { code }, id === undefined ? {} : { ref: id }))
  }

  private tick(idleMs: number, timeoutMs: number): void {
    const now = this.now()
    if (now - this.lastReceived >= timeoutMs) {
      this.close(CloseCode.KeepaliveTimeout, 'keepalive timeout')
      return
    }
    // Only the desktop pings (§7); the phone's pongs keep the desktop's side alive.
    if (this.options.role === 'desktop' && now - this.lastSent >= idleMs) {
      this.send(message('ping', { ts: now }, { id: `k${this.nextId++}` }))
    }
  }

  private finish(code: number, reason: string): void {
    if (this.closeInfo !== null) return
    this.closeInfo = { code, reason }
    clearInterval(this.keepalive)
    const error = new ConnectionError('closed', `closed with ${code}`, code)
    for (const pending of this.pending.values()) {
      clearTimeout(pending.timer)
      pending.reject(error)
    }
    this.pending.clear()
    this.rejectReady(error)
    this.resolveClosed(this.closeInfo)
  }
}
