// The demo phone's radio: idempotent sends by key (§9.9), statuses that progress like a real
// handset's (accepted → sent → delivered), some failures, and the provider's own "sent" row
// carrying the send key so the desktop merges it with its outbox copy.
import {
  message,
  type BodyOf,
  type MessageOf,
  type SendFailureReason,
  type SendState,
} from '../../../shared/protocol'
import type { PeerSession } from '../../core/net/session'
import type { PhoneStore, StoredMessage } from './phone-store'

export interface SendTimings {
  readonly sentAfterMs: number
  readonly deliveredAfterMs: number
}

interface SendRecord {
  state: SendState
  reason?: SendFailureReason
  messageId: string | null
}

/** Decides which texts the simulated network refuses: the demo shows a failure and a retry. */
export type FailurePolicy = (body: string, attempt: number) => SendFailureReason | null

export const demoFailures: FailurePolicy = (body) => (body.includes('[fail]') ? 'no_service' : null)

export class SendService {
  private readonly records = new Map<string, SendRecord>()
  /** Every send.request seen, by key: what the tests check "never sent twice" against. */
  readonly requests = new Map<string, number>()
  private readonly sessions = new Set<PeerSession>()
  private attempts = 0
  /** While deaf, send requests vanish unanswered, as over a link that died silently. */
  deaf = false

  constructor(
    private readonly store: PhoneStore,
    private readonly timings: SendTimings,
    private readonly failures: FailurePolicy,
    private readonly now: () => number = Date.now,
  ) {}

  attach(session: PeerSession): void {
    this.sessions.add(session)
    void session.closed.then(() => this.sessions.delete(session))
  }

  /** Number of texts that actually reached the (simulated) radio. */
  get radioSends(): number {
    return this.attempts
  }

  handle(session: PeerSession, msg: MessageOf<'send.request'>): void {
    if (this.deaf) return
    const { key } = msg.body
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1)
    const ref = msg.id === undefined ? {} : { ref: msg.id }
    const known = this.records.get(key)
    if (known !== undefined) {
      // A repeated key never sends again: it learns the current status (§9.9).
      session.send(message('send.status', this.status(key, known), ref))
      return
    }
    const groupAllowed = session.peerHello?.capabilities.includes('send.group') ?? false
    if (msg.body.to.length > 1 && !groupAllowed) {
      this.finish(key, { state: 'failed', reason: 'group_unsupported', messageId: null })
      return
    }
    const record: SendRecord = { state: 'accepted', messageId: null }
    this.records.set(key, record)
    session.send(message('send.status', this.status(key, record), ref))
    this.attempts++
    const failure = this.failures(msg.body.body, this.attempts)
    setTimeout(() => {
      this.radioSent(key, msg.body, failure)
    }, this.timings.sentAfterMs).unref()
  }

  private radioSent(
    key: string,
    request: BodyOf<'send.request'>,
    failure: SendFailureReason | null,
  ) {
    const threadId = this.store.threadFor(request.to)
    const row: StoredMessage = {
      id: this.store.allocateId('sms'),
      kind: 'sms',
      threadId,
      box: failure === null ? 'sent' : 'failed',
      addresses: request.to,
      sender: null,
      date: this.now(),
      dateSent: null,
      body: request.body,
      read: true,
      status: failure === null ? 'pending' : 'failed',
      subId: request.subId ?? 1,
      parts: [],
      sendKey: key,
    }
    this.store.upsert(row)
    if (failure !== null) {
      this.finish(key, { state: 'failed', reason: failure, messageId: row.id })
      return
    }
    this.finish(key, { state: 'sent', messageId: row.id })
    setTimeout(() => {
      this.store.upsert({ ...row, status: 'complete' })
      this.finish(key, { state: 'delivered', messageId: row.id })
    }, this.timings.deliveredAfterMs).unref()
  }

  private finish(key: string, record: SendRecord): void {
    this.records.set(key, record)
    const body = this.status(key, record)
    for (const session of this.sessions) {
      if (session.isOpen) session.send(message('send.status', body))
    }
  }

  private status(key: string, r: SendRecord): BodyOf<'send.status'> {
    const parts = {
      total: 1,
      sent: r.state === 'sent' || r.state === 'delivered' ? 1 : 0,
      delivered: r.state === 'delivered' ? 1 : 0,
    }
    return {
      key,
      state: r.state,
      ...(r.reason === undefined ? {} : { reason: r.reason }),
      messageId: r.messageId,
      parts,
      at: this.now(),
    }
  }
}
