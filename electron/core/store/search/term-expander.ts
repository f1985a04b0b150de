// Expands a typed prefix into the index's own terms. FTS5 answers a prefix query longer than its
// prefix indexes (2 and 3 characters here) by merging the doclists of every matching term into
// one buffer before returning the first row: 5-10 ms per keystroke on 100k messages, ten times
// that on a million. The same prefix rewritten as an OR of its terms is evaluated lazily, and
// newest-first search stops after one page.
import type { Db, StatementCache } from '../db/db'

/** More terms than this and the built-in prefix query is used as it is. */
export const MAX_EXPANSION = 16

export class TermExpander {
  constructor(
    db: Db,
    private readonly sql: StatementCache,
  ) {
    // A temp table: it is a view onto the index, so it is recreated per connection and never
    // part of the schema. 'instance' rows stream lazily, so taking the first row after a seek
    // costs one lookup, unlike 'row', which counts every posting of the term.
    db.exec(
      "CREATE VIRTUAL TABLE IF NOT EXISTS temp.messages_terms USING fts5vocab(main, messages_fts, 'instance')",
    )
  }

  /**
   * The indexed terms starting with `prefix` (folded as the index folds), or null when there
   * are more than MAX_EXPANSION of them.
   */
  expand(prefix: string): string[] | null {
    const next = this.sql.get<[string], { term: string }>(
      'SELECT term FROM temp.messages_terms WHERE term >= ? LIMIT 1',
    )
    const terms: string[] = []
    let from = prefix
    for (;;) {
      const term = next.get(from)?.term
      if (term?.startsWith(prefix) !== true) return terms
      if (terms.length === MAX_EXPANSION) return null
      terms.push(term)
      // The smallest string after `term` that is not `term` itself (terms hold no U+0000).
      from = `${term}\u0001`
    }
  }
}
