// The store's bulk path on its own (electron/core/store/README.md: "a back-fill ... one
// rebuild"): a history through sync.applyHistory in the sync engine's batches (1,000, newest
// first) into a file-backed archive, then the rebuild. Floor: the same batches into the minimal
// schema, then its rebuild. Not one of the numbered targets; it is the desktop's share of target 1.
import { join } from 'node:path'
import { openArchive } from '../../../electron/core/store'
import type { HistoryFile } from '../../../shared/history/schema'
import { removeDatabase, timeMinimalBulk } from '../floor/minimal'
import type { BigArchive } from '../lib/big-archive'
import { toSms } from '../lib/history'
import { instrument } from '../lib/instrument'
import type { Row } from '../lib/report'
import { now } from '../lib/stats'

const BATCH = 1000
const DEVICE = 'bacebacebacebacebacebacebacebace'

export interface BulkResult {
  readonly messages: number
  readonly storeInsertMs: number
  readonly storeRebuildMs: number
  readonly floorInsertMs: number
  readonly floorRebuildMs: number
}

export function measureBulk(history: HistoryFile, dir: string): BulkResult {
  const newestFirst = [...history.messages].reverse()
  const records = newestFirst.map(toSms)
  const archivePath = join(dir, 'bulk.sqlite')
  const minimalPath = join(dir, 'bulk-minimal.sqlite')
  removeDatabase(archivePath)
  const archive = openArchive(archivePath, { clock: Date.now })
  archive.devices.add({
    id: DEVICE,
    name: 'Bulk phone',
    model: null,
    publicKey: new Uint8Array(32).fill(3),
    region: history.device.region ?? 'GB',
    sims: history.sims,
    pairedAt: Date.now(),
  })
  // applyHistory rebuilds the index after the last batch: its share is timed on its own.
  let storeRebuildMs = 0
  instrument(archive.searchIndex, 'rebuild', (ms) => {
    storeRebuildMs += ms
  })
  const t = now()
  for (let i = 0; i < records.length; i += BATCH) {
    archive.sync.applyHistory(DEVICE, {
      scope: 'history',
      messages: records.slice(i, i + BATCH),
      cursor: i + BATCH >= records.length ? null : `h:${i}`,
      total: records.length,
    })
  }
  const storeInsertMs = now() - t - storeRebuildMs
  archive.close()
  const floor = timeMinimalBulk(minimalPath, newestFirst, BATCH)
  removeDatabase(archivePath)
  return {
    messages: records.length,
    storeInsertMs,
    storeRebuildMs,
    floorInsertMs: floor.insertMs,
    floorRebuildMs: floor.rebuildMs,
  }
}

export const rate = (ms: number, n: number): number => n / (ms / 1000)

export function bulkRows(b: BulkResult): Row[] {
  return [
    {
      target: 'bulk',
      measure: `store bulk path ${b.messages / 1000}k (applyHistory ×${BATCH}, newest first), insert`,
      value: rate(b.storeInsertMs, b.messages),
      unit: 'rows/s',
      higherIsBetter: true,
      detail: `${(b.storeInsertMs / 1000).toFixed(2)} s`,
      floor: rate(b.floorInsertMs, b.messages),
      goal: null,
      goalText: '',
    },
    {
      target: 'bulk',
      measure: `store bulk path ${b.messages / 1000}k, insert + rebuild`,
      value: rate(b.storeInsertMs + b.storeRebuildMs, b.messages),
      unit: 'rows/s',
      higherIsBetter: true,
      detail: `rebuild ${(b.storeRebuildMs / 1000).toFixed(2)} s (floor ${(b.floorRebuildMs / 1000).toFixed(2)} s)`,
      floor: rate(b.floorInsertMs + b.floorRebuildMs, b.messages),
      goal: null,
      goalText: '',
    },
  ]
}

/** The big archive's build (lib/big-archive.ts), on the same bulk path at the stress size. */
export function bigBuildRow(big: BigArchive): Row {
  const store = big.storeInsertMs + big.storeRebuildMs
  const floor = big.floorInsertMs + big.floorRebuildMs
  return {
    target: 'bulk',
    measure: `store bulk path ${big.messages / 1000}k (upsertMessages deferred ×${big.batch}, oldest first) + rebuild`,
    value: rate(store, big.messages),
    unit: 'rows/s',
    higherIsBetter: true,
    detail: `${(store / 1000).toFixed(1)} s, rebuild ${(big.storeRebuildMs / 1000).toFixed(1)} s (floor ${(big.floorRebuildMs / 1000).toFixed(1)} s)`,
    floor: rate(floor, big.messages),
    goal: null,
    goalText: '',
  }
}
