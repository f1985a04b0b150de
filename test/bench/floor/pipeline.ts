// Floors of targets 1 and 2, measured on the minimal setup in this run: a phone process (see
// phone-process.ts) and this process as the desktop, over a real loopback WebSocket.
//   sync: 100k messages stringify + secretbox + ws + open + parse + bulk insert, then one FTS
//         'rebuild'; also when the first `recentCount` rows were committed (the floor of the
//         recent phase).
//   live: one message encrypt, send, open, parse, commit (row + index entry), ack back.
import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import WebSocket from 'ws'
import type { HistoryMessage } from '../../../shared/history/schema'
import { benchFile, spawnTs } from '../lib/proc'
import { now } from '../lib/stats'
import { MinimalStore } from './minimal'
import { SealedChannel, toBytes } from './wire'

export interface PipelineFloor {
  /** From the request to the first batch (1,000 rows) committed. */
  readonly firstBatchMs: number
  /** From the request to the first `recentCount` rows committed. */
  readonly recentMs: number
  /** From the request to the rebuilt index. */
  readonly totalMs: number
  readonly rebuildMs: number
  readonly messages: number
  /** Phone-side round trip per live message: encrypt, send, commit, ack received. */
  readonly liveRoundTrips: number[]
  /** Desktop side of each live message: frame received to committed. */
  readonly liveDesktop: number[]
}

type Frame =
  | { messages: HistoryMessage[] }
  | { done: true }
  | { message: HistoryMessage }
  | { liveResult: number[] }

export async function measurePipelineFloor(options: {
  readonly historyFile: string
  readonly dir: string
  readonly recentCount: number
  readonly liveCount: number
}): Promise<PipelineFloor> {
  const key = randomBytes(32)
  const phone = spawnTs(benchFile('floor/phone-process.ts'), [
    '--history',
    options.historyFile,
    '--key',
    key.toString('hex'),
  ])
  const dbPath = join(options.dir, 'floor-sync.sqlite')
  const store = new MinimalStore(dbPath)
  try {
    const { port } = await phone.next<{ port: number }>((l) => 'port' in l, 120_000)
    const ws = new WebSocket(`ws://127.0.0.1:${port}`, { perMessageDeflate: false })
    await new Promise<void>((resolve, reject) => {
      ws.once('open', resolve)
      ws.once('error', reject)
    })
    const channel = new SealedChannel(Uint8Array.from(key), 1)
    let handler: (frame: Frame, receivedAt: number) => void = () => undefined
    ws.on('message', (data) => {
      const receivedAt = now()
      handler(channel.open(toBytes(data)) as Frame, receivedAt)
    })

    const sync = await new Promise<{
      firstBatchMs: number
      recentMs: number
      totalMs: number
      rebuildMs: number
      n: number
    }>((resolve) => {
      let count = 0
      let recentMs = Number.NaN
      let firstBatchMs = Number.NaN
      const start = now()
      handler = (frame) => {
        if ('messages' in frame) {
          store.insertBatch(frame.messages)
          count += frame.messages.length
          if (Number.isNaN(firstBatchMs)) firstBatchMs = now() - start
          if (Number.isNaN(recentMs) && count >= options.recentCount) recentMs = now() - start
        } else if ('done' in frame) {
          const rebuildStart = now()
          store.rebuild()
          const end = now()
          resolve({
            firstBatchMs,
            recentMs,
            totalMs: end - start,
            rebuildMs: end - rebuildStart,
            n: count,
          })
        }
      }
      ws.send(channel.seal({ op: 'stream', batch: 1000 }))
    })

    const liveDesktop: number[] = []
    const liveRoundTrips = await new Promise<number[]>((resolve) => {
      handler = (frame, receivedAt) => {
        if ('message' in frame) {
          store.insertLive(frame.message)
          liveDesktop.push(now() - receivedAt)
          ws.send(channel.seal({ op: 'ack' }))
        } else if ('liveResult' in frame) {
          resolve(frame.liveResult)
        }
      }
      ws.send(channel.seal({ op: 'live', count: options.liveCount }))
    })
    ws.close()
    return {
      firstBatchMs: sync.firstBatchMs,
      recentMs: sync.recentMs,
      totalMs: sync.totalMs,
      rebuildMs: sync.rebuildMs,
      messages: sync.n,
      liveRoundTrips,
      liveDesktop,
    }
  } finally {
    store.close()
    await phone.stop()
    for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true })
  }
}
