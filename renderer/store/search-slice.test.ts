import { describe, expect, it } from 'vitest'
import type { SearchPage } from '../../shared/model'
import { FakeCore } from '../testing/fake-core'
import { setup } from '../testing/render'

const page = (text: string, older: string | null = null): SearchPage => ({
  hits: [
    {
      messageId: text.length,
      conversationId: 1,
      deviceId: 'd',
      conversationTitle: 'Ada',
      date: 1,
      direction: 'incoming',
      sender: null,
      segments: [{ text, match: true }],
      truncatedStart: false,
      truncatedEnd: false,
    },
  ],
  older: older as never,
  total: { count: 1, capped: false },
  conversations: [],
  indexing: false,
  empty: false,
})

describe('search slice', () => {
  it('keeps one query in flight and sends only the newest text after it', async () => {
    const core = new FakeCore()
    const waiting: ((p: SearchPage) => void)[] = []
    core.overrides['search.query'] = (args) =>
      new Promise<SearchPage>((resolve) => {
        waiting.push(() => {
          resolve(page(args.text as string))
        })
      })
    const { store } = setup(core)
    const s = () => store.getState()
    s().setSearchText('p')
    await Promise.resolve()
    await Promise.resolve()
    s().setSearchText('pi')
    s().setSearchText('piz')
    s().setSearchText('pizz')
    expect(s().search.text).toBe('pizz')
    expect(core.callsOf('search.query').map((a) => a.text)).toEqual(['p'])
    waiting.shift()!(page('p')) // the stale answer for "p" is dropped
    await new Promise((r) => setTimeout(r, 0))
    expect(s().search.result).toBeNull()
    expect(core.callsOf('search.query').map((a) => a.text)).toEqual(['p', 'pizz'])
    waiting.shift()!(page('pizz'))
    await new Promise((r) => setTimeout(r, 0))
    expect(s().search.status).toBe('ready')
    expect(s().search.result?.hits[0]?.segments[0]?.text).toBe('pizz')
  })

  it('sends filters with the text, asks for the total on the first page only, and pages', async () => {
    const core = new FakeCore()
    core.search = (args) => page(String(args.text), args.cursor === undefined ? 'so1' : null)
    const { store } = setup(core)
    store.getState().setSearchFilters({ direction: 'outgoing', conversationId: 4 })
    store.getState().setSearchText('invoice')
    await new Promise((r) => setTimeout(r, 0))
    await store.getState().loadMoreResults()
    const calls = core.callsOf('search.query')
    expect(calls[0]).toMatchObject({
      text: 'invoice',
      direction: 'outgoing',
      conversationId: 4,
      withTotal: true,
    })
    expect(calls[1]).toMatchObject({ cursor: 'so1', withTotal: false })
    expect(store.getState().search.result?.hits).toHaveLength(2)
  })

  it('clears results when the text is emptied', async () => {
    const core = new FakeCore()
    core.search = (args) => page(String(args.text))
    const { store } = setup(core)
    store.getState().setSearchText('x')
    await new Promise((r) => setTimeout(r, 0))
    store.getState().setSearchText('  ')
    expect(store.getState().search).toMatchObject({ status: 'idle', result: null })
  })
})
