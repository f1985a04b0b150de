// Sends the outbox to a connected phone. Sending an SMS cannot be undone or repeated safely, so each row is marked
// `dispatching` in the archive before its request leaves. A dropped connection puts rows still in
// flight back to `queued` under the same key (DeviceConnection), and the phone dedupes by key, so
// asking again can never send twice. Only a desktop crash makes a row `unknown` (the archive does
// that at start-up), and those wait for the user.
import type { BodyOf, Message } from '../../../shared/protocol'
import type { Logger } from '../log'
import { RemoteError } from '../net/errors'
import type { PeerSession } from '../net/session'
import type { ChangeSink } from '../sync/ports'
import type { OutboxArchive } from './ports'

const REQUEST_TIMEOUT_MS = 30_000

export class OutboxDispatcher {
  private running = false
  private again = false
  private reports: Promise<void> = Promise.resolve()
  private readonly off: () => void

  constructor(
    private readonly session: PeerSession,
    private readonly deviceId: string,
    private readonly archive: OutboxArchive,
    private readonly changes: ChangeSink,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {
    this.off = session.onMessage((msg: Message) => {
      if (msg.type === 'send.status') this.report(msg.body)
    })
    void session.closed.then(() => {
      this.off()
    })
  }

  /** Sends whatever is pending; safe to call often (a running pass picks up new rows). */
  kick(): void {
    if (this.running) {
      this.again = true
      return
    }
    this.running = true
    void this.pass()
      .catch((e: unknown) => {
        this.log.log('warn', 'outbox.pass_failed', { error: e instanceof Error ? e.name : 'error' })
      })
      .finally(() => {
        this.running = false
        if (this.again && this.session.isOpen) {
          this.again = false
          this.kick()
        }
      })
  }

  private async pass(): Promise<void> {
    for (const entry of await this.archive.queued(this.deviceId)) {
      if (!this.session.isOpen) return
      try {
        await this.archive.markDispatching(entry.id)
      } catch (e) {
        // Changed under us (discarded by the user a moment ago): skip it, send the rest.
        this.log.log('warn', 'outbox.skipped', { error: e instanceof Error ? e.name : 'error' })
        continue
      }
      const request: BodyOf<'send.request'> = {
        key: entry.sendKey,
        to: [...entry.to],
        body: entry.body,
        subId: entry.subId,
      }
      try {
        await this.session.request('send.request', request, REQUEST_TIMEOUT_MS)
      } catch (e) {
        if (!(e instanceof RemoteError)) throw e
        // The phone refused the request itself (it never reached the radio): a final failure.
        this.report({
          key: entry.sendKey,
          state: 'failed',
          reason: 'generic_failure',
          detail: e.code,
          messageId: null,
          at: this.now(),
        })
      }
    }
  }

  /** Statuses are applied in the order the phone sent them (sent before delivered). */
  private report(status: BodyOf<'send.status'>): void {
    this.reports = this.reports
      .then(() => this.archive.applyStatus(this.deviceId, status))
      .then(
        (applied) => {
          if (applied.entry === null) {
            this.log.log('debug', 'outbox.unknown_key')
            return
          }
          this.changes.applied(this.deviceId, applied.change)
        },
        (e: unknown) => {
          // Not applied (the archive's thread is restarting). A text still in flight is asked
          // about again on the next connection, and the phone answers from its record of the key.
          this.log.log('warn', 'outbox.status_failed', {
            error: e instanceof Error ? e.name : 'error',
          })
        },
      )
  }
}
