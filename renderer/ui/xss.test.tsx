// @vitest-environment jsdom
// Hostile names and bodies, rendered through the real components: everything must arrive as
// text, no element or script may be created from it, links only for http(s), and a bidi
// override must stay inside its own isolate.
import { cleanup, fireEvent, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { makeConversation, makeMessage } from '../testing/fixtures'
import { FakeCore } from '../testing/fake-core'
import { renderWith } from '../testing/render'
import { App } from './app/App'

vi.mock('react-virtuoso', () => import('../testing/virtuoso-mock'))

const RLO = '\u202E'
const CORPUS = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned = 2">',
  '<svg onload="window.__pwned = 3"></svg>',
  '<a href="javascript:window.__pwned = 4">click me</a>',
  'javascript:window.__pwned = 5',
  '<iframe src="javascript:alert(1)"></iframe>',
  '"><b>bold</b><style>body{display:none}</style>',
  `${RLO}gnp.exe`,
  '{{constructor.constructor("window.__pwned = 6")()}}',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
]
const HUGE = `${'A very long text. '.repeat(6000)}END-OF-HUGE`

declare global {
  interface Window {
    __pwned?: number
  }
}

afterEach(cleanup)

function hostileCore() {
  const core = new FakeCore()
  core.conversations = CORPUS.map((title, i) =>
    makeConversation(i + 1, {
      title,
      participants: [{ key: `+1555000${i}`, address: title, name: title }],
      lastMessage: { ...makeConversation(i + 1).lastMessage, snippet: title },
    }),
  )
  core.setMessages(1, [
    ...CORPUS.map((body, i) =>
      makeMessage(i + 1, 1, {
        body,
        sender: { key: 'k', address: CORPUS[(i + 3) % CORPUS.length]!, name: CORPUS[i]! },
      }),
    ),
    makeMessage(100, 1, { body: HUGE }),
  ])
  core.search = () => ({
    hits: CORPUS.map((text, i) => ({
      messageId: i + 1,
      conversationId: 1,
      deviceId: 'd',
      conversationTitle: text,
      date: 1,
      direction: 'incoming' as const,
      sender: { key: 'k', address: text, name: text },
      segments: [
        { text: `before ${text}`, match: false },
        { text, match: true },
      ],
      truncatedStart: true,
      truncatedEnd: false,
    })),
    older: null,
    total: { count: CORPUS.length, capped: false },
    conversations: [],
    indexing: false,
    empty: false,
  })
  return core
}

const settle = () => new Promise((r) => setTimeout(r, 0))

/** No element from the corpus exists anywhere in the document. */
function assertNoInjectedElements() {
  expect(document.querySelectorAll('script, iframe, style, b').length).toBe(0)
  expect(document.querySelectorAll('img[onerror], svg[onload], [onerror], [onload]').length).toBe(0)
  for (const a of document.querySelectorAll('a')) {
    expect(a.getAttribute('href')).toMatch(/^https?:\/\//)
  }
  expect(window.__pwned).toBeUndefined()
}

describe('hostile names and bodies', () => {
  it('renders the conversation list, a thread and its header as text', async () => {
    const { store } = renderWith(<App />, { core: hostileCore(), bridge: true })
    await settle()
    const list = screen.getByRole('listbox', { name: 'Conversations' })
    for (const text of CORPUS) {
      expect(within(list).getAllByText(text, { exact: false }).length).toBeGreaterThan(0)
    }
    store.getState().selectConversation(1)
    await settle()
    await settle()
    const log = screen.getByRole('log', { name: 'Messages' })
    for (const text of CORPUS) expect(within(log).getAllByText(text).length).toBeGreaterThan(0)
    assertNoInjectedElements()
  })

  it('keeps a right-to-left override inside the name’s own isolate', async () => {
    renderWith(<App />, { core: hostileCore(), bridge: true })
    await settle()
    const name = screen
      .getAllByText(`${RLO}gnp.exe`)
      .find((el) => el.closest('.conversation-title') !== null)
    expect(name?.tagName).toBe('BDI')
  })

  it('clamps a 100 KB body and expands it on request', async () => {
    const { store } = renderWith(<App />, { core: hostileCore(), bridge: true })
    await settle()
    store.getState().selectConversation(1)
    await settle()
    await settle()
    const bubble = document.querySelector('[data-message-id="100"]')!
    expect(bubble.textContent.length).toBeLessThan(2000)
    expect(bubble.textContent).not.toContain('END-OF-HUGE')
    fireEvent.click(within(bubble as HTMLElement).getByRole('button', { name: /Show more/ }))
    expect(bubble.textContent).toContain('END-OF-HUGE')
  })

  it('renders search snippets as text with only the matches marked', async () => {
    const { store } = renderWith(<App />, { core: hostileCore(), bridge: true })
    await settle()
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search messages' }), {
      target: { value: 'script' },
    })
    await settle()
    await settle()
    expect(store.getState().search.status).toBe('ready')
    const marks = [...document.querySelectorAll('mark')].map((m) => m.textContent)
    expect(marks).toEqual(CORPUS)
    assertNoInjectedElements()
  })

  it('turns only http(s) URLs in a body into links', async () => {
    const core = new FakeCore()
    core.conversations = [makeConversation(1)]
    core.setMessages(1, [
      makeMessage(1, 1, {
        body: 'pay at https://bank.example/login or javascript:steal() or data:text/html,x',
      }),
    ])
    const { store } = renderWith(<App />, { core, bridge: true })
    await settle()
    store.getState().selectConversation(1)
    await settle()
    await settle()
    const links = screen.getAllByRole('link')
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://bank.example/login'])
  })
})
