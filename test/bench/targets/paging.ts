// Target 5, database side: scrolling. Page fetches at random depths of the heavy conversation
// (50 messages, the window's page, by cursor in both directions) and of the conversation list
// (100 rows, the window's page). Floor: the same keyset queries in raw SQL on the same file.
import Database from 'better-sqlite3'
import { encodeCursor } from '../../../shared/model/cursor'
import { openArchive } from '../../../electron/core/store'
import type { BigArchive } from '../lib/big-archive'
import type { Row } from '../lib/report'
import { now, summarize } from '../lib/stats'
import { Rng } from '../../../electron/demo/generate/random'

const MESSAGE_PAGE = 50
const CONVERSATION_PAGE = 100

const RAW_OLDER = `SELECT * FROM messages WHERE thread_id = ? AND sort_key < ?
  ORDER BY sort_key DESC LIMIT ${MESSAGE_PAGE + 1}`
const RAW_NEWER = `SELECT * FROM messages WHERE thread_id = ? AND sort_key > ?
  ORDER BY sort_key ASC LIMIT ${MESSAGE_PAGE + 1}`
const RAW_LIST = `SELECT t.*, m.id AS message_id, m.box, m.status, m.date, substr(m.body, 1, 640) AS head
  FROM threads t JOIN messages m ON m.sort_key = t.last_sort_key
  WHERE t.last_sort_key < ? ORDER BY t.last_sort_key DESC LIMIT ${CONVERSATION_PAGE + 1}`

export interface PagingSamples {
  readonly thread: number[]
  readonly threadFloor: number[]
  readonly list: number[]
  readonly listFloor: number[]
}

export function measurePaging(big: BigArchive, count: number): PagingSamples {
  const archive = openArchive(big.archivePath, { clock: Date.now })
  const raw = new Database(big.archivePath, { readonly: true })
  raw.pragma('cache_size = -32768')
  const random = Rng.stream(5, 'bench-paging')
  try {
    const keys = raw
      .prepare<[number], { sort_key: number }>(
        'SELECT sort_key FROM messages WHERE thread_id = ? ORDER BY sort_key',
      )
      .all(big.heavyThreadId)
      .map((r) => r.sort_key)
    const listKeys = raw
      .prepare<[], { k: number }>('SELECT last_sort_key AS k FROM threads ORDER BY k')
      .all()
      .map((r) => r.k)
    const pick = (list: readonly number[]) => random.pick(list)
    const older = raw.prepare(RAW_OLDER)
    const newer = raw.prepare(RAW_NEWER)
    const rawList = raw.prepare(RAW_LIST)
    const samples: PagingSamples = { thread: [], threadFloor: [], list: [], listFloor: [] }
    for (let i = 0; i < count; i++) {
      const position = pick(keys)
      const direction = i % 2 === 0 ? 'older' : 'newer'
      const cursor = encodeCursor({ list: 'message', direction, position })
      let t = now()
      archive.messages.page(big.heavyThreadId, cursor, MESSAGE_PAGE)
      samples.thread.push(now() - t)
      t = now()
      ;(direction === 'older' ? older : newer).all(big.heavyThreadId, position)
      samples.threadFloor.push(now() - t)

      const listPosition = pick(listKeys)
      const listCursor = encodeCursor({
        list: 'conversation',
        direction: 'older',
        position: listPosition,
      })
      t = now()
      archive.conversations.list({}, listCursor, CONVERSATION_PAGE)
      samples.list.push(now() - t)
      t = now()
      rawList.all(listPosition)
      samples.listFloor.push(now() - t)
    }
    return samples
  } finally {
    raw.close()
    archive.close()
  }
}

export function pagingRows(samples: PagingSamples, big: BigArchive): Row[] {
  const thread = summarize(samples.thread)
  const threadFloor = summarize(samples.threadFloor)
  const list = summarize(samples.list)
  const listFloor = summarize(samples.listFloor)
  return [
    {
      target: '5',
      measure: `thread page (${MESSAGE_PAGE}) at random depths of ${big.heavyThreadSize} p95`,
      value: thread.p95,
      unit: 'ms',
      detail: `p50 ${thread.p50.toFixed(3)}, max ${thread.max.toFixed(2)}, n ${thread.n}`,
      floor: threadFloor.p95,
      goal: 2,
      goalText: '≤ 2 ms',
    },
    {
      target: '5',
      measure: `conversation list page (${CONVERSATION_PAGE}) of ${big.conversations} p95`,
      value: list.p95,
      unit: 'ms',
      detail: `p50 ${list.p50.toFixed(3)}, max ${list.max.toFixed(2)}, n ${list.n}`,
      floor: listFloor.p95,
      goal: 2,
      goalText: '≤ 2 ms',
    },
  ]
}
