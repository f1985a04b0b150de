import { describe, expect, it } from 'vitest'
import { makeMessage } from '../testing/fixtures'
import { FIRST_INDEX, mergeMessages, removeMessage, threadFromPage } from './thread-window'

const page = (ids: number[]) => ({
  items: ids.map((id) => makeMessage(id, 1)),
  older: null,
  newer: null,
})

describe('thread window', () => {
  it('counts a prepended page in firstIndex so the first row keeps its virtual index', () => {
    const t = threadFromPage(1, page([50, 51, 52]), null, 1)
    expect(t.firstIndex).toBe(FIRST_INDEX)
    const grown = mergeMessages(
      t,
      [47, 48, 49].map((id) => makeMessage(id, 1)),
      false,
    )
    expect(grown.ids).toEqual([47, 48, 49, 50, 51, 52])
    expect(grown.firstIndex).toBe(FIRST_INDEX - 3)
    // The old first row (50) sits at firstIndex + 3 = its old virtual index.
    expect(grown.firstIndex + grown.ids.indexOf(50)).toBe(FIRST_INDEX)
  })

  it('appends new messages, updates known ones in place and ignores other threads', () => {
    const t = threadFromPage(1, page([1, 2]), null, 1)
    const changed = makeMessage(2, 1, { body: 'edited' })
    const merged = mergeMessages(t, [changed, makeMessage(3, 1), makeMessage(9, 2)], true)
    expect(merged.ids).toEqual([1, 2, 3])
    expect(merged.byId[2]?.body).toBe('edited')
    expect(merged.firstIndex).toBe(FIRST_INDEX)
  })

  it('keeps order by date then id, whatever order messages arrive in', () => {
    const t = threadFromPage(1, page([]), null, 1)
    const date = 1_700_000_000_000
    const merged = mergeMessages(
      t,
      [
        makeMessage(5, 1, { date: date + 2 }),
        makeMessage(4, 1, { date }),
        makeMessage(3, 1, { date }),
      ],
      false,
    )
    expect(merged.ids).toEqual([3, 4, 5])
  })

  it('leaves messages beyond a bounded window to paging', () => {
    const base = threadFromPage(1, page([10, 11]), null, 1)
    const t = { ...base, older: 'mo1' as never, newer: 'mn1' as never }
    const merged = mergeMessages(t, [makeMessage(5, 1), makeMessage(20, 1)], true)
    expect(merged.ids).toEqual([10, 11])
  })

  it('removes a message', () => {
    const t = threadFromPage(1, page([1, 2, 3]), null, 1)
    const after = removeMessage(t, 2)
    expect(after.ids).toEqual([1, 3])
    expect(after.byId[2]).toBeUndefined()
  })
})
