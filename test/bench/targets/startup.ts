// Targets 4 and 6, each measured in fresh processes on the big archive (probes/core-process.ts).
//   4. cold start: open the archive (migrations check, pragmas) + first conversation page; floor:
//      plain better-sqlite3 open + the same rows read raw. Also the core's whole start in Node
//      (createCore, then the list through the API) and the process's age when the list is ready.
//   6. memory at idle: RSS of a process running the desktop core on the archive after listing
//      conversations; floor: RSS of a bare process with better-sqlite3 open on the same file.
import type { BigArchive } from '../lib/big-archive'
import { benchFile, runTs } from '../lib/proc'
import type { Row } from '../lib/report'
import { median } from '../lib/stats'

interface ProbeResult {
  mode: string
  readyAt: number
  importMs: number
  workMs: number
  openMs?: number
  listMs?: number
  memory?: { rss: number; heapUsed: number; external: number; peakRss: number | null }
}

const PROBE = benchFile('probes/core-process.ts')

function probe(mode: string, path: string, idleMs = 0): Promise<ProbeResult> {
  return runTs<ProbeResult>(PROBE, ['--mode', mode, '--path', path, '--idle-ms', String(idleMs)])
}

export interface StartupSamples {
  readonly store: ProbeResult[]
  readonly floor: ProbeResult[]
  readonly core: ProbeResult[]
  readonly coreIdle: ProbeResult
  readonly floorIdle: ProbeResult
  readonly bareIdle: ProbeResult
}

export async function measureStartup(big: BigArchive, runs: number): Promise<StartupSamples> {
  // Untimed first runs: the first open after the build refreshes planner statistics, and the
  // first core start creates the identity key and settings.
  await probe('store', big.archivePath)
  await probe('core', big.dataDir)
  const store: ProbeResult[] = []
  const floor: ProbeResult[] = []
  const core: ProbeResult[] = []
  for (let i = 0; i < runs; i++) {
    store.push(await probe('store', big.archivePath))
    floor.push(await probe('floor', big.archivePath))
    core.push(await probe('core', big.dataDir))
  }
  const idle = 3000
  return {
    store,
    floor,
    core,
    coreIdle: await probe('core', big.dataDir, idle),
    floorIdle: await probe('floor', big.archivePath, idle),
    bareIdle: await probe('bare', '', idle),
  }
}

export function startupRows(s: StartupSamples, big: BigArchive): Row[] {
  const size = `${(big.messages / 1e6).toFixed(big.messages < 1e6 ? 2 : 0)}M`
  const work = (list: ProbeResult[]) => list.map((r) => r.workMs)
  const db = median(work(s.store))
  const open = median(s.store.map((r) => r.openMs ?? Number.NaN))
  const list = median(s.store.map((r) => r.listMs ?? Number.NaN))
  const coreMs = median(work(s.core))
  const coreAge = median(s.core.map((r) => r.readyAt))
  const storeAge = median(s.store.map((r) => r.readyAt))
  const floorAge = median(s.floor.map((r) => r.readyAt))
  const rss = s.coreIdle.memory?.rss ?? null
  const floorRss = s.floorIdle.memory?.rss ?? null
  return [
    {
      target: '4',
      measure: `cold start ${size}: open + first page (database share), median`,
      value: db,
      unit: 'ms',
      detail: `open ${open.toFixed(1)} + page ${list.toFixed(1)}, max ${Math.max(...work(s.store)).toFixed(1)}, n ${s.store.length}`,
      floor: median(work(s.floor)),
      goal: 20,
      goalText: '≤ 20 ms',
    },
    {
      target: '4',
      measure: `cold start ${size}: createCore + list via API, median`,
      value: coreMs,
      unit: 'ms',
      detail: `process age at list ${coreAge.toFixed(0)} ms (store only ${storeAge.toFixed(0)}) incl. Node+tsx`,
      floor: median(work(s.floor)),
      goal: 1000,
      goalText: '≤ 1 s (whole app)',
      note: `the process-age figures include Node start and tsx compiling TypeScript on the fly (floor process: ${floorAge.toFixed(0)} ms); Electron and the window are not part of this figure`,
    },
    {
      target: '6',
      measure: `memory at idle, ${size}: core process RSS`,
      value: rss,
      unit: 'MB',
      detail: `heap ${s.coreIdle.memory?.heapUsed.toFixed(0) ?? '?'} MB, external ${s.coreIdle.memory?.external.toFixed(0) ?? '?'} MB, peak ${s.coreIdle.memory?.peakRss?.toFixed(0) ?? '?'} MB`,
      floor: floorRss,
      goal: 150,
      goalText: '≤ 150 MB (core)',
      note: `MiB. A tsx process with nothing loaded takes ${s.bareIdle.memory?.rss.toFixed(0) ?? '?'} MB; the figure is the Node core only (Electron's main and renderer processes come on top)`,
    },
  ]
}
