// @vitest-environment jsdom
import { act, cleanup, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DEVICE_ID, makeConversation } from '../../testing/fixtures'
import { FakeCore } from '../../testing/fake-core'
import { renderWith } from '../../testing/render'
import { App } from '../app/App'

vi.mock('react-virtuoso', () => import('../../testing/virtuoso-mock'))
afterEach(cleanup)

const settle = () => act(() => new Promise((r) => setTimeout(r, 0)))
const PNG = { mime: 'image/png', data: 'iVBORw0KGgo=' }

function row(id: number): HTMLElement {
  const el = document.getElementById(`conversation-${String(id)}`)
  if (el === null) throw new Error(`no row ${String(id)}`)
  return el
}

describe('ContactAvatar in the conversation list', () => {
  it("shows the contact's photo, and initials where there is none", async () => {
    const core = new FakeCore()
    core.conversations = [
      makeConversation(1, { title: 'Ada Lovelace', contactId: 'c:1' }),
      makeConversation(2, { title: 'Grace Hopper', contactId: 'c:2' }),
      makeConversation(3, { title: '07700 900123' }),
    ]
    core.photos.set(`${DEVICE_ID}/c:1`, PNG)
    renderWith(<App />, { core, bridge: true })
    await settle()
    await settle()
    await screen.findByText('Ada Lovelace')
    expect(row(1).querySelector('img.avatar-photo')?.getAttribute('src')).toBe(
      'data:image/png;base64,iVBORw0KGgo=',
    )
    expect(row(2).querySelector('img')).toBeNull()
    expect(row(2).querySelector('.avatar')?.textContent).toBe('GH')
    expect(row(3).querySelector('img')).toBeNull()
    // Only conversations with a contact ask for a photo, once each.
    const asked = core.calls.filter((c) => c.method === 'contacts.photo').map((c) => c.args)
    expect(asked).toEqual([
      { deviceId: DEVICE_ID, contactId: 'c:1' },
      { deviceId: DEVICE_ID, contactId: 'c:2' },
    ])
  })

  it('never asks for a photo of a group conversation', async () => {
    const core = new FakeCore()
    core.conversations = [
      makeConversation(1, {
        title: 'Ada, Grace',
        contactId: null,
        participants: [
          { key: '+447700900001', address: '07700 900001', name: 'Ada' },
          { key: '+447700900002', address: '07700 900002', name: 'Grace' },
        ],
      }),
    ]
    renderWith(<App />, { core, bridge: true })
    await settle()
    await screen.findByText('Ada, Grace')
    expect(core.calls.some((c) => c.method === 'contacts.photo')).toBe(false)
  })
})
