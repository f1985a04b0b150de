// Answers a desktop's sync requests from the demo phone's store (PROTOCOL.md §9.3–§9.7):
// recent and history pages with cursors, subscribe with watermark catch-up, then live pushes.
import {
  message,
  type Message,
  type MessageOf,
  type SmsMessage,
  type SyncChange,
} from '../../../shared/protocol'
import type { PeerSession } from '../../core/net/session'
import { newestFirst, toWire, type PhoneStore, type StoredMessage } from './phone-store'

/** Keeps a page's JSON comfortably under the 4 MiB frame cap even at 3 bytes a character. */
const PAGE_CHAR_BUDGET = 1_200_000

export class SyncService {
  private live = false
  private readonly unsubscribe: () => void

  constructor(
    private readonly session: PeerSession,
    private readonly store: PhoneStore,
    private readonly onAck: (watermark: string | undefined) => void,
  ) {
    this.unsubscribe = store.onChange((change, watermark, created) => {
      if (this.live && session.isOpen) session.send(liveMessage(change, watermark, created))
    })
    void session.closed.then(() => {
      this.unsubscribe()
    })
  }

  handle(msg: Message): boolean {
    switch (msg.type) {
      case 'sync.request':
        this.page(msg)
        return true
      case 'sync.subscribe':
        this.subscribe(msg)
        return true
      case 'ack':
        this.onAck(msg.body.watermark)
        return true
      default:
        return false
    }
  }

  private page(msg: MessageOf<'sync.request'>): void {
    const { scope, cursor, limit } = msg.body
    if (cursor !== null && !(scope === 'recent' ? /^r:\d+$/ : /^h:\d+:.+$/).test(cursor)) {
      this.session.send(
        message('error', { code: 'bad_request', message: 'unknown cursor' }, refTo(msg)),
      )
      return
    }
    const page =
      scope === 'recent'
        ? this.recent(cursor, limit, msg.body.perThread ?? 25)
        : this.history(cursor, limit)
    this.session.send(message('sync.batch', { scope, ...page }, refTo(msg)))
  }

  private history(cursor: string | null, limit: number) {
    const ordered = this.store.ordered
    let start = 0
    if (cursor !== null) start = lowerBound(ordered, parseHistoryCursor(cursor))
    const messages: SmsMessage[] = []
    let budget = PAGE_CHAR_BUDGET
    let i = start
    for (; i < ordered.length && messages.length < limit; i++) {
      const wire = toWire(ordered[i] as StoredMessage)
      budget -= JSON.stringify(wire).length
      if (budget < 0 && messages.length > 0) break
      messages.push(wire)
    }
    const last = ordered[i - 1]
    const next = i < ordered.length && last !== undefined ? `h:${last.date}:${last.id}` : null
    return { messages, cursor: next, total: ordered.length }
  }

  private recent(cursor: string | null, limit: number, perThread: number) {
    const threads = this.store.threadOrder()
    let start = 0
    if (cursor !== null) start = Number(cursor.slice(2))
    const messages: SmsMessage[] = []
    let budget = PAGE_CHAR_BUDGET
    let t = start
    for (; t < threads.length; t++) {
      const head = threads[t]
      if (head === undefined) break
      const slice = this.store.thread(head.threadId).slice(0, perThread).map(toWire)
      const size = slice.reduce((n, m) => n + JSON.stringify(m).length, 0)
      if (messages.length > 0 && (messages.length + slice.length > limit || size > budget)) break
      messages.push(...slice)
      budget -= size
    }
    const total = threads.reduce(
      (n, h) => n + Math.min(perThread, this.store.thread(h.threadId).length),
      0,
    )
    return { messages, cursor: t < threads.length ? `r:${t}` : null, total }
  }

  private subscribe(msg: MessageOf<'sync.subscribe'>): void {
    const ref = refTo(msg)
    const since = msg.body.watermark
    const changes = since === null ? [] : this.store.changesSince(since)
    if (changes === 'reset') {
      this.session.send(
        message(
          'sync.changes',
          { changes: [], watermark: this.store.watermark, more: false, reset: true },
          ref,
        ),
      )
    } else {
      for (let i = 0; i < changes.length || i === 0; i += 1000) {
        const page = changes.slice(i, i + 1000)
        const more = i + 1000 < changes.length
        this.session.send(
          message(
            'sync.changes',
            { changes: page, watermark: this.store.watermark, more, reset: false },
            ref,
          ),
        )
      }
    }
    this.live = true
  }
}

function liveMessage(change: SyncChange, watermark: string, created: boolean): Message {
  if (change.op === 'delete') return message('message.deleted', { id: change.id, watermark })
  const body = { message: change.message, watermark }
  return created ? message('message.new', body) : message('message.changed', body)
}

function refTo(msg: Message): { ref?: string } {
  return msg.id === undefined ? {} : { ref: msg.id }
}

/** The cursor was checked against /^h:\d+:.+$/ before this is called. */
function parseHistoryCursor(cursor: string): { date: number; id: string } {
  const second = cursor.indexOf(':', 2)
  return { date: Number(cursor.slice(2, second)), id: cursor.slice(second + 1) }
}

/** First index strictly after the cursor position in newest-first order. */
function lowerBound(ordered: readonly StoredMessage[], at: { date: number; id: string }): number {
  let lo = 0
  let hi = ordered.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (newestFirst(ordered[mid] as StoredMessage, at) <= 0) lo = mid + 1
    else hi = mid
  }
  return lo
}
