// Target 1: initial sync, phone to desktop store with search index, measured from the moment
// pairing completes. Once with the in-process TypeScript demo phone, once with the Java phone
// core (the JVM runner) in its own process serving the same history from a file.
import { join } from 'node:path'
import { StaticFinder } from '../../../electron/core/discovery/discovery'
import { generateHistory } from '../../../electron/demo/generate'
import type { HistoryFile } from '../../../shared/history/schema'
import { pair, startHarness, type Harness } from '../../support/core-harness'
import {
  PHONE_JAR,
  ensurePhoneJar,
  javaUnavailable,
  spawnJsonLines,
} from '../../support/java-runner'
import { startBenchDemo, type BenchDemo } from '../lib/demo'
import type { Row } from '../lib/report'
import type { SyncMilestones } from '../lib/sync-watch'
import { watchSync } from '../lib/sync-watch'
import type { PipelineFloor } from '../floor/pipeline'
import { existsSync } from 'node:fs'

const SYNC_TIMEOUT_MS = 900_000

export async function syncWithDemoPhone(
  history: HistoryFile,
): Promise<{ h: Harness; demo: BenchDemo; milestones: SyncMilestones }> {
  // Sends stay "accepted" for the benchmark's duration: target 7 times the request only, and
  // the simulated radio's later writes would otherwise land in the middle of other samples.
  const demo = await startBenchDemo(history, { sentAfterMs: 3_600_000, deliveredAfterMs: 1 })
  const h = await startHarness({ history, demo })
  const watching = watchSync(h, SYNC_TIMEOUT_MS)
  await pair(h)
  return { h, demo, milestones: await watching }
}

/** Null and a reason when Java or the runner's jar is missing (quick runs do not build it). */
export async function syncWithJavaPhone(
  historyFile: string,
  dir: string,
  build: boolean,
): Promise<SyncMilestones | string> {
  const noJava = javaUnavailable()
  if (noJava !== null) return noJava
  if (!existsSync(PHONE_JAR)) {
    if (!build) return `${PHONE_JAR} not built (bash companion-android/runner/phone.sh builds it)`
    ensurePhoneJar()
  }
  const phone = spawnJsonLines([
    '-jar',
    PHONE_JAR,
    '--history',
    historyFile,
    '--port',
    '0',
    '--state',
    join(dir, 'jvm-phone-state'),
    '--name',
    'JVM Pixel',
  ])
  let h: Harness | null = null
  try {
    const { port } = await phone.next<{ event: string; port: number }>(
      (l) => l.event === 'listening',
      300_000,
    )
    // The harness's own demo phone is a one-message stand-in that nobody pairs with.
    h = await startHarness({
      history: generateHistory({ messages: 1, conversations: 1 }),
      finder: new StaticFinder(),
    })
    const watching = watchSync(h, SYNC_TIMEOUT_MS)
    const shown = await h.call('pairing.start', {})
    if (shown.step !== 'showing_qr') throw new Error(`pairing started in ${shown.step}`)
    phone.send({ cmd: 'scan', uri: shown.uri })
    await phone.next<{ event: string }>((l) => l.event === 'scanned')
    await h.call('pairing.connectTo', { host: '127.0.0.1', port })
    return await watching
  } finally {
    await h?.stop()
    await phone.stop()
  }
}

export function syncRows(
  phone: string,
  result: SyncMilestones | string,
  floor: PipelineFloor,
  expected: number,
): Row[] {
  const floorFirst = floor.firstBatchMs / 1000
  const floorRecent = floor.recentMs / 1000
  const floorTotal = floor.totalMs / 1000
  if (typeof result === 'string') {
    return [
      {
        target: '1',
        measure: `${phone}: first screen of the list after pairing`,
        value: null,
        unit: 's',
        floor: floorFirst,
        goal: 2,
        goalText: '≤ 2 s',
        note: result,
      },
      {
        target: '1',
        measure: `${phone}: every conversation listed after pairing`,
        value: null,
        unit: 's',
        floor: floorRecent,
        goal: 2,
        goalText: '≤ 2 s',
        note: result,
      },
      {
        target: '1',
        measure: `${phone}: all ${expected} searchable`,
        value: null,
        unit: 's',
        floor: floorTotal,
        goal: 10 * (expected / 100_000),
        goalText: goalText(expected),
        note: result,
      },
    ]
  }
  const m = result
  const complete = m.messages === expected ? '' : `; ${m.messages} of ${expected} messages arrived`
  return [
    {
      target: '1',
      measure: `${phone}: first screen of the list after pairing`,
      value: (m.firstScreenAt - m.pairedAt) / 1000,
      unit: 's',
      detail: 'the 20 newest conversations, from the first recent page',
      floor: floorFirst,
      goal: 2,
      goalText: '≤ 2 s',
    },
    {
      target: '1',
      measure: `${phone}: every conversation listed after pairing`,
      value: (m.listUsableAt - m.pairedAt) / 1000,
      unit: 's',
      detail: `recent phase ${m.recentMessages} msgs, desktop writes ${(m.recentApplyMs / 1000).toFixed(2)} s`,
      floor: floorRecent,
      goal: 2,
      goalText: '≤ 2 s',
    },
    {
      target: '1',
      measure: `${phone}: all ${expected} searchable`,
      value: (m.searchableAt - m.pairedAt) / 1000,
      unit: 's',
      detail: `writes ${((m.recentApplyMs + m.historyApplyMs) / 1000).toFixed(2)} s + rebuild ${(m.rebuildMs / 1000).toFixed(2)} s, ${m.conversations} convs${complete}`,
      floor: floorTotal,
      goal: 10 * (expected / 100_000),
      goalText: goalText(expected),
    },
  ]
}

function goalText(messages: number): string {
  return messages === 100_000
    ? '≤ 10 s'
    : `≤ ${(10 * (messages / 100_000)).toFixed(1)} s (10 s/100k)`
}
