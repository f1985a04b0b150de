// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { SearchPage } from '../../../shared/model'
import { makeConversation, makeMessage } from '../../testing/fixtures'
import { FakeCore } from '../../testing/fake-core'
import { renderWith } from '../../testing/render'
import { App } from '../app/App'
import { hitRowHeight } from './hit-row'

vi.mock('react-virtuoso', () => import('../../testing/virtuoso-mock'))
afterEach(cleanup)

const settle = () => act(() => new Promise((r) => setTimeout(r, 0)))

function searchCore(result: Partial<SearchPage>) {
  const core = new FakeCore()
  core.conversations = [makeConversation(1, { title: 'Ada' }), makeConversation(2)]
  core.setMessages(
    1,
    Array.from({ length: 200 }, (_, i) => makeMessage(i + 1, 1)),
  )
  core.search = () => ({
    hits: [
      {
        messageId: 42,
        conversationId: 1,
        deviceId: 'd',
        conversationTitle: 'Ada',
        date: Date.now() - 86_400_000 * 400,
        direction: 'incoming',
        sender: { key: 'k', address: '07700 900123', name: 'Ada' },
        segments: [
          { text: 'the old ', match: false },
          { text: 'invoice', match: true },
          { text: ' from March', match: false },
        ],
        truncatedStart: true,
        truncatedEnd: true,
      },
    ],
    older: null,
    total: { count: 12_000, capped: true },
    conversations: [
      { conversation: makeConversation(2, { title: 'Invoices Ltd' }), matchedBy: 'name' },
    ],
    indexing: true,
    empty: false,
    ...result,
  })
  return core
}

async function type(text: string, core: FakeCore) {
  const r = renderWith(<App />, { core, bridge: true })
  await settle()
  fireEvent.change(screen.getByRole('searchbox', { name: 'Search messages' }), {
    target: { value: text },
  })
  await settle()
  return r
}

describe('search', () => {
  it('shows the count, conversation hits, marked snippets and the indexing note', async () => {
    await type('invoice', searchCore({}))
    expect(screen.getByText('12,000+ messages')).toBeTruthy()
    expect(screen.getByText(/Still indexing older messages/)).toBeTruthy()
    const found = screen.getByRole('group', { name: 'People' })
    expect(within(found).getByText('Invoices Ltd')).toBeTruthy()
    const hit = document.querySelector('.search-hit')!
    expect(hit.querySelector('mark')?.textContent).toBe('invoice')
    expect(hit.textContent).toContain('…the old invoice from March…')
    // The conversation list gives way to the results while searching.
    expect(screen.queryByRole('listbox', { name: 'Conversations' })).toBeNull()
  })

  it('lists the people found above the messages, named and numbered as in the list', async () => {
    const zoe = makeConversation(3, {
      title: 'Zoë Adams',
      participants: [{ key: '+447700900708', address: '07700 900708', name: 'Zoë Adams' }],
    })
    const bare = makeConversation(4, {
      title: '07700 900111',
      participants: [{ key: '+447700900111', address: '07700 900111', name: null }],
    })
    const core = searchCore({
      conversations: [
        { conversation: zoe, matchedBy: 'number' },
        { conversation: bare, matchedBy: 'number' },
      ],
    })
    core.conversations = [...core.conversations, zoe, bare]
    const { store } = await type('0708', core)
    const people = screen.getByRole('group', { name: 'People' })
    const rows = within(people).getAllByRole('button')
    expect(rows.map((r) => r.querySelector('.conversation-title')?.textContent)).toEqual([
      'Zoë Adams',
      '07700 900111',
    ])
    // The number under a name; a bare number is not said twice.
    expect(rows.map((r) => r.querySelector('.person-number')?.textContent ?? null)).toEqual([
      '07700 900708',
      null,
    ])
    expect(rows[0]?.querySelector('.avatar')?.textContent).toBe('ZA')
    const firstHit = document.querySelector<HTMLElement>('.search-hit')!
    expect(people.compareDocumentPosition(firstHit) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()

    // The arrow keys walk from the box through the people into the messages and back.
    const box = screen.getByRole('searchbox', { name: 'Search messages' })
    fireEvent.keyDown(box, { key: 'ArrowDown' })
    expect(document.activeElement).toBe(rows[0])
    fireEvent.keyDown(rows[0]!, { key: 'ArrowDown' })
    expect(document.activeElement).toBe(rows[1])
    fireEvent.keyDown(rows[1]!, { key: 'ArrowDown' })
    expect(document.activeElement).toBe(firstHit)
    fireEvent.keyDown(firstHit, { key: 'ArrowUp' })
    fireEvent.keyDown(rows[1]!, { key: 'ArrowUp' })
    fireEvent.keyDown(rows[0]!, { key: 'ArrowUp' })
    expect(document.activeElement).toBe(box)

    fireEvent.click(rows[0]!)
    await settle()
    expect(store.getState().selectedId).toBe(3)
  })

  it('places message hits at the height their rows are drawn with', async () => {
    await type('invoice', searchCore({}))
    const list = document.querySelector<HTMLElement>('.search-hits')!
    // The list is told the row height (fixedItemHeight) the stylesheet draws rows at.
    expect(list.style.getPropertyValue('--hit-row-height')).toBe(`${hitRowHeight()}px`)
    expect(list.getAttribute('fixedItemHeight')).toBe(String(hitRowHeight()))
    expect(list.style.getPropertyValue('--hit-body-lines')).toBe('2')
  })

  it('opens the thread at the hit, highlighted', async () => {
    const { core, store } = await type('invoice', searchCore({}))
    fireEvent.click(document.querySelector('.search-hit')!)
    await settle()
    expect(core.callsOf('messages.around')).toEqual([
      { conversationId: 1, messageId: 42, limit: 61 },
    ])
    expect(store.getState().threads[1]?.focusId).toBe(42)
    const bubble = screen
      .getByRole('log', { name: 'Messages' })
      .querySelector('[data-message-id="42"]')
    expect(bubble?.classList.contains('highlight')).toBe(true)
  })

  it('says so when nothing matches, and filters by direction and date', async () => {
    const core = searchCore({
      hits: [],
      total: { count: 0, capped: false },
      conversations: [],
      indexing: false,
    })
    await type('zebra', core)
    expect(screen.getByText('No messages match.')).toBeTruthy()
    fireEvent.change(screen.getByLabelText('Direction'), { target: { value: 'outgoing' } })
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2024-03-01' } })
    fireEvent.change(screen.getByLabelText('to'), { target: { value: '2024-03-31' } })
    await settle()
    const last = core.callsOf('search.query').at(-1)!
    expect(last).toMatchObject({ text: 'zebra', direction: 'outgoing', withTotal: true })
    expect(last.from).toBe(new Date(2024, 2, 1).getTime())
    expect(last.to).toBe(new Date(2024, 3, 1).getTime())
  })

  it('clears with Escape and brings the conversation list back', async () => {
    await type('invoice', searchCore({}))
    fireEvent.keyDown(screen.getByRole('searchbox', { name: 'Search messages' }), { key: 'Escape' })
    expect(screen.getByRole('listbox', { name: 'Conversations' })).toBeTruthy()
  })
})
