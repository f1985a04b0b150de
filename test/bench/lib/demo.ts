// The TypeScript demo phone as the benchmarks run it: the demo's own setup, except that the
// phone's user confirms pairing at once (the demo waits 1.5 s, which is not the system's time)
// and the radio's timings are the caller's. A store listener registered before any session
// marks the moment the phone's provider changes.
import type { HistoryFile } from '../../../shared/history/schema'
import type { RunningDemo } from '../../../electron/main/demo/demo-setup'
import { DemoPhone } from '../../../electron/main/demo/phone/demo-phone'
import type { SendTimings } from '../../../electron/main/demo/phone/send-service'
import { StaticFinder } from '../../../electron/main/discovery/discovery'
import { silentLogger } from '../../../electron/main/log'
import { now } from './stats'

export interface BenchDemo extends RunningDemo {
  /** now() of the phone store's last change (a received text, a sent row). */
  readonly lastChange: () => number
}

export async function startBenchDemo(
  history: HistoryFile,
  sendTimings: SendTimings = { sentAfterMs: 300, deliveredAfterMs: 900 },
): Promise<BenchDemo> {
  const phone = new DemoPhone({
    history,
    log: silentLogger,
    confirm: () => Promise.resolve(true),
    sendTimings,
  })
  let changedAt = Number.NaN
  phone.store.onChange(() => {
    changedAt = now()
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
  return {
    phone,
    finder,
    scan(uri) {
      phone.scan(uri)
      advertise()
    },
    stop: () => phone.stop(),
    lastChange: () => changedAt,
  }
}
