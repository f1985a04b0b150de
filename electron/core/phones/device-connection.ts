// One paired phone's connection, an explicit state machine, so every state is one the status
// can name and every move between them is written here:
//   connecting → syncing → connected
//        ↑           ↓         ↓
//   reconnecting ←───┴─────────┘   (jittered backoff; after several failures: unreachable,
//        ↓                          still retrying at the slow end of the backoff)
//   unpaired                       (either side unpaired, or the phone no longer knows us)
import type {
  ConnectionState,
  Diagnostics,
  FailureCode,
  SyncProgress,
} from '../../../shared/api/status'
import { CloseCode, UNPAIR_ACK_WAIT_MS } from '../../../shared/protocol'
import type { SeenPhone } from '../discovery/discovery'
import { ConnectionError } from '../net/errors'
import type { PeerSession } from '../net/session'
import { OutboxDispatcher } from '../outbox/dispatcher'
import { SyncEngine } from '../sync/sync-engine'
import { Backoff } from './backoff'
import { failureCode, type ConnectionDeps, type PairedPhone } from './connection-deps'

export type { ConnectionDeps, PairedPhone } from './connection-deps'

const UNPAIRED: number = CloseCode.Unpaired
const UNKNOWN_PEER: number = CloseCode.UnknownPeer

const UNREACHABLE_AFTER = 4

export class DeviceConnection {
  private stateValue: ConnectionState = { state: 'connecting' }
  private session: PeerSession | null = null
  private dispatcher: OutboxDispatcher | null = null
  private engine: SyncEngine | null = null
  private timer: ReturnType<typeof setTimeout> | null = null
  private stopped = false
  private failures = 0
  private readonly backoff: Backoff
  private lastFailure: Diagnostics['lastFailure'] = null
  private lastConnectedAt: number | null = null
  private address: { host: string; port: number } | null
  private readonly onPhones = (phones: readonly SeenPhone[]) => {
    if (this.session === null && this.seen(phones) !== undefined) this.retrySoon()
  }

  constructor(
    private phone: PairedPhone,
    private readonly deps: ConnectionDeps,
  ) {
    this.backoff = deps.backoff ?? new Backoff()
    this.address = phone.address === null ? null : { ...phone.address }
  }

  get state(): ConnectionState {
    return this.stateValue
  }

  get diagnostics(): Diagnostics {
    const seen = this.seen(this.deps.finder.phones())
    const where = seen ?? this.address
    return {
      seenOnNetwork: seen !== undefined,
      address: where === null ? null : `${where.host}:${where.port}`,
      lastFailure: this.lastFailure,
      lastConnectedAt: this.lastConnectedAt,
    }
  }

  /** The live session, for on-demand requests such as attachments. */
  get liveSession(): PeerSession | null {
    return this.session?.isOpen === true ? this.session : null
  }

  start(): void {
    this.deps.finder.on('change', this.onPhones)
    void this.attempt()
  }

  /** Adopts the session a pairing just established: no second handshake needed. */
  adopt(session: PeerSession): void {
    this.deps.finder.on('change', this.onPhones)
    this.run(session)
  }

  /** "Connect by address" for a paired phone the network hides. */
  connectTo(host: string, port: number): void {
    this.address = { host, port }
    if (this.session === null) this.retrySoon()
  }

  rename(name: string): void {
    this.phone = { ...this.phone, name }
  }

  kickOutbox(): void {
    this.dispatcher?.kick()
  }

  async unpair(): Promise<void> {
    const session = this.liveSession
    this.stopped = true
    if (session !== null) {
      await session.request('unpair', {}, UNPAIR_ACK_WAIT_MS).catch(() => undefined)
      session.close(CloseCode.Unpaired, 'unpaired')
    }
    this.stop()
    this.set({ state: 'unpaired', byPhone: false })
  }

  stop(): void {
    if (!this.stopped && this.session !== null) this.requeueInFlight()
    this.stopped = true
    this.deps.finder.off('change', this.onPhones)
    if (this.timer !== null) clearTimeout(this.timer)
    this.engine?.stop()
    this.session?.close(CloseCode.Normal, 'desktop stopping')
  }

  /** A method, not the field: `stopped` may change while a dial is awaited. */
  private isStopped(): boolean {
    return this.stopped
  }

  private async attempt(): Promise<void> {
    this.timer = null
    if (this.stopped || this.session !== null) return
    const target = this.seen(this.deps.finder.phones()) ?? this.address
    if (target === null) {
      this.failed('not_seen', null)
      return
    }
    this.set({ state: 'connecting' })
    try {
      const { session } = await this.deps.dial({
        host: target.host,
        port: target.port,
        handshake: {
          kind: 'reconnect',
          staticKeys: this.deps.identity,
          phoneStatic: this.phone.staticKey,
        },
        hello: this.deps.hello,
        log: this.deps.log,
      })
      if (this.isStopped()) {
        session.close(CloseCode.Normal, 'desktop stopping')
        return
      }
      this.address = { host: target.host, port: target.port }
      this.deps.onAddress(target.host, target.port)
      this.run(session)
    } catch (e) {
      const error = e instanceof ConnectionError ? e : null
      if (error?.code === 'refused' && error.closeCode === UNKNOWN_PEER) {
        this.forgottenByPhone()
        return
      }
      this.failed(failureCode(error), error?.closeCode ?? null)
    }
  }

  private run(session: PeerSession): void {
    this.session = session
    this.failures = 0
    this.backoff.reset()
    this.lastConnectedAt = this.deps.now()
    this.set({ state: 'syncing', progress: { phase: 'catch-up', done: 0, total: null } })
    const log = this.deps.log
    const { id } = this.phone
    this.dispatcher = new OutboxDispatcher(session, id, this.deps.outbox, this.deps.changes, log)
    this.engine = new SyncEngine(
      session,
      id,
      this.deps.sync,
      this.deps.changes,
      (p) => {
        this.progress(p)
      },
      log,
    )
    // Registered before the engine awaits the same hello, so the phone's description is stored
    // before its first messages are.
    void session.ready.then(
      (hello) => {
        this.deps.onHello(hello)
        this.dispatcher?.kick()
      },
      () => undefined,
    )
    void this.engine.run().catch((e: unknown) => {
      log.log('warn', 'sync.failed', { error: e instanceof Error ? e.message : 'error' })
      if (session.isOpen) session.close(CloseCode.Normal, 'sync failed')
    })
    void session.closed.then(({ code }) => {
      this.closed(session, code)
    })
  }

  private closed(session: PeerSession, code: number): void {
    if (this.session !== session) return
    this.session = null
    this.dispatcher = null
    this.engine?.stop()
    this.engine = null
    // After stop() the archive may already be closed; stop() requeued what was in flight.
    if (this.stopped) return
    this.requeueInFlight()
    if (code === UNPAIRED || code === UNKNOWN_PEER) {
      this.forgottenByPhone()
      return
    }
    this.failed('disconnected', code)
  }

  /** Texts whose request may be on the wire go back to queued under the same key (safe: the
   * phone dedupes by key). Only a crash, which gives no chance to do this, leaves them unknown. */
  private requeueInFlight(): void {
    // Made at once, so it reaches the archive before anything the next connection asks for.
    const requeued = this.deps.outbox.requeueInFlight(this.phone.id)
    void Promise.resolve(requeued).then(
      (count) => {
        if (count > 0) this.deps.log.log('info', 'outbox.requeued', { count })
      },
      (e: unknown) => {
        this.deps.log.log('warn', 'outbox.requeue_failed', {
          error: e instanceof Error ? e.name : 'error',
        })
      },
    )
  }

  /** 4009: the phone unpaired us; 4006: the phone no longer knows this desktop's key. */
  private forgottenByPhone(): void {
    this.stop()
    this.set({ state: 'unpaired', byPhone: true })
    this.deps.onUnpaired(true)
  }

  private failed(code: FailureCode, closeCode: number | null): void {
    this.lastFailure = { code, closeCode, at: this.deps.now() }
    this.failures++
    const delay = this.backoff.next()
    const nextAttemptAt = this.deps.now() + delay
    this.set(
      this.failures >= UNREACHABLE_AFTER
        ? { state: 'unreachable', nextAttemptAt }
        : { state: 'reconnecting', attempt: this.failures, nextAttemptAt },
    )
    this.timer = setTimeout(() => void this.attempt(), delay)
    this.timer.unref()
  }

  private retrySoon(): void {
    if (this.stopped) return
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = setTimeout(() => void this.attempt(), 50)
    this.timer.unref()
  }

  private progress(progress: SyncProgress | null): void {
    if (this.session === null) return
    this.set(progress === null ? { state: 'connected' } : { state: 'syncing', progress })
  }

  private seen(phones: readonly SeenPhone[]): SeenPhone | undefined {
    return phones.find((p) => p.instanceId === this.phone.id)
  }

  private set(state: ConnectionState): void {
    this.stateValue = state
    this.deps.onChange()
  }
}
