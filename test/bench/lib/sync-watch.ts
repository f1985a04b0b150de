// Milestones of an initial sync, seen from the desktop core: pairing completed, the recent
// phase committed (the conversation list is usable), the back-fill committed and the search
// index rebuilt (the whole history is searchable). Events are emitted synchronously after each
// write, so the times are the commit times, not a polling interval later.
import { storedCounts } from '../../support/archive-walk'
import type { Harness } from '../../support/core-harness'
import { instrument } from './instrument'
import { now } from './stats'

export interface SyncMilestones {
  readonly deviceId: string
  /** now() when the pairing state became 'paired'. */
  readonly pairedAt: number
  /** The newest conversations fill the first screen of the list (20 rows read). */
  readonly firstScreenAt: number
  /** Recent phase committed and the first conversation page (100) read. */
  readonly listUsableAt: number
  readonly searchableAt: number
  readonly recentMessages: number
  readonly messages: number
  readonly conversations: number
  /** Desktop time spent inside the archive's batch writes, and in the index rebuild. */
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
  let recentMessages = 0
  let batches = 0
  instrument(archive.sync, 'applyRecent', (ms, result) => {
    recentApplyMs += ms
    recentMessages += (result as Counted).inserted ?? 0
    batches += 1
  })
  instrument(archive.sync, 'applyHistory', (ms) => {
    historyApplyMs += ms
    batches += 1
  })
  instrument(archive.searchIndex, 'rebuild', (ms) => {
    rebuildMs += ms
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
      const state = archive.sync.state(deviceId)
      if (
        Number.isNaN(firstScreenAt) &&
        archive.conversations.list({}, null, 20).items.length === 20
      )
        firstScreenAt = now()
      if (Number.isNaN(listUsableAt) && state.recent.done) {
        archive.conversations.list({}, null, 100)
        listUsableAt = now()
      }
      if (state.history.done && !archive.searchIndex.isDirty()) {
        const searchableAt = now()
        clearTimeout(timer)
        off()
        const { conversations, messages } = storedCounts(archive)
        resolve({
          deviceId,
          pairedAt,
          firstScreenAt,
          listUsableAt,
          searchableAt,
          recentMessages,
          messages,
          conversations,
          recentApplyMs,
          historyApplyMs: historyApplyMs - rebuildMs,
          rebuildMs,
          batches,
        })
      }
    })
  })
}
