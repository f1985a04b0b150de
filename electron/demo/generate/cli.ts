// Command line: writes a synthetic history file and prints a one-line summary to stderr.
//   tsx electron/demo/generate/cli.ts --messages 100000 --conversations 3000 --seed 7 --out /tmp/h.json
//   tsx electron/demo/generate/cli.ts --format sbr --messages 200000 --out /tmp/sms.xml
import { parseArgs } from 'node:util'
import { writeHistory } from './history'
import { DEFAULTS, type GenerateInput } from './options'
import { writeHistorySbr } from './sbr'

/** The file formats, by --format name. */
const WRITERS = { json: writeHistory, sbr: writeHistorySbr } as const
type Format = keyof typeof WRITERS

const USAGE = `Usage: tsx electron/demo/generate/cli.ts [options]

  --out PATH              file to write, or - for stdout (default -)
  --format json|sbr       json: the history file (default); sbr: an SMS Backup & Restore XML file
  --seed N                32-bit integer seed (default ${DEFAULTS.seed})
  --messages N            exact number of messages (default ${DEFAULTS.messages})
  --conversations N       exact number of conversations (default ${DEFAULTS.conversations})
  --start DATE            oldest date, ISO 8601 or ms (default: four years before --end)
  --end DATE              newest date, ISO 8601 or ms, or "now" (default ${new Date(DEFAULTS.endDate).toISOString()})
  --heavy-share X         share of all messages in one thread, e.g. 0.1 (default 0: Zipf sizes)
  --sims N                0, 1 or 2 (default ${DEFAULTS.sims})
  --pictures N            picture parts with data (default 0.8 % of messages, at most 40)
  --missing-pictures N    parts without data, answered not_found (default 1 per 20 pictures)
  --groups N              group conversations (default: about 3 %)
  --unread N              newest conversations ending in unread texts (default ${DEFAULTS.unreadConversations})
  --region GB|US          the phone's country (default ${DEFAULTS.region})
  --device-name NAME      (default "${DEFAULTS.deviceName}")
`

function integer(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined
  const n = Number(text)
  if (!Number.isSafeInteger(n)) throw new RangeError(`--${name} needs an integer, got "${text}"`)
  return n
}

function date(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined
  if (text === 'now') return Date.now()
  const ms = /^\d+$/.test(text) ? Number(text) : Date.parse(text)
  if (!Number.isSafeInteger(ms)) throw new RangeError(`--${name} needs a date, got "${text}"`)
  return ms
}

function format(text: string): Format {
  if (!Object.hasOwn(WRITERS, text)) throw new RangeError(`--format is json or sbr, got "${text}"`)
  return text as Format
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: '-' },
      format: { type: 'string', default: 'json' },
      seed: { type: 'string' },
      messages: { type: 'string' },
      conversations: { type: 'string' },
      start: { type: 'string' },
      end: { type: 'string' },
      'heavy-share': { type: 'string' },
      sims: { type: 'string' },
      pictures: { type: 'string' },
      'missing-pictures': { type: 'string' },
      groups: { type: 'string' },
      unread: { type: 'string' },
      region: { type: 'string' },
      'device-name': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  })
  if (values.help) {
    process.stdout.write(USAGE)
    return
  }
  const input: Record<string, unknown> = {
    seed: integer('seed', values.seed),
    messages: integer('messages', values.messages),
    conversations: integer('conversations', values.conversations),
    startDate: date('start', values.start),
    endDate: date('end', values.end),
    heavyShare: values['heavy-share'] === undefined ? undefined : Number(values['heavy-share']),
    sims: integer('sims', values.sims),
    pictures: integer('pictures', values.pictures),
    missingPictures: integer('missing-pictures', values['missing-pictures']),
    groups: integer('groups', values.groups),
    unreadConversations: integer('unread', values.unread),
    region: values.region,
    deviceName: values['device-name'],
  }
  // resolveOptions drops the undefined entries and validates the rest.
  const options = input as GenerateInput
  const started = performance.now()
  const toStdout = values.out === '-'
  const write = WRITERS[format(values.format)]
  const result = await write(toStdout ? process.stdout : values.out, options)
  const seconds = (performance.now() - started) / 1000
  const megabytes = result.bytes / 1e6
  const peakMemory = process.resourceUsage().maxRSS / 1024 // kB → MiB
  process.stderr.write(
    `history: ${result.messages} messages, ${result.conversations} conversations ` +
      `(biggest ${result.biggest}), ${result.contacts} contacts, ${result.pictures} pictures ` +
      `(+${result.missingPictures} missing), ${megabytes.toFixed(1)} MB → ${toStdout ? 'stdout' : values.out} ` +
      `in ${seconds.toFixed(1)} s, peak rss ${peakMemory.toFixed(0)} MiB\n`,
  )
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`)
  process.exitCode = 1
})
