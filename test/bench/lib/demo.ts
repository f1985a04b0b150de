// The TypeScript demo phone as the benchmarks run it: the demo's own setup, except that the
// phone's user confirms pairing at once (the demo waits 1.5 s, which is not the system's time),
// the radio's timings are the caller's, and nobody texts it unprompted. A store listener
// registered before any session marks the moment the phone's provider changes.
import type { HistoryFile } from '../../../shared/history/schema'
import { startDemo, type RunningDemo } from '../../../electron/demo/demo-setup'
import type { SendTimings } from '../../../electron/demo/phone/send-service'
import { silentLogger } from '../../../electron/core/log'
import { now } from './stats'

export interface BenchDemo extends RunningDemo {
  /** now() of the phone store's last change (a received text, a sent row). */
  readonly lastChange: () => number
}

export async function startBenchDemo(
  history: HistoryFile,
  sendTimings: SendTimings = { sentAfterMs: 300, deliveredAfterMs: 900 },
): Promise<BenchDemo> {
  const demo = await startDemo({
    history,
    log: silentLogger,
    chatterMs: null,
    phone: { confirm: () => Promise.resolve(true), sendTimings },
  })
  let changedAt = Number.NaN
  demo.phone.store.onChange(() => {
    changedAt = now()
  })
  return { ...demo, lastChange: () => changedAt }
}
