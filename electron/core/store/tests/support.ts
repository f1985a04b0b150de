// Fixtures for the archive's tests (and usable by benchmarks): a controllable clock, devices,
// phone records, and a deterministic history generator.
import type { SmsMessage } from '../../../../shared/protocol/messages/common'
import type { Archive } from '../archive'
import { databaseOf, openArchive } from '../archive'

export const DEVICE_A = 'a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0'
export const DEVICE_B = 'b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1'
export const T0 = 1_700_000_000_000

export class TestClock {
  constructor(public now = T0) {}
  readonly read = (): number => this.now
}

export function openTestArchive(
  path = ':memory:',
  clock = new TestClock(),
): { archive: Archive; clock: TestClock } {
  return { archive: openArchive(path, { clock: clock.read }), clock }
}

export function addDevice(archive: Archive, id = DEVICE_A, region: string | null = 'GB'): void {
  archive.devices.add({
    id,
    name: `Phone ${id.slice(0, 2)}`,
    model: null,
    publicKey: new Uint8Array(32).fill(7),
    region,
    sims: [{ subId: 1, slot: 0, label: 'Personal', carrier: null, number: null, isDefault: true }],
    pairedAt: T0,
  })
}

/** An SMS record with sensible fields; override what the test is about. */
export function sms(id: number | string, fields: Partial<SmsMessage> = {}): SmsMessage {
  const incoming = (fields.box ?? 'inbox') === 'inbox'
  const addresses = fields.addresses ?? ['+447700900123']
  return {
    id: typeof id === 'number' ? `sms:${id}` : id,
    kind: 'sms',
    threadId: 1,
    box: 'inbox',
    addresses,
    sender: incoming ? (addresses[0] ?? null) : null,
    date: T0 + (typeof id === 'number' ? id : 0) * 1000,
    dateSent: null,
    body: `message ${String(id)}`,
    read: false,
    status: 'none',
    subId: 1,
    parts: [],
    sendKey: null,
    ...fields,
  }
}

/** A small deterministic PRNG so generated histories are the same on every run. */
export function prng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const WORDS =
  'see you at six tomorrow dinner café naïve résumé running late call me when home thanks ok love the meeting is moved birthday party weekend kids school work train bus coffee'.split(
    ' ',
  )

export interface HistoryOptions {
  readonly count: number
  readonly conversations: number
  readonly seed: number
  /**
   * 'uniform': every message in a random conversation (the worst case for the per-batch
   * conversation work). 'bursty': a few busy conversations and runs of messages in one, as
   * real histories look.
   */
  readonly pattern: 'uniform' | 'bursty'
  readonly startId?: number
}

/** `count` records over `conversations` numbers, dates one minute apart, bodies 3-40 words. */
export function generateHistory(options: HistoryOptions): SmsMessage[] {
  const rnd = prng(options.seed)
  const start = options.startId ?? 1
  const out: SmsMessage[] = []
  let current = 0
  for (let i = 0; i < options.count; i++) {
    if (options.pattern === 'uniform' || rnd() > 0.7) {
      // Bursty: squaring skews choices towards the low (busy) conversations.
      const r = options.pattern === 'uniform' ? rnd() : rnd() * rnd()
      current = Math.floor(r * options.conversations)
    }
    const n = current
    const number = `+4477009${String(10000 + n).padStart(5, '0')}`
    const words = 3 + Math.floor(rnd() * 38)
    const body: string[] = []
    for (let w = 0; w < words; w++) body.push(WORDS[Math.floor(rnd() * WORDS.length)] ?? 'x')
    const incoming = rnd() < 0.6
    out.push(
      sms(start + i, {
        addresses: [number],
        box: incoming ? 'inbox' : 'sent',
        sender: incoming ? number : null,
        date: T0 + (start + i) * 60_000,
        body: body.join(' '),
        read: rnd() < 0.9,
      }),
    )
  }
  return out
}

interface InvariantRow {
  id: number
  message_count: number
  unread_count: number
  last_sort_key: number
  n: number
  unread: number
  newest: number
}

/** Recomputes every conversation's aggregates with GROUP BY and returns the ones that differ. */
export function threadMismatches(archive: Archive): InvariantRow[] {
  return databaseOf(archive)
    .prepare<[], InvariantRow>(
      `SELECT t.id, t.message_count, t.unread_count, t.last_sort_key,
         count(m.sort_key) AS n,
         coalesce(sum(m.box = 'inbox' AND m.phone_read = 0 AND m.sort_key > t.read_up_to), 0) AS unread,
         coalesce(max(m.sort_key), -1) AS newest
       FROM threads t LEFT JOIN messages m ON m.thread_id = t.id GROUP BY t.id
       HAVING t.message_count <> n OR t.unread_count <> unread OR t.last_sort_key <> newest`,
    )
    .all()
}

/** The whole archive's phone-visible content, in a form independent of insertion order. */
export function snapshot(archive: Archive): unknown {
  const db = databaseOf(archive)
  // search_keys starts with the conversation's row id, which depends on arrival order.
  const messages = db
    .prepare<[], { search_keys: string }>(
      `SELECT m.phone_id, m.kind, m.box, m.addresses_json, m.sender, m.date, m.date_sent, m.body,
         m.search_keys, m.phone_read, m.status, m.sub_id, m.part_count, t.participant_key
       FROM messages m JOIN threads t ON t.id = m.thread_id ORDER BY m.phone_id`,
    )
    .all()
    .map((m) => ({ ...m, search_keys: m.search_keys.replace(/^t\d+ ?/, '') }))
  const threads = db
    .prepare(
      `SELECT t.participant_key, t.title, t.message_count, t.unread_count, m.phone_id AS last
       FROM threads t JOIN messages m ON m.sort_key = t.last_sort_key ORDER BY t.participant_key`,
    )
    .all()
  return { messages, threads }
}
