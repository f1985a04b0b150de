// The demo phone's radio: idempotent sends by key (§9.9), statuses that progress like a real
// handset's (accepted → sent → delivered), some failures, sometimes a wait for the phone's user
// (Android's prompt before an app sends many texts), and the provider's own "sent" row carrying
// the send key so the desktop merges it with its outbox copy. Pictures and group texts go out
// as one MMS (mms-send.ts).
import {
  message,
  type BodyOf,
  type MessageOf,
  type SendFailureReason,
  type SendState,
  type SimInfo,
} from '../../../shared/protocol'
import type { PeerSession } from '../../core/net/session'
import { checkMms, isMmsRequest, mmsRow } from './mms-send'
import type { PhoneStore, StoredMessage } from './phone-store'
import type { UploadStore, UploadedFile } from './uploads'

export interface SendTimings {
  readonly sentAfterMs: number
  readonly deliveredAfterMs: number
  /** How long the phone's user takes to allow a send the phone asked about. */
  readonly allowAfterMs?: number
}

interface SendRecord {
  state: SendState
  reason?: SendFailureReason
  messageId: string | null
  /** Parts the status counts: an SMS's one, or an MMS's one per recipient (§9.9). */
  parts: number
}

/** Decides which texts the simulated network refuses: the demo shows a failure and a retry. */
export type FailurePolicy = (body: string, attempt: number) => SendFailureReason | null
/** Decides which texts make the phone ask its user first. */
export type WaitPolicy = (body: string) => boolean

export const demoFailures: FailurePolicy = (body) => (body.includes('[fail]') ? 'no_service' : null)
export const demoWaits: WaitPolicy = (body) => body.includes('[wait]')

/** Reasons only desktops that listed send.mms understand (§9.9); the others hear generic. */
const MMS_REASONS: readonly SendFailureReason[] = [
  'mms_too_large',
  'mms_unsupported',
  'attachment_missing',
]

export interface SendContext {
  readonly store: PhoneStore
  readonly uploads: UploadStore
  /** What this phone lists in its hello. */
  readonly capabilities: readonly string[]
  readonly sims: readonly SimInfo[]
  readonly timings: SendTimings
  readonly failures: FailurePolicy
  readonly waits: WaitPolicy
  readonly now: () => number
}

export class SendService {
  private readonly records = new Map<string, SendRecord>()
  /** Every send.request seen, by key: what the tests check "never sent twice" against. */
  readonly requests = new Map<string, number>()
  private readonly sessions = new Set<PeerSession>()
  private attempts = 0
  /** While deaf, send requests vanish unanswered, as over a link that died silently. */
  deaf = false
  /** Called instead of answering the next new request (tests: the answer was lost). */
  loseNextAnswer: (() => void) | null = null

  constructor(private readonly ctx: SendContext) {}

  attach(session: PeerSession): void {
    this.sessions.add(session)
    void session.closed.then(() => this.sessions.delete(session))
  }

  /** Number of texts that actually reached the (simulated) radio; an MMS counts once. */
  get radioSends(): number {
    return this.attempts
  }

  handle(session: PeerSession, msg: MessageOf<'send.request'>, owner: string): void {
    if (this.deaf) return
    const { key } = msg.body
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1)
    const ref = msg.id === undefined ? {} : { ref: msg.id }
    const known = this.records.get(key)
    if (known !== undefined) {
      // A repeated key never sends again: it learns the current status (§9.9).
      session.send(message('send.status', this.status(key, known, session), ref))
      return
    }
    let files: readonly UploadedFile[] = []
    if (isMmsRequest(msg.body)) {
      const { capabilities, sims, uploads } = this.ctx
      const check = checkMms(msg.body, owner, uploads, capabilities, sims)
      if (!check.ok) {
        this.finish(key, { state: 'failed', reason: check.reason, messageId: null, parts: 1 })
        return
      }
      files = check.files
    }
    const parts = isMmsRequest(msg.body) ? msg.body.to.length : 1
    const record: SendRecord = { state: 'accepted', messageId: null, parts }
    this.records.set(key, record)
    const lose = this.loseNextAnswer
    this.loseNextAnswer = null
    if (lose === null) session.send(message('send.status', this.status(key, record, session), ref))
    this.attempts++
    const failure = this.ctx.failures(msg.body.body, this.attempts)
    const go = () => {
      setTimeout(() => {
        this.radioSent(key, msg.body, files, failure, parts)
      }, this.ctx.timings.sentAfterMs).unref()
    }
    if (this.ctx.waits(msg.body.body)) {
      this.finish(key, { state: 'waiting_for_user', messageId: null, parts })
      // The user taps "Allow" on the phone after a while.
      setTimeout(go, this.ctx.timings.allowAfterMs ?? 2_500).unref()
    } else {
      go()
    }
    lose?.()
  }

  private radioSent(
    key: string,
    request: BodyOf<'send.request'>,
    files: readonly UploadedFile[],
    failure: SendFailureReason | null,
    parts: number,
  ) {
    const { store, now } = this.ctx
    const threadId = store.threadFor(request.to)
    const mms = isMmsRequest(request)
    const id = store.allocateId(mms ? 'mms' : 'sms')
    const failed = failure !== null
    const row: StoredMessage = mms
      ? mmsRow({ id, threadId, request, files, key, date: now(), failed })
      : {
          id,
          kind: 'sms',
          threadId,
          box: failed ? 'failed' : 'sent',
          addresses: request.to,
          sender: null,
          date: now(),
          dateSent: null,
          body: request.body,
          read: true,
          status: failed ? 'failed' : 'pending',
          subId: request.subId ?? 1,
          parts: [],
          sendKey: key,
        }
    store.upsert(row)
    if (failure !== null) {
      this.finish(key, { state: 'failed', reason: failure, messageId: row.id, parts })
      return
    }
    this.finish(key, { state: 'sent', messageId: row.id, parts })
    setTimeout(() => {
      store.upsert({ ...row, status: 'complete' })
      this.finish(key, { state: 'delivered', messageId: row.id, parts })
    }, this.ctx.timings.deliveredAfterMs).unref()
  }

  private finish(key: string, record: SendRecord): void {
    this.records.set(key, record)
    for (const session of this.sessions) {
      if (session.isOpen) session.send(message('send.status', this.status(key, record, session)))
    }
  }

  /** The record as this desktop may hear it: new values only for desktops that listed them. */
  private status(key: string, r: SendRecord, session: PeerSession): BodyOf<'send.status'> {
    const heard = session.peerHello?.capabilities ?? []
    const state =
      r.state === 'waiting_for_user' && !heard.includes('send.waiting') ? 'accepted' : r.state
    let reason = r.reason
    let detail: string | undefined
    if (reason !== undefined && MMS_REASONS.includes(reason) && !heard.includes('send.mms')) {
      detail = reason
      reason = 'generic_failure'
    }
    const parts = {
      total: r.parts,
      sent: state === 'sent' || state === 'delivered' ? r.parts : 0,
      delivered: state === 'delivered' ? r.parts : 0,
    }
    return {
      key,
      state,
      ...(reason === undefined ? {} : { reason }),
      ...(detail === undefined ? {} : { detail }),
      messageId: r.messageId,
      parts,
      at: this.ctx.now(),
    }
  }
}
