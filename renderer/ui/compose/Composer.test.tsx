// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { makeConversation, makeDevice, makeMessage } from '../../testing/fixtures'
import { FakeCore, FakeError } from '../../testing/fake-core'
import { renderWith } from '../../testing/render'
import { App } from '../app/App'

vi.mock('react-virtuoso', () => import('../../testing/virtuoso-mock'))
afterEach(cleanup)

const settle = () => act(() => new Promise((r) => setTimeout(r, 0)))

async function openThread(core = new FakeCore()) {
  core.conversations = [
    makeConversation(1, { sim: { subId: 2, slot: 1, label: 'Work', mmsMaxBytes: 307_200 } }),
  ]
  core.setMessages(1, [makeMessage(1, 1)])
  const r = renderWith(<App />, { core, bridge: true })
  await settle()
  act(() => {
    r.store.getState().selectConversation(1)
  })
  await settle()
  return { ...r, box: screen.getByRole('textbox', { name: 'Message' }) }
}

describe('compose', () => {
  it('sends on Enter, adds a line on Shift+Enter, and shows the bubble as sending at once', async () => {
    const { core, box } = await openThread()
    let answer: (v: unknown) => void = () => undefined
    core.overrides['messages.send'] = () => new Promise((resolve) => (answer = resolve))
    fireEvent.change(box, { target: { value: 'Line one' } })
    fireEvent.keyDown(box, { key: 'Enter', shiftKey: true })
    expect(core.callsOf('messages.send')).toHaveLength(0)
    fireEvent.keyDown(box, { key: 'Enter' })
    // Synchronously after the key press: the pending bubble is in the thread, the box empty.
    const log = screen.getByRole('log', { name: 'Messages' })
    const pending = log.querySelector('[data-delivery="sending"]')
    expect(pending?.textContent).toContain('Line one')
    expect(pending?.textContent).toContain('Sending…')
    expect((box as HTMLTextAreaElement).value).toBe('')
    await settle()
    expect(core.callsOf('messages.send')).toEqual([
      { to: { conversationId: 1 }, body: 'Line one', subId: 2 },
    ])
    await act(async () => {
      answer(makeMessage(50, 1, { direction: 'outgoing', body: 'Line one' }))
      await new Promise((r) => setTimeout(r, 0))
    })
    expect(log.querySelector('[data-delivery="sending"]')).toBeNull()
    expect(log.querySelector('[data-message-id="50"]')?.getAttribute('data-delivery')).toBe(
      'delivered',
    )
  })

  it('counts parts live, GSM-7 or UCS-2', async () => {
    const { box } = await openThread()
    fireEvent.change(box, { target: { value: 'a'.repeat(161) } })
    const counter = document.getElementById(box.getAttribute('aria-describedby')!)!
    expect(counter.getAttribute('data-encoding')).toBe('GSM-7')
    expect(counter.textContent).toMatch(/145 left · 2 parts/)
    fireEvent.change(box, { target: { value: 'Ça va? 😀' } })
    expect(counter.getAttribute('data-encoding')).toBe('UCS-2')
    expect(counter.textContent).toMatch(/1 part/)
    fireEvent.change(box, { target: { value: 'x'.repeat(5001) } })
    expect(counter.textContent).toMatch(/Too long/)
    expect(screen.getByRole('button', { name: 'Send' }).hasAttribute('disabled')).toBe(true)
  })

  it('offers the SIMs of a dual-SIM phone, defaulting to the conversation’s', async () => {
    const { core, box } = await openThread()
    const picker = screen.getByRole('combobox', { name: 'Send from SIM' })
    expect((picker as HTMLSelectElement).value).toBe('2')
    fireEvent.change(picker, { target: { value: '1' } })
    fireEvent.change(box, { target: { value: 'via SIM 1' } })
    fireEvent.click(screen.getByRole('button', { name: 'Send' }))
    await settle()
    expect(core.callsOf('messages.send')[0]).toMatchObject({ subId: 1 })
  })

  it('hides the SIM picker on a single-SIM phone and sends with the phone’s default', async () => {
    const core = new FakeCore()
    core.devices = [makeDevice({ sims: [makeDevice().sims[0]!] })]
    const { box } = await openThread(core)
    expect(screen.queryByRole('combobox', { name: 'Send from SIM' })).toBeNull()
    fireEvent.change(box, { target: { value: 'hi' } })
    fireEvent.keyDown(box, { key: 'Enter' })
    await settle()
    expect(core.callsOf('messages.send')[0]).toMatchObject({ subId: null })
  })

  it('keeps a refused send visible as failed with its reason and Retry', async () => {
    const core = new FakeCore()
    const { box } = await openThread(core)
    core.overrides['messages.send'] = () => {
      throw new FakeError('not_connected', 'The phone is offline.')
    }
    fireEvent.change(box, { target: { value: 'hello' } })
    fireEvent.keyDown(box, { key: 'Enter' })
    await settle()
    const log = screen.getByRole('log', { name: 'Messages' })
    const failed = log.querySelector('[data-delivery="failed"]') as HTMLElement
    expect(within(failed).getByText('The phone is offline.')).toBeTruthy()
    delete core.overrides['messages.send']
    fireEvent.click(within(failed).getByRole('button', { name: 'Retry' }))
    await settle()
    expect(core.callsOf('messages.send')).toHaveLength(2)
  })

  it('starts a new conversation from a typed number', async () => {
    const { core, store } = await openThread()
    act(() => {
      store.getState().openNewConversation(null)
    })
    await settle()
    const to = screen.getByRole('combobox', { name: 'To' })
    fireEvent.change(to, { target: { value: '+44 7700 900999' } })
    expect(screen.getByRole('option', { name: /Send to this number/ })).toBeTruthy()
    fireEvent.keyDown(to, { key: 'Enter' })
    await settle()
    expect(core.callsOf('conversations.findByAddress')).toEqual([
      { deviceId: makeDevice().id, address: '+44 7700 900999' },
    ])
    const box = screen.getByRole('textbox', { name: 'Message' })
    fireEvent.change(box, { target: { value: 'Hi, new number' } })
    fireEvent.keyDown(box, { key: 'Enter' })
    await settle()
    expect(core.callsOf('messages.send')[0]).toMatchObject({
      to: { deviceId: makeDevice().id, addresses: ['+44 7700 900999'] },
      body: 'Hi, new number',
    })
  })
})
