// Milestones of an initial sync, seen from the desktop core: pairing completed, the heads pass
// committed (one message of every conversation: the whole list is there), the back-fill committed and the search
// index rebuilt (the whole history is searchable). Events are emitted synchronously after each
// write, so the times are the commit times, not a polling interval later.
import { storedCounts } from '../../support/archive-walk'
import type { Harness } from '../../support/core-harness'
import { before, instrument } from './instrument'
import { now } from './stats'

export interface SyncMilestones {
  readonly deviceId: string
  /** now() when the pairing state became 'paired'. */
  readonly pairedAt: number
  /** The newest conversations fill the first screen of the list (20 rows read). */
  readonly firstScreenAt: number
  /** The heads pass committed (every conversation is listed). */
  readonly listUsableAt: number
  readonly searchableAt: number
  /** Messages written before every conversation was listed (the heads pass). */
  readonly headsMessages: number
  readonly messages: number
  readonly conversations: number
  /** Time in the archive's batch writes (round trip to its thread), and in the index rebuild. */
  readonly headsApplyMs: number
  readonly recentApplyMs: number
  readonly historyApplyMs: number
  readonly rebuildMs: number
  readonly batches: number
}

interface Counted {
  readonly inserted?: number
}

export function watchSync(h: Harness, timeoutMs: number): Promise<SyncMilestones> {
  const { archive } = h.core
  let recentApplyMs = 0
  let historyApplyMs = 0
  let rebuildMs = 0
  let headsMessages = 0
  let headsApplyMs = 0
  let headsCursor: string | null | undefined
  let headsDoneAt = Number.NaN
  let batches = 0
  before(archive.sync, 'applyHeads', (_device, batch) => {
    headsCursor = (batch as { cursor: string | null }).cursor
  })
  instrument(archive.sync, 'applyHeads', (ms, result) => {
    headsApplyMs += ms
    headsMessages += (result as Counted).inserted ?? 0
    batches += 1
    if (headsCursor === null) headsDoneAt = now()
  })
  instrument(archive.sync, 'applyRecent', (ms) => {
    recentApplyMs += ms
    batches += 1
  })
  // The index rebuild runs inside the last history write on the archive's thread; its share is
  // that write's time beyond a typical batch.
  const historyBatches: number[] = []
  instrument(archive.sync, 'applyHistory', (ms, result) => {
    historyApplyMs += ms
    batches += 1
    if ((result as { indexRebuilt?: boolean }).indexRebuilt === true) {
      const typical = median(historyBatches)
      rebuildMs = Math.max(0, ms - typical)
    } else historyBatches.push(ms)
  })
  return new Promise((resolve, reject) => {
    let deviceId: string | null = null
    let pairedAt = Number.NaN
    let listUsableAt = Number.NaN
    let firstScreenAt = Number.NaN
    const timer = setTimeout(() => {
      off()
      reject(new Error(`initial sync not finished within ${timeoutMs} ms`))
    }, timeoutMs)
    const off = h.core.api.onEvent((event) => {
      if (event.type === 'pairing' && event.pairing.step === 'paired' && deviceId === null) {
        deviceId = event.pairing.deviceId
        pairedAt = now()
        return
      }
      if (event.type !== 'conversations' || deviceId === null) return
      schedule(deviceId)
    })
    // One check at a time; an event during a check asks for one more after it.
    let checking = false
    let again = false
    const schedule = (id: string): void => {
      if (checking) {
        again = true
        return
      }
      checking = true
      check(id).then(
        (done) => {
          checking = false
          if (done !== null) {
            clearTimeout(timer)
            off()
            resolve(done)
          } else if (again) {
            again = false
            schedule(id)
          }
        },
        (e: unknown) => {
          clearTimeout(timer)
          off()
          reject(e instanceof Error ? e : new Error(String(e)))
        },
      )
    }
    // What the window would see now: the first screen, the whole list, then everything searchable.
    const check = async (id: string): Promise<SyncMilestones | null> => {
      const state = await archive.sync.state(id)
      if (
        Number.isNaN(firstScreenAt) &&
        (await archive.conversations.list({}, null, 20)).items.length === 20
      )
        firstScreenAt = now()
      // The last heads page committed (or, resuming a sync, the recent pass already done).
      if (Number.isNaN(listUsableAt) && (!Number.isNaN(headsDoneAt) || state.recent.done))
        listUsableAt = Number.isNaN(headsDoneAt) ? now() : headsDoneAt
      if (!state.history.done || (await archive.searchIndex.isDirty())) return null
      const searchableAt = now()
      const { conversations, messages } = await storedCounts(archive)
      return {
        deviceId: id,
        pairedAt,
        firstScreenAt,
        listUsableAt,
        searchableAt,
        headsMessages,
        headsApplyMs,
        messages,
        conversations,
        recentApplyMs,
        historyApplyMs: historyApplyMs - rebuildMs,
        rebuildMs,
        batches,
      }
    }
  })
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}
