// The built-in demo phone for `npm run demo`: a TypeScript phone on loopback serving a generated
// history (or a history file), found through a fixed list instead of mDNS (the demo never sends
// multicast), and "scanning" the QR the desktop shows when the newcomer asks it to.
import { readFileSync } from 'node:fs'
import { historyFile, type HistoryFile } from '../../shared/history/schema'
import { StaticFinder } from '../core/discovery/discovery'
import type { Logger } from '../core/log'
import { generateHistory } from './generate'
import { startChatter } from './phone/chatter'
import { DemoPhone, type DemoPhoneOptions } from './phone/demo-phone'

export interface RunningDemo {
  readonly phone: DemoPhone
  readonly finder: StaticFinder
  /** What the demo phone's camera does with the QR on screen. */
  scan(uri: string): void
  stop(): Promise<void>
}

export function loadHistory(path: string): HistoryFile {
  const parsed = historyFile.safeParse(JSON.parse(readFileSync(path, 'utf8')))
  if (!parsed.success)
    throw new Error(
      `${path} is not a Textbridge history file: ${parsed.error.message.slice(0, 300)}`,
    )
  return parsed.data
}

/** How often someone texts the demo phone on their own. */
export const DEMO_CHATTER_MS = 45_000

export async function startDemo(options: {
  readonly history?: HistoryFile
  readonly log: Logger
  /** Live texts every so often (default on); null turns them off for tests that count. */
  readonly chatterMs?: number | null
  /** The phone user's answer to the short code and the radio's timings (benchmarks set them). */
  readonly phone?: Pick<
    DemoPhoneOptions,
    'confirm' | 'sendTimings' | 'failures' | 'waits' | 'capabilities' | 'mmsMaxBytes'
  >
}): Promise<RunningDemo> {
  // The generated demo ends now, so its newest texts read as today's.
  const history = options.history ?? generateHistory({ endDate: Date.now() })
  const phone = new DemoPhone({
    ...options.phone,
    history,
    log: options.log.child({ side: 'demo-phone' }),
  })
  const port = await phone.start()
  const finder = new StaticFinder()
  const advertise = () => {
    finder.set([
      {
        versions: [1],
        instanceId: phone.instanceId,
        pairingTag: phone.pairingTag,
        host: '127.0.0.1',
        port,
        seenAt: Date.now(),
      },
    ])
  }
  advertise()
  phone.on((event) => {
    if (event.type === 'paired' || event.type === 'connected') advertise()
  })
  const chatterMs = options.chatterMs === undefined ? DEMO_CHATTER_MS : options.chatterMs
  const stopChatter =
    chatterMs === null ? () => undefined : startChatter(phone, history.contacts, chatterMs)
  return {
    phone,
    finder,
    scan(uri) {
      phone.scan(uri)
      advertise()
    },
    stop: () => {
      stopChatter()
      return phone.stop()
    },
  }
}
