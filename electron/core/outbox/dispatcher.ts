// Sends the outbox to a connected phone. Sending a text cannot be undone or repeated safely, so
// each row is marked `dispatching` in the archive before its request leaves. A dropped
// connection puts rows still in flight back to `queued` under the same key (DeviceConnection),
// and the phone dedupes by key, so asking again can never send twice. Only a desktop crash makes
// a row `unknown` (the archive does that at start-up), and those wait for the user.
// A picture message's files go first (uploader.ts), while the row is still `queued`: an upload
// sends nothing to anyone, so a crash in the middle of one leaves nothing to be unsure about.
import type { BodyOf, Message, SendFailureReason } from '../../../shared/protocol'
import type { OutboxEntry } from '../../../shared/model/outbox'
import type { Logger } from '../log'
import { ConnectionError, RemoteError } from '../net/errors'
import type { PeerSession } from '../net/session'
import type { ChangeSink } from '../sync/ports'
import type { OutboxArchive } from './ports'
import { NotFoundError } from '../store/errors'
import { uploadFiles } from './uploader'

const REQUEST_TIMEOUT_MS = 30_000
/** After `busy` from the phone, or a pass cut short while the session stayed up. */
const RETRY_LATER_MS = 15_000

export class OutboxDispatcher {
  private running = false
  private again = false
  private askedWaiting = false
  private later: ReturnType<typeof setTimeout> | null = null
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
      if (this.later !== null) clearTimeout(this.later)
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
        this.retryLater()
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
    // What the phone can send is in its hello; nothing is judged before it arrived.
    const capabilities = (await this.session.ready).capabilities
    if (!this.askedWaiting) {
      this.askedWaiting = true
      await this.askAboutWaiting()
    }
    for (const entry of await this.archive.queued(this.deviceId)) {
      if (!this.session.isOpen) return
      const refusal = refusalFor(entry, capabilities)
      if (refusal !== null) {
        // Never hand a phone what it would misread: an older one ignores `attachments` and
        // would send the words alone, or text each recipient of a group separately.
        this.fail(entry, refusal, 'the phone cannot send this kind of message')
        continue
      }
      if (entry.parts.length > 0) {
        const next = await this.upload(entry)
        if (next === 'stop') return
        if (next === 'skip') continue
      }
      try {
        await this.archive.markDispatching(entry.id)
      } catch (e) {
        // Changed under us (discarded by the user a moment ago): skip it, send the rest.
        this.log.log('warn', 'outbox.skipped', { error: e instanceof Error ? e.name : 'error' })
        continue
      }
      try {
        await this.session.request('send.request', requestOf(entry), REQUEST_TIMEOUT_MS)
      } catch (e) {
        if (!(e instanceof RemoteError)) throw e
        // The phone refused the request itself (it never reached the radio): a final failure.
        this.fail(entry, 'generic_failure', e.code)
      }
    }
  }

  /**
   * 'send' once the phone holds every file; 'skip' this entry (it failed, or changed under us);
   * 'stop' the pass (the phone is busy: later, and in order).
   */
  private async upload(entry: OutboxEntry): Promise<'send' | 'skip' | 'stop'> {
    let outcome
    try {
      outcome = await uploadFiles(this.session, this.archive, entry)
    } catch (e) {
      // A dropped or silent connection ends the pass; the next one resumes the upload.
      if (e instanceof ConnectionError || !this.session.isOpen) throw e
      if (e instanceof NotFoundError && e.code === 'attachment') {
        // The bytes are gone from the archive: this text can never go as it was written.
        this.fail(entry, 'attachment_missing', 'the file is no longer stored on the desktop')
        return 'skip'
      }
      // The entry changed under us (discarded a moment ago): go on with the rest.
      this.log.log('warn', 'outbox.upload_skipped', {
        error: e instanceof Error ? e.name : 'error',
      })
      return 'skip'
    }
    switch (outcome.kind) {
      case 'complete':
        return 'send'
      case 'busy':
        this.retryLater()
        return 'stop'
      case 'failed':
        this.fail(entry, outcome.reason, outcome.detail)
        return 'skip'
    }
  }

  /**
   * Texts the phone was holding for its user when the last connection ended: asked about again
   * under the same key, which the phone answers from its record without sending anything.
   */
  private async askAboutWaiting(): Promise<void> {
    for (const entry of await this.archive.waiting(this.deviceId)) {
      if (!this.session.isOpen) return
      try {
        await this.session.request('send.request', requestOf(entry), REQUEST_TIMEOUT_MS)
      } catch (e) {
        if (!(e instanceof RemoteError)) throw e
        this.log.log('warn', 'outbox.ask_refused', { code: e.code })
      }
    }
  }

  private fail(entry: OutboxEntry, reason: SendFailureReason, detail: string): void {
    this.report({
      key: entry.sendKey,
      state: 'failed',
      reason,
      detail,
      messageId: null,
      at: this.now(),
    })
  }

  private retryLater(): void {
    if (this.later !== null || !this.session.isOpen) return
    this.later = setTimeout(() => {
      this.later = null
      if (this.session.isOpen) this.kick()
    }, RETRY_LATER_MS)
    this.later.unref()
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

/** Why this phone cannot take the entry at all (PROTOCOL.md §9.1), or null when it can. */
function refusalFor(entry: OutboxEntry, capabilities: readonly string[]): SendFailureReason | null {
  const mms = capabilities.includes('send.mms')
  if ((entry.parts.length > 0 || entry.to.length > 1) && !mms) return 'mms_unsupported'
  if (entry.to.length > 1 && !capabilities.includes('send.group')) return 'group_unsupported'
  return null
}

function requestOf(entry: OutboxEntry): BodyOf<'send.request'> {
  const request: BodyOf<'send.request'> = {
    key: entry.sendKey,
    to: [...entry.to],
    body: entry.body,
    subId: entry.subId,
  }
  if (entry.parts.length === 0) return request
  // Only for picture messages: an SMS request stays exactly what every phone understands.
  return {
    ...request,
    attachments: entry.parts.map((p) => ({ uploadId: p.uploadId, mime: p.mime, name: p.name })),
  }
}
