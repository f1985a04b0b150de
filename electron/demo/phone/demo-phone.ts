// A phone written in TypeScript on the shared protocol code: what `npm run demo` pairs with, and
// what the desktop's end-to-end tests run against. It serves a history file's messages over the
// real protocol, confirms pairing like a user would, receives texts now and then, and sends
// texts whose statuses progress (and sometimes fail).
import { bytesEqual, toHex } from '../../../shared/bytes'
import { generateKeyPair, randomBytes, type KeyPair } from '../../../shared/crypto/primitives'
import type { HistoryFile } from '../../../shared/history/schema'
import { CloseCode, message, ScannedQrSlot, type Message } from '../../../shared/protocol'
import type { Logger } from '../../core/log'
import { PhoneServer, type AcceptedSession } from './phone-server'
import type { HelloBody, PeerSession } from '../../core/net/session'
import { PhoneStore } from './phone-store'
import { answerAttachment, answerContacts } from './requests'
import { demoFailures, SendService, type FailurePolicy, type SendTimings } from './send-service'
import { SyncService } from './sync-service'

export type DemoPhoneEvent =
  | { readonly type: 'pairing'; readonly sas: string; readonly desktop: string }
  | { readonly type: 'paired'; readonly desktop: string }
  | { readonly type: 'connected' }
  | { readonly type: 'disconnected'; readonly code: number }
  | { readonly type: 'acked'; readonly watermark: string | undefined }

export interface DemoPhoneOptions {
  readonly history: HistoryFile
  readonly log: Logger
  readonly host?: string
  readonly port?: number
  /** How the phone's user answers the short-code prompt. Default: accept after a moment. */
  readonly confirm?: (sas: string, desktop: string) => Promise<boolean>
  readonly sendTimings?: SendTimings
  readonly failures?: FailurePolicy
  readonly keys?: KeyPair
  readonly now?: () => number
}

export class DemoPhone {
  readonly store: PhoneStore
  readonly instanceId = toHex(randomBytes(16))
  private readonly keys: KeyPair
  private readonly scanned: ScannedQrSlot
  private readonly paired: { key: Uint8Array; name: string }[] = []
  private readonly sends: SendService
  private readonly listeners = new Set<(event: DemoPhoneEvent) => void>()
  private readonly sessions = new Set<PeerSession>()
  private server: PhoneServer | null = null
  private boundPort = 0

  constructor(private readonly options: DemoPhoneOptions) {
    this.store = new PhoneStore(options.history)
    this.keys = options.keys ?? generateKeyPair()
    const now = options.now ?? Date.now
    this.scanned = new ScannedQrSlot(now)
    this.sends = new SendService(
      this.store,
      options.sendTimings ?? { sentAfterMs: 300, deliveredAfterMs: 900 },
      options.failures ?? demoFailures,
      now,
    )
  }

  get port(): number {
    return this.boundPort
  }

  get publicKey(): Uint8Array {
    return this.keys.publicKey
  }

  get pairedDesktops(): readonly string[] {
    return this.paired.map((p) => p.name)
  }

  /** Texts that really reached the simulated radio (for "never sent twice" checks). */
  get radioSends(): number {
    return this.sends.radioSends
  }

  /** The pairing tag to advertise while a scanned QR waits for its desktop. */
  get pairingTag(): string | null {
    return this.scanned.tag()
  }

  on(listener: (event: DemoPhoneEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  async start(): Promise<number> {
    this.server = new PhoneServer({
      host: this.options.host ?? '127.0.0.1',
      port: this.options.port ?? 0,
      staticKeys: this.keys,
      identity: { name: this.options.history.device.name, id: this.instanceId },
      scanned: this.scanned,
      isPairedDesktop: (key) => this.paired.some((p) => bytesEqual(p.key, key)),
      hello: () => this.hello(),
      onSession: (accepted) => void this.accept(accepted),
      log: this.options.log,
    })
    this.boundPort = await this.server.start()
    return this.boundPort
  }

  async stop(): Promise<void> {
    for (const session of this.sessions) session.close(CloseCode.Normal, 'phone stopping')
    await this.server?.stop()
    this.server = null
  }

  /** Drops every connection as a lost Wi-Fi would: no close frames, desktops must reconnect. */
  dropConnections(): void {
    for (const session of this.sessions) session.abort()
  }

  /** Lets send requests vanish unanswered (tests: a link that died without anyone noticing). */
  setDeaf(deaf: boolean): void {
    this.sends.deaf = deaf
  }

  /** How many send.request messages arrived for each idempotency key. */
  get sendRequests(): ReadonlyMap<string, number> {
    return this.sends.requests
  }

  /** What the phone's camera would do with the desktop's QR code (throws QrError). */
  scan(uri: string): void {
    this.scanned.scan(uri)
  }

  /** A text arrives from someone: the provider changes and paired desktops see it live. */
  receive(from: string, body: string, subId: number | null = null): string {
    const id = this.store.allocateId('sms')
    const now = (this.options.now ?? Date.now)()
    this.store.upsert({
      id,
      kind: 'sms',
      threadId: this.store.threadFor([from]),
      box: 'inbox',
      addresses: [from],
      sender: from,
      date: now,
      dateSent: now - 1500,
      body,
      read: false,
      status: 'none',
      subId: subId ?? this.options.history.sims[0]?.subId ?? null,
      parts: [],
      sendKey: null,
    })
    return id
  }

  private hello(): HelloBody {
    const h = this.options.history
    return {
      role: 'phone',
      app: 'textbridge-demo-phone',
      appVersion: '1.0.0',
      protocol: 1,
      capabilities: ['sync', 'send', 'contacts', 'mms.fetch'],
      device: {
        name: h.device.name,
        ...(h.device.model === undefined ? {} : { model: h.device.model }),
        ...(h.device.region === undefined ? {} : { region: h.device.region }),
      },
      sims: h.sims,
    }
  }

  private async accept(accepted: AcceptedSession): Promise<void> {
    const { session } = accepted
    this.sessions.add(session)
    void session.closed.then(({ code }) => {
      this.sessions.delete(session)
      this.emit({ type: 'disconnected', code })
    })
    // Listen at once (the desktop may ask right behind its hello); until a new pairing is
    // confirmed, every request is refused with not_ready, as the Java phone does.
    const gate = { open: accepted.kind === 'reconnect' }
    this.serve(session, accepted.result.remoteStatic, gate)
    try {
      const desktopHello = await session.ready
      if (accepted.kind === 'pair') {
        const name = accepted.result.remotePayload.name ?? desktopHello.device.name
        this.emit({ type: 'pairing', sas: accepted.result.sas, desktop: name })
        const confirm = this.options.confirm ?? (() => delay(1_500).then(() => true))
        const yes = await confirm(accepted.result.sas, name)
        if (!session.isOpen) return
        session.send(
          message(
            'pair.result',
            yes ? { accepted: true } : { accepted: false, reason: 'user_rejected' },
          ),
        )
        if (!yes) {
          session.close(CloseCode.PairingNotConfirmed, 'rejected')
          return
        }
        this.paired.push({ key: accepted.result.remoteStatic, name })
        gate.open = true
        this.sends.attach(session)
        this.emit({ type: 'paired', desktop: name })
      }
      this.emit({ type: 'connected' })
    } catch {
      // The session ended before it was ready; nothing to undo (nothing stored yet).
    }
  }

  private serve(session: PeerSession, desktopKey: Uint8Array, gate: { open: boolean }): void {
    const sync = new SyncService(session, this.store, (watermark) => {
      this.emit({ type: 'acked', watermark })
    })
    if (gate.open) this.sends.attach(session)
    session.onMessage((msg: Message) => {
      if (!gate.open) {
        if (msg.id !== undefined)
          session.send(message('error', { code: 'not_ready' }, { ref: msg.id }))
        return
      }
      if (sync.handle(msg)) return
      switch (msg.type) {
        case 'contacts.request':
          answerContacts(session, this.store, msg)
          return
        case 'attachment.request':
          answerAttachment(session, this.store, msg)
          return
        case 'send.request':
          this.sends.handle(session, msg)
          return
        case 'unpair':
          this.forget(desktopKey)
          session.send(message('ack', {}, msg.id === undefined ? {} : { ref: msg.id }))
          session.close(CloseCode.Unpaired, 'unpaired')
          return
        default:
          return
      }
    })
  }

  private forget(key: Uint8Array): void {
    const i = this.paired.findIndex((p) => bytesEqual(p.key, key))
    if (i >= 0) this.paired.splice(i, 1)
  }

  private emit(event: DemoPhoneEvent): void {
    for (const listener of this.listeners) listener(event)
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
