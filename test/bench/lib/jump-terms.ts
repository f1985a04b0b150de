// Search terms for the jump row: messages of the heavy thread about five years old whose own
// words, typed into the search box, bring them up as the first hit (nothing newer matches
// them all), so that clicking the first result jumps years back into the thread. The generated
// history repeats its sentences across years, so in practice the run of words that is unique
// includes one of its random emoji runs.
import { openArchive } from '../../../electron/core/store'
import { databaseOf } from '../../../electron/core/store/archive'
import type { BigArchive } from './big-archive'

export interface JumpTerm {
  readonly text: string
  readonly messageId: number
  readonly date: number
}

const YEAR = 365.25 * 86_400_000
const SHORTEST = 2
const LONGEST = 4

/** The shortest run of the body's words (2-4) that `first` says finds it first, or null. */
function uniquePhrase(body: string, first: (text: string) => boolean): string | null {
  const words = body.split(/\s+/).filter((w) => w.length > 0)
  for (let n = SHORTEST; n <= LONGEST; n++) {
    for (let i = 0; i + n <= words.length; i++) {
      const text = words.slice(i, i + n).join(' ')
      if (first(text)) return text
    }
  }
  return null
}

export function findJumpTerms(big: BigArchive, count: number, ageYears = 5): JumpTerm[] {
  const archive = openArchive(big.archivePath, { clock: Date.now })
  try {
    const db = databaseOf(archive)
    const target = Date.now() - ageYears * YEAR
    const candidates = db
      .prepare<[number, number], { id: number; date: number; body: string }>(
        `SELECT id, date, body FROM messages WHERE thread_id = ? AND body IS NOT NULL
           AND body <> '' ORDER BY abs(date - ?) LIMIT 400`,
      )
      .all(big.heavyThreadId, target)
    const terms: JumpTerm[] = []
    for (const c of candidates) {
      const text = uniquePhrase(c.body, (t) => {
        const page = archive.search.query({ text: t, limit: 1, withTotal: false })
        return page.hits[0]?.messageId === c.id
      })
      if (text === null) continue
      terms.push({ text, messageId: c.id, date: c.date })
      if (terms.length === count) break
    }
    if (terms.length < count) {
      throw new Error(`only ${terms.length} of ${count} terms with a five-year-old first hit`)
    }
    return terms
  } finally {
    archive.close()
  }
}
