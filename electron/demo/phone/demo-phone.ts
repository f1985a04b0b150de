// A phone written in TypeScript on the shared protocol code: what `npm run demo` pairs with, and
// what the desktop's end-to-end tests run against. It serves a history file's messages over the
// real protocol, confirms pairing like a user would, receives texts (and now and then a
// picture), and sends texts, pictures and group messages whose statuses progress (and sometimes
// fail, or wait for the phone's user).
import { bytesEqual, toHex } from '../../../shared/bytes'
import { generateKeyPair, randomBytes, type KeyPair } from '../../../shared/crypto/primitives'
import {
  CloseCode,
  message,
  ScannedQrSlot,
  type Message,
  type SimInfo,
} from '../../../shared/protocol'
import { PhoneServer, type AcceptedSession } from './phone-server'
import type { HelloBody, PeerSession } from '../../core/net/session'
import { PhoneStore } from './phone-store'
import { answerAttachment, answerContacts } from './requests'
import { demoFailures, demoWaits, SendService } from './send-service'
import {
  DEMO_CAPABILITIES,
  demoHello,
  demoSims,
  type DemoPhoneEvent,
  type DemoPhoneOptions,
} from './hello'
import { SyncService } from './sync-service'
import { UploadStore } from './uploads'
import { DemoFaults } from './faults'
import { receivePicture, receiveText, type Arrival } from './incoming'

export { DEMO_CAPABILITIES }
export type { DemoPhoneEvent, DemoPhoneOptions }

export class DemoPhone {
  readonly store: PhoneStore
  readonly instanceId = toHex(randomBytes(16))
  private readonly keys: KeyPair
  private readonly scanned: ScannedQrSlot
  private readonly paired: { key: Uint8Array; name: string }[] = []
  private readonly sends: SendService
  private readonly uploads = new UploadStore()
  /** Fault injection for tests of the upload and send paths. */
  readonly faults: DemoFaults
  private readonly capabilities: readonly string[]
  private readonly sims: readonly SimInfo[]
  private pictures = 0
  private readonly listeners = new Set<(event: DemoPhoneEvent) => void>()
  private readonly sessions = new Set<PeerSession>()
  private server: PhoneServer | null = null
  private boundPort = 0

  constructor(private readonly options: DemoPhoneOptions) {
    this.store = new PhoneStore(options.history)
    this.keys = options.keys ?? generateKeyPair()
    const now = options.now ?? Date.now
    this.scanned = new ScannedQrSlot(now)
    this.capabilities = options.capabilities ?? DEMO_CAPABILITIES
    this.sims = demoSims(options.history, options.mmsMaxBytes)
    this.sends = new SendService({
      store: this.store,
      uploads: this.uploads,
      capabilities: this.capabilities,
      sims: this.sims,
      timings: options.sendTimings ?? { sentAfterMs: 300, deliveredAfterMs: 900 },
      failures: options.failures ?? demoFailures,
      waits: options.waits ?? demoWaits,
      now,
    })
    this.faults = new DemoFaults(this.uploads, this.sends, () => {
      this.dropConnections()
    })
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
    return receiveText(this.store, this.arrival(from, body, subId))
  }

  /** A picture message arrives from someone (a small generated PNG, fetched on demand). */
  receivePicture(from: string, body: string): string {
    return receivePicture(this.store, this.arrival(from, body, null), this.pictures++)
  }

  private arrival(from: string, body: string, subId: number | null): Arrival {
    const date = (this.options.now ?? Date.now)()
    return { from, body, date, subId: subId ?? this.options.history.sims[0]?.subId ?? null }
  }

  private hello(): HelloBody {
    return demoHello(this.options.history, this.capabilities, this.sims)
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
    const owner = toHex(desktopKey)
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
          this.sends.handle(session, msg, owner)
          return
        case 'attachment.upload':
          this.uploads.handle(session, owner, msg, this.capabilities.includes('send.mms'))
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
    this.uploads.forget(toHex(key))
  }

  private emit(event: DemoPhoneEvent): void {
    for (const listener of this.listeners) listener(event)
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
