// The stress-case archive for targets 3-6 (1M messages, one conversation of 100k), built on the
// store's bulk path (upsertMessages in deferred mode, then one rebuild), and beside it the
// floors' minimal archive holding the same messages. The build itself is timed both ways.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createHistory } from '../../../electron/demo/generate'
import { DEFAULT_END } from '../../../electron/demo/generate/options'
import { openArchive } from '../../../electron/core/store'
import { databaseOf } from '../../../electron/core/store/archive'
import { MinimalStore } from '../floor/minimal'
import { chunks, toSms } from './history'
import type { Sizes } from './sizes'
import { SEED } from './sizes'
import { log, now } from './stats'

export const BIG_DEVICE = 'beefbeefbeefbeefbeefbeefbeefbeef'

export interface BigArchive {
  readonly sizes: Sizes['big']
  /** The desktop core's data folder; the archive is `archive.sqlite` in it. */
  readonly dataDir: string
  readonly archivePath: string
  readonly minimalPath: string
  readonly messages: number
  readonly conversations: number
  readonly heavyThreadId: number
  readonly heavyThreadSize: number
  /** Store: upsertMessages (deferred) over all batches, and the rebuild. */
  readonly storeInsertMs: number
  readonly storeRebuildMs: number
  /** Floor: the minimal schema's bulk insert of the same batches, and its rebuild. */
  readonly floorInsertMs: number
  readonly floorRebuildMs: number
  readonly batch: number
}

const BATCH = 5000
const YEAR = 365.25 * 86_400_000

export function buildBigArchive(dir: string, sizes: Sizes['big']): BigArchive {
  const metaPath = join(dir, 'big.json')
  if (existsSync(metaPath)) {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as BigArchive
    if (JSON.stringify(meta.sizes) === JSON.stringify(sizes) && existsSync(meta.archivePath)) {
      log(`reusing the ${sizes.messages} archive in ${dir}`)
      return meta
    }
  }
  const dataDir = join(dir, 'core')
  mkdirSync(dataDir, { recursive: true })
  const archivePath = join(dataDir, 'archive.sqlite')
  const minimalPath = join(dir, 'minimal.sqlite')
  // Six years rather than the generator's four: the window's jump row needs a hit five years
  // old in the heavy thread, and the heavy thread spans the whole history.
  const history = createHistory({
    messages: sizes.messages,
    conversations: sizes.conversations,
    heavyShare: sizes.heavyShare,
    startDate: DEFAULT_END - Math.round(sizes.years * YEAR),
    seed: SEED,
  })
  const archive = openArchive(archivePath, { clock: Date.now })
  archive.devices.add({
    id: BIG_DEVICE,
    name: history.head.device.name,
    model: history.head.device.model ?? null,
    publicKey: new Uint8Array(32).fill(9),
    region: history.head.device.region ?? 'GB',
    sims: history.head.sims,
    pairedAt: Date.now(),
  })
  archive.contacts.replaceAll(BIG_DEVICE, history.head.contacts)
  const minimal = new MinimalStore(minimalPath)
  let storeInsertMs = 0
  let floorInsertMs = 0
  let done = 0
  let lastLog = now()
  for (const batch of chunks(history.messages, BATCH)) {
    const records = batch.map(toSms)
    let t = now()
    archive.sync.upsertMessages(BIG_DEVICE, records, 'deferred')
    storeInsertMs += now() - t
    t = now()
    minimal.insertBatch(batch)
    floorInsertMs += now() - t
    done += batch.length
    if (now() - lastLog > 10_000) {
      log(
        `  ${done} of ${sizes.messages} written (store ${(done / (storeInsertMs / 1000)).toFixed(0)} rows/s)`,
      )
      lastLog = now()
    }
  }
  let t = now()
  archive.searchIndex.rebuild()
  const storeRebuildMs = now() - t
  t = now()
  minimal.rebuild()
  const floorRebuildMs = now() - t
  minimal.close()
  const db = databaseOf(archive)
  const heavy = db
    .prepare<[], { id: number; message_count: number }>(
      'SELECT id, message_count FROM threads ORDER BY message_count DESC LIMIT 1',
    )
    .get()
  const counts = db
    .prepare<[], { m: number; t: number }>(
      'SELECT (SELECT count(*) FROM messages) AS m, (SELECT count(*) FROM threads) AS t',
    )
    .get()
  archive.close()
  if (heavy === undefined || counts === undefined) throw new Error('empty archive')
  const meta: BigArchive = {
    sizes,
    dataDir,
    archivePath,
    minimalPath,
    messages: counts.m,
    conversations: counts.t,
    heavyThreadId: heavy.id,
    heavyThreadSize: heavy.message_count,
    storeInsertMs,
    storeRebuildMs,
    floorInsertMs,
    floorRebuildMs,
    batch: BATCH,
  }
  writeFileSync(metaPath, JSON.stringify(meta, null, 2))
  return meta
}
