// A small, hand-written history for tests that need a phone but not realistic data.
import type { HistoryFile, HistoryMessage } from '../../shared/history/schema'

const BASE = 1_700_000_000_000

function sms(
  n: number,
  thread: number,
  from: string,
  body: string,
  outgoing = false,
): HistoryMessage {
  return {
    id: `sms:${n}`,
    kind: 'sms',
    threadId: thread,
    box: outgoing ? 'sent' : 'inbox',
    addresses: [from],
    sender: outgoing ? null : from,
    date: BASE + n * 60_000,
    dateSent: outgoing ? null : BASE + n * 60_000 - 2_000,
    body,
    read: n < 90,
    status: outgoing ? 'complete' : 'none',
    subId: 1,
    parts: [],
  }
}

/** `count` messages over `threads` conversations, oldest first. */
export function tinyHistory(count = 40, threads = 4): HistoryFile {
  const messages: HistoryMessage[] = []
  for (let n = 1; n <= count; n++) {
    const thread = ((n - 1) % threads) + 1
    const from = `+4477009001${String(thread).padStart(2, '0')}`
    messages.push(sms(n, thread, from, `Message ${n} in thread ${thread} — café ☕`, n % 3 === 0))
  }
  return {
    format: 'textbridge-history',
    version: 1,
    device: { name: 'Test Pixel', model: 'Pixel (test)' },
    sims: [
      { subId: 1, slot: 0, label: 'Personal', carrier: 'Test', number: null, isDefault: true },
    ],
    contacts: [
      {
        id: 'c:1',
        name: 'Ada Lovelace',
        numbers: [{ number: '+447700900101', type: 'mobile', label: null }],
        photo: null,
      },
    ],
    messages,
  }
}
