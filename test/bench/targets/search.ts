// Target 3, database side: search as you type over the big archive, through the archive's own
// search (`search.query`, the window's query shape: 30 hits with snippets, the total counted up
// to its cap). Queries are the prefixes a user produces typing words, phrases and numbers.
// Floor: a raw FTS5 query (newest 50 rowids) on the minimal archive with the same tokenizer,
// prefix index and messages.
import Database from 'better-sqlite3'
import { openArchive } from '../../../electron/core/store'
import type { BigArchive } from '../lib/big-archive'
import type { Row } from '../lib/report'
import { now, summarize } from '../lib/stats'

type Category = '2-char prefix' | '3-char prefix' | '4+-char prefix' | 'multi-word' | 'number'

const WORDS = [
  'thanks',
  'happy',
  'charger',
  'birthday',
  'parcel',
  'tomorrow',
  'tickets',
  'verification',
  'dinner',
  'weekend',
  'photos',
  'neighbour',
]
const PHRASES = ['see you tomorrow', 'pick up milk', 'had a great time', 'on my way home']
const NUMBERS = [
  '0770',
  '07700 9',
  '07700 900',
  '+447700',
  '+44 7700 900',
  '2931',
  '9412',
  '0113 496',
]

/** The texts a user types, keystroke by keystroke, and the category each belongs to. */
export function typedQueries(): { text: string; category: Category }[] {
  const out: { text: string; category: Category }[] = []
  for (const word of WORDS) {
    for (let n = 2; n <= word.length; n++) {
      out.push({
        text: word.slice(0, n),
        category: n === 2 ? '2-char prefix' : n === 3 ? '3-char prefix' : '4+-char prefix',
      })
    }
  }
  for (const phrase of PHRASES) {
    for (let n = phrase.indexOf(' ') + 2; n <= phrase.length; n++) {
      out.push({ text: phrase.slice(0, n), category: 'multi-word' })
    }
  }
  for (const number of NUMBERS) out.push({ text: number, category: 'number' })
  return out
}

/** The floor's FTS5 expression for a typed text: quoted tokens, ANDed, the last a prefix. */
export function rawMatch(text: string): string {
  const tokens = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
  const typing = /[\p{L}\p{N}]$/u.test(text)
  return tokens.map((t, i) => `"${t}"${typing && i === tokens.length - 1 ? '*' : ''}`).join(' AND ')
}

export interface SearchSamples {
  readonly measured: Map<Category, number[]>
  readonly hitsOnly: Map<Category, number[]>
  readonly floor: Map<Category, number[]>
  readonly queries: number
}

function push(map: Map<Category, number[]>, key: Category, value: number): void {
  const list = map.get(key) ?? []
  list.push(value)
  map.set(key, list)
}

export function measureSearch(big: BigArchive, repeats: number): SearchSamples {
  const queries = typedQueries()
  const archive = openArchive(big.archivePath, { clock: Date.now })
  const floorDb = new Database(big.minimalPath, { readonly: true })
  floorDb.pragma('cache_size = -32768')
  const floorQuery = floorDb.prepare<[string], { rowid: number }>(
    'SELECT rowid FROM m_fts WHERE m_fts MATCH ? ORDER BY rowid DESC LIMIT 50',
  )
  const samples: SearchSamples = {
    measured: new Map(),
    hitsOnly: new Map(),
    floor: new Map(),
    queries: queries.length,
  }
  try {
    // One untimed pass warms both files' caches, as the first keystrokes of a session would.
    for (const q of queries) {
      archive.search.query({ text: q.text, limit: 30, withTotal: true })
      floorQuery.all(rawMatch(q.text))
    }
    for (let r = 0; r < repeats; r++) {
      for (const q of queries) {
        let t = now()
        archive.search.query({ text: q.text, limit: 30, withTotal: true })
        push(samples.measured, q.category, now() - t)
        t = now()
        archive.search.query({ text: q.text, limit: 30, withTotal: false })
        push(samples.hitsOnly, q.category, now() - t)
        t = now()
        floorQuery.all(rawMatch(q.text))
        push(samples.floor, q.category, now() - t)
      }
    }
  } finally {
    floorDb.close()
    archive.close()
  }
  return samples
}

export function searchRows(samples: SearchSamples, messages: number): Row[] {
  const rows: Row[] = []
  for (const [category, list] of samples.measured) {
    const s = summarize(list)
    const hits = summarize(samples.hitsOnly.get(category) ?? [])
    const floor = summarize(samples.floor.get(category) ?? [])
    rows.push({
      target: '3',
      measure: `search ${(messages / 1e6).toFixed(messages < 1e6 ? 2 : 0)}M: ${category} p95`,
      value: s.p95,
      unit: 'ms',
      detail: `p50 ${s.p50.toFixed(2)}, max ${s.max.toFixed(1)}, no-total p95 ${hits.p95.toFixed(2)}, n ${s.n}`,
      floor: floor.p95,
      // With its total: 3 ms for one word or prefix, 10 ms for several words.
      goal: category === 'multi-word' ? 10 : 3,
      goalText: category === 'multi-word' ? '≤ 10 ms' : '≤ 3 ms',
    })
  }
  return rows
}
