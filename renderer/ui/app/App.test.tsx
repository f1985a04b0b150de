// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { makeConversation, makeDevice, makeMessage, makeStatus, NOW } from '../../testing/fixtures'
import { FakeCore } from '../../testing/fake-core'
import { renderWith } from '../../testing/render'
import { App } from './App'

vi.mock('react-virtuoso', () => import('../../testing/virtuoso-mock'))
// Only the clock is faked (so "Today" means the fixtures' day); timers stay real.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: NOW })
})
afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

const settle = () => act(() => new Promise((r) => setTimeout(r, 0)))

function inboxCore() {
  const core = new FakeCore()
  core.conversations = [
    makeConversation(1, { title: 'Ada Lovelace', unreadCount: 2 }),
    makeConversation(2, { title: 'Grace Hopper' }),
    makeConversation(3, { title: '+44 7700 900333', participants: [] }),
  ]
  core.setMessages(1, [
    makeMessage(1, 1, { body: 'Hello there', date: NOW - 2 * 86_400_000 }),
    makeMessage(2, 1, { body: 'See you at 6', date: NOW - 60_000 }),
    makeMessage(3, 1, {
      direction: 'outgoing',
      body: 'Not today',
      date: NOW - 30_000,
      delivery: { state: 'failed', reason: 'no_service', outboxId: 9 },
    }),
    makeMessage(4, 1, {
      direction: 'outgoing',
      body: 'Maybe',
      date: NOW - 20_000,
      delivery: { state: 'unknown', reason: null, outboxId: 10 },
    }),
  ])
  return core
}

async function openInbox(core = inboxCore()) {
  const r = renderWith(<App />, { core, bridge: true })
  await settle()
  return r
}

describe('the inbox', () => {
  it('has the accessible names the product promises', async () => {
    const { store } = await openInbox()
    expect(screen.getByRole('searchbox', { name: 'Search messages' })).toBeTruthy()
    expect(screen.getByRole('listbox', { name: 'Conversations' })).toBeTruthy()
    store.getState().selectConversation(1)
    await settle()
    expect(screen.getByRole('log', { name: 'Messages' })).toBeTruthy()
    expect(screen.getByRole('textbox', { name: 'Message' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Send' })).toBeTruthy()
  })

  it('lists conversations with unread counts and opens one on click, marking it read', async () => {
    const { core } = await openInbox()
    const list = screen.getByRole('listbox', { name: 'Conversations' })
    const options = within(list).getAllByRole('option')
    expect(options.map((o) => o.querySelector('.conversation-title')?.textContent)).toEqual([
      'Ada Lovelace',
      'Grace Hopper',
      '+44 7700 900333',
    ])
    expect(within(options[0]!).getByLabelText('2 unread')).toBeTruthy()
    expect(within(options[0]!).getByText('Personal')).toBeTruthy() // dual-SIM phone: SIM badge
    fireEvent.click(options[0]!)
    await settle()
    expect(options[0]!.getAttribute('aria-selected')).toBe('true')
    expect(core.callsOf('conversations.markRead')).toEqual([{ conversationId: 1 }])
    expect(screen.getByRole('heading', { name: 'Ada Lovelace' })).toBeTruthy()
  })

  it('shows day separators, delivery states, and failure choices in words', async () => {
    const { store, core } = await openInbox()
    store.getState().selectConversation(1)
    await settle()
    const log = screen.getByRole('log', { name: 'Messages' })
    expect(
      within(log)
        .getAllByRole('separator')
        .map((s) => s.textContent),
    ).toContain('Today')
    expect(within(log).getByText('The phone has no mobile service.')).toBeTruthy()
    expect(within(log).getByText(/can’t tell\s+whether it went out/)).toBeTruthy()
    core.overrides['messages.retry'] = (args) => ({
      ...core.messages.get(1)!.find((m) => m.id === args.messageId)!,
      delivery: { state: 'queued', reason: null, outboxId: 9 },
    })
    fireEvent.click(within(log).getByRole('button', { name: 'Retry' }))
    await settle()
    expect(core.callsOf('messages.retry')).toEqual([{ messageId: 3 }])
    expect(log.querySelector('[data-message-id="3"]')?.getAttribute('data-delivery')).toBe('queued')
    core.overrides['messages.discard'] = () => null
    fireEvent.click(within(log).getByRole('button', { name: 'Discard' }))
    await settle()
    expect(log.querySelector('[data-message-id="4"]')).toBeNull()
  })

  it('moves between conversations with Alt+↓/↑ and closes with Escape', async () => {
    const { store } = await openInbox()
    fireEvent.keyDown(window, { key: 'ArrowDown', altKey: true })
    expect(store.getState().selectedId).toBe(1)
    fireEvent.keyDown(window, { key: 'ArrowDown', altKey: true })
    expect(store.getState().selectedId).toBe(2)
    fireEvent.keyDown(window, { key: 'ArrowUp', altKey: true })
    expect(store.getState().selectedId).toBe(1)
    fireEvent.keyDown(window, { key: 'Escape' })
    expect(store.getState().selectedId).toBeNull()
  })

  it('focuses search with Ctrl+F and /, and opens a new message with Ctrl+N', async () => {
    const { store } = await openInbox()
    fireEvent.keyDown(window, { key: 'f', ctrlKey: true })
    expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Search messages' }))
    ;(document.activeElement as HTMLElement).blur()
    fireEvent.keyDown(document.body, { key: '/' })
    expect(document.activeElement?.id).toBe('search-input')
    fireEvent.keyDown(window, { key: 'n', metaKey: true })
    expect(store.getState().newConversation).not.toBeNull()
    await settle()
    expect(screen.getByRole('combobox', { name: 'To' })).toBeTruthy()
  })

  it('shows each phone’s state, the outbox and the key warning', async () => {
    const core = inboxCore()
    core.info = { ...core.info, keyWarning: 'Keys are in a plain file on this computer.' }
    core.status = makeStatus({ outbox: { queued: 2, dispatching: 1, failed: 1, unknown: 0 } })
    const { store } = await openInbox(core)
    expect(screen.getByText('Keys are in a plain file on this computer.')).toBeTruthy()
    expect(screen.getByText(/3 texts waiting to send · 1 failed/)).toBeTruthy()
    const base = makeStatus().devices[0]!
    act(() => {
      store.getState().setStatus(
        makeStatus({
          devices: [
            {
              ...base,
              connection: {
                state: 'syncing',
                progress: { phase: 'history', done: 1200, total: 5000 },
              },
            },
          ],
        }),
      )
    })
    expect(screen.getByText(/Loading older messages: 1,200 of 5,000/)).toBeTruthy()
    act(() => {
      store.getState().setStatus(
        makeStatus({
          devices: [
            {
              ...base,
              connection: { state: 'unreachable', nextAttemptAt: Date.now() + 30_000 },
              diagnostics: {
                seenOnNetwork: false,
                address: null,
                lastFailure: { code: 'timeout', closeCode: null, at: Date.now() - 5000 },
                lastConnectedAt: null,
              },
            },
          ],
        }),
      )
    })
    expect(screen.getByText(/Can’t reach the phone · next try in 30 s/)).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'What to check' }))
    const dialog = screen.getByRole('dialog', { name: 'Can’t reach Pixel 8' })
    expect(within(dialog).getByText(/hasn’t been seen on this network/)).toBeTruthy()
    expect(within(dialog).getByText('The phone didn’t answer in time.')).toBeTruthy()
    expect(within(dialog).getByText(/Battery optimisation/)).toBeTruthy()
    fireEvent.change(within(dialog).getByLabelText('Phone address'), {
      target: { value: '10.0.0.7:5000' },
    })
    core.overrides['devices.connectTo'] = () => null
    fireEvent.click(within(dialog).getByRole('button', { name: 'Connect' }))
    await settle()
    expect(core.callsOf('devices.connectTo')).toEqual([
      { deviceId: makeDevice().id, host: '10.0.0.7', port: 5000 },
    ])
  })
})
