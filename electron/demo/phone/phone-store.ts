// The demo phone's SMS store: the messages of a history file held in memory, ordered the way
// the sync scopes need them, with a bounded change journal behind the watermarks (§9.3).
import type { HistoryFile, HistoryMessage } from '../../../shared/history/schema'
import type { Contact, SmsMessage, SyncChange } from '../../../shared/protocol'

/** `created` tells message.new from message.changed for live pushes. */
export type ChangeListener = (change: SyncChange, watermark: string, created: boolean) => void

export interface StoredMessage extends HistoryMessage {
  sendKey: string | null
}

/** Newest first: date descending, then id descending (a total order, as the cursor needs). */
export function newestFirst(
  a: { date: number; id: string },
  b: { date: number; id: string },
): number {
  if (a.date !== b.date) return b.date - a.date
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0
}

export function toWire(m: StoredMessage): SmsMessage {
  return {
    id: m.id,
    kind: m.kind,
    threadId: m.threadId,
    box: m.box,
    addresses: m.addresses,
    sender: m.sender,
    date: m.date,
    dateSent: m.dateSent,
    body: m.body,
    read: m.read,
    status: m.status,
    subId: m.subId,
    parts: m.parts.map(({ partId, mime, size, name }) => ({ partId, mime, size, name })),
    sendKey: m.sendKey,
  }
}

const JOURNAL_CAPACITY = 20_000

export class PhoneStore {
  /** All messages, newest first. */
  readonly ordered: StoredMessage[] = []
  private readonly byId = new Map<string, StoredMessage>()
  private readonly threads = new Map<number, StoredMessage[]>()
  private readonly parts = new Map<string, { mime: string; data: string | null }>()
  private readonly journal: { seq: number; change: SyncChange }[] = []
  private seq = 0
  private nextNumber = { sms: 1, mms: 1 }
  private readonly listeners = new Set<ChangeListener>()

  constructor(readonly history: HistoryFile) {
    for (const m of history.messages) {
      const stored = { ...m, sendKey: null }
      this.index(stored)
      this.ordered.push(stored)
      this.threadList(stored.threadId).push(stored)
    }
    this.ordered.sort(newestFirst)
    for (const list of this.threads.values()) list.sort(newestFirst)
  }

  get contacts(): readonly Contact[] {
    return this.history.contacts
  }

  /** A fresh epoch per store, so a watermark from another run of the phone means "reset". */
  private readonly epoch = Math.floor(Math.random() * 2 ** 31).toString(36)

  get watermark(): string {
    return `j:${this.epoch}:${this.seq}`
  }

  get(id: string): StoredMessage | undefined {
    return this.byId.get(id)
  }

  thread(threadId: number): readonly StoredMessage[] {
    return this.threads.get(threadId) ?? []
  }

  /** Threads ordered by their newest message, newest first. */
  threadOrder(): { threadId: number; newest: StoredMessage }[] {
    const heads: { threadId: number; newest: StoredMessage }[] = []
    for (const [threadId, list] of this.threads) {
      const newest = list[0]
      if (newest !== undefined) heads.push({ threadId, newest })
    }
    return heads.sort((a, b) => newestFirst(a.newest, b.newest) || b.threadId - a.threadId)
  }

  part(partId: string): { mime: string; data: string | null } | undefined {
    return this.parts.get(partId)
  }

  /** Changes after a watermark, or 'reset' when the journal no longer reaches back that far. */
  changesSince(watermark: string): SyncChange[] | 'reset' {
    const match = /^j:([0-9a-z]+):(\d+)$/.exec(watermark)
    if (match === null || match[1] !== this.epoch) return 'reset'
    const since = Number(match[2])
    if (!Number.isSafeInteger(since) || since > this.seq) return 'reset'
    const oldest = this.journal[0]?.seq ?? this.seq + 1
    if (since < oldest - 1 && since !== this.seq) return 'reset'
    return this.journal.filter((e) => e.seq > since).map((e) => e.change)
  }

  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  allocateId(kind: 'sms' | 'mms'): string {
    return `${kind}:${this.nextNumber[kind]++}`
  }

  /**
   * The thread a text to these addresses belongs to. Numbers are compared loosely, on their last
   * nine digits, as Android's own thread lookup does (the same person is often stored under
   * "+44 7700 900123" and "07700 900123").
   */
  threadFor(addresses: readonly string[]): number {
    const key = threadKey(addresses)
    for (const [threadId, list] of this.threads) {
      const first = list[0]
      if (first !== undefined && threadKey(first.addresses) === key) return threadId
    }
    return Math.max(0, ...this.threads.keys()) + 1
  }

  /** Adds or replaces a message, as the provider would, and journals the change. */
  upsert(message: StoredMessage): void {
    const existing = this.byId.get(message.id)
    if (existing !== undefined) this.unindex(existing)
    this.index(message)
    insertSorted(this.ordered, message)
    insertSorted(this.threadList(message.threadId), message)
    this.record({ op: 'upsert', message: toWire(message) }, existing === undefined)
  }

  delete(id: string): boolean {
    const existing = this.byId.get(id)
    if (existing === undefined) return false
    this.unindex(existing)
    this.record({ op: 'delete', id }, false)
    return true
  }

  private record(change: SyncChange, created: boolean): void {
    this.seq++
    this.journal.push({ seq: this.seq, change })
    if (this.journal.length > JOURNAL_CAPACITY) this.journal.shift()
    for (const listener of this.listeners) listener(change, this.watermark, created)
  }

  private threadList(threadId: number): StoredMessage[] {
    let list = this.threads.get(threadId)
    if (list === undefined) {
      list = []
      this.threads.set(threadId, list)
    }
    return list
  }

  /** Maps only; the ordered lists are maintained by the callers (sorted once, or inserted). */
  private index(m: StoredMessage): void {
    this.byId.set(m.id, m)
    for (const p of m.parts) this.parts.set(p.partId, { mime: p.mime, data: p.data })
    const n = Number(m.id.slice(m.id.indexOf(':') + 1))
    if (Number.isSafeInteger(n)) this.nextNumber[m.kind] = Math.max(this.nextNumber[m.kind], n + 1)
  }

  private unindex(m: StoredMessage): void {
    this.byId.delete(m.id)
    removeFrom(this.ordered, m)
    removeFrom(this.threadList(m.threadId), m)
    for (const p of m.parts) this.parts.delete(p.partId)
  }
}

function threadKey(addresses: readonly string[]): string {
  return addresses
    .map((a) => {
      const digits = a.replace(/\D/g, '')
      return digits.length >= 7 ? digits.slice(-9) : a.toLowerCase()
    })
    .sort()
    .join(',')
}

function insertSorted(list: StoredMessage[], m: StoredMessage): void {
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (newestFirst(list[mid] as StoredMessage, m) < 0) lo = mid + 1
    else hi = mid
  }
  list.splice(lo, 0, m)
}

function removeFrom(list: StoredMessage[], m: StoredMessage): void {
  const i = list.indexOf(m)
  if (i >= 0) list.splice(i, 1)
}
