// A demo history full of hostile names and bodies (HTML, scripts, javascript: links, bidi
// overrides, a 100 KB text), in the history file format (shared/history/FORMAT.md).
import { writeFileSync } from 'node:fs'
import { historyFile, type HistoryFile, type HistoryMessage } from '../../../shared/history/schema'

export const RLO = '\u202E'
export const HOSTILE = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned = 2">',
  '<svg onload="window.__pwned = 3"></svg>',
  '<a href="javascript:window.__pwned = 4">click</a>',
  'javascript:window.__pwned = 5',
  '<iframe src="javascript:window.__pwned = 6"></iframe>',
  '"><b>bold</b><style>body{display:none}</style>',
  `Mallory ${RLO}gnp.exe`,
  '{{constructor.constructor("window.__pwned = 7")()}}',
]
export const HUGE_END = 'END-OF-A-VERY-LONG-TEXT'
export const HUGE = `${'This is a very long text. '.repeat(4000)}${HUGE_END}`

const BASE = Date.now() - 86_400_000

export function hostileHistory(): HistoryFile {
  const number = (i: number) => `+4477009002${String(i).padStart(2, '0')}`
  const messages: HistoryMessage[] = HOSTILE.map((_, i) => ({
    id: `sms:${i + 1}`,
    kind: 'sms',
    threadId: i + 1,
    box: 'inbox',
    addresses: [number(i)],
    sender: number(i),
    date: BASE + i * 60_000,
    dateSent: null,
    body: HOSTILE[(i + 1) % HOSTILE.length] ?? '',
    read: false,
    status: 'none',
    subId: 1,
    parts: [],
  }))
  messages.push({
    ...messages[0]!,
    id: `sms:${HOSTILE.length + 1}`,
    date: BASE + 3_600_000,
    body: HUGE,
  })
  const file: HistoryFile = {
    format: 'textbridge-history',
    version: 1,
    device: { name: `Hostile ${RLO}enohp`, model: '<b>model</b>' },
    sims: [
      { subId: 1, slot: 0, label: '<i>SIM</i>', carrier: null, number: null, isDefault: true },
    ],
    contacts: HOSTILE.map((name, i) => ({
      id: `c:${i + 1}`,
      name,
      numbers: [{ number: number(i), type: 'mobile', label: null }],
      photo: null,
    })),
    messages,
  }
  // The file must be one the demo accepts: check it against the format's own schema.
  return historyFile.parse(file)
}

export function writeHostileHistory(path: string): void {
  writeFileSync(path, JSON.stringify(hostileHistory()))
}
